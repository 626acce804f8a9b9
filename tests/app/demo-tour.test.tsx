// Trainer demos: a guided tour that frames each step of the flow, and a one-tap reset to the seed.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Bind from '@/pages/bind/index';
import Consent from '@/pages/consent/index';
import Result from '@/pages/result/index';
import Hall from '@/pages/index/index';
import Login from '@/pages/login/index';
import Records from '@/pages/records/index';
import Usage from '@/pages/usage/index';
import { useAuthStore } from '@/features/auth/store';
import { useBindFormStore } from '@/features/binding/formStore';
import { useRecordsStore } from '@/features/binding/recordsStore';
import { useCareModeStore } from '@/shared/ui/careMode';
import { resetDemo } from '@/features/tour/reset';
import type * as tourStoreModule from '@/features/tour/store';
import { useTourStore } from '@/features/tour/store';
import { useProfileStore } from '@/features/profile/store';
import { SEED_IDS } from '../../mock/platform/seed';
import { bindingsOnPlatform, inputByPlaceholder, startPlatform, TODAY } from './harness';

type TourStoreModule = typeof tourStoreModule;

beforeEach(() => window.history.replaceState(null, '', '/#/pages/index/index?tour=1'));
afterEach(() => {
  window.history.replaceState(null, '', '/');
  jest.restoreAllMocks();
});

const tip = () => document.querySelector('.tour-tip');
const frames = () => Array.from(document.querySelectorAll('.tour-frame'));
const firstFrame = (): Element => {
  const frame = frames()[0];
  if (!frame) throw new Error('no tour frame on screen');
  return frame;
};
/** What a user can press inside the frame: it must be exactly the one control the step names. */
const controlsIn = (frame: Element) =>
  frame.querySelectorAll('button, [role="button"], [role="checkbox"], input, select, canvas').length;

