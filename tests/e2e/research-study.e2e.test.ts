// A scripted participant in a two-task study, with a known sequence: one ID mistake corrected with a
// backspace, one phone left empty at 下一步 then typed, a platform refusal (name and ID do not match),
// an injected server error and its retry, the tab closed right after success, the link reopened, a
// give-up, SEQ and SUS answers, then the researcher's 重置 and the link opened again. Every exported
// number is checked against the script.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { SEED_IDS } from '../../mock/platform/seed';
import {
  BASE,
  launch,
  modalConfirm,
  newPage,
  RESEARCH_KEY,
  screenshot,
  seriousViolations,
  TODAY,
  view,
} from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const key = { 'x-research-key': RESEARCH_KEY, 'content-type': 'application/json' };
async function research<T = any>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${BASE}/api/research${path}`, {
    method,
    headers: key,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : (text as T);
}

async function startSession(study: string, tasks: { criterion: string }[], participant: string, situation: string) {
  const defined = await research('POST', '/studies', { name: study, tasks, conditions: ['新版'] });
  expect(defined.tasks).toHaveLength(tasks.length);
  const s = await research('POST', '/sessions', {
    study,
    participant,
    personaId: 'zhang',
    profileId: 'heilongjiang',
    situation,
    condition: '新版',
  });
  return { id: s.id as string, link: `${BASE}/#/pages/index/index?session=${s.id}` };
}

const panel = (page: Page) => page.locator('#research-task-panel');
const tapPanel = (page: Page, name: string) => panel(page).getByRole('button', { name, exact: true }).click();

/** The bar and the page's own button never overlap, the button scrolled into view as a user would. */
async function barLeavesFree(page: Page, button: Locator) {
  await button.scrollIntoViewIfNeeded();
  const bar = await panel(page).locator('.rtask-bar').boundingBox();
  const own = await button.boundingBox();
  expect(bar && own).toBeTruthy();
  expect(own!.y + own!.height).toBeLessThanOrEqual(bar!.y + 0.5);
  expect(bar!.y + bar!.height).toBeLessThanOrEqual(667 + 0.5);
}

/**
 * The tab closes as a person closes it: the page unloads (pagehide), then the tab is gone. Headless
 * Chromium's own page.close() skips the unload events a real tab close fires, and tearing the page
 * down at once can cancel a beacon that a real browser would still deliver: it gets a moment.
 */
async function closeTab(page: Page) {
  await page.goto('about:blank');
  await page.waitForTimeout(500);
  await page.close();
}

const WRONG_ID = SEED_IDS.zhangXiaoming.slice(0, 17) + (SEED_IDS.zhangXiaoming[17] === '1' ? '2' : '1');
const SUS_ANSWERS = [4, 2, 5, 1, 4, 2, 5, 2, 4, 2];
// Odd items: 3+4+3+4+3 = 17; even items: 3+4+3+3+3 = 16; (17 + 16) × 2.5.
const SUS_SCORE = 82.5;

