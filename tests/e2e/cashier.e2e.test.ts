// The 定点药店收银台 as a trainer uses it: key, a customer's card, a cart with a daily good, 医保结算,
// the 结算单's numbers, the authorizer's account lowered, 退费 back to it; at 375 px with touch and on a laptop.
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { SEED_IDS } from '../../mock/platform/seed';
import { api, BASE, launch, newPage, RESEARCH_KEY, resetPlatform, SHOTS, TODAY } from './helpers';

let browser: Browser;
let zhang = '';

beforeAll(async () => {
  await resetPlatform();
  browser = await launch();
  zhang = (await api<{ token: string }>('POST', '/api/session', undefined, { personaId: 'zhang' })).body.token;
  const bound = await api('POST', '/api/bindings', zhang, {
    requestId: 'cashier-e2e-bind-01',
    name: '刘桂兰',
    idType: '居民身份证',
    idNumber: SEED_IDS.liuGuilan,
    phone: '13804510012',
    relation: '父母',
    startDate: TODAY,
    endDate: '',
    consent: true,
  });
  expect(bound.status).toBe(201);
});
afterAll(() => browser?.close());

const balance = async () => (await api<{ balanceYuan: string }>('GET', '/api/me', zhang)).body.balanceYuan;
const part = (page: Page, name: string) => page.locator(`[data-part="${name}"]`);

async function enter(page: Page) {
  await page.goto(`${BASE}/cashier`);
  await page.getByText('请输入研究人员密钥').first().waitFor();
  expect(await page.locator('#cashier-main').isVisible()).toBe(false);
  await page.fill('#key-input', 'not-the-key');
  await page.tap('#key-enter');
  await page.getByText('密钥不正确，请重新输入').waitFor();
  await page.fill('#key-input', RESEARCH_KEY);
  await page.tap('#key-enter');
  await page.locator('#card option', { hasText: '刘桂兰' }).waitFor({ state: 'attached' });
}

/** Two taps on the same spot as fast as a finger can: the second lands whatever the first changed. */
async function doubleTap(page: Page, selector: string) {
  const target = page.locator(selector);
  await target.scrollIntoViewIfNeeded();
  // The 结算单 scrolls in smoothly: tap where the button has come to rest.
  let box = (await target.boundingBox())!;
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(100);
    const next = (await target.boundingBox())!;
    if (next.y === box.y) break;
    box = next;
  }
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await Promise.all([page.touchscreen.tap(x, y), page.touchscreen.tap(x, y)]);
}

async function chooseCustomer(page: Page, name: string) {
  const value = await page.locator('#card option', { hasText: name }).first().getAttribute('value');
  await page.selectOption('#card', value!);
}