test('开始导览 frames the 家庭共济 tile alone on 服务大厅, step 1 of 9; 结束导览 puts it away', async () => {
  await startPlatform();
  render(<Hall />);
  fireEvent.click(await screen.findByText('开始导览'));
  expect(await screen.findByText('导览 第 1 步（共 10 步）')).toBeInTheDocument();
  expect(screen.getByText('点框中的「家庭共济」，开始办理。')).toBeInTheDocument();
  expect(frames()).toHaveLength(1);
  expect(firstFrame().textContent).toBe('共家庭共济');
  expect(controlsIn(firstFrame())).toBe(1);
  // The tour's own controls sit in the words box, outside the frame.
  expect(firstFrame().textContent).not.toContain('结束导览');
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

test('each screen shows its own step: the log-in frames 张建国 only, and no full name is shown', async () => {
  await startPlatform();
  useTourStore.getState().start();
  const { Current } = await import('@tarojs/runtime');
  Current.router = { params: {}, path: '/pages/login/index' } as never;
  render(<Login />);
  expect(await screen.findByText('导览 第 2 步（共 10 步）')).toBeInTheDocument();
  expect(frames()).toHaveLength(1);
  expect(firstFrame().textContent).toContain('张**');
  expect(firstFrame().textContent).toContain('余额充足');
  expect(controlsIn(firstFrame())).toBe(1);
  expect(document.body.textContent).not.toContain('张建国');
  Current.router = null;
});

test('填入示例 fills a relative who can be bound; then the frame moves on to 下一步', async () => {
  await startPlatform('zhang');
  useTourStore.getState().start();
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  render(<Bind />);
  // As a trainer would, tap once the form is on screen (its inputs drawn), not while it is still loading.
  for (const placeholder of ['请输入证件上的姓名', '请输入证件号码', '请输入使用人手机号码'])
    await inputByPlaceholder(placeholder);
  expect(await screen.findByText('导览 第 4 步（共 10 步）')).toBeInTheDocument();
  expect(frames().map((f) => f.textContent)).toEqual(['填入示例']);
  fireEvent.click(await screen.findByText('填入示例'));
  expect(await screen.findByText('导览 第 5 步（共 10 步）')).toBeInTheDocument();
  expect(frames().map((f) => f.textContent)).toEqual(['下一步：阅读授权协议']);
  expect(screen.queryByText('填入示例')).not.toBeInTheDocument();
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
});

test.each([
  ['heilongjiang', ['consent', 'submit']],
  ['hebei', ['sign', 'consent', 'submit']],
  ['zhejiang', ['proof', 'consent', 'submit']],
] as const)('%s consent: each thing to do gets a frame of its own, in turn', async (id, order) => {
  useProfileStore.getState().choose(id);
  await startPlatform('zhang');
  useTourStore.getState().start();
  const { seedIds } = await import('../../mock/platform/seed');
  const p = useProfileStore.getState().profile;
  for (const [k, v] of Object.entries({
    name: '张小明',
    idNumber: seedIds(p).zhangXiaoming,
    phone: '13804510011',
    relation: '子女',
    startDate: TODAY,
  }))
    useBindFormStore.getState().setField(k as never, v);
  render(<Consent />);
  const seen: string[] = [];
  for (const step of order) {
    await waitFor(() => expect(frames()).toHaveLength(1));
    expect(controlsIn(firstFrame())).toBeGreaterThanOrEqual(1);
    seen.push(step);
    const frame = firstFrame();
    if (step === 'proof') act(() => useBindFormStore.getState().setProofs(['data:image/jpeg;base64,/9j/4AAQ=']));
    if (step === 'sign') act(() => useBindFormStore.getState().setSignature('data:image/png;base64,iVBORw0KGgo='));
    if (step === 'consent') {
      expect(controlsIn(frame)).toBe(1);
      fireEvent.click(frame.querySelector('[role="checkbox"]')!);
    }
    if (step === 'submit') expect(frame.textContent).toBe(p.consent.buttonLabel);
    if (step !== 'submit') await waitFor(() => expect(frames()[0]).not.toBe(frame));
  }
  expect(seen).toEqual(order);
  expect(tip()!.textContent).toContain(`（共 ${order.length + 8} 步）`);
});

test('结果页: the frame holds only the records button; 完成 goes back to 家庭共济, it does not open a new page', async () => {
  await startPlatform('zhang');
  useTourStore.getState().start();
  useBindFormStore.setState({
    result: {
      id: 'b1',
      relativeName: '张**',
      relativeIdType: '居民身份证',
      relativeIdNumber: '2301**********1016',
      relativePhone: '138****0011',
      relation: '子女',
      startDate: TODAY,
      endDate: null,
      status: '生效中',
      canUnbind: true,
      createdAt: `${TODAY}T01:00:00.000Z`,
      unboundAt: null,
    } as never,
  });
  jest
    .spyOn(Taro, 'getCurrentPages')
    .mockReturnValue([
      { route: 'pages/index/index' },
      { route: 'pages/family/index' },
      { route: 'pages/bind/index' },
      { route: 'pages/result/index' },
    ] as never);
  const back = jest.spyOn(Taro, 'navigateBack').mockResolvedValue({ errMsg: 'navigateBack:ok' });
  const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
  render(<Result />);
  expect(await screen.findByText('导览 第 8 步（共 10 步）')).toBeInTheDocument();
  expect(frames().map((f) => f.textContent)).toEqual(['共济账户授权记录查询解绑']);
  fireEvent.click(screen.getByText('完成'));
  await waitFor(() => expect(back).toHaveBeenCalledWith({ delta: 2 }));
  expect(redirect).not.toHaveBeenCalled();
});

test('every step but the last offers 回服务大厅 in one tap; the tour keeps running there', async () => {
  await startPlatform('zhang');
  useTourStore.getState().start();
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  const relaunch = jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' });
  render(<Bind />);
  fireEvent.click(await screen.findByText('回服务大厅'));
  await waitFor(() => expect(relaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
  expect(useTourStore.getState().active).toBe(true);
});

test('the last step sits on 共济使用明细; 重置 returns everything to the seed, once however often tapped', async () => {
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
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  const records = render(<Records />);
  expect(await screen.findByText('导览 第 9 步（共 10 步）')).toBeInTheDocument();
  expect(frames().map((f) => f.textContent)).toEqual(['下一步：查看共济使用明细']);
  fireEvent.click(screen.getByText('下一步：查看共济使用明细'));
  await waitFor(() => expect(navigate).toHaveBeenCalledWith({ url: '/pages/usage/index' }));
  records.unmount();
  render(<Usage />);
  expect(await screen.findByText('导览 第 10 步（共 10 步）')).toBeInTheDocument();
  expect(frames().map((f) => f.textContent)).toEqual(['完成导览，回服务大厅']);
  expect(screen.getByText(/这是共济使用明细/)).toBeInTheDocument();
  expect(screen.queryByText('结束导览')).not.toBeInTheDocument();
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
  await act(() => useAuthStore.getState().loginAs('zhang'));
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

test('in the offline demo the tour survives a reload; elsewhere it never outlives the visit', () => {
  const load = () => {
    let store: TourStoreModule | undefined;
    jest.isolateModules(() => {
      store = jest.requireActual<TourStoreModule>('@/features/tour/store');
    });
    return store!.useTourStore;
  };
  const before = process.env.TARO_APP_API_MODE;
  try {
    process.env.TARO_APP_API_MODE = 'offline';
    load().getState().start();
    expect(load().getState().active).toBe(true);
    load().getState().stop();
    expect(load().getState().active).toBe(false);
    process.env.TARO_APP_API_MODE = 'http';
    load().getState().start();
    expect(load().getState().active).toBe(false);
  } finally {
    if (before === undefined) delete process.env.TARO_APP_API_MODE;
    else process.env.TARO_APP_API_MODE = before;
  }
});
