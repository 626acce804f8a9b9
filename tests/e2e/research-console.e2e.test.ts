// The researcher console at 1280×800 and at 375×667: a session is started and its QR code is on screen
// without scrolling, a note and a tag are added, a pilot session is excluded and the figures change,
// and the one-file HTML report is downloaded, then opened offline with every request blocked.
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { BASE, launch, RESEARCH_KEY, seriousViolations, SHOTS } from './helpers';
import { seedRealisticStudy } from './research-seed';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const key = { 'x-research-key': RESEARCH_KEY, 'content-type': 'application/json' };
async function research<T = any>(method: string, route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${BASE}/api/research${route}`, {
    method,
    headers: key,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A study with two finished sessions (a pilot that gave up and a participant who gave up later). */
async function seedStudy(study: string) {
  const ids: string[] = [];
  for (const [participant, seconds] of [
    ['PILOT', 600],
    ['P01', 40],
  ] as const) {
    const s = await research('POST', '/sessions', {
      study,
      participant,
      personaId: 'zhang',
      profileId: 'heilongjiang',
      situation: 'normal',
    });
    const now = Date.now();
    await research('POST', `/sessions/${s.id}/events`, {
      clientId: `seed-${s.id}`,
      sentAt: now,
      events: [
        { seq: 1, at: now - seconds * 1000 - 2000, type: 'screen', screen: 'index' },
        { seq: 2, at: now - seconds * 1000, type: 'task_start', task: 1 },
        { seq: 3, at: now - seconds * 500, type: 'screen', screen: 'family' },
        { seq: 4, at: now, type: 'task_give_up', task: 1 },
      ],
    });
    ids.push(s.id);
  }
  return { pilot: ids[0]!, participant: ids[1]! };
}

/** Whole inside the viewport: nothing to scroll to. */
async function inView(page: Page, selector: string) {
  const box = await page.locator(selector).boundingBox();
  const size = page.viewportSize()!;
  expect(box).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(size.height);
  expect(box!.x + box!.width).toBeLessThanOrEqual(size.width);
}

describe.each([
  { name: 'laptop', width: 1280, height: 800, mobile: false },
  { name: 'phone', width: 375, height: 667, mobile: true },
])('the console on a $name ($width×$height)', ({ name, width, height, mobile }) => {
  let page: Page;
  const study = `控制台-${name}-${Date.now()}`;
  let ids: { pilot: string; participant: string };

  beforeAll(async () => {
    ids = await seedStudy(study);
    const context = await browser.newContext({
      viewport: { width, height },
      isMobile: mobile,
      hasTouch: mobile,
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
    await page.goto(`${BASE}/research`);
    await page.fill('input[name="key"]', RESEARCH_KEY);
    await page.click('#key-enter');
    await page.locator(`#studies button[data-study="${study}"]`).click();
    await page.locator(`#sessions tr[data-session="${ids.pilot}"]`).waitFor();
  });
  afterAll(() => page?.context().close());

  test('the study list and the session table show figures and human labels, and nothing is wider than the screen', async () => {
    const item = page.locator(`#studies button[data-study="${study}"]`);
    await expect(item.textContent()).resolves.toMatch(/2 个会话 · 成功率 0% · 中位用时 —/);
    const row = page.locator(`#sessions tr[data-session="${ids.participant}"]`);
    await row.getByText('张** 余额充足 · 黑龙江 · 正常办理').waitFor();
    await row.locator('.badge', { hasText: '已放弃' }).waitFor();
    await row.getByText(/绑定共济账户：放弃，4\d\.\d 秒/).waitFor();
    expect(await row.textContent()).not.toMatch(/zhang|heilongjiang/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    // The new-session form does not fill the first screen: the session table starts on it.
    const table = await page.locator('#sessions').boundingBox();
    if (!mobile) expect(table!.y).toBeLessThan(height);
    await page.locator('#charts svg').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('开始会话 shows the link and the QR code without scrolling; the table shows the session as not opened', async () => {
    await page.fill('input[name="participant"]', 'P09');
    await page.click('#start');
    await page.locator('#created.shown').waitFor();
    await page.waitForFunction(() => (document.getElementById('qr') as HTMLImageElement).naturalWidth > 0);
    const id = (await page.locator('#created-id').textContent())!.trim();
    expect(id).toMatch(/^[A-Z2-9]{6}$/);
    await inView(page, '#qr');
    await inView(page, '#created-link');
    await inView(page, '#created-close');
    expect(await page.locator('#created-link').textContent()).toBe(`${BASE}/#/pages/index/index?session=${id}`);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `research-console-created-${width}.png`) });
    await page.click('#created-close');
    await page.locator(`#sessions tr[data-session="${id}"] .badge`, { hasText: '未打开' }).waitFor();
    // Live: the participant opens the link and starts task 1; the console shows it within a poll or two.
    await research('POST', `/sessions/${id}/events`, {
      clientId: `live-${id}`,
      sentAt: Date.now(),
      events: [
        { seq: 1, at: Date.now(), type: 'screen', screen: 'index' },
        { seq: 2, at: Date.now(), type: 'task_start', task: 1 },
      ],
    });
    await page
      .locator(`#sessions tr[data-session="${id}"] .badge`, { hasText: '任务 1 进行中' })
      .waitFor({ timeout: 15000 });
  });

  test('a timestamped note and a tag are added to a session', async () => {
    const row = page.locator(`#sessions tr[data-session="${ids.participant}"]`);
    await row.locator('button[data-panel]').click();
    await page.locator('#session-panel[open]').waitFor();
    await page.fill('#note-form textarea', '在授权协议页犹豫很久');
    await page.click('#note-add');
    await page.locator('#panel-notes li', { hasText: '在授权协议页犹豫很久' }).waitFor();
    expect(await page.locator('#panel-notes time').first().textContent()).toMatch(/^\d{2}-\d{2} \d{2}:\d{2}$/);
    await page.fill('#tag-form input[name="tags"]', '找不到按钮，老年');
    await page.click('#tags-save');
    await page.getByText('标签已保存。').waitFor();
    await inView(page, '#panel-close');
    await page.click('#panel-close');
    await row.locator('.chip', { hasText: '找不到按钮' }).waitFor();
    await row.locator('.chip', { hasText: '老年' }).waitFor();
    await row.getByText('在授权协议页犹豫很久').waitFor();
    const stored = (await research('GET', `/studies/${encodeURIComponent(study)}/live`)).sessions.find(
      (s: { session: string }) => s.session === ids.participant,
    );
    expect(stored.tags).toEqual(['找不到按钮', '老年']);
    expect(stored.notes.map((n: { text: string }) => n.text)).toEqual(['在授权协议页犹豫很久']);
  });

  test('excluding the pilot changes the study figures and the charts; it stays listed as excluded', async () => {
    await page.locator('#figure-sessions', { hasText: '3' }).waitFor();
    const funnelBefore = await page.locator('figure[data-chart="funnel"] figcaption').textContent();
    expect(funnelBefore).toContain('打开链接的 3 个会话');
    await page.locator(`button[data-exclude="${ids.pilot}"]`).click();
    // Said where the researcher is looking: the toast at the foot of the screen, in view.
    await page.getByText(`会话 ${ids.pilot} 已排除`).waitFor();
    expect(await page.locator('#toast').getAttribute('data-text')).toContain(`会话 ${ids.pilot} 已排除`);
    await inView(page, '#toast');
    await page.locator('#figure-sessions', { hasText: '2' }).waitFor();
    await page.locator('#figure-excluded', { hasText: '1' }).waitFor();
    await page.locator(`#sessions tr[data-session="${ids.pilot}"] .excluded-badge`).waitFor();
    await page.locator('figure[data-chart="funnel"] figcaption', { hasText: '打开链接的 2 个会话' }).waitFor();
    // The time chart no longer holds the pilot's 600 s.
    expect(await page.locator('figure[data-chart="times"]').textContent()).not.toContain('600');
  });

  test('delete asks first: dismissed, the session stays; confirmed, it is gone with its link', async () => {
    const victim = await research('POST', '/sessions', {
      study,
      participant: 'DEL1',
      personaId: 'zhang',
      profileId: 'heilongjiang',
      situation: 'normal',
    });
    await page.click('#refresh');
    const row = page.locator(`#sessions tr[data-session="${victim.id}"]`);
    await row.locator('button[data-panel]').click();
    let asked = '';
    page.once('dialog', (d) => {
      asked = d.message();
      void d.dismiss();
    });
    await page.click('#panel-delete');
    expect(asked).toContain(`永久删除会话 ${victim.id}`);
    expect(asked).toContain('排除');
    // Dismissed: the panel is still open on the same session, which is still there.
    await page.locator('#session-panel[open]').waitFor();
    await page.click('#panel-close');
    await page.click('#refresh');
    await row.waitFor();
    expect((await fetch(`${BASE}/api/research/sessions/${victim.id}`)).status).toBe(200);
    await row.locator('button[data-panel]').click();
    page.once('dialog', (d) => void d.accept());
    await page.click('#panel-delete');
    await page.getByText(`会话 ${victim.id} 已删除。`).waitFor();
    await row.waitFor({ state: 'detached' });
    const res = await fetch(`${BASE}/api/research/sessions/${victim.id}`);
    expect(res.status).toBe(404);
  });

  test('the study report downloads as one HTML file that opens offline with every chart', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#study-report')]);
    expect(download.suggestedFilename()).toBe(`${study}-report.html`);
    const file = path.join(os.tmpdir(), `report-${name}-${Date.now()}.html`);
    await download.saveAs(file);
    const html = fs.readFileSync(file, 'utf8');
    expect(html).toContain(`研究报告：${study}`);

    // Opened from file:// with every request other than the file itself refused and counted.
    const context = await browser.newContext({ viewport: { width, height }, isMobile: mobile, locale: 'zh-CN' });
    const requests: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url === `file://${file}`) return route.continue();
      requests.push(url);
      return route.abort();
    });
    const offline = await context.newPage();
    await offline.goto(`file://${file}`);
    for (const id of ['funnel', 'times', 'errors', 'refusals', 'seq', 'sus', 'compare'])
      expect(await offline.locator(`figure[data-chart="${id}"]`).count()).toBe(1);
    expect(await offline.locator('figure[data-chart="funnel"] svg').count()).toBe(1);
    expect(await offline.locator('figure[data-chart="times"] svg').count()).toBe(1);
    expect(await offline.locator('tr.excluded', { hasText: 'PILOT' }).count()).toBeGreaterThan(0);
    expect(await offline.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(requests).toEqual([]);
    await context.close();
    fs.rmSync(file, { force: true });
  });
});

