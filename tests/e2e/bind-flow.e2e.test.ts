// The whole flow as a citizen meets it: 服务大厅 → 家庭共济 → 绑定 → 协议 → 结果 → 记录 → 解除绑定.
import type { Browser, Page } from 'playwright-core';
import { SEED_IDS } from '../../mock/platform/seed';
import {
  api,
  arrived,
  fillBindForm,
  launch,
  modalConfirm,
  newPage,
  open,
  pageShowsFullId,
  resetPlatform,
  screenshot,
  TODAY,
  tokenOf,
  view,
} from './helpers';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  await resetPlatform();
  browser = await launch();
  page = await newPage(browser);
});
afterAll(() => browser?.close());

const XIAOMING = { name: '张小明', id: SEED_IDS.zhangXiaoming, phone: '13804510011', relation: '子女' };
const bindings = async () => (await api<{ status: string }[]>('GET', '/api/bindings', (await tokenOf(page))!)).body;

test('服务大厅 → log in → 家庭共济 shows the authorizer masked and the balance', async () => {
  await open(page, '/');
  await view(page).getByText('热门服务').waitFor();
  await screenshot(page, 'hall');
  await view(page).locator('.grid__item--main').click();
  await view(page).locator('.persona').first().waitFor();
  await screenshot(page, 'login');
  await view(page).locator('.persona', { hasText: '余额充足' }).click();
  await view(page).getByText('3,268.50').waitFor();
  await view(page).getByText('张**').first().waitFor();
  expect(await pageShowsFullId(page)).toBe(false);
  await screenshot(page, 'family');
});

test('共济账户绑定 → consent waits for the tick → 绑定成功 with 继续添加', async () => {
  await view(page).locator('.menu-row', { hasText: '共济账户绑定' }).click();
  await view(page).locator('.card__title', { hasText: '添加共济使用人' }).waitFor();
  await screenshot(page, 'bind');
  await fillBindForm(page, { ...XIAOMING, start: TODAY, end: '2027-11-22' });
  await view(page).getByText('下一步：阅读授权协议').click();
  await view(page).getByText('家庭关系承诺').waitFor();
  await arrived(page);
  expect(await pageShowsFullId(page)).toBe(false);
  const submit = view(page).locator('button', { hasText: '我已阅读并同意，提交' });
  expect(await view(page).getByRole('checkbox').getAttribute('aria-checked')).toBe('false');
  expect(await submit.getAttribute('aria-disabled')).toBe('true');
  // A tap on the disabled button, as an impatient user would do: nothing may happen.
  await submit.click({ force: true });
  await page.waitForTimeout(500);
  expect(await bindings()).toHaveLength(0);
  await screenshot(page, 'consent');
  await view(page).getByRole('checkbox').click();
  await submit.click();
  await view(page).getByText('绑定成功').waitFor();
  expect(await view(page).getByText('继续添加').isVisible()).toBe(true);
  expect(await pageShowsFullId(page)).toBe(false);
  await screenshot(page, 'result');
  expect((await bindings()).map((b) => b.status)).toEqual(['生效中']);
});

test('the record list shows the binding, details masked', async () => {
  await view(page).locator('button', { hasText: '共济账户授权记录查询解绑' }).click();
  const card = view(page).locator('.record', { hasText: '张**' });
  await card.getByText('生效中').waitFor();
  await card.getByText('查看详情').click();
  await card.getByText(`2301**********${SEED_IDS.zhangXiaoming.slice(-4)}`).waitFor();
  await card.getByText('138****0011').waitFor();
  expect(await pageShowsFullId(page)).toBe(false);
  await screenshot(page, 'records');
});

test('解除绑定 asks first, then the record reads 已解绑', async () => {
  const card = view(page).locator('.record', { hasText: '张**' });
  await card.locator('button', { hasText: '解除绑定' }).click();
  await modalConfirm(page, '确定解除').waitFor();
  await screenshot(page, 'unbind-confirm');
  await modalConfirm(page, '确定解除').click();
  await view(page).getByText('已解除与张**的绑定').waitFor();
  await card.getByText('已解绑').waitFor();
  expect(await card.locator('button', { hasText: '解除绑定' }).count()).toBe(0);
  expect((await bindings()).map((b) => b.status)).toEqual(['已解绑']);
});

test('继续添加 after a binding starts an empty form', async () => {
  await open(page, '/#/pages/bind/index');
  await fillBindForm(page, { name: '刘桂兰', id: SEED_IDS.liuGuilan, phone: '13804510012', relation: '父母' });
  await view(page).getByText('下一步：阅读授权协议').click();
  await view(page).getByRole('checkbox').click();
  await view(page).locator('button', { hasText: '我已阅读并同意，提交' }).click();
  await view(page).getByText('绑定成功').waitFor();
  await view(page).locator('button', { hasText: '继续添加' }).click();
  await view(page).locator('.card__title', { hasText: '添加共济使用人' }).waitFor();
  expect(await view(page).locator('input[placeholder="请输入证件上的姓名"]').inputValue()).toBe('');
  expect(await view(page).locator('input[placeholder="请输入证件号码"]').inputValue()).toBe('');
});
