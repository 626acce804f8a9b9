import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Records from '@/pages/records/index';
import { SEED_IDS } from '../../mock/platform/seed';
import { bindingsOnPlatform, confirmModals, startPlatform } from './harness';

afterEach(() => jest.restoreAllMocks());

const card = (name: string, status: string) =>
  waitFor(() => {
    const el = [...document.querySelectorAll('.record')].find(
      (r) => r.getAttribute('aria-label')?.startsWith(name) && r.getAttribute('aria-label')?.endsWith(status),
    );
    if (!el) throw new Error(`no ${status} card for ${name}`);
    return el as HTMLElement;
  });

test('the list shows every status with masked data; details open on request', async () => {
  await startPlatform('wang');
  render(<Records />);
  for (const [name, status] of [
    ['周**', '生效中'],
    ['王**', '已到期'],
    ['王**', '已解绑'],
    ['王**', '未生效'],
  ] as const) {
    expect(await card(name, status)).toBeInTheDocument();
  }
  const active = await card('周**', '生效中');
  expect(within(active).queryByText('手机号码')).not.toBeInTheDocument();
  fireEvent.click(within(active).getByText('查看详情'));
  expect(await within(active).findByText('137****0020')).toBeInTheDocument();
  expect(within(active).getByText(`2301**********${SEED_IDS.wangFamily[0].slice(-4)}`)).toBeInTheDocument();
  expect(document.body.textContent).not.toMatch(/\d{17}[\dX]/);
});

test('only 未生效 and 生效中 records can be unbound', async () => {
  await startPlatform('wang');
  render(<Records />);
  expect(within(await card('周**', '生效中')).getByText('解除绑定')).toBeInTheDocument();
  expect(within(await card('王**', '未生效')).getByText('解除绑定')).toBeInTheDocument();
  expect(within(await card('王**', '已到期')).queryByText('解除绑定')).not.toBeInTheDocument();
  expect(within(await card('王**', '已解绑')).queryByText('解除绑定')).not.toBeInTheDocument();
});

test('解除绑定 asks first; cancelling changes nothing', async () => {
  const h = await startPlatform('wang');
  confirmModals(false);
  render(<Records />);
  fireEvent.click(within(await card('周**', '生效中')).getByText('解除绑定'));
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
  expect((Taro.showModal as jest.Mock).mock.calls[0][0].content).toContain('将不能再使用您的个人账户');
  expect((await bindingsOnPlatform(h)).filter((b) => b.status === '生效中')).toHaveLength(1);
});

test('confirmed 解除绑定 turns the record into 已解绑 on screen and on the platform', async () => {
  const h = await startPlatform('wang');
  confirmModals(true);
  render(<Records />);
  fireEvent.click(within(await card('周**', '生效中')).getByText('解除绑定'));
  expect(await screen.findByText('已解除与周**的绑定')).toBeInTheDocument();
  expect(await card('周**', '已解绑')).toBeInTheDocument();
  expect((await bindingsOnPlatform(h)).find((b) => b.id === 'seed-wang-1')?.status).toBe('已解绑');
});

test('an empty list says so and offers to bind', async () => {
  await startPlatform('zhang');
  render(<Records />);
  expect(await screen.findByText('还没有授权记录')).toBeInTheDocument();
  expect(screen.getByText('去绑定')).toBeInTheDocument();
});

test('without a session the page sends the user to log in', async () => {
  await startPlatform();
  const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
  render(<Records />);
  await waitFor(() =>
    expect(redirect).toHaveBeenCalledWith({ url: '/pages/login/index?redirect=%2Fpages%2Frecords%2Findex' }),
  );
});
