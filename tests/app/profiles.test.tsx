import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Consent from '@/pages/consent/index';
import FamilyHub from '@/pages/family/index';
import ServiceHall from '@/pages/index/index';
import { useBindFormStore, type FormField } from '@/features/binding/formStore';
import { useProfileStore } from '@/features/profile/store';
import { PROFILES, type ProfileId } from '@domain/profiles';
import { seedIds } from '../../mock/platform/seed';
import { bindingsOnPlatform, startPlatform, TODAY } from './harness';

import IMAGES from '../fixtures/images.json';

// Real (tiny) images: the platform checks the bytes, not the label.
const SIGNATURE = IMAGES.png;
const PHOTO = IMAGES.jpeg;
const ids = Object.keys(PROFILES) as ProfileId[];

afterEach(() => jest.restoreAllMocks());

async function consentFor(id: ProfileId) {
  expect(useProfileStore.getState().choose(id)).toBe(true);
  const h = await startPlatform('zhang');
  jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
  const values = {
    name: '张小明',
    idNumber: seedIds(PROFILES[id]).zhangXiaoming,
    phone: '13804510011',
    relation: '子女',
    startDate: TODAY,
  };
  for (const [k, v] of Object.entries(values)) useBindFormStore.getState().setField(k as FormField, v);
  render(<Consent />);
  await screen.findByText(PROFILES[id].consent.title);
  return h;
}

const submit = () =>
  screen.getByText(PROFILES[useProfileStore.getState().profile.id].consent.buttonLabel).closest('button')!;

describe.each(ids)('profile %s', (id) => {
  const p = PROFILES[id];

  test('its own agreement, tick wording and required extras', async () => {
    await consentFor(id);
    expect(screen.getByRole('checkbox')).toHaveAttribute('aria-label', p.consent.tickLabel);
    expect(!!screen.queryByText('授权人签名')).toBe(p.signatureRequired);
    expect(!!screen.queryByText(`上传${p.proofKinds.join('或')}照片`)).toBe(p.proofKinds.length > 0);
    fireEvent.click(screen.getByRole('checkbox'));
    const waitsForMore = p.signatureRequired || p.proofKinds.length > 0;
    await waitFor(() => expect(submit()).toHaveAttribute('aria-disabled', String(waitsForMore)));
  });

  test('binds on its own platform once the profile’s requirements are met', async () => {
    const h = await consentFor(id);
    // Drawing and photo picking are tested in the browser; here the screen is handed their result.
    act(() => {
      if (p.signatureRequired) useBindFormStore.getState().setSignature(SIGNATURE);
      if (p.proofKinds.length) useBindFormStore.getState().setProofs([PHOTO]);
    });
    fireEvent.click(screen.getByRole('checkbox'));
    await waitFor(() => expect(submit()).toHaveAttribute('aria-disabled', 'false'));
    fireEvent.click(submit());
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/result/index' }));
    expect(await bindingsOnPlatform(h)).toHaveLength(1);
  });

  test('the hub uses its menu names, titles the page and shows the way there in the province’s app', async () => {
    useProfileStore.getState().choose(id);
    await startPlatform('zhang');
    const title = jest.spyOn(Taro, 'setNavigationBarTitle');
    render(<FamilyHub />);
    // The entry, and in some provinces the last part of the menu path too.
    expect((await screen.findAllByText(p.menu.bind)).length).toBeGreaterThan(0);
    expect(screen.getByText(p.menu.records, { selector: '.menu-row__name' })).toBeInTheDocument();
    expect(screen.getByText(p.menu.pay, { selector: '.menu-row__name' })).toBeInTheDocument();
    expect(screen.getByText(p.menu.bind, { selector: '.menu-row__name' })).toBeInTheDocument();
    expect(title).toHaveBeenCalledWith({ title: p.menu.hub });
    const path = screen.getByRole('navigation');
    expect(path.textContent).toBe([p.menu.channel, ...p.menu.path].join('›'));
  });

  test('the hall names the service as the province does', async () => {
    useProfileStore.getState().choose(id);
    await startPlatform();
    const title = jest.spyOn(Taro, 'setNavigationBarTitle');
    render(<ServiceHall />);
    expect(await screen.findAllByText(p.menu.hub)).toHaveLength(2);
    expect(title).toHaveBeenCalledWith({ title: p.menu.hall });
  });
});

test('河北 refuses a binding without a signature even if the screen is bypassed', async () => {
  await consentFor('hebei');
  await waitFor(() => expect(useBindFormStore.getState().values.name).toBe('张小明'));
  act(() => useBindFormStore.getState().setConsent(true));
  expect(await act(() => useBindFormStore.getState().submit())).toBe('refused');
  expect(useBindFormStore.getState().notice?.message).toBe('请在承诺书上手写签名');
});

test('an unknown profile name is refused with a clear message and the default stays', async () => {
  expect(useProfileStore.getState().choose('guangdong')).toBe(false);
  await startPlatform();
  render(<ServiceHall />);
  expect(await screen.findByText(/没有「guangdong」这个规则配置，可选：黑龙江（heilongjiang）/)).toBeInTheDocument();
  expect(useProfileStore.getState().profile.id).toBe('heilongjiang');
  expect(screen.getByText(/黑龙江医保服务平台/)).toBeInTheDocument();
});

test('the profile is read at start-up from the launch query, then the address, search or hash', async () => {
  const { requestedProfile } = await import('@/features/profile/launch');
  window.history.replaceState({}, '', '/?profile=hebei');
  expect(requestedProfile({ profile: 'fujian' })).toBe('fujian');
  expect(requestedProfile()).toBe('hebei');
  window.history.replaceState({}, '', '/#/pages/index/index?profile=zhejiang');
  expect(requestedProfile({})).toBe('zhejiang');
  window.history.replaceState({}, '', '/');
  expect(requestedProfile()).toBeUndefined();
});
