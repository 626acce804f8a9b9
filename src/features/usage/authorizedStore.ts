// 授权我的 for a relative: who authorizes them and what they used of each authorizer's account.
import { create } from 'zustand';
import { asApiError } from '@/shared/api/types';
import { resettable } from '@/shared/lib/resets';
import { getAuthorizedMe } from './api/getAuthorizedMe';
import type { AuthorizedMeView } from './types';

interface AuthorizedState {
  view: AuthorizedMeView | null;
  loading: boolean;
  error: string | null;
  load: () => Promise<void>;
}

const initial = { view: null, loading: false, error: null };

export const useAuthorizedStore = create<AuthorizedState>()((set, get) => ({
  ...initial,
  async load() {
    if (get().loading) return;
    set({ loading: true, error: null });
    try {
      set({ view: await getAuthorizedMe() });
    } catch (e) {
      set({ error: asApiError(e).message });
      throw e;
    } finally {
      set({ loading: false });
    }
  },
}));

resettable('person', () => useAuthorizedStore.setState({ ...initial }));
