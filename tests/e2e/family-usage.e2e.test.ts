// The story of 共济 in use, as the people meet it on a phone: 张建国 binds his mother 刘桂兰 → she buys
// medicine at a 定点药店 (the 收银台 page, driven in a second browser page) → he sees it in 共济使用明细
// with his balance lowered → 刘桂兰 logs in on her own phone and sees it under 授权我的.
import type { Browser, Page } from 'playwright-core';
import { SEED_IDS } from '../../mock/platform/seed';
import {
  api,
  arrived,
  BASE,
  fillBindForm,
  launch,
  loginFromHall,
  newPage,
  open,
  pageShowsFullId,
  RESEARCH_KEY,
  resetPlatform,
  screenshot,
  seriousViolations,
  tapOn,
  TODAY,
  tokenOf,
  view,
} from './helpers';

let browser: Browser;

beforeAll(async () => {
  await resetPlatform();
  browser = await launch();
});
afterAll(() => browser?.close());

const LIU = { name: '刘桂兰', id: SEED_IDS.liuGuilan, phone: '13804510012', relation: '父母' };

/** Nothing wider than the phone: no sideways scrolling anywhere on the page. */
const widest = (page: Page) =>
  page.evaluate(() =>
    Math.max(
      document.documentElement.scrollWidth,
      ...[...document.querySelectorAll('.screen')].map((s) => s.scrollWidth),
    ),
  );

/** Lines holding one character alone (a wrapped 元 or 止): none in any text of the page shown. */
const lonelyCharacters = (page: Page) =>
  page.evaluate(() => {
    const found: string[] = [];
    const shown = [...document.querySelectorAll('.taro_page')].filter((p) => (p as HTMLElement).offsetParent !== null);
    const root = shown[shown.length - 1];
    if (!root) return found;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? '';
      if (text.trim().length < 2) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const lines = new Map<number, number>();
      for (let i = 0; i < text.length; i++) {
        if (!text[i]!.trim()) continue;
        range.setStart(n, i);
        range.setEnd(n, i + 1);
        const r = range.getBoundingClientRect();
        if (!r.width) continue;
        const top = Math.round(r.top);
        lines.set(top, (lines.get(top) ?? 0) + 1);
      }
      if (lines.size > 1 && [...lines.values()].some((c) => c === 1)) found.push(text);
    }
    return found;
  });

async function looksRight(page: Page, name: string) {
  expect({ name, width: await widest(page) }).toEqual({ name, width: 375 });
  expect({ name, lonely: await lonelyCharacters(page) }).toEqual({ name, lonely: [] });
  expect(await pageShowsFullId(page)).toBe(false);
  expect({ name, axe: await seriousViolations(page) }).toEqual({ name, axe: [] });
  await screenshot(page, name);
}

async function tapText(page: Page, selector: string, text: string) {
  await tapOn(page, view(page).locator(selector, { hasText: text }).first());
}

let authorizer: Page;
let balanceBefore = '';

test('张建国 binds his mother 刘桂兰', async () => {
  authorizer = await newPage(browser);
  await loginFromHall(authorizer, '余额充足');
  balanceBefore = (await view(authorizer).locator('.balance__value').innerText()).trim();
  expect(balanceBefore).toBe('3,268.50');
  await tapText(authorizer, '.menu-row', '共济账户绑定');
  await fillBindForm(authorizer, { ...LIU, start: TODAY });
  await tapText(authorizer, 'button', '下一步：阅读授权协议');
  await view(authorizer).getByText('家庭关系承诺').waitFor();
  await arrived(authorizer);
  await tapOn(authorizer, view(authorizer).getByRole('checkbox'));
  await tapText(authorizer, 'button', '我已阅读并同意，提交');
  await view(authorizer).getByText('绑定成功').waitFor();
});

