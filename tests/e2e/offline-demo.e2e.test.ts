// The trainer's demo as it really runs: the offline build served as plain files, on a phone-sized
// touch screen (375×667). A reload or a restart keeps the demo; 重置演示 brings the seed back; the
// tour keeps its words and its one framed control on screen at every step; and every province profile
// names its screens in its own words and binds one of its own people. Nothing leaves the build.
import fs from 'fs';
import path from 'path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { PROFILES, type ProfileId, type RuleProfile } from '@domain/profiles';
import { pageTitle } from '@domain/wording';
import { seedIds } from '../../mock/platform/seed';
import { fillBindForm, launch, modalConfirm, SHOTS, view } from './helpers';
import { buildFiles, ensureOfflineBuild, serveOffline, type StaticServer } from './offline';

const PHONE = { width: 375, height: 667 };

let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  ensureOfflineBuild();
  server = await serveOffline();
  browser = await launch();
}, 900000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh phone: empty storage, touch, and a list of every request that left the build's server. */
async function phone(): Promise<{ ctx: BrowserContext; page: Page; outside: string[] }> {
  const ctx = await browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  const outside: string[] = [];
  ctx.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(server.base) && !url.startsWith('data:') && !url.startsWith('blob:')) outside.push(url);
  });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  return { ctx, page, outside };
}

/** Waits until `fn` gives `want` (jest has no expect.poll); returns the last value seen. */
async function until<T>(fn: () => Promise<T>, want: T, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  let last: T = await fn();
  while (last !== want && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    last = await fn();
  }
  return last;
}

const hall = (profile?: ProfileId) => `${server.base}/${profile ? `?profile=${profile}` : ''}#/pages/index/index`;

async function loginAsZhang(page: Page) {
  await view(page).locator('.persona', { hasText: '余额充足' }).tap();
  await view(page).getByText('个人账户余额（元）').waitFor();
}

const titleBar = (page: Page) => page.locator('.taro-navigation-bar-title').first();

async function expectTitle(page: Page, text: string) {
  expect(await until(() => titleBar(page).innerText(), text)).toBe(text);
}

async function consentSteps(page: Page, p: RuleProfile) {
  const v = view(page);
  if (p.proofKinds.length) {
    const chooser = page.waitForEvent('filechooser');
    await tapInView(v.locator('button', { hasText: `上传${p.proofKinds.join('或')}照片` }));
    // Taro asks 拍摄 or 从相册选择 first when the browser says it is a phone.
    const album = page.getByText('从相册选择');
    await album.waitFor({ timeout: 1500 }).then(
      () => album.tap(),
      () => undefined,
    );
    await (await chooser).setFiles(path.join(__dirname, 'fixtures-proof.png'));
    await v.locator('.proofs__item').first().waitFor();
  }
  if (p.signatureRequired) await sign(page);
}

/** A finger's tap on a control brought to the middle of the screen, clear of the title bar. */
async function tapInView(el: Locator) {
  await el.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await el.tap();
}

async function sign(page: Page) {
  const pad = view(page).locator('canvas.signature__canvas');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 40);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 30 + i * 20, box.y + 40 + (i % 2) * 50);
  await page.mouse.up();
  await view(page).getByText('已签名。').waitFor();
}

test('the build carries no platform address', () => {
  const hits = buildFiles().filter((f) => fs.readFileSync(f, 'latin1').includes('127.0.0.1:18080'));
  expect(hits).toEqual([]);
});

