import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Consent from '@/pages/consent/index';
import { useAuthStore } from '@/features/auth/store';
import { useBindFormStore, type FormField } from '@/features/binding/formStore';
import { SEED_IDS } from '../../mock/platform/seed';
import { bindingsOnPlatform, startPlatform, TODAY, type Harness } from './harness';

const XIAOMING = { name: '张小明', idNumber: SEED_IDS.zhangXiaoming, phone: '13804510011', relation: '子女' };

function fill(values: Partial<Record<FormField, string>>) {
  const form = useBindFormStore.getState();
  for (const [k, v] of Object.entries({ startDate: TODAY, ...values })) form.setField(k as FormField, v);
}

async function open(persona: string, values = XIAOMING): Promise<Harness> {
  const h = await startPlatform(persona);
  jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
  jest.spyOn(Taro, 'navigateBack').mockResolvedValue({ errMsg: 'navigateBack:ok' });
  fill(values);
  render(<Consent />);
  await screen.findByText('家庭关系承诺');
  return h;
}

const submitButton = () => screen.getByText('我已阅读并同意，提交').closest('button')!;
const tick = () => fireEvent.click(screen.getByRole('checkbox'));
const posts = (h: Harness) => h.calls.filter((c) => c.method === 'POST' && c.path === '/api/bindings');

afterEach(() => jest.restoreAllMocks());

test('promise and agreement are on their own screen; the tick starts empty and submit waits for it', async () => {
  const h = await open('zhang');
  expect(screen.getByText('《共济账户授权协议》')).toBeInTheDocument();
  expect(screen.getByText('一、目的')).toBeInTheDocument();
  expect(screen.getByText('十、协议生效')).toBeInTheDocument();
  expect(screen.getByRole('checkbox')).toHaveAttribute('aria-checked', 'false');
  expect(submitButton()).toHaveAttribute('aria-disabled', 'true');
  fireEvent.click(submitButton());
  await act(() => Promise.resolve());
  expect(posts(h)).toHaveLength(0);
  tick();
  expect(screen.getByRole('checkbox')).toHaveAttribute('aria-checked', 'true');
  await waitFor(() => expect(submitButton()).toHaveAttribute('aria-disabled', 'false'));
});

test('the summary shows the relative masked, never the full number', async () => {
  await open('zhang');
  expect(screen.getByText('张**')).toBeInTheDocument();
  expect(screen.getByText(`2301**********${SEED_IDS.zhangXiaoming.slice(-4)}`)).toBeInTheDocument();
  expect(document.body.textContent).not.toContain(SEED_IDS.zhangXiaoming);
  expect(document.body.textContent).not.toContain('13804510011');
});

test('ticked and submitted: one binding, then the result screen', async () => {
  const h = await open('zhang');
  tick();
  fireEvent.click(submitButton());
  await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/result/index' }));
  expect(useBindFormStore.getState().result?.status).toBe('生效中');
  expect(await bindingsOnPlatform(h)).toHaveLength(1);
});

test('a double tap binds once', async () => {
  const h = await open('zhang');
  tick();
  await waitFor(() => expect(submitButton()).toHaveAttribute('aria-disabled', 'false'));
  const button = submitButton();
  fireEvent.click(button);
  fireEvent.click(button);
  await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
  expect(posts(h).length).toBeLessThanOrEqual(1);
  expect(await bindingsOnPlatform(h)).toHaveLength(1);
});

test('a dropped connection keeps everything typed, and a retry binds once', async () => {
  const h = await open('zhang');
  h.failNext((r) => r.path === '/api/bindings' && r.method === 'POST');
  tick();
  fireEvent.click(submitButton());
  expect(await screen.findByText('网络连接失败或响应超时，您填写的内容已保留，请检查网络后重试')).toBeInTheDocument();
  expect(useBindFormStore.getState().values).toMatchObject(XIAOMING);
  expect(await bindingsOnPlatform(h)).toHaveLength(0);
  fireEvent.click(screen.getByText('重新提交').closest('button')!);
  await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/result/index' }));
  expect(await bindingsOnPlatform(h)).toHaveLength(1);
});

test('an answer lost on the way back: the retry gets the same binding, not a second one or a refusal', async () => {
  const h = await open('zhang');
  h.failNext((r) => r.path === '/api/bindings' && r.method === 'POST', true);
  tick();
  fireEvent.click(submitButton());
  await screen.findByText('网络连接失败或响应超时，您填写的内容已保留，请检查网络后重试');
  expect(await bindingsOnPlatform(h)).toHaveLength(1);
  fireEvent.click(screen.getByText('重新提交').closest('button')!);
  await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/result/index' }));
  const [first, second] = posts(h).map((p) => (p.body as { requestId: string }).requestId);
  expect(second).toBeDefined();
  expect(first).toBe(second);
  expect(await bindingsOnPlatform(h)).toHaveLength(1);
});

test('a relative who is not insured: the reason is shown, nothing is bound, nothing typed is lost', async () => {
  const h = await open('zhang', {
    name: '孙玉梅',
    idNumber: SEED_IDS.sunYumei,
    phone: '13804510015',
    relation: '配偶',
  });
  tick();
  fireEvent.click(submitButton());
  expect(await screen.findByText('该使用人未参加基本医疗保险，暂不能绑定')).toBeInTheDocument();
  expect(screen.getByText('返回修改')).toBeInTheDocument();
  expect(useBindFormStore.getState().serverErrors.idNumber).toBe('该使用人未参加基本医疗保险，暂不能绑定');
  expect(useBindFormStore.getState().values.name).toBe('孙玉梅');
  expect(await bindingsOnPlatform(h)).toHaveLength(0);
  expect(Taro.redirectTo).not.toHaveBeenCalled();
});

test('too low a balance is refused in plain words', async () => {
  const h = await open('li');
  tick();
  fireEvent.click(submitButton());
  expect(await screen.findByText('您的个人账户余额不足 400.00 元，暂不能办理')).toBeInTheDocument();
  expect(await bindingsOnPlatform(h)).toHaveLength(0);
});

test('a second binding of the same relative is refused as a duplicate', async () => {
  const h = await open('zhang');
  tick();
  fireEvent.click(submitButton());
  await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
  await act(async () => {
    fill(XIAOMING);
    useBindFormStore.getState().setConsent(true);
    await useBindFormStore.getState().submit();
  });
  expect(await screen.findByText('您已为这位使用人办理过授权，不能重复绑定')).toBeInTheDocument();
  expect(await bindingsOnPlatform(h)).toHaveLength(1);
});

test('a session that ended meanwhile: off to log in, and everything typed is still there after', async () => {
  const h = await open('zhang');
  await h.raw({ method: 'DELETE', path: '/api/session', authorization: `Bearer ${useAuthStore.getState().token}` });
  tick();
  fireEvent.click(submitButton());
  await waitFor(() =>
    expect(Taro.redirectTo).toHaveBeenCalledWith({
      url: '/pages/login/index?redirect=%2Fpages%2Fconsent%2Findex&ended=1',
    }),
  );
  expect(useAuthStore.getState().token).toBeNull();
  expect(useBindFormStore.getState().values).toMatchObject(XIAOMING);
  await act(async () => {
    await useAuthStore.getState().loginAs('zhang');
    await useBindFormStore.getState().submit();
  });
  expect(await bindingsOnPlatform(h)).toHaveLength(1);
});
