// Shared steps for the browser tests: a phone-sized Chromium page on the H5 build, as a user meets it.
import fs from 'fs';
import path from 'path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

const runtime = JSON.parse(fs.readFileSync(path.join(__dirname, '.runtime.json'), 'utf8')) as {
  base: string;
  today: string;
  researchKey: string;
};
export const BASE = runtime.base;
export const TODAY = runtime.today;
/** Where a run leaves its screenshots (ignored by git); `npm run screenshots` copies them to docs/. */
export const SHOTS = path.resolve(__dirname, '../../artifacts/screenshots');
export const RESEARCH_KEY = runtime.researchKey;
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=zh-CN',
    ],
  });
}

export async function newPage(browser: Browser, opts: { care?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    // A citizen's phone: 375×667, touch, the mobile viewport (a page wider than the screen shows).
    viewport: { width: 375, height: 667 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  // Taro's H5 storage keeps each value as {"data": …}.
  if (opts.care) await context.addInitScript(() => localStorage.setItem('care-mode', JSON.stringify({ data: '1' })));
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  return page;
}

/** Back to the seed: every test file starts from the same platform. */
export async function resetPlatform() {
  const res = await fetch(`${BASE}/api/admin/reset`, { method: 'POST' });
  if (!res.ok) throw new Error(`reset failed: ${res.status}`);
}

export async function api<T>(
  method: string,
  route: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(BASE + route, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** The session token the page holds, to ask the platform what really happened. */
export const tokenOf = (page: Page) =>
  page.evaluate(() => {
    const raw = localStorage.getItem('session-token:heilongjiang');
    return raw ? (JSON.parse(raw) as { data: string }).data : null;
  });

/** The page on screen: Taro H5 keeps earlier pages of the stack in the DOM, hidden. */
export const view = (page: Page) => page.locator('.taro_page:visible');

/** Until the page that slid in has come to rest where a person would tap it (a slow phone slides slowly). */
export async function arrived(page: Page) {
  await page.waitForFunction(() => {
    const shown = [...document.querySelectorAll('.taro_page')].filter((p) => (p as HTMLElement).offsetParent !== null);
    const top = shown[shown.length - 1];
    return !!top && Math.abs(top.getBoundingClientRect().left) < 1;
  });
}

export async function open(page: Page, route = '/') {
  await page.goto(BASE + route);
  await view(page).locator('.screen').waitFor();
}

export async function loginFromHall(page: Page, persona: string) {
  await open(page, '/');
  await view(page).getByText('热门服务').waitFor();
  await view(page).locator('.grid__item--main').click();
  await view(page).locator('.persona', { hasText: persona }).click();
  await view(page).getByText('个人账户余额（元）').waitFor();
}

/**
 * A finger tap in the middle of what is on screen (scrolled into view first), as a citizen taps: after a
 * look at the screen, never as a double tap on the spot of the last one (the app ignores those).
 */
export async function tapOn(page: Page, target: Locator) {
  await page.waitForTimeout(450);
  await target.scrollIntoViewIfNeeded();
  // A page still sliding in moves under the finger: wait until the target stands still.
  let box = await target.boundingBox();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(50);
    const next = await target.boundingBox();
    if (box && next && next.x === box.x && next.y === box.y) break;
    box = next;
  }
  if (!box) throw new Error('nothing to tap');
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

export async function fillInput(page: Page, placeholder: string, value: string) {
  const input = view(page).locator(`input[placeholder="${placeholder}"]`);
  await input.fill(value);
  await input.blur();
}

export interface Relative {
  name: string;
  id: string;
  phone: string;
  relation: string;
  start?: string;
  end?: string;
}

export async function fillBindForm(page: Page, r: Relative) {
  await view(page).locator('.card__title', { hasText: '添加共济使用人' }).waitFor();
  await fillInput(page, '请输入证件上的姓名', r.name);
  await fillInput(page, '请输入证件号码', r.id);
  await fillInput(page, '请输入使用人手机号码', r.phone);
  const v = view(page);
  await v.locator('select.picker-value--relation').selectOption(r.relation);
  if (r.start) await v.locator('input.picker-value--start').fill(r.start);
  if (r.end !== undefined) {
    // The end date sits behind the 长期有效 switch: off for a date, on for none.
    const longTerm = v.getByRole('switch', { name: '长期有效' });
    if ((await longTerm.getAttribute('aria-checked')) === String(r.end !== '')) await longTerm.click();
    if (r.end) await v.locator('input.picker-value--end').fill(r.end);
  }
}

export const fieldError = (page: Page, text: string) => view(page).locator('.field__error', { hasText: text });

export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(300);
  // Taro pages scroll inside their own container: grow the viewport to the content, then shoot.
  const box = await view(page).locator('.screen').boundingBox();
  const height = Math.ceil((box?.y ?? 0) + (box?.height ?? 0) + 24);
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, Math.min(height, 4000)) });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  await page.setViewportSize(size);
}

/** axe-core on the current screen; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated by the test tool, not added as an inline <script>: the platform's CSP rightly blocks those.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run: (
          ctx: unknown,
          o: unknown,
        ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
      };
    };
    const { violations } = await w.axe.run(document, { resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** No full 18-character ID number anywhere in the visible text. */
export const pageShowsFullId = async (page: Page) => /\d{17}[\dXx]/.test(await page.locator('body').innerText());

/** The confirm button of Taro's dialog. */
export const modalConfirm = (page: Page, text: string) =>
  page.locator('.taro__modal .taro-model__confirm', { hasText: text });
