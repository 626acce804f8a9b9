// A usability session as a researcher runs it: the console starts a session, the participant opens
// the link, meets a server error on submit, retries, and the export shows what happened.
import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { SEED_IDS } from '../../mock/platform/seed';
import {
  BASE,
  fillBindForm,
  launch,
  newPage,
  RESEARCH_KEY,
  screenshot,
  seriousViolations,
  SHOTS,
  TODAY,
  view,
} from './helpers';

let browser: Browser;
let consolePage: Page;
let phone: Page;
let sessionId = '';
let link = '';

const XIAOMING = { name: '张小明', id: SEED_IDS.zhangXiaoming, phone: '13804510011', relation: '子女' };

beforeAll(async () => {
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });
  consolePage = await context.newPage();
  consolePage.on('pageerror', (e) => {
    throw e;
  });
  phone = await newPage(browser);
});
afterAll(() => browser?.close());

async function exported() {
  const res = await fetch(`${BASE}/api/research/sessions/${sessionId}/export.json`, {
    headers: { 'x-research-key': RESEARCH_KEY },
  });
  return (await res.json()).sessions[0];
}

test('the researcher starts a session with a persona, profile and situation, and gets a link and QR code', async () => {
  await consolePage.goto(`${BASE}/research`);
  // The console asks for the researcher key once: a wrong one is refused, the right one lets in.
  await consolePage.getByText('请输入研究人员密钥').first().waitFor();
  expect(await consolePage.locator('#console-main').isVisible()).toBe(false);
  await consolePage.fill('input[name="key"]', 'not-the-right-key');
  await consolePage.click('#key-enter');
  await consolePage.getByText('密钥不正确，请重新输入').waitFor();
  await consolePage.fill('input[name="key"]', RESEARCH_KEY);
  await consolePage.click('#key-enter');
  await consolePage.locator('select[name="situation"] option').first().waitFor({ state: 'attached' });
  // A participant's name is refused: the log must hold no identity.
  await consolePage.fill('input[name="participant"]', '张建国');
  await consolePage.click('#start');
  await consolePage
    .getByText(/请勿填写姓名/)
    .first()
    .waitFor();
  expect(await consolePage.locator('#created').isVisible()).toBe(false);

  await consolePage.fill('input[name="study"]', `浏览器测试-${Date.now()}`);
  await consolePage.fill('input[name="participant"]', 'P01');
  await consolePage.selectOption('select[name="personaId"]', 'zhang');
  expect(await consolePage.locator('select[name="profileId"] option').allTextContents()).toEqual(
    expect.arrayContaining([
      '黑龙江（龙江医保）',
      '河北（冀时办）'.slice(0, 2) === '河北' ? expect.stringMatching(/^河北/) : '',
    ]),
  );
  await consolePage.selectOption('select[name="profileId"]', 'heilongjiang');
  await consolePage.selectOption('select[name="situation"]', 'submit-error');
  await consolePage.click('#start');
  await consolePage.locator('#created.shown').waitFor();
  sessionId = (await consolePage.locator('#created-id').textContent())!.trim();
  link = (await consolePage.locator('#created-link').textContent())!.trim();
  expect(sessionId).toMatch(/^[A-Z2-9]{6}$/);
  expect(link).toBe(`${BASE}/#/pages/index/index?session=${sessionId}`);
  // The QR code really loaded.
  await consolePage.waitForFunction(() => (document.getElementById('qr') as HTMLImageElement).naturalWidth > 0);
  expect(await seriousViolations(consolePage)).toEqual([]);
  fs.mkdirSync(SHOTS, { recursive: true });
  await consolePage.screenshot({ path: path.join(SHOTS, 'research-console.png'), fullPage: true });
  await consolePage.click('#created-close');
});

test('the participant opens the link: the session persona is signed in, with nothing to choose', async () => {
  await phone.goto(link);
  await view(phone).getByText(`研究会话 ${sessionId}`).waitFor();
  await view(phone).getByText('您好，张**').waitFor();
  // A session made straight from the console has the default task: its brief first, then the hall.
  const panel = phone.locator('#research-task-panel');
  await panel.getByText('任务 1/1').waitFor();
  await panel.getByRole('button', { name: '开始任务' }).click();
  await panel.locator('.rtask-bar').waitFor();
  await screenshot(phone, 'research-hall');
});

