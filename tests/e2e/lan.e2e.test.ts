// `npm start -- --lan`, as a researcher and a participant's phone on the same Wi-Fi meet it. 127.0.0.2
// stands in for the machine's LAN address (tests send traffic to loopback only): the app, the console's
// links and QR codes, and the mini-program build command all use that address, and nothing listens on
// 127.0.0.1 meanwhile. (check:mini runs a weapp build against a platform on 127.0.0.2.)
import { spawn, type ChildProcess } from 'child_process';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import { stripVTControlCharacters } from 'util';
import type { Browser } from 'playwright-core';
import { SEED_IDS } from '../../mock/platform/seed';
import { fillBindForm, launch, modalConfirm, newPage, view } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const freePort: () => Promise<number> = require('../../scripts/lib/free-port');

const HOST = '127.0.0.2';
const root = path.resolve(__dirname, '../..');
let start: ChildProcess;
let output = '';
let dir = '';
let appUrl = '';
let mockPort = 0;
let h5Port = 0;
let browser: Browser;

jest.setTimeout(300000);

const KEY = 'lan-e2e-researcher-key';

beforeAll(async () => {
  [mockPort, h5Port] = [await freePort(), await freePort()];
  appUrl = `http://${HOST}:${h5Port}/`;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lan-e2e-'));
  start = spawn(process.execPath, ['scripts/start.js', `--lan=${HOST}`], {
    cwd: root,
    env: {
      ...process.env,
      MOCK_PORT: String(mockPort),
      H5_PORT: String(h5Port),
      MOCK_DB: path.join(dir, 'platform.db'),
      MOCK_RESEARCH_KEY: KEY,
      // The dev server's build must not wipe dist/h5, which the other browser tests' platform serves.
      OUTPUT_ROOT: 'dist/h5-lan',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  start.stdout!.on('data', (d) => (output += d));
  start.stderr!.on('data', (d) => (output += d));
  const until = Date.now() + 280000;
  while (!output.includes('Ctrl-C stops both')) {
    if (start.exitCode !== null) throw new Error(`npm start --lan exited:\n${output.slice(-2000)}`);
    if (Date.now() > until) throw new Error(`npm start --lan was not ready in time:\n${output.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  if (start && start.exitCode === null) {
    start.kill('SIGTERM');
    await new Promise((r) => start.once('exit', r));
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

const refused = (port: number, host: string) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect({ host, port });
    s.once('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.once('error', () => resolve(true));
  });

test('the terminal prints the LAN addresses with QR codes, the mini build command and a warning', () => {
  expect(output).toContain(`家庭共济 on this network: ${appUrl}`);
  expect(output).toContain(`researcher console: http://${HOST}:${h5Port}/research   key: ${KEY}`);
  expect(output).toContain(`TARO_APP_API_BASE=http://${HOST}:${mockPort} npm run build:weapp`);
  expect(output).toMatch(/⚠ --lan: .*open to everyone on this network/);
  // Two QR codes drawn with block characters (small mode: ▀ ▄ █).
  const plain = stripVTControlCharacters(output);
  const qrLines = plain.split('\n').filter((l) => /^[ ▀▄█]{20,}$/.test(l));
  expect(qrLines.length).toBeGreaterThan(20);
  expect(output).not.toContain('127.0.0.1');
});

test('both servers listen on the LAN address only', async () => {
  expect((await fetch(`http://${HOST}:${mockPort}/api/health`)).ok).toBe(true);
  expect((await fetch(`${appUrl}api/health`)).ok).toBe(true);
  expect(await refused(h5Port, '127.0.0.1')).toBe(true);
  expect(await refused(mockPort, '127.0.0.1')).toBe(true);
});

test("the researcher console's link and QR code use the LAN address, and the link opens the session", async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });
  const consolePage = await context.newPage();
  await consolePage.goto(`http://${HOST}:${h5Port}/research`);
  await consolePage.fill('input[name="key"]', KEY);
  await consolePage.click('#key-enter');
  await consolePage.locator('select[name="situation"] option').first().waitFor({ state: 'attached' });
  expect(await consolePage.inputValue('input[name="appUrl"]')).toBe(appUrl);
  await consolePage.fill('input[name="study"]', 'LAN');
  await consolePage.fill('input[name="participant"]', 'P01');
  await consolePage.click('#start');
  await consolePage.locator('#created.shown').waitFor({ timeout: 20000 });
  const link = (await consolePage.locator('#created-link').textContent())!.trim();
  expect(link).toMatch(new RegExp(`^http://127\\.0\\.0\\.2:${h5Port}/#/pages/index/index\\?session=[A-Z0-9]{6}$`));
  // The QR code is fetched with the key and shown as a blob: it encodes the link, and it is drawn.
  await consolePage.waitForFunction(() => {
    const img = document.getElementById('qr') as HTMLImageElement | null;
    return !!img && img.src.startsWith('blob:') && img.complete && img.naturalWidth > 0;
  });
  expect(await consolePage.locator('#qr').getAttribute('data-text')).toBe(link);
  const svg = await fetch(new URL(`/api/research/qr.svg?text=${encodeURIComponent(link)}`, appUrl), {
    headers: { 'x-research-key': KEY },
  });
  expect(svg.headers.get('content-type')).toContain('image/svg+xml');
  await context.close();

  const page = await newPage(browser);
  await page.goto(link);
  await view(page).getByText('热门服务').waitFor({ timeout: 30000 });
  await page.context().close();
});

test('a phone on the same network does the whole flow: log-in, 绑定, consent, records, 解除绑定, 代缴', async () => {
  const page = await newPage(browser);
  await page.goto(appUrl);
  await view(page).getByText('热门服务').waitFor({ timeout: 30000 });
  await view(page).locator('.grid__item--main').tap();
  await view(page).locator('.persona', { hasText: '余额充足' }).tap();
  await view(page).getByText('3,268.50').waitFor();

  for (const r of [
    { name: '张小明', id: SEED_IDS.zhangXiaoming, phone: '13804510011', relation: '子女' },
    { name: '刘桂兰', id: '230102194602114021', phone: '13804510012', relation: '父母' },
  ]) {
    if (!(await view(page).locator('.card__title', { hasText: '添加共济使用人' }).count()))
      await view(page).locator('.menu-row', { hasText: '共济账户绑定' }).tap();
    await fillBindForm(page, r);
    await view(page).getByText('下一步：阅读授权协议').tap();
    await view(page).getByRole('checkbox').tap();
    await view(page).locator('button', { hasText: '我已阅读并同意，提交' }).tap();
    await view(page).getByText('绑定成功').waitFor();
    if (r.name === '张小明') await view(page).getByText('继续添加').tap();
  }
  await view(page).locator('button', { hasText: '共济账户授权记录查询解绑' }).tap();
  await view(page).locator('.record', { hasText: '刘**' }).waitFor();
  await view(page).locator('.record', { hasText: '刘**' }).locator('button', { hasText: '解除绑定' }).tap();
  await modalConfirm(page, '确定解除').tap();
  await view(page).getByText('已解除与刘**的绑定').waitFor();

  await page.goto(`${appUrl}#/pages/family/index`);
  await view(page).locator('.menu-row', { hasText: '代缴城乡居民医保费' }).tap();
  await view(page).locator('.choice', { hasText: '张**（子女）' }).tap();
  // The latest year still open (a paid year is shown, not offered).
  await view(page).locator('.choice--year:not(.choice--off)').last().tap();
  await view(page).locator('button', { hasText: '确认代缴' }).tap();
  await modalConfirm(page, '确认缴费').tap();
  await view(page).getByText('缴费成功').waitFor();
  await page.context().close();
});
