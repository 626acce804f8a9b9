// What a citizen sees at 375×667 with a finger: taps that land twice, a page that must not widen, focus
// rings only from the keyboard, records that say when they ended, and problems said before typing.
import type { Browser, Page } from 'playwright-core';
import { SEED_IDS } from '../../mock/platform/seed';
import {
  api,
  fillBindForm,
  launch,
  loginFromHall,
  modalConfirm,
  newPage,
  open,
  resetPlatform,
  screenshot,
  tapOn,
  tokenOf,
  TODAY,
  view,
} from './helpers';

let browser: Browser;

beforeAll(async () => {
  await resetPlatform();
  browser = await launch();
});
afterAll(() => browser?.close());

const XIAOMING = { name: '张小明', id: SEED_IDS.zhangXiaoming, phone: '13804510011', relation: '子女' };

/** How wide the page is: the document and the layout viewport, which a mobile browser widens to fit. */
const widths = (page: Page) =>
  page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));

async function expectPhoneWidth(page: Page, where: string) {
  // During the slide-in and after it: the incoming page must never widen the document.
  for (const wait of [60, 150, 400]) {
    await page.waitForTimeout(wait);
    expect({ where, ...(await widths(page)) }).toEqual({ where, scroll: 375, inner: 375 });
  }
}

async function toConsent(page: Page) {
  await tapOn(page, view(page).locator('.menu-row', { hasText: '共济账户绑定' }));
  await fillBindForm(page, { ...XIAOMING, start: TODAY });
  await tapOn(page, view(page).locator('button', { hasText: '下一步：阅读授权协议' }));
  await view(page).getByText('家庭关系承诺').waitFor();
}

test('a double tap 250 ms after 提交 still shows 绑定成功, and binds once', async () => {
  const page = await newPage(browser);
  await loginFromHall(page, '余额充足');
  await toConsent(page);
  await page.waitForTimeout(700);
  await tapOn(page, view(page).getByRole('checkbox'));
  const submit = view(page).locator('button', { hasText: '我已阅读并同意，提交' });
  await submit.scrollIntoViewIfNeeded();
  const box = (await submit.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.touchscreen.tap(x, y);
  await page.waitForTimeout(250);
  await page.touchscreen.tap(x, y);
  await page.waitForTimeout(1200);
  await view(page).getByText('绑定成功').waitFor({ timeout: 2000 });
  expect(await view(page).locator('.card__title', { hasText: '添加共济使用人' }).count()).toBe(0);
  const token = (await tokenOf(page))!;
  expect((await api<unknown[]>('GET', '/api/bindings', token)).body).toHaveLength(1);
  await page.close();
});

test('the page stays 375 px wide after every navigation', async () => {
  const page = await newPage(browser);
  await open(page, '/');
  await expectPhoneWidth(page, 'hall');
  await tapOn(page, view(page).locator('.grid__item--main'));
  await view(page).locator('.persona').first().waitFor();
  await expectPhoneWidth(page, 'login');
  await page.waitForTimeout(700);
  await tapOn(page, view(page).locator('.persona', { hasText: '已有生效中' }));
  await view(page).getByText('个人账户余额（元）').waitFor();
  await expectPhoneWidth(page, 'family');
  for (const [entry, shown] of [
    ['共济账户绑定', '添加共济使用人'],
    ['共济账户授权记录查询解绑', '授权期限'],
    ['代缴城乡居民医保费', '选择缴费人员'],
    ['常见问题', '哪些亲属可以绑定？'],
  ] as const) {
    await page.waitForTimeout(700);
    await tapOn(page, view(page).locator('.menu-row', { hasText: entry }));
    await view(page).getByText(shown).first().waitFor();
    await expectPhoneWidth(page, entry);
    await page.goBack();
    await view(page).getByText('个人账户余额（元）').waitFor();
    await expectPhoneWidth(page, `back from ${entry}`);
  }
  await page.close();
});

test('a finger tap leaves no focus ring; the keyboard shows one', async () => {
  const page = await newPage(browser);
  await loginFromHall(page, '余额充足');
  await page.waitForTimeout(700);
  const outline = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return 'nothing focused';
      const s = getComputedStyle(el);
      return s.outlineStyle === 'none' || s.outlineWidth === '0px' ? 'none' : `${s.outlineStyle} ${s.outlineWidth}`;
    });
  await tapOn(page, view(page).locator('.menu-row', { hasText: '代缴城乡居民医保费' }));
  await view(page).locator('.card__title', { hasText: '选择缴费人员' }).waitFor();
  await page.waitForTimeout(700);
  await tapOn(page, view(page).locator('.choice', { hasText: '2027 年度' }));
  expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('2027');
  expect(await outline()).toBe('none');

  await page.keyboard.press('Tab');
  expect(await outline()).not.toBe('none');
  await page.close();
});

