import Taro from '@tarojs/taro';
import { create } from 'zustand';
import { apiProfile, apiSession, readForRequests } from '@/shared/api/client';
import { resettable } from '@/shared/lib/resets';
import type { MeView } from '@domain/views';
import { getMe } from './api/getMe';
import { login } from './api/login';
import { logout } from './api/logout';

// Each profile, and each research session, keeps its own data on the platform, so its own log-in too.
const tokenKey = () => `session-token:${apiProfile()}${apiSession() ? `:${apiSession()}` : ''}`;

interface AuthState {
  token: string | null;
  me: MeView | null;
  loggingIn: boolean;
  /** Why the user was sent to log in again (e.g. 登录已超时，请重新登录), shown on the log-in screen. */
  signedOutReason: string | null;
  /** Restores a session kept from an earlier visit. */
  restore: () => void;
  loginAs: (personaId: string) => Promise<void>;
  refreshMe: () => Promise<void>;
  logout: () => Promise<void>;
  /** Forgets the session locally (it expired or was ended elsewhere), keeping the platform's word for why. */
  clear: (reason?: string) => void;
}

const initial = { token: null, me: null, loggingIn: false, signedOutReason: null };

export const useAuthStore = create<AuthState>()((set, get) => ({
  ...initial,
  restore() {
    set({ token: (Taro.getStorageSync(tokenKey()) as string) || null });
  },
  async loginAs(personaId) {
    if (get().loggingIn) return;
    set({ loggingIn: true });
    try {
      const { token, me } = await login(personaId);
      Taro.setStorageSync(tokenKey(), token);
      set({ token, me, signedOutReason: null });
    } finally {
      set({ loggingIn: false });
    }
  },
  async refreshMe() {
    set({ me: await getMe() });
  },
  async logout() {
    try {
      await logout();
    } finally {
      get().clear();
    }
  },
  clear(reason) {
    Taro.removeStorageSync(tokenKey());
    set({ ...initial, signedOutReason: reason ?? null });
  },
}));

readForRequests('token', () => useAuthStore.getState().token);
resettable('person', () => useAuthStore.getState().clear());
