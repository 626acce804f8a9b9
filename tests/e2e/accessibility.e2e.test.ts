// Every screen in both modes passes axe-core with no serious or critical violation, 关怀模式 really is
// larger, and a binding can be done with the keyboard alone.
import type { Browser, Page } from 'playwright-core';
import { SEED_IDS } from '../../mock/platform/seed';
import {
  api,
  BASE,
  fillBindForm,
  launch,
  loginFromHall,
  newPage,
  open,
  resetPlatform,
  screenshot,
  seriousViolations,
  tokenOf,
  view,
  type Relative,
} from './helpers';

let browser: Browser;

beforeAll(async () => {
  await resetPlatform();
  browser = await launch();
});
afterAll(() => browser?.close());

const SCREENS: [string, string][] = [
  ['服务大厅', '/'],
  ['家庭共济', '/#/pages/family/index'],
  ['共济账户绑定', '/#/pages/bind/index'],
  ['授权记录', '/#/pages/records/index'],
  ['代缴', '/#/pages/pay/index'],
  ['共济使用明细', '/#/pages/usage/index'],
  ['使用范围', '/#/pages/info/index'],
  ['常见问题', '/#/pages/info/index?topic=faq'],
];

async function auditFlowScreens(page: Page, mode: string, relative: Relative) {
  const found: string[] = [];
  const audit = async (name: string) =>
    found.push(...(await seriousViolations(page)).map((v) => `${mode} ${name}: ${v}`));
  await open(page, '/#/pages/login/index');
  await view(page).locator('.persona').first().waitFor();
  await audit('登录');
  await view(page).locator('.persona', { hasText: '已有生效中' }).click();
  await view(page).getByText('个人账户余额（元）').waitFor();
  for (const [name, route] of SCREENS) {
    await open(page, route);
    await page.waitForTimeout(600);
    await audit(name);
  }
  await open(page, '/#/pages/bind/index');
  await view(page).getByText('下一步：阅读授权协议').click();
  await view(page).locator('.field__error').first().waitFor();
  await audit('绑定（有错误）');
  await fillBindForm(page, relative);
  await view(page).getByText('下一步：阅读授权协议').click();
  await view(page).getByText('家庭关系承诺').waitFor();
  await audit('授权协议');
  await view(page).getByRole('checkbox').click();
  await view(page).locator('button', { hasText: '我已阅读并同意，提交' }).click();
  await view(page).getByText('绑定成功').waitFor();
  await audit('绑定成功');
  return found;
}

/** The consent screen of a profile with extras: 河北's signature pad, 浙江's proof upload. */
async function auditConsentOf(page: Page, profile: string, title: string) {
  await page.goto(`${BASE}/?profile=${profile}#/pages/login/index`);
  await view(page).locator('.persona', { hasText: '余额充足' }).click();
  await view(page).getByText('个人账户余额（元）').waitFor();
  await open(page, `/?profile=${profile}#/pages/bind/index`);
  await fillBindForm(page, { name: '张小明', id: SEED_IDS.zhangXiaoming, phone: '13804510011', relation: '子女' });
  await view(page).getByText('下一步：阅读授权协议').click();
  await view(page).getByText(title).first().waitFor();
  await screenshot(page, `consent-${profile}`);
  return (await seriousViolations(page)).map((v) => `${profile} 授权协议: ${v}`);
}

// Both modes bind on the same platform, so each binds a different relative.
test.each([
  ['标准模式', false, { name: '刘桂兰', id: SEED_IDS.liuGuilan, phone: '13804510012', relation: '父母' }],
  ['关怀模式', true, { name: '张小明', id: SEED_IDS.zhangXiaoming, phone: '13804510011', relation: '子女' }],
])('%s: no serious axe violation on any screen', async (mode, care, relative) => {
  const page = await newPage(browser, { care: care as boolean });
  expect(await auditFlowScreens(page, mode as string, relative as Relative)).toEqual([]);
});

test('河北 (signature) and 浙江 (proof photos) consent screens have no serious axe violation', async () => {
  const page = await newPage(browser);
  expect([
    ...(await auditConsentOf(page, 'hebei', '授权人签名')),
    ...(await auditConsentOf(page, 'zhejiang', '上传家庭关系证明')),
  ]).toEqual([]);
});

