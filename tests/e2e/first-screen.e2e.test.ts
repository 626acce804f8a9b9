// The H5 first screen as a citizen on a slow phone meets it: the static 服务大厅 from index.html is on
// screen before any script has arrived, a tap on it is kept and carried out once the app is up, and
// the first load fetches none of the researchers', trainers' or signing code. (Timings: npm run bench.)
import fs from 'fs';
import path from 'path';
import type { Browser } from 'playwright-core';
import { BASE, launch, newPage, SHOTS } from './helpers';

const DIST = path.resolve(__dirname, '../../dist/h5');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** What only the code kept out of the first load contains. */
const MARKERS = {
  research: '/api/research/sessions/',
  'demo reset': '/api/admin/reset',
  signature: 'signature__canvas',
  'offline platform': '吉林省长春市',
};

/** The scripts a start fetches until its screen is up and the network is quiet. */
async function scriptsOfStart(route: string): Promise<string[]> {
  const page = await newPage(browser);
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto(BASE + route, { waitUntil: 'networkidle' });
  await page.locator('#app .taro_page .screen').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.context().close();
  return scripts.map((p) => fs.readFileSync(path.join(DIST, p), 'utf8'));
}

const holding = (sources: string[], marker: string) => sources.filter((s) => s.includes(marker)).length;

test('a citizen’s first load fetches no research, demo-reset, signing or offline-platform code', async () => {
  const all = fs
    .readdirSync(path.join(DIST, 'js'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => fs.readFileSync(path.join(DIST, 'js', f), 'utf8'));
  // The first three are in the build, in chunks of their own; the offline platform is not built at all.
  expect(holding(all, MARKERS.research)).toBeGreaterThan(0);
  expect(holding(all, MARKERS['demo reset'])).toBeGreaterThan(0);
  expect(holding(all, MARKERS.signature)).toBeGreaterThan(0);
  expect(holding(all, MARKERS['offline platform'])).toBe(0);

  const first = await scriptsOfStart('/');
  expect(first.length).toBeGreaterThan(2);
  for (const [what, marker] of Object.entries(MARKERS)) expect([what, holding(first, marker)]).toEqual([what, 0]);

  // A trainer's link shows the tour button but still fetches the reset only when it is tapped.
  const trainer = await scriptsOfStart('/?tour=1');
  expect(holding(trainer, MARKERS['demo reset'])).toBe(0);
});

test('a research link fetches the research code', async () => {
  const scripts = await scriptsOfStart('/?session=ZZZZ9');
  expect(holding(scripts, MARKERS.research)).toBe(1);
});

test('the static hall is on screen before any script, keeps a tap, and hands over to the next screen', async () => {
  const page = await newPage(browser);
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/js/**', async (route) => {
    await held;
    await route.continue();
  });
  // Deferred scripts hold DOMContentLoaded back; the static hall does not wait for them.
  await page.goto(BASE + '/', { waitUntil: 'commit' });
  const shell = page.locator('#hall-shell');
  await shell.getByText('热门服务').waitFor();
  // Painted once app.css is in (the browser shows nothing before); its script runs at that moment.
  await page.waitForFunction(() => '__hallShell' in window);
  // The real text a person reads, where the real hall puts it.
  await expect(shell.locator('.grid__name').first().textContent()).resolves.toBe('家庭共济');
  const box = (await shell.locator('.grid__item--main').boundingBox())!;
  expect(box.y + box.height).toBeLessThan(667);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'hall-static-before-scripts.png') });
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await expect(shell.getByRole('status').textContent()).resolves.toBe('正在打开「家庭共济」，请稍候…');
  await page.screenshot({ path: path.join(SHOTS, 'hall-static-tap-kept.png') });

  release();
  // Not logged in: 家庭共济 asks for a log-in first, as a tap on the real hall does.
  await page.locator('#app .taro_page').getByText('请选择一位测试人员登录', { exact: false }).waitFor();
  await expect(shell.count()).resolves.toBe(0);
  await expect(page.locator('#app').getAttribute('inert')).resolves.toBeNull();
  await expect(page.locator('[role=main]:visible').count()).resolves.toBe(1);
  await page.context().close();
});

test('without a tap the static hall gives way to the real hall, with nothing shown twice', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + '/');
  await page.locator('#app .taro_page .hall').getByText('热门服务').waitFor();
  await page.waitForFunction(() => !document.getElementById('hall-shell'));
  await expect(page.locator('[role=main]:visible').count()).resolves.toBe(1);
  await expect(page.getByText('家庭共济', { exact: true }).locator('visible=true').count()).resolves.toBe(2);
  await page.context().close();
});
