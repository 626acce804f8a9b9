// Trainer demos: a guided tour that frames each step of the flow, and a one-tap reset to the seed.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Bind from '@/pages/bind/index';
import Hall from '@/pages/index/index';
import Login from '@/pages/login/index';
import Records from '@/pages/records/index';
import { useAuthStore } from '@/features/auth/store';
import { useBindFormStore } from '@/features/binding/formStore';
import { useRecordsStore } from '@/features/binding/recordsStore';
import { useProfileStore } from '@/features/profile/store';
import { useCareModeStore } from '@/shared/ui/careMode';
import { resetDemo } from '@/features/tour/reset';
import { useTourStore } from '@/features/tour/store';
import { SEED_IDS } from '../../mock/platform/seed';
import { bindingsOnPlatform, inputByPlaceholder, startPlatform, TODAY } from './harness';

beforeEach(() => window.history.replaceState(null, '', '/#/pages/index/index?tour=1'));
afterEach(() => {
  window.history.replaceState(null, '', '/');
  jest.restoreAllMocks();
});

const tip = () => document.querySelector('.tour-tip');

test('开始导览 frames 家庭共济 on 服务大厅 with step 1 of 7; 结束导览 puts it away', async () => {
  await startPlatform();
  render(<Hall />);
  fireEvent.click(await screen.findByText('开始导览'));
  expect(await screen.findByText('导览 第 1 步（共 7 步）')).toBeInTheDocument();
  expect(screen.getByText('点「家庭共济」，开始办理。')).toBeInTheDocument();
  // The frame holds the 热门服务 card with the 家庭共济 entry.
  expect(document.querySelector('.tour-spot')!.textContent).toContain('家庭共济');
  expect(screen.queryByText('开始导览')).not.toBeInTheDocument();
  fireEvent.click(screen.getByText('结束导览'));
  await waitFor(() => expect(tip()).toBeNull());
  expect(screen.getByText('开始导览')).toBeInTheDocument();
});

test('without a demo build or tour=1 the hall offers no tour', async () => {
  window.history.replaceState(null, '', '/');
  await startPlatform();
  render(<Hall />);
  await screen.findByText('热门服务');
  expect(screen.queryByText('开始导览')).not.toBeInTheDocument();
});

test('each screen shows its own step: the log-in frames 张建国 only', async () => {
  await startPlatform();
  useTourStore.getState().start();
  const { Current } = await import('@tarojs/runtime');
  Current.router = { params: {}, path: '/pages/login/index' } as never;
  render(<Login />);
  expect(await screen.findByText('导览 第 2 步（共 7 步）')).toBeInTheDocument();
  const frames = document.querySelectorAll('.tour-spot');
  expect(frames).toHaveLength(1);
  expect(frames[0]?.textContent).toContain('张**');
  expect(frames[0]?.textContent).toContain('余额充足');
  Current.router = null;
});

test('填入示例 fills a relative who can be bound, ready for 下一步', async () => {
  await startPlatform('zhang');
  useTourStore.getState().start();
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  render(<Bind />);
  // As a trainer would, tap once the form is on screen (its inputs drawn), not while it is still loading.
  for (const placeholder of ['请输入证件上的姓名', '请输入证件号码', '请输入使用人手机号码'])
    await inputByPlaceholder(placeholder);
  fireEvent.click(await screen.findByText('填入示例'));
  await waitFor(() =>
    expect(useBindFormStore.getState().values).toMatchObject({
      name: '张小明',
      idNumber: SEED_IDS.zhangXiaoming,
      relation: '子女',
      startDate: TODAY,
    }),
  );
  fireEvent.click(screen.getByText('下一步：阅读授权协议'));
  await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/consent/index' }));
  expect(screen.getByText('导览 第 4 步（共 7 步）')).toBeInTheDocument();
  // The app's example and the seed agree: the platform binds it.
  act(() => useBindFormStore.getState().setConsent(true));
  expect(await act(() => useBindFormStore.getState().submit())).toBe('ok');
});

test('the last step sits on the records; 重置 returns everything to the seed, once however often tapped', async () => {
  const h = await startPlatform('zhang');
  useTourStore.getState().start();
  useBindFormStore.getState().setField('name', '张小明');
  await h.raw({
    method: 'POST',
    path: '/api/bindings',
    authorization: `Bearer ${useAuthStore.getState().token}`,
    profile: 'heilongjiang',
    body: {
      requestId: 'demo-reset-0001',
      name: '张小明',
      idType: '居民身份证',
      idNumber: SEED_IDS.zhangXiaoming,
      phone: '13804510011',
      relation: '子女',
      startDate: TODAY,
      endDate: '',
      consent: true,
    },
  });
  render(<Records />);
  expect(await screen.findByText('导览 第 7 步（共 7 步）')).toBeInTheDocument();
  const before = useAuthStore.getState().token;
  expect(await bindingsOnPlatform(h, before)).toHaveLength(1);

  await waitFor(() => expect(useRecordsStore.getState().list).toHaveLength(1));
  act(() => useCareModeStore.getState().toggle());

  jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' });
  const results = await act(() => Promise.all([resetDemo(), resetDemo(), resetDemo()]));
  expect(results).toEqual([true, true, true]);
  expect(h.calls.filter((c) => c.path === '/api/admin/reset')).toHaveLength(1);
  expect(Taro.reLaunch).toHaveBeenCalledTimes(1);
  expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' });
  expect(useAuthStore.getState().token).toBeNull();
  expect(useBindFormStore.getState().values.name).toBe('');
  expect(useTourStore.getState().active).toBe(false);
  expect(useRecordsStore.getState().list).toEqual([]);
  // How the trainer set up the device stays: 关怀模式 and the rule profile.
  expect(useCareModeStore.getState().on).toBe(true);
  expect(useProfileStore.getState().profile.id).toBe('heilongjiang');
  // The old log-in went with the data; a fresh one sees the seed again.
  await useAuthStore.getState().loginAs('zhang');
  expect(await bindingsOnPlatform(h)).toEqual([]);
});

test('a reset the platform refuses says so and keeps the demo as it was', async () => {
  const h = await startPlatform('zhang');
  h.failNext((r) => r.path === '/api/admin/reset');
  jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' });
  expect(await resetDemo()).toBe(false);
  expect(Taro.reLaunch).not.toHaveBeenCalled();
  expect(useAuthStore.getState().token).not.toBeNull();
});
