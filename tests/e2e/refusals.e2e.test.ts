// The refusals a user meets: each is said in plain words, nothing is created, nothing typed is lost.
import type { Browser, Page } from 'playwright-core';
import { SEED_IDS } from '../../mock/platform/seed';
import {
  api,
  fieldError,
  fillBindForm,
  launch,
  loginFromHall,
  newPage,
  open,
  resetPlatform,
  screenshot,
  tokenOf,
  TODAY,
  view,
  type Relative,
} from './helpers';

let browser: Browser;

beforeAll(async () => {
  await resetPlatform();
  browser = await launch();
});
afterAll(() => browser?.close());

const XIAOMING: Relative = { name: '张小明', id: SEED_IDS.zhangXiaoming, phone: '13804510011', relation: '子女' };
const SUBMIT = '我已阅读并同意，提交';

async function signedIn(persona: string): Promise<Page> {
  const page = await newPage(browser);
  await loginFromHall(page, persona);
  await open(page, '/#/pages/bind/index');
  return page;
}

const bindingCount = async (page: Page) =>
  (await api<unknown[]>('GET', '/api/bindings', (await tokenOf(page))!)).body.length;

async function submitThroughConsent(page: Page) {
  await view(page).getByText('下一步：阅读授权协议').click();
  await view(page).getByRole('checkbox').click();
  await view(page).locator('button', { hasText: SUBMIT }).click();
}

async function expectTypedKept(page: Page, r: Relative) {
  await open(page, '/#/pages/bind/index');
  const v = view(page);
  expect(await v.locator('input[placeholder="请输入证件上的姓名"]').inputValue()).toBe(r.name);
  expect(await v.locator('input[placeholder="请输入证件号码"]').inputValue()).toBe(r.id);
  expect(await v.locator('input[placeholder="请输入使用人手机号码"]').inputValue()).toBe(r.phone);
  expect(await v.locator('select.picker-value--relation').inputValue()).toBe(r.relation);
}

test('a start date before today is named next to the field and stops 下一步', async () => {
  const page = await signedIn('余额充足');
  await fillBindForm(page, { ...XIAOMING, start: '2026-11-21' });
  await fieldError(page, '授权开始日期不能早于今天').waitFor();
  await view(page).getByText('下一步：阅读授权协议').click();
  await view(page).getByText('还有 1 处需要修改，请看标红的提示').waitFor();
  await screenshot(page, 'bind-errors');
  expect(await view(page).getByText('家庭关系承诺').count()).toBe(0);
  expect(await bindingCount(page)).toBe(0);
});

test('an end date equal to the start is refused; another day is accepted', async () => {
  const page = await signedIn('余额充足');
  await fillBindForm(page, { ...XIAOMING, start: TODAY, end: TODAY });
  await fieldError(page, '授权终止日期不能与开始日期是同一天').waitFor();
  await view(page).locator('input.picker-value--end').fill('2026-11-23');
  expect(await fieldError(page, '授权终止日期').count()).toBe(0);
});

test('a relative who is not insured: refused, nothing bound, everything typed still there', async () => {
  const page = await signedIn('余额充足');
  const sun: Relative = { name: '孙玉梅', id: SEED_IDS.sunYumei, phone: '13804510015', relation: '配偶' };
  await fillBindForm(page, sun);
  await submitThroughConsent(page);
  await view(page).locator('.notice--error', { hasText: '该使用人未参加基本医疗保险，暂不能绑定' }).waitFor();
  await screenshot(page, 'refusal-not-insured');
  expect(await bindingCount(page)).toBe(0);
  await view(page).locator('button', { hasText: '返回修改' }).click();
  await fieldError(page, '该使用人未参加基本医疗保险').waitFor();
  await expectTypedKept(page, sun);
});

test('too low a balance: refused in plain words, nothing bound', async () => {
  const page = await signedIn('个人账户余额不足');
  await fillBindForm(page, XIAOMING);
  await submitThroughConsent(page);
  await view(page).locator('.notice--error', { hasText: '您的个人账户余额不足 400.00 元，暂不能办理' }).waitFor();
  await screenshot(page, 'refusal-balance');
  expect(await bindingCount(page)).toBe(0);
  await expectTypedKept(page, XIAOMING);
});

test('a duplicate binding of the same relative is refused', async () => {
  const page = await signedIn('余额充足');
  await fillBindForm(page, XIAOMING);
  await submitThroughConsent(page);
  await view(page).getByText('绑定成功').waitFor();
  await open(page, '/#/pages/bind/index');
  await fillBindForm(page, XIAOMING);
  await submitThroughConsent(page);
  await view(page).locator('.notice--error', { hasText: '您已为这位使用人办理过授权，不能重复绑定' }).waitFor();
  expect(await bindingCount(page)).toBe(1);
});

test('consent not ticked: submit stays disabled and nothing is sent', async () => {
  const page = await signedIn('已有生效中');
  const before = await bindingCount(page);
  await fillBindForm(page, { name: '刘桂兰', id: SEED_IDS.liuGuilan, phone: '13804510012', relation: '父母' });
  await view(page).getByText('下一步：阅读授权协议').click();
  const submit = view(page).locator('button', { hasText: SUBMIT });
  await view(page).getByText('请先勾选同意，才能提交').waitFor();
  expect(await submit.getAttribute('aria-disabled')).toBe('true');
  // A forced click does not wait for the page to finish sliding in.
  await page.waitForTimeout(400);
  await submit.click({ force: true });
  await page.waitForTimeout(500);
  expect(await view(page).getByText('绑定成功').count()).toBe(0);
  expect(await bindingCount(page)).toBe(before);
});