test('关怀模式 is larger: main text at least 18 px, line height 1.3, targets at least 60 px', async () => {
  const measure = async (care: boolean) => {
    const page = await newPage(browser, { care });
    await loginFromHall(page, '余额充足');
    await open(page, '/#/pages/bind/index');
    await view(page).locator('.card__title', { hasText: '添加共济使用人' }).waitFor();
    if (care) await screenshot(page, 'bind-care');
    return view(page)
      .locator('.screen')
      .evaluate((screen) => {
        const body = getComputedStyle(screen.querySelector('.info-row__value')!);
        const targets = [...screen.querySelectorAll('input, select, button, [role=button]')].map(
          (e) => e.getBoundingClientRect().height,
        );
        return {
          font: parseFloat(body.fontSize),
          line: parseFloat(body.lineHeight) / parseFloat(body.fontSize),
          minTarget: Math.min(...targets.filter((h) => h > 0)),
        };
      });
  };
  const normal = await measure(false);
  const care = await measure(true);
  expect(normal.font).toBeGreaterThanOrEqual(18);
  expect(care.font).toBeGreaterThan(normal.font * 1.15);
  expect(care.line).toBeGreaterThanOrEqual(1.3);
  expect(care.minTarget).toBeGreaterThanOrEqual(60);
});

test('关怀模式 is switched on 服务大厅 and remembered', async () => {
  const page = await newPage(browser);
  await open(page, '/');
  await view(page).getByRole('switch').click();
  await view(page).locator('.screen--care').waitFor();
  await screenshot(page, 'hall-care');
  await page.reload();
  await view(page).locator('.screen--care').waitFor();
  expect(await view(page).getByRole('switch').getAttribute('aria-checked')).toBe('true');
});

test('a binding can be done with the keyboard alone', async () => {
  const page = await newPage(browser, { care: true });
  const tabTo = async (
    match: (el: { tag: string; text: string; label: string; placeholder: string }) => boolean,
    max = 40,
  ) => {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      const el = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement;
        return {
          tag: a.tagName,
          text: (a.innerText || '').trim(),
          label: a.getAttribute('aria-label') || '',
          placeholder: a.getAttribute('placeholder') || '',
        };
      });
      if (match(el)) return;
    }
    throw new Error('focus never reached the wanted control');
  };
  await open(page, '/');
  await tabTo((e) => e.text.startsWith('家庭共济'));
  await page.keyboard.press('Enter');
  await view(page).locator('.persona').first().waitFor();
  await tabTo((e) => e.text.includes('余额充足'));
  await page.keyboard.press('Enter');
  await view(page).getByText('个人账户余额（元）').waitFor();
  await tabTo((e) => e.text.startsWith('共济账户绑定'));
  await page.keyboard.press('Enter');
  await view(page).locator('.card__title', { hasText: '添加共济使用人' }).waitFor();
  await tabTo((e) => e.placeholder === '请输入证件上的姓名');
  await page.keyboard.type('张小明');
  await tabTo((e) => e.placeholder === '请输入证件号码');
  await page.keyboard.type(SEED_IDS.zhangXiaoming);
  await tabTo((e) => e.placeholder === '请输入使用人手机号码');
  await page.keyboard.type('13804510011');
  await tabTo((e) => e.tag === 'SELECT' && e.label === '与本人关系');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  expect(await view(page).locator('select.picker-value--relation').inputValue()).toBe('子女');
  await tabTo((e) => e.tag === 'BUTTON' && e.text.startsWith('下一步'));
  await page.keyboard.press('Enter');
  await view(page).getByText('家庭关系承诺').waitFor();
  await tabTo((e) => e.label.startsWith('我已阅读并同意'));
  await page.keyboard.press('Space');
  await tabTo((e) => e.tag === 'BUTTON' && e.text.includes('提交'));
  await page.keyboard.press('Enter');
  await view(page).getByText('绑定成功').waitFor();
  const list = await api<{ relation: string }[]>('GET', '/api/bindings', (await tokenOf(page))!);
  expect(list.body.map((b) => b.relation)).toEqual(['子女']);
});
