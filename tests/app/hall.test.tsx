import { render, screen } from '@testing-library/react';
import ServiceHall from '@/pages/index/index';
import { startPlatform } from './harness';

test('服务大厅 leads to 家庭共济 from both 热门服务 and 我要办', async () => {
  await startPlatform();
  render(<ServiceHall />);
  expect(await screen.findByText('热门服务')).toBeInTheDocument();
  expect(screen.getByText('我要办')).toBeInTheDocument();
  expect(screen.getAllByText('家庭共济')).toHaveLength(2);
  expect(screen.getByText('登录医保服务平台')).toBeInTheDocument();
});

test('logging in returns to the page that asked for it, given encoded or plain', async () => {
  const { default: Login } = await import('@/pages/login/index');
  const Taro = (await import('@tarojs/taro')).default;
  const { fireEvent, waitFor } = await import('@testing-library/react');
  const { Current } = await import('@tarojs/runtime');
  for (const redirect of ['%2Fpages%2Fbind%2Findex', '/pages/bind/index']) {
    await startPlatform();
    Current.router = { params: { redirect }, path: '/pages/login/index' } as never;
    const go = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
    const { unmount } = render(<Login />);
    fireEvent.click(await screen.findByText('绑定人数已到上限的演示账户'));
    await waitFor(() => expect(go).toHaveBeenCalledWith({ url: '/pages/bind/index' }));
    unmount();
    jest.restoreAllMocks();
  }
  Current.router = null;
});

test('a session that ended says so on 登录; a first log-in does not', async () => {
  const { default: Login } = await import('@/pages/login/index');
  const { Current } = await import('@tarojs/runtime');
  await startPlatform();
  Current.router = { params: { redirect: '/pages/records/index', ended: '1' }, path: '/pages/login/index' } as never;
  const first = render(<Login />);
  expect(await screen.findByText(/您的登录已结束/)).toBeInTheDocument();
  first.unmount();
  Current.router = { params: { redirect: '/pages/records/index' }, path: '/pages/login/index' } as never;
  render(<Login />);
  await screen.findByText('余额充足');
  expect(screen.queryByText(/您的登录已结束/)).toBeNull();
  Current.router = null;
});