test('a scripted participant: every exported number matches the script', async () => {
  const study = `脚本研究-${Date.now()}`;
  const { id, link } = await startSession(
    study,
    [{ criterion: 'bind-zhangxiaoming' }, { criterion: 'pay-liuguilan' }],
    'P01',
    'submit-error',
  );
  let page = await newPage(browser);
  const context: BrowserContext = page.context();
  await page.goto(link);

  // The brief, before anything counts; never the persona picker.
  await panel(page).getByText('任务 1/2').waitFor();
  await screenshot(page, 'research-task-brief');
  expect(await page.getByText('请选择一位测试人员登录').count()).toBe(0);
  const t0 = Date.now();
  await tapPanel(page, '开始任务');
  await panel(page).locator('.rtask-bar').waitFor();

  await view(page).locator('.grid__item--main').click();
  await view(page).locator('.menu-row', { hasText: '共济账户绑定' }).click();
  await view(page).locator('.card__title', { hasText: '添加共济使用人' }).waitFor();
  const v = view(page);
  // Name typed wrong (a real-looking name: only the platform can tell it does not match the ID).
  await v.locator('input[placeholder="请输入证件上的姓名"]').fill('张晓明');
  await v.locator('input[placeholder="请输入证件上的姓名"]').blur();
  // Mistake 1 (idNumber): a wrong check digit, seen on leaving the field…
  const idInput = v.locator('input[placeholder="请输入证件号码"]');
  await idInput.fill(WRONG_ID);
  await idInput.blur();
  await v.getByText('证件号码有误，请逐位核对').waitFor();
  // …corrected with a backspace (ID_LENGTH shows for the 17 digits, even on leaving), then the right digit.
  await idInput.focus();
  await idInput.press('End');
  await idInput.press('Backspace');
  await idInput.blur();
  await idInput.focus();
  await idInput.press('End');
  await idInput.pressSequentially(SEED_IDS.zhangXiaoming.slice(17));
  await idInput.blur();
  await v.locator('select.picker-value--relation').selectOption('子女');
  // Mistake 2 (phone): left empty at 下一步 (1st 下一步); the first digit typed shows PHONE_INVALID.
  await v.getByText('下一步：阅读授权协议').click();
  await v.getByText('请填写使用人手机号码').waitFor();
  const phone = v.locator('input[placeholder="请输入使用人手机号码"]');
  await phone.pressSequentially('1');
  await v.getByText('手机号码应为 1 开头的 11 位数字').waitFor();
  await phone.pressSequentially('3804510011');
  await phone.blur();
  await barLeavesFree(page, v.locator('button', { hasText: '下一步：阅读授权协议' }));
  await screenshot(page, 'research-task-bar-bind');
  await v.getByText('下一步：阅读授权协议').click(); // 2nd 下一步

  // Consent: 1st 提交 meets the injected server error, 2nd (重新提交) the platform's refusal.
  await view(page).getByRole('checkbox').click();
  await barLeavesFree(page, view(page).locator('button', { hasText: '我已阅读并同意，提交' }));
  await screenshot(page, 'research-task-bar-consent');
  await view(page).locator('button', { hasText: '我已阅读并同意，提交' }).click();
  await view(page).getByText('系统繁忙，您填写的内容已保留，请稍后重试').waitFor();
  await view(page).locator('button', { hasText: '重新提交' }).click();
  await view(page).getByText('姓名与证件号码不一致，请核对后重新填写').first().waitFor();
  // 返回修改 (1 back), fix the name, 3rd 下一步, 3rd 提交.
  await view(page).locator('button', { hasText: '返回修改' }).click();
  const name = view(page).locator('input[placeholder="请输入证件上的姓名"]');
  await name.fill('张小明');
  await name.blur();
  await view(page).getByText('下一步：阅读授权协议').click();
  await view(page).locator('button', { hasText: '我已阅读并同意，提交' }).click();
  await view(page).getByText('绑定成功').first().waitFor();
  const t1 = Date.now();
  // The tab is closed right after success.
  await closeTab(page);

  // A while later the link is opened again on the same phone: it asks the SEQ for task 1.
  await new Promise((r) => setTimeout(r, 3000));
  page = await context.newPage();
  await page.goto(link);
  await panel(page).getByText('任务 1 已结束').waitFor();
  await screenshot(page, 'research-task-seq');
  await tapPanel(page, '6 分');
  await tapPanel(page, '确定');
  // Task 2 cannot be done (no binding for 刘桂兰): the participant gives up.
  await panel(page).getByText('任务 2/2').waitFor();
  await tapPanel(page, '开始任务');
  await tapPanel(page, '放弃');
  await modalConfirm(page, '放弃任务').click();
  await panel(page).getByText('任务 2 已结束').waitFor();
  await tapPanel(page, '2 分');
  await tapPanel(page, '确定');
  // The SUS: 提交 waits for all ten.
  await panel(page).getByText('最后，请回答 10 个问题').waitFor();
  await screenshot(page, 'research-task-sus');
  const items = panel(page).locator('fieldset');
  expect(await items.count()).toBe(10);
  for (const [i, a] of SUS_ANSWERS.entries()) {
    if (i === 9) expect(await panel(page).getByRole('button', { name: '还有 1 题未选' }).count()).toBe(1);
    await items
      .nth(i)
      .getByRole('button', { name: new RegExp(`^${a} 分`) })
      .click();
  }
  await tapPanel(page, '提交');
  await panel(page).getByText('全部任务已完成').waitFor();

  // Every number, against the script.
  const reportUrl = `/studies/${encodeURIComponent(study)}/report.json`;
  let report = await research('GET', reportUrl);
  for (let i = 0; i < 20 && report.sessions[0]?.susScore == null; i++) {
    await new Promise((r) => setTimeout(r, 300));
    report = await research('GET', reportUrl);
  }
  const [t1Row, t2Row] = report.attempts;
  expect(report.attempts).toHaveLength(2);
  expect(t1Row).toMatchObject({
    session: id,
    condition: '新版',
    attempt: 1,
    latest: true,
    task: 't1',
    outcome: 'success',
    errorsByField: { idNumber: 1, phone: 1 },
    refusalsByCode: { NAME_ID_MISMATCH: 1 },
    injectedFailures: 1,
    submits: 3,
    nexts: 3,
    backNavigations: 1,
    stepsReached: ['family', 'bind', 'consent', 'result'],
    seq: 6,
  });
  expect(t1Row.consentReadMs).toBeGreaterThan(0);
  // From 开始任务 to success: not stretched by the 3 s before the link was reopened.
  expect(t1Row.timeOnTaskMs).toBeGreaterThan(1000);
  expect(t1Row.timeOnTaskMs).toBeLessThanOrEqual(t1 - t0 + 500);
  expect(t2Row).toMatchObject({
    task: 't2',
    outcome: 'gave_up',
    errorsByField: {},
    refusalsByCode: {},
    submits: 0,
    nexts: 0,
    seq: 2,
  });
  expect(t2Row.timeOnTaskMs).toBeGreaterThan(0);
  expect(report.sessions[0]).toMatchObject({
    status: 'done',
    attempts: 1,
    susAnswers: SUS_ANSWERS,
    susScore: SUS_SCORE,
  });

  // The same numbers in the spreadsheet, and the result screen's event survived the closed tab.
  const csv: string = await research('GET', `/sessions/${id}/summary.csv`);
  const [header = '', row1 = ''] = csv
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n');
  const cell = (col: string) => row1.split(',')[header.split(',').indexOf(col)];
  expect(
    ['outcome', 'err_idNumber', 'err_phone', 'err_name', 'ref_NAME_ID_MISMATCH', 'submits', 'nexts', 'seq'].map(cell),
  ).toEqual(['success', '1', '1', '0', '1', '3', '3', '6']);
  expect(cell('sus_score')).toBe(String(SUS_SCORE));
  expect(cell('started_beijing')).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  expect(cell('started_utc')?.slice(0, 4)).toBe(TODAY.slice(0, 4));
  const events: string = await research('GET', `/sessions/${id}/events.csv`);
  expect(events).toContain(',screen,result,');
  for (const secret of [SEED_IDS.zhangXiaoming, WRONG_ID, '张小明', '张晓明', '13804510011'])
    for (const file of [csv, events, JSON.stringify(report)]) expect(file).not.toContain(secret);

  // 重置: the link opened again signs the persona in (no picker) and starts attempt 2 at task 1.
  await research('POST', `/sessions/${id}/reset`);
  await page.goto('about:blank');
  await page.goto(link);
  await panel(page).getByText('任务 1/2').waitFor();
  await view(page).getByText('您好，张**').waitFor();
  expect(await page.getByText('请选择一位测试人员登录').count()).toBe(0);
  report = await research('GET', reportUrl);
  expect(
    report.attempts.map(
      (a: { attempt: number; latest: boolean; outcome: string }) => `${a.attempt}${a.latest ? '*' : ''}:${a.outcome}`,
    ),
  ).toEqual(['1:success', '1:gave_up', '2*:not_started', '2*:not_started']);
  await page.close();
});