test('a study after a morning of sessions: the console and its report, screenshotted at 1280 and 375 wide', async () => {
  const study = `第一轮-${Date.now() % 100000}`;
  const ids = await seedRealisticStudy(study);
  const report = await research('GET', `/studies/${encodeURIComponent(study)}/report.json`);
  // The seed did what it says: four binds by the platform's own word, the pilot excluded.
  const binds = report.attempts.filter(
    (a: { task: string; outcome: string }) => a.task === 't1' && a.outcome === 'success',
  );
  expect(binds).toHaveLength(5);
  expect(report.sessions.find((s: { session: string }) => s.session === ids.PILOT).excluded).toBe(true);

  for (const [width, height, mobile] of [
    [1280, 800, false],
    [375, 667, true],
  ] as const) {
    const context = await browser.newContext({
      viewport: { width, height },
      isMobile: mobile,
      hasTouch: mobile,
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    await page.goto(`${BASE}/research`);
    await page.fill('input[name="key"]', RESEARCH_KEY);
    await page.click('#key-enter');
    await page.locator(`#studies button[data-study="${study}"]`).click();
    await page.locator(`#sessions tr[data-session="${ids.P01}"]`).waitFor();
    await page.locator('figure[data-chart="times"] svg').waitFor();
    await page.screenshot({ path: path.join(SHOTS, `research-console-${width}.png`) });
    if (!mobile)
      await page.screenshot({ path: path.join(SHOTS, `research-console-${width}-full.png`), fullPage: true });

    const html = await (
      await fetch(`${BASE}/api/research/studies/${encodeURIComponent(study)}/report.html`, { headers: key })
    ).text();
    const file = path.join(os.tmpdir(), `report-shot-${width}-${Date.now()}.html`);
    fs.writeFileSync(file, html);
    const requests: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url === `file://${file}`) return route.continue();
      requests.push(url);
      return route.abort();
    });
    const offline = await context.newPage();
    await offline.goto(`file://${file}`);
    for (const id of ['funnel', 'times', 'errors', 'refusals', 'seq', 'sus', 'compare'])
      expect(await offline.locator(`figure[data-chart="${id}"] svg`).count()).toBe(1);
    expect(requests).toEqual([]);
    if (mobile) {
      await offline.screenshot({ path: path.join(SHOTS, 'research-report-375.png') });
      await offline
        .locator('figure[data-chart="times"]')
        .screenshot({ path: path.join(SHOTS, 'research-report-375-times.png') });
    } else await offline.screenshot({ path: path.join(SHOTS, 'research-report-1280.png'), fullPage: true });
    await context.close();
    fs.rmSync(file, { force: true });
  }
});
