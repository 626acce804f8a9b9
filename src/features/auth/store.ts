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
  /** Restores a session kept from an earlier visit. */
  restore: () => void;
  loginAs: (personaId: string) => Promise<void>;
  refreshMe: () => Promise<void>;
  logout: () => Promise<void>;
  /** Forgets the session locally (it expired or was ended elsewhere). */
  clear: () => void;
}

const initial = { token: null, me: null, loggingIn: false };

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
      set({ token, me });
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
  clear() {
    Taro.removeStorageSync(tokenKey());
    set({ ...initial });
  },
}));

readForRequests('token', () => useAuthStore.getState().token);
resettable('person', () => useAuthStore.getState().clear());