test('a reload and a restart keep the binding and the log-in; 重置演示 brings the seed back; nothing leaves the build', async () => {
  const { ctx, page, outside } = await phone();
  await page.goto(hall());
  await view(page).locator('.grid__item--main').tap();
  await loginAsZhang(page);
  await view(page).locator('.menu-row', { hasText: '共济账户绑定' }).tap();
  const me = seedIds(PROFILES.heilongjiang);
  await fillBindForm(page, { name: '刘桂兰', id: me.liuGuilan, phone: '13804510012', relation: '父母' });
  await view(page).getByText('下一步：阅读授权协议').tap();
  await view(page).getByRole('checkbox').tap();
  await view(page).locator('button', { hasText: PROFILES.heilongjiang.consent.buttonLabel }).tap();
  await view(page).getByText('绑定成功').waitFor();

  // Mid-flow reload, as when WeChat closes the mini-program in the background during the slides.
  await page.goto(`${server.base}/#/pages/records/index`);
  await page.reload();
  await view(page).locator('.record', { hasText: '刘**' }).waitFor();
  expect(await view(page).locator('.record', { hasText: '刘**' }).innerText()).toContain('生效中');
  expect(await view(page).getByText('请选择一位测试人员登录').count()).toBe(0);

  // The app killed and opened again: a new page over the same device storage.
  await page.close();
  const again = await ctx.newPage();
  await again.goto(hall());
  await view(again).getByText('您好').waitFor();
  await again.goto(`${server.base}/#/pages/records/index`);
  await view(again).locator('.record', { hasText: '刘**' }).waitFor();

  // 重置演示: back to the seed and logged out.
  await again.goto(hall());
  await view(again).locator('button', { hasText: '重置演示' }).tap();
  await modalConfirm(again, '重置').tap();
  await view(again).getByText('登录医保服务平台').waitFor();
  await view(again).locator('.grid__item--main').tap();
  await loginAsZhang(again);
  await again.goto(`${server.base}/#/pages/records/index`);
  await view(again).getByText('还没有授权记录').waitFor();
  await again.reload();
  await view(again).getByText('还没有授权记录').waitFor();

  expect(outside).toEqual([]);
  // The browser's own favicon look-up is not the app's.
  expect(server.missing.filter((m) => m !== '/favicon.ico')).toEqual([]);
  await ctx.close();
});

/** Inside the visible band: below the title bar, above the bottom of the 375×667 screen. */
async function onScreen(page: Page, el: Locator) {
  const bar = await page.locator('#taro-navigation-bar').boundingBox();
  const top = bar ? bar.y + bar.height : 0;
  const box = await el.boundingBox();
  return (
    !!box &&
    box.y >= top - 1 &&
    box.y + box.height <= PHONE.height + 1 &&
    box.x >= 0 &&
    box.x + box.width <= PHONE.width + 1
  );
}

/** Controls a user can press in the frame; the signature pad and the photo picker count as one each. */
const controlsIn = (frame: Locator) =>
  frame.evaluate((f) => {
    const composites = f.querySelectorAll('.signature, .proofs').length;
    const single = Array.from(
      f.querySelectorAll('button, [role="button"], [role="checkbox"], input, select, textarea, canvas'),
    ).filter((e) => !e.closest('.signature, .proofs')).length;
    return composites + single;
  });