test('an unbound record says when it ended: 已于…解除', async () => {
  const page = await newPage(browser);
  await loginFromHall(page, '已有生效中');
  await tapOn(page, view(page).locator('.menu-row', { hasText: '共济账户授权记录查询解绑' }));
  const unbound = view(page).locator('.record', { hasText: '已解绑' }).first();
  await unbound.waitFor();
  const text = await unbound.innerText();
  expect(text).toMatch(/已于\s*\d{4}年\d{1,2}月\d{1,2}日\s*解除/);
  expect(text).not.toContain('长期有效');
  await screenshot(page, 'records-unbound');
  await page.close();
});

test('下一步 with errors brings the first wrong field into view', async () => {
  const page = await newPage(browser);
  await loginFromHall(page, '余额充足');
  await tapOn(page, view(page).locator('.menu-row', { hasText: '共济账户绑定' }));
  await view(page).locator('.card__title', { hasText: '添加共济使用人' }).waitFor();
  await page.waitForTimeout(700);
  await tapOn(page, view(page).locator('button', { hasText: '下一步：阅读授权协议' }));
  const first = view(page).locator('.field--error').first();
  await first.waitFor();
  await page.waitForTimeout(800);
  expect(await first.innerText()).toContain('使用人姓名');
  const box = (await first.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + Math.min(box.height, 200)).toBeLessThanOrEqual(667);
  await page.close();
});

test('代缴: after success the choice is cleared, the paid year is marked and cannot be chosen', async () => {
  const page = await newPage(browser);
  await loginFromHall(page, '已有生效中');
  await tapOn(page, view(page).locator('.menu-row', { hasText: '代缴城乡居民医保费' }));
  const person = view(page).locator('.choice', { hasText: '（' }).first();
  await person.waitFor();
  // Every choice carries a radio marker.
  expect(await view(page).locator('.choice .radio').count()).toBe(await view(page).locator('.choice').count());
  await page.waitForTimeout(700);
  await tapOn(page, person);
  const year = `${Number(TODAY.slice(0, 4)) + 1}`;
  await tapOn(page, view(page).locator('.choice', { hasText: `${year} 年度` }));
  await tapOn(page, view(page).locator('button', { hasText: '确认代缴' }));
  await modalConfirm(page, '确认缴费').click();
  await view(page).getByText('缴费成功').waitFor();
  await page.waitForTimeout(700);
  await tapOn(page, view(page).locator('button', { hasText: '继续代缴' }));
  await view(page).locator('.card__title', { hasText: '选择缴费人员' }).waitFor();
  expect(await view(page).locator('.choice--on').count()).toBe(0);
  const pay = view(page).locator('button', { hasText: '确认代缴' });
  expect(await pay.getAttribute('aria-disabled')).toBe('true');
  await page.waitForTimeout(700);
  await tapOn(page, person);
  const paid = view(page).locator('.choice', { hasText: `${year} 年度` });
  await paid.getByText(`${year} 年度已缴`).waitFor();
  expect(await paid.getAttribute('aria-disabled')).toBe('true');
  await tapOn(page, paid);
  expect(await paid.getAttribute('aria-checked')).toBe('false');
  expect(await pay.getAttribute('aria-disabled')).toBe('true');
  await screenshot(page, 'pay-paid-year');
  await page.close();
});

test('low balance and the member limit are said on 家庭共济 and atop the form, before typing', async () => {
  const page = await newPage(browser);
  await loginFromHall(page, '余额不足');
  await view(page).locator('.notice', { hasText: '126.40' }).waitFor();
  expect(await view(page).locator('.notice', { hasText: '126.40' }).innerText()).toContain('400.00');
  await screenshot(page, 'family-low-balance');
  await tapOn(page, view(page).locator('.menu-row', { hasText: '共济账户绑定' }));
  await view(page).locator('.card__title', { hasText: '添加共济使用人' }).waitFor();
  const top = view(page).locator('.notice', { hasText: '126.40' });
  await top.waitFor();
  const form = await view(page).locator('.card', { hasText: '添加共济使用人' }).boundingBox();
  expect((await top.boundingBox())!.y).toBeLessThan(form!.y);
  await page.close();

  const limit = await newPage(browser);
  await loginFromHall(limit, '人数已到上限');
  await view(limit).locator('.notice', { hasText: '最多绑定 5 位' }).waitFor();
  await tapOn(limit, view(limit).locator('.menu-row', { hasText: '共济账户绑定' }));
  await view(limit).locator('.card__title', { hasText: '添加共济使用人' }).waitFor();
  const note = view(limit).locator('.notice', { hasText: '最多绑定 5 位' });
  await note.waitFor();
  const form2 = await view(limit).locator('.card', { hasText: '添加共济使用人' }).boundingBox();
  expect((await note.boundingBox())!.y).toBeLessThan(form2!.y);
  await limit.close();
});