test('an empty 共济使用明细 says why in plain words', async () => {
  await open(authorizer, '/#/pages/usage/index');
  await view(authorizer).getByText('还没有共济使用记录').waitFor();
  await looksRight(authorizer, 'usage-empty');
});

let settled: { mutualAidYuan: string } | null = null;

test('刘桂兰 buys medicine at a 定点药店: the 收银台 settles it, 共济 from 张建国 pays', async () => {
  settled = await settleAtCashier(browser);
  expect(settled.mutualAidYuan).toBe('76.90');
});

test('张建国 sees the purchase in 共济使用明细 with his balance lowered', async () => {
  await open(authorizer, '/#/pages/family/index');
  await view(authorizer).getByText('3,191.60').waitFor();
  await tapText(authorizer, '.menu-row', '共济使用明细');
  await arrived(authorizer);
  const row = view(authorizer).locator('.usage-item', { hasText: '共济结算' });
  await row.waitFor();
  expect(await row.getAttribute('aria-label')).toBe(`${chinese(TODAY)}，刘**，共济结算，支付 76.90 元`);
  await row.getByText('刘**（父母）').waitFor();
  await row.getByText('康民大药房').waitFor();
  await row.getByText('3,191.60 元').waitFor();
  await view(authorizer).locator('.usage-totals', { hasText: '76.90 元' }).waitFor();
  await looksRight(authorizer, 'usage');
  // The month filter: the purchase is in this month, and nothing in the one before.
  await view(authorizer).locator('select.picker-value--usage-month').selectOption(monthText(TODAY));
  await row.waitFor();
  await screenshot(authorizer, 'usage-filtered');
});