test('a server error on submit keeps everything typed; 重新提交 binds exactly once', async () => {
  await view(phone).locator('.grid__item--main').click();
  await view(phone).locator('.menu-row', { hasText: '共济账户绑定' }).click();
  await fillBindForm(phone, { ...XIAOMING, start: TODAY });
  await view(phone).getByText('下一步：阅读授权协议').click();
  await view(phone).getByRole('checkbox').click();
  await view(phone).locator('button', { hasText: '我已阅读并同意，提交' }).click();
  await view(phone).getByText('系统繁忙，您填写的内容已保留，请稍后重试').waitFor();
  expect(await view(phone).getByText('张**').first().isVisible()).toBe(true);
  await screenshot(phone, 'research-submit-error');
  await view(phone).locator('button', { hasText: '重新提交' }).click();
  await view(phone).getByText('绑定成功').waitFor();

  const token = await phone.evaluate((id) => {
    const raw = localStorage.getItem(`session-token:heilongjiang:${id}`);
    return raw ? (JSON.parse(raw) as { data: string }).data : null;
  }, sessionId);
  const res = await fetch(`${BASE}/api/bindings`, {
    headers: { authorization: `Bearer ${token}`, 'x-research-session': sessionId },
  });
  expect(await res.json()).toHaveLength(1);
});

test('the export tells the story: screens, consent reading, the failure, the retry and success, with no identity data', async () => {
  // The last screen's event is sent with the next batch, within a few seconds.
  let session = await exported();
  for (
    let i = 0;
    i < 20 &&
    !session.events.some((e: { type: string; screen?: string }) => e.type === 'screen' && e.screen === 'result');
    i++
  ) {
    await new Promise((r) => setTimeout(r, 500));
    session = await exported();
  }
  const steps = session.events.map((e: { type: string; screen?: string; action?: string; field?: string }) =>
    [e.type, e.screen ?? e.action ?? e.field].join(':'),
  );
  expect(steps).toEqual(
    expect.arrayContaining([
      'screen:index',
      'screen:family',
      'screen:bind',
      'screen:consent',
      'screen:result',
      'field_focus:bind',
      'consent_read:consent',
      'request_failed:consent',
    ]),
  );
  expect(steps.filter((s: string) => s === 'submit:consent')).toHaveLength(2);
  // 提交 twice (the failure, then 重新提交); 下一步 once, counted apart.
  expect(session.summary).toMatchObject({ taskSuccess: true, injectedFailures: 1, submits: 2, nexts: 1 });
  expect(session.summary.timeOnTaskMs).toBeGreaterThan(0);
  const text = JSON.stringify(session);
  for (const secret of [SEED_IDS.zhangXiaoming, SEED_IDS.zhangJianguo, '张小明', '13804510011'])
    expect(text).not.toContain(secret);
});

test('the console shows the outcome, and a reset returns the session to its seed', async () => {
  await consolePage.click('#refresh');
  const row = consolePage.locator('#sessions tr', { hasText: sessionId });
  await row.getByText('绑定共济账户：成功', { exact: false }).waitFor();
  await consolePage.screenshot({ path: path.join(SHOTS, 'research-console-done.png'), fullPage: true });
  // 重置 asks first, and says the earlier attempt stays in the data.
  let warning = '';
  consolePage.once('dialog', (d) => {
    warning = d.message();
    void d.accept();
  });
  await row.locator(`button[data-reset="${sessionId}"]`).click();
  await consolePage.getByText(`会话 ${sessionId} 已重置。`).waitFor();
  expect(warning).toContain('之前的记录不会删除');
  const login = await fetch(`${BASE}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-research-session': sessionId },
    body: JSON.stringify({ personaId: 'zhang' }),
  });
  const { token } = await login.json();
  const res = await fetch(`${BASE}/api/bindings`, {
    headers: { authorization: `Bearer ${token}`, 'x-research-session': sessionId },
  });
  expect(await res.json()).toEqual([]);
});