test("关怀模式: the brief, the bar and the questionnaires in large type, out of the flow's way", async () => {
  const { link } = await startSession(`关怀研究-${Date.now()}`, [{ criterion: 'bind-zhangxiaoming' }], 'P02', 'normal');
  const page = await newPage(browser, { care: true });
  await page.goto(link);
  await panel(page).getByText('任务 1/1').waitFor();
  expect(await panel(page).locator('.rtask--care').count()).toBe(1);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'research-task-brief-care');
  await tapPanel(page, '开始任务');
  await view(page).locator('.grid__item--main').click();
  await view(page).locator('.menu-row', { hasText: '共济账户绑定' }).click();
  await view(page).locator('.card__title', { hasText: '添加共济使用人' }).waitFor();
  await barLeavesFree(page, view(page).locator('button', { hasText: '下一步：阅读授权协议' }));
  // Large type in the bar too.
  const size = await panel(page)
    .getByRole('button', { name: '完成', exact: true })
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(20);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'research-task-bar-care');
  await tapPanel(page, '完成');
  await panel(page).getByText('任务 1 已结束').waitFor();
  await screenshot(page, 'research-task-seq-care');
  await tapPanel(page, '4 分');
  await tapPanel(page, '确定');
  await panel(page).getByText('最后，请回答 10 个问题').waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'research-task-sus-care');
  await page.close();
});