test('a 退费 and a 代缴 join the same history, each marked, the totals net of the money returned', async () => {
  const institution = (path: string, body?: unknown) =>
    fetch(`${BASE}/api/institution/settlements${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-research-key': RESEARCH_KEY },
      body: JSON.stringify(body ?? {}),
    });
  const bill = {
    settlementId: 'E2E-STORY-0002',
    relative: { idNumber: LIU.id, name: LIU.name },
    institution: { name: '康民大药房', kind: '定点零售药店', regionCode: '230102', visitType: null },
    lines: [{ category: '医疗器械', name: '电子血压计', amount: 20 }],
    total: 20,
    fund: 0,
  };
  expect((await institution('', bill)).status).toBe(201);
  expect((await institution('/E2E-STORY-0002/refund')).status).toBe(200);
  const token = (await tokenOf(authorizer))!;
  const bindingId = (await api<{ id: string }[]>('GET', '/api/bindings', token)).body[0]!.id;
  const year = Number(TODAY.slice(0, 4)) + 1;
  expect((await api('POST', '/api/payments', token, { bindingId, year, requestId: 'e2e-story-pay-0001' })).status).toBe(
    201,
  );
  await open(authorizer, '/#/pages/usage/index');
  const v = view(authorizer);
  await v.locator('.usage-item', { hasText: '代缴' }).getByText(`城乡居民医保费（${year}年度）`).waitFor();
  await v.locator('.usage-item', { hasText: '退回 20.00 元' }).getByText('退回后余额').waitFor();
  // The purchase that was refunded says so beside its own line.
  await v.locator('.usage-item', { hasText: '支付 20.00 元' }).getByText('已退费').waitFor();
  // 76.90 + 20.00 + 400.00 out, 20.00 back.
  await v.locator('.usage-totals', { hasText: '476.90 元' }).waitFor();
  expect(await v.locator('.usage-totals').textContent()).toContain('共 4 笔：支付 496.90 元，退回 20.00 元');
  await looksRight(authorizer, 'usage-kinds');
});

test('刘桂兰 logs in and sees the purchase under 授权我的, and nothing she could change', async () => {
  const mother = await newPage(browser);
  await open(mother, '/');
  await view(mother).getByText('热门服务').waitFor();
  await tapOn(mother, view(mother).locator('.grid__item--main'));
  const persona = view(mother).locator('.persona', { hasText: '刘**' });
  await persona.getByText('1 位家人授权您使用其个人账户').waitFor();
  await looksRight(mother, 'login-relatives');
  await tapOn(mother, persona);
  await view(mother).locator('.menu-row', { hasText: '授权我的' }).waitFor();
  for (const absent of ['共济账户绑定', '代缴城乡居民医保费', '共济账户授权记录查询解绑', '个人账户余额（元）'])
    expect(await view(mother).getByText(absent).count()).toBe(0);
  await looksRight(mother, 'family-relative');
  await tapText(mother, '.menu-row', '授权我的');
  const grant = view(mother).locator('.grant');
  await grant.waitFor();
  expect(await grant.getAttribute('aria-label')).toBe('授权人张**，生效中');
  await grant.getByText(`${chinese(TODAY)}起，长期有效`).waitFor();
  await grant.locator('.usage-item', { hasText: '支付 76.90 元' }).waitFor();
  expect(await grant.getByText('解除绑定').count()).toBe(0);
  expect(await view(mother).getByText(/余额/).count()).toBe(0);
  await looksRight(mother, 'granted');
  // The platform refuses her a binding in its own words, should she open the form by a link.
  const token = await tokenOf(mother);
  const refused = await api<{ code: string; message: string }>('POST', '/api/bindings', token!, {
    requestId: 'relative-bind-0001',
  });
  expect(refused.status).toBe(403);
  expect(refused.body.code).toBe('RELATIVE_NOT_ALLOWED');
  await mother.context().close();
});

test('both screens in 关怀模式: larger text, nothing wider than the phone, no character alone', async () => {
  const care = await newPage(browser, { care: true });
  await loginFromHall(care, '余额充足');
  await open(care, '/#/pages/usage/index');
  await view(care).locator('.usage-item', { hasText: '共济结算' }).first().waitFor();
  const size = await view(care)
    .locator('.usage-item__who')
    .first()
    .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(size).toBeGreaterThanOrEqual(26);
  await looksRight(care, 'usage-care');
  await care.context().close();
  const mother = await newPage(browser, { care: true });
  await open(mother, '/#/pages/login/index');
  await tapOn(mother, view(mother).locator('.persona', { hasText: '刘**' }));
  await view(mother).locator('.menu-row', { hasText: '授权我的' }).waitFor();
  await open(mother, '/#/pages/granted/index');
  await view(mother).locator('.grant .usage-item').first().waitFor();
  await looksRight(mother, 'granted-care');
  await mother.context().close();
});

const chinese = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const monthText = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月`;

/**
 * The 收银台 in a second browser page (a trainer's phone): key, 刘桂兰's card, two boxes of medicine, a
 * thermometer and hand soap (a 生活用品, never paid by 医保 money), 医保结算, and the 结算单's 共济 line.
 */
async function settleAtCashier(b: Browser): Promise<{ mutualAidYuan: string }> {
  const till = await newPage(b);
  await till.goto(`${BASE}/cashier`);
  await till.fill('#key-input', RESEARCH_KEY);
  await till.tap('#key-enter');
  const card = till.locator('#card option', { hasText: '刘桂兰' }).first();
  await card.waitFor({ state: 'attached' });
  await till.selectOption('#card', (await card.getAttribute('value'))!);
  for (const id of ['amx', 'amx', 'twj', 'xsy']) await till.tap(`[data-plus="${id}"]`);
  await till.tap('#settle');
  await till.locator('#receipt').waitFor();
  const mutual = (await till.locator('[data-part="mutual"]').textContent()) ?? '';
  expect(mutual).toContain('授权人 张** 的账户 76.90 元');
  expect(await till.locator('[data-part="cash"]').textContent()).toBe('12.80 元');
  await till.context().close();
  return { mutualAidYuan: /([\d,]+\.\d\d) 元/.exec(mutual)?.[1] ?? '' };
}
