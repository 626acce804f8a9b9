// A log-in that runs out while the user is typing: the app says so in plain words, sends them to log
// in, and brings them back with everything they typed.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Consent from '@/pages/consent/index';
import Login from '@/pages/login/index';
import { useAuthStore } from '@/features/auth/store';
import { useBindFormStore, type FormField } from '@/features/binding/formStore';
import { SEED_IDS } from '../../mock/platform/seed';
import { bindingsOnPlatform, startPlatform, TODAY } from './harness';

const XIAOMING = { name: '张小明', idNumber: SEED_IDS.zhangXiaoming, phone: '13804510011', relation: '子女' };

afterEach(() => jest.restoreAllMocks());

test('after 30 minutes idle: 登录已超时，请重新登录 on the log-in screen, the form intact, bound once after', async () => {
  let clock = new Date(`${TODAY}T02:00:00.000Z`);
  const h = await startPlatform('zhang', () => clock);
  jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
  const form = useBindFormStore.getState();
  for (const [k, v] of Object.entries({ ...XIAOMING, startDate: TODAY })) form.setField(k as FormField, v);
  const page = render(<Consent />);
  await screen.findByText('家庭关系承诺');

  clock = new Date(clock.getTime() + 31 * 60_000);
  fireEvent.click(screen.getByRole('checkbox'));
  await waitFor(() =>
    expect(screen.getByText('我已阅读并同意，提交').closest('button')).toHaveAttribute('aria-disabled', 'false'),
  );
  fireEvent.click(screen.getByText('我已阅读并同意，提交'));
  await waitFor(() =>
    expect(Taro.redirectTo).toHaveBeenCalledWith({
      url: '/pages/login/index?redirect=%2Fpages%2Fconsent%2Findex&ended=1',
    }),
  );
  page.unmount();

  const { Current } = await import('@tarojs/runtime');
  Current.router = { params: { redirect: '/pages/consent/index' }, path: '/pages/login/index' } as never;
  render(<Login />);
  expect(await screen.findByText('登录已超时，请重新登录')).toBeInTheDocument();
  Current.router = null;
  expect(useBindFormStore.getState().values).toMatchObject(XIAOMING);

  await act(async () => {
    await useAuthStore.getState().loginAs('zhang');
  });
  expect(useAuthStore.getState().signedOutReason).toBeNull();
  await act(async () => {
    expect(await useBindFormStore.getState().submit()).toBe('ok');
  });
  expect(await bindingsOnPlatform(h)).toHaveLength(1);
});
