// Province profiles in a real browser: chosen by ?profile= at start-up, shown on screen, and their
// extra steps (河北 signature, 浙江 proof photos) done the way a user does them.
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { PROFILES, type ProfileId } from '@domain/profiles';
import { seedIds } from '../../mock/platform/seed';
import { BASE, fillBindForm, launch, newPage, open, view } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** 张小明 as each profile seeds him: the same person, an ID number of that province. */
const xiaoming = (profile: ProfileId) => ({
  name: '张小明',
  id: seedIds(PROFILES[profile]).zhangXiaoming,
  phone: '13804510011',
  relation: '子女',
});

async function toConsent(page: Page, profile: ProfileId) {
  await fetch(`${BASE}/api/admin/reset`, { method: 'POST', headers: { 'x-rule-profile': profile } });
  await page.goto(`${BASE}/?profile=${profile}#/pages/login/index`);
  await view(page).locator('.persona', { hasText: '余额充足' }).click();
  await view(page).getByText('个人账户余额（元）').waitFor();
  await open(page, `/?profile=${profile}#/pages/bind/index`);
  await fillBindForm(page, xiaoming(profile));
  await view(page).getByText('下一步：阅读授权协议').click();
}

const boundOn = async (page: Page, profile: string) => {
  const raw = await page.evaluate((p) => localStorage.getItem(`session-token:${p}`), profile);
  const token = (JSON.parse(raw!) as { data: string }).data;
  const res = await fetch(`${BASE}/api/bindings`, {
    headers: { authorization: `Bearer ${token}`, 'x-rule-profile': profile },
  });
  return ((await res.json()) as unknown[]).length;
};

test('the profile named in the address is shown on 服务大厅; an unknown one is refused', async () => {
  const page = await newPage(browser);
  await page.goto(`${BASE}/?profile=shanxi#/pages/index/index`);
  await view(page)
    .getByText(/山西医保服务平台/)
    .waitFor();
  await page.goto(`${BASE}/?profile=guangdong#/pages/index/index`);
  await page.reload();
  await view(page)
    .getByText(/没有「guangdong」这个规则配置/)
    .waitFor();
  await view(page)
    .getByText(/黑龙江医保服务平台/)
    .waitFor();
});

test('河北: submit waits for a signature drawn on the pad', async () => {
  const page = await newPage(browser);
  await toConsent(page, 'hebei');
  const submit = view(page).locator('button', { hasText: '签名并提交' });
  await view(page).getByRole('checkbox').click();
  expect(await submit.getAttribute('aria-disabled')).toBe('true');
  const pad = view(page).locator('canvas.signature__canvas');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 40);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 30 + i * 20, box.y + 40 + (i % 2) * 50);
  await page.mouse.up();
  await view(page).getByText('已签名。').waitFor();
  await submit.click();
  await view(page).getByText('绑定成功').waitFor();
  expect(await boundOn(page, 'hebei')).toBe(1);
});

test('河北: a typed name can stand in for the handwriting', async () => {
  const page = await newPage(browser);
  await toConsent(page, 'hebei');
  await view(page).locator('input[placeholder="输入姓名生成签名"]').fill('张建国');
  await view(page).locator('button', { hasText: '用输入的姓名签名' }).click();
  await view(page).getByText('已签名。').waitFor();
  await view(page).getByRole('checkbox').click();
  await view(page).locator('button', { hasText: '签名并提交' }).click();
  await view(page).getByText('绑定成功').waitFor();
});

test('浙江: a photo of 结婚证 or 户口簿 is chosen, shrunk and sent', async () => {
  const page = await newPage(browser);
  await toConsent(page, 'zhejiang');
  await view(page).getByRole('checkbox').click();
  const submit = view(page).locator('button', { hasText: '提交备案' });
  expect(await submit.getAttribute('aria-disabled')).toBe('true');
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    view(page).locator('button', { hasText: '上传结婚证或户口簿照片' }).click(),
  ]);
  await chooser.setFiles(path.join(__dirname, 'fixtures-proof.png'));
  await view(page).locator('.proofs__item').first().waitFor();
  await submit.click();
  await view(page).getByText('绑定成功').waitFor();
  expect(await boundOn(page, 'zhejiang')).toBe(1);
});