async function runTour(profile: ProfileId, shots: boolean) {
  const p = PROFILES[profile];
  const { ctx, page, outside } = await phone();
  await page.goto(hall(profile));
  await view(page).locator('button', { hasText: '开始导览' }).tap();
  const seen: string[] = [];
  for (let n = 1; n <= 12; n++) {
    const v = view(page);
    const tip = v.locator('.tour-tip');
    await tip.getByText(new RegExp(`导览 第 ${n} 步`)).waitFor();
    const frame = v.locator('.tour-frame');
    expect(await until(() => frame.count(), 1)).toBe(1);
    const spot = (await frame.getAttribute('id'))!.replace('tour-frame-', '');
    seen.push(spot);
    // On arrival, scrolled there if needed: the words and the framed control are both on screen.
    const shown = await until(async () => (await onScreen(page, tip)) && (await onScreen(page, frame)), true, 4000);
    if (!shown) await page.screenshot({ path: path.join(SHOTS, `tour-off-screen-${profile}-${spot}.png`) });
    expect({ spot, shown }).toEqual({ spot, shown: true });
    expect(await controlsIn(frame)).toBe(1);
    expect(await frame.getByText('结束导览').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toMatch(/张建国|张小明|\d{17}[\dX]/);
    if (shots) await page.screenshot({ path: path.join(SHOTS, `tour-${String(n).padStart(2, '0')}-${spot}.png`) });
    const last = /（共 (\d+) 步）/.exec(await tip.innerText())![1] === String(n);
    if (spot === 'hall') await frame.locator('.grid__item').tap();
    else if (spot === 'proof' || spot === 'sign')
      await consentSteps(page, spot === 'sign' ? { ...p, proofKinds: [] } : { ...p, signatureRequired: false });
    else if (spot === 'consent') await frame.getByRole('checkbox').tap();
    else if (spot === 'login') await frame.locator('.persona').tap();
    else if (spot === 'family') await frame.locator('.menu-row').tap();
    else await frame.locator('button').tap();
    if (last) break;
  }
  await view(page).locator('button', { hasText: '开始导览' }).waitFor();
  expect(outside).toEqual([]);
  await ctx.close();
  return seen;
}

test('黑龙江 tour: every step shows its words and one framed control on screen on arrival', async () => {
  expect(await runTour('heilongjiang', true)).toEqual([
    'hall',
    'login',
    'family',
    'bind',
    'bind-next',
    'consent',
    'submit',
    'result',
    'records',
    'usage',
  ]);
});

test('河北 and 浙江 tours: the signature and the proof photo get frames of their own', async () => {
  expect(await runTour('hebei', false)).toContain('sign');
  expect(await runTour('zhejiang', false)).toContain('proof');
});

describe.each(Object.keys(PROFILES) as ProfileId[])('profile %s', (id) => {
  const p = PROFILES[id];
  test(`screens use ${p.province}'s own words, and one of its own people binds`, async () => {
    const { ctx, page, outside } = await phone();
    await page.goto(hall(id));
    await expectTitle(page, pageTitle(p, 'hall'));
    await view(page).locator('.grid__item--main', { hasText: p.menu.hub }).tap();
    await loginAsZhang(page);
    await expectTitle(page, pageTitle(p, 'hub'));
    const crumbs = await view(page).locator('.menu-path').innerText();
    expect(crumbs.replace(/\s/g, '')).toBe([p.menu.channel, ...p.menu.path].join('›').replace(/\s/g, ''));
    await view(page).locator('.card__title', { hasText: p.menu.hub }).waitFor();
    await view(page).locator('.menu-row', { hasText: p.menu.bind }).tap();
    await expectTitle(page, pageTitle(p, 'bind'));
    // Rules a citizen could fail on, before the form.
    const rules = await view(page).locator('.rules-up-front').innerText();
    expect(rules).toContain(p.relations.join('、'));
    expect(rules).toContain(`最多绑定 ${p.memberLimit} 位亲属`);
    expect(rules).toContain(
      `${(p.balanceThreshold.fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })} 元`,
    );
    const people = seedIds(p);
    await fillBindForm(page, { name: '刘桂兰', id: people.liuGuilan, phone: '13804510012', relation: '父母' });
    await view(page).getByText('下一步：阅读授权协议').tap();
    await expectTitle(page, pageTitle(p, 'consent'));
    await consentSteps(page, p);
    await tapInView(view(page).getByRole('checkbox'));
    await tapInView(view(page).locator('button', { hasText: p.consent.buttonLabel }));
    await view(page).getByText('绑定成功').waitFor();
    expect(people.liuGuilan.slice(0, 2)).toBe(p.provincePrefix);
    await view(page).locator('button', { hasText: p.menu.records }).tap();
    await expectTitle(page, pageTitle(p, 'records'));
    const record = view(page).locator('.record', { hasText: '刘**' });
    await record.getByText('查看详情').tap();
    expect(await record.innerText()).toContain(`${p.provincePrefix}01**`);
    expect(outside).toEqual([]);
    await ctx.close();
  });
});
