// Screens are tested against the real platform rules running in-process (the offline transport), on
// a fixed date, so a test sees exactly what a user of the HTTP platform would.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { useAuthStore } from '@/features/auth/store';
import { useProfileStore } from '@/features/profile/store';
import { offlineTransport } from '@/shared/api/offlineTransport';
import { apiProfile, setTransport } from '@/shared/api/client';
import type { ApiRequest, ApiResponse, Transport } from '@/shared/api/types';

export const TODAY = '2026-11-22';
const fixedNow = () => new Date(`${TODAY}T02:00:00.000Z`);

export interface Harness {
  calls: ApiRequest[];
  /** Makes the next matching request fail as a dropped connection; `afterServer` loses the answer. */
  failNext: (match: (r: ApiRequest) => boolean, afterServer?: boolean) => void;
  raw: Transport;
  /** The transport the app was given: the platform, behind the failures set with failNext. */
  transport: Transport;
}

/** `now` is the platform's clock: a test moves it to let a log-in run out. */
export async function startPlatform(personaId?: string, now: () => Date = fixedNow): Promise<Harness> {
  const raw = offlineTransport('heilongjiang', now);
  const calls: ApiRequest[] = [];
  let fail: { match: (r: ApiRequest) => boolean; afterServer: boolean } | null = null;
  const transport: Transport = async (req): Promise<ApiResponse> => {
    calls.push(req);
    if (fail && fail.match(req)) {
      const f = fail;
      fail = null;
      if (f.afterServer) await raw(req);
      throw new Error('network down');
    }
    return raw(req);
  };
  setTransport(transport);
  await useProfileStore.getState().load();
  if (personaId) await useAuthStore.getState().loginAs(personaId);
  return {
    calls,
    raw,
    transport,
    failNext: (match, afterServer = false) => {
      fail = { match, afterServer };
    },
  };
}

/** The real <input> inside a Taro Input, found by its placeholder. */
export async function inputByPlaceholder(placeholder: string): Promise<HTMLInputElement> {
  return waitFor(() => {
    const el = document.querySelector<HTMLInputElement>(`input[placeholder="${placeholder}"]`);
    if (!el) throw new Error(`no input "${placeholder}"`);
    return el;
  });
}

export async function type(placeholder: string, value: string) {
  const input = await inputByPlaceholder(placeholder);
  fireEvent.input(input, { target: { value } });
  fireEvent.blur(input);
}

/** Chooses a value in an H5 <select> or date <input>, as a user does. */
export async function pick(pickerValueClass: string, value: string) {
  const el = await waitFor(() => {
    const found = document.querySelector<HTMLSelectElement | HTMLInputElement>(`.${pickerValueClass}`);
    if (!found) throw new Error(`no picker ${pickerValueClass}`);
    return found;
  });
  fireEvent.change(el, { target: { value } });
}

export async function bindingsOnPlatform(h: Harness, token = useAuthStore.getState().token) {
  const res = await h.raw({
    method: 'GET',
    path: '/api/bindings',
    authorization: `Bearer ${token}`,
    profile: apiProfile(),
  });
  return res.body as { id: string; status: string; relativeName: string }[];
}

export const confirmModals = (confirm = true) =>
  jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm, cancel: !confirm, errMsg: 'showModal:ok' } as never);

export { screen };
