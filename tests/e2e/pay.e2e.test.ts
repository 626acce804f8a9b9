// 代缴城乡居民医保费 for a bound relative, from the authorizer's balance, once per year.
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
  tokenOf,
  view,
} from './helpers';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  await resetPlatform();
  browser = await launch();
  page = await newPage(browser);
  await loginFromHall(page, '余额充足');
  await open(page, '/#/pages/bind/index');
  await fillBindForm(page, { name: '刘桂兰', id: SEED_IDS.liuGuilan, phone: '13804510012', relation: '父母' });
  await view(page).getByText('下一步：阅读授权协议').click();
  await view(page).getByRole('checkbox').click();
  await view(page).locator('button', { hasText: '我已阅读并同意，提交' }).click();
  await view(page).getByText('绑定成功').waitFor();
});
afterAll(() => browser?.close());

async function payFor2027() {
  await open(page, '/#/pages/pay/index');
  await view(page).locator('.choice', { hasText: '刘**（父母）' }).click();
  await view(page).locator('.choice', { hasText: '2027 年度' }).click();
  await view(page).locator('button', { hasText: '确认代缴 400.00 元' }).click();
  await modalConfirm(page, '确认缴费').click();
}

test('代缴 takes 400.00 元 from the balance and says so', async () => {
  await open(page, '/#/pages/pay/index');
  await view(page).getByText('3,268.50 元').waitFor();
  await screenshot(page, 'pay');
  await payFor2027();
  await view(page).getByText('缴费成功').waitFor();
  await view(page).getByText('已为刘**缴纳 2027 年度城乡居民医保费 400.00 元').waitFor();
  await view(page).locator('.info-row', { hasText: '账户余额' }).getByText('2,868.50 元').waitFor();
  await screenshot(page, 'pay-done');
});

test('the same year twice: marked 已缴 on screen, refused by the platform, the balance stays', async () => {
  await view(page).locator('button', { hasText: '继续代缴' }).click();
  await view(page).locator('.choice', { hasText: '刘**（父母）' }).click();
  const paid = view(page).locator('.choice', { hasText: '2027 年度已缴' });
  expect(await paid.getAttribute('aria-disabled')).toBe('true');
  expect(await view(page).locator('button', { hasText: '确认代缴 400.00 元' }).getAttribute('aria-disabled')).toBe(
    'true',
  );
  // A client that asks anyway is refused, and nothing is taken.
  const token = (await tokenOf(page))!;
  const bindingId = (await api<{ bindingId: string }[]>('GET', '/api/payments', token)).body[0]?.bindingId;
  const again = await api<{ message: string }>('POST', '/api/payments', token, {
    bindingId,
    year: 2027,
    requestId: `r${Date.now().toString(36)}again01`,
  });
  expect(again.body.message).toContain('这位使用人 2027 年度的居民医保费已经缴纳');
  await open(page, '/#/pages/pay/index');
  await view(page).locator('.info-row__value', { hasText: '2,868.50 元' }).waitFor();
});