test('ring up 刘桂兰’s purchase: the 结算单 shows each part, 张建国’s account pays, 退费 puts it back once', async () => {
  const page = await newPage(browser);
  await enter(page);
  await chooseCustomer(page, '刘桂兰');
  await page.getByText('城乡居民医保（没有个人账户）').waitFor();
  for (const id of ['amx', 'amx', 'twj', 'xsy']) await page.tap(`[data-plus="${id}"]`);
  expect(await page.textContent('#cart-total')).toBe('89.70 元');
  await page.screenshot({ path: path.join(SHOTS, 'cashier-cart.png'), fullPage: true });

  // A double tap rings up once.
  await doubleTap(page, '#settle');
  await page.locator('#receipt').waitFor();
  expect(await page.textContent('#stamp')).toBe('已结算');
  expect(await part(page, 'total').textContent()).toBe('89.70 元');
  expect(await part(page, 'fund').textContent()).toBe('0.00 元');
  expect(await part(page, 'own').textContent()).toBe('0.00 元');
  expect(await part(page, 'mutual').textContent()).toContain('76.90 元');
  expect(await part(page, 'mutual').textContent()).toContain('授权人 张** 的账户 76.90 元');
  expect(await part(page, 'cash').textContent()).toBe('12.80 元');
  await page.locator('#receipt-notes [data-code="MUTUAL_AID_CASH_ONLY_LINES"]').waitFor();
  expect(await page.textContent('#receipt-meta')).not.toContain(SEED_IDS.liuGuilan);
  expect(await balance()).toBe('3,191.60');
  const usage = await api<{ items: { kind: string; amountYuan: string; balanceAfterYuan: string }[] }>(
    'GET',
    '/api/mutual-aid/usage',
    zhang,
  );
  expect(usage.body.items.map((i) => `${i.kind} ${i.amountYuan} ${i.balanceAfterYuan}`)).toEqual([
    '共济结算 76.90 3,191.60',
  ]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.screenshot({ path: path.join(SHOTS, 'cashier-receipt.png'), fullPage: true });

  await page.tap('#refund');
  await page.getByText('确定要退费吗？').waitFor();
  await doubleTap(page, '#refund-yes');
  await page.getByText('已退费：款项已退回原账户（共济账户：授权人 张** 76.90 元）').waitFor();
  expect(await page.textContent('#stamp')).toBe('已退费');
  expect(await page.locator('#refund').isVisible()).toBe(false);
  expect(await balance()).toBe('3,268.50');
  const after = await api<{ items: { kind: string }[] }>('GET', '/api/mutual-aid/usage', zhang);
  expect(after.body.items.map((i) => i.kind)).toEqual(['退费', '共济结算']);
  await page.screenshot({ path: path.join(SHOTS, 'cashier-refunded.png'), fullPage: true });
  await page.context().close();
});

test('异地 and bad input: out of province pays no 共济 and says why; a bad fund amount is caught before sending', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(`${BASE}/cashier`);
  await page.fill('#key-input', RESEARCH_KEY);
  await page.click('#key-enter');
  await page.locator('#card option', { hasText: '刘桂兰' }).waitFor({ state: 'attached' });
  await page.click('#settle');
  await page.getByText('请先选择顾客').waitFor();
  await chooseCustomer(page, '刘桂兰');
  await page.click('#settle');
  await page.getByText('请至少选择一件商品').waitFor();
  await page.click('[data-plus="dsdw"]');
  await page.fill('#fund', '-3');
  await page.click('#settle');
  await page.getByText('统筹基金支付应为不小于 0 的金额，最多两位小数').waitFor();
  await page.fill('#fund', '60');
  await page.click('#settle');
  await page.getByText('统筹基金支付不能超过医疗费总额').waitFor();
  expect(await balance()).toBe('3,268.50');

  await page.fill('#fund', '0');
  await page.selectOption('#region', '220100');
  await page.click('#settle');
  await page.locator('#receipt').waitFor();
  expect(await part(page, 'mutual').textContent()).toBe('0.00 元');
  expect(await part(page, 'cash').textContent()).toBe('56.00 元');
  await page.locator('#receipt-notes [data-code="MUTUAL_AID_OUT_OF_AREA"]').waitFor();
  expect(await balance()).toBe('3,268.50');
  await page.screenshot({ path: path.join(SHOTS, 'cashier-laptop.png'), fullPage: true });

  // 下一位顾客 starts a new bill.
  await page.click('#next');
  expect(await page.locator('#receipt').isVisible()).toBe(false);
  expect(await page.textContent('#cart-total')).toBe('0.00 元');

  // A typed card: the name must match the ID (人卡一致); 张建华 pays from his own account (职工医保).
  await page.selectOption('#card', 'manual');
  await page.fill('#manual-name', '张建国');
  await page.fill('#manual-id', SEED_IDS.zhangJianhua);
  await page.click('[data-plus="dsdw"]');
  await page.click('#settle');
  await page.getByText('医保电子凭证的姓名与证件号码不一致（人卡不一致），不能结算').waitFor();
  await page.fill('#manual-name', '张建华');
  await page.click('#settle');
  await page.locator('#receipt').waitFor();
  expect(await part(page, 'own').textContent()).toBe('56.00 元');
  expect(await part(page, 'mutual').textContent()).toBe('0.00 元');
  expect(await part(page, 'cash').textContent()).toBe('0.00 元');
  await page.locator('#receipt-notes [data-code="MUTUAL_AID_NO_BINDING"]').waitFor();
  await context.close();
});