test('a tab closed while the log cannot get through: what is queued leaves with the beacon as the page hides', async () => {
  const { id, link } = await startSession(
    `信标研究-${Date.now()}`,
    [{ criterion: 'bind-zhangxiaoming' }],
    'P03',
    'normal',
  );
  const page = await newPage(browser);
  // Every ordinary send fails. A beacon sent by a page that is unloading is not routed through here at
  // all (the browser sends it after the document is gone), so whatever arrives came by beacon.
  let refused = 0;
  await page.context().route('**/api/research/sessions/*/events', (route) => {
    if ((route.request().headers()['content-type'] ?? '').startsWith('text/plain')) return route.continue();
    refused++;
    return route.abort();
  });
  await page.goto(link);
  await tapPanel(page, '开始任务');
  await view(page).locator('.grid__item--main').click();
  await view(page).getByText('共济账户绑定').first().waitFor();
  await closeTab(page);
  let types: string[] = [];
  for (let i = 0; i < 20 && !types.includes('screen:family'); i++) {
    await new Promise((r) => setTimeout(r, 200));
    const exported = await research('GET', `/sessions/${id}/export.json`);
    types = exported.sessions[0].events.map((e: { type: string; screen?: string }) =>
      [e.type, e.screen].filter(Boolean).join(':'),
    );
  }
  expect(refused).toBeGreaterThan(0);
  expect(types).toEqual(expect.arrayContaining(['screen:index', 'task_start', 'screen:family']));
});

test("the researcher's 结束 reaches the participant's phone, and the task counts as ended", async () => {
  const study = `结束研究-${Date.now()}`;
  const { id, link } = await startSession(study, [{ criterion: 'bind-zhangxiaoming' }], 'P04', 'normal');
  const page = await newPage(browser);
  await page.goto(link);
  await tapPanel(page, '开始任务');
  await panel(page).locator('.rtask-bar').waitFor();
  await new Promise((r) => setTimeout(r, 500));
  const ended = await research('POST', `/sessions/${id}/end`);
  expect(ended.progress).toMatchObject({ status: 'ended', outcomes: ['ended'] });
  await panel(page).getByText('研究人员已结束本次任务').waitFor({ timeout: 10_000 });
  const report = await research('GET', `/studies/${encodeURIComponent(study)}/report.json`);
  expect(report.attempts[0]).toMatchObject({ outcome: 'ended' });
  expect(report.attempts[0].timeOnTaskMs).toBeGreaterThanOrEqual(400);
  await page.close();
});

test('a page reloaded mid-task in a session never offers the persona picker and keeps the task running', async () => {
  const { link } = await startSession(`刷新研究-${Date.now()}`, [{ criterion: 'bind-zhangxiaoming' }], 'P05', 'normal');
  const page = await newPage(browser);
  await page.goto(link);
  await tapPanel(page, '开始任务');
  await view(page).locator('.grid__item--main').click();
  await view(page).locator('.menu-row', { hasText: '共济账户绑定' }).click();
  await view(page).locator('.card__title', { hasText: '添加共济使用人' }).waitFor();
  // Record whether the picker ever shows while the page comes back.
  await page.addInitScript(() => {
    const w = window as unknown as { pickerSeen: boolean };
    w.pickerSeen = false;
    new MutationObserver(() => {
      if (document.body?.innerText.includes('请选择一位测试人员登录')) w.pickerSeen = true;
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await page.reload();
  await view(page).locator('.card__title', { hasText: '添加共济使用人' }).waitFor();
  await panel(page).locator('.rtask-bar').waitFor();
  expect(await page.evaluate(() => (window as unknown as { pickerSeen: boolean }).pickerSeen)).toBe(false);
  await page.close();
});
