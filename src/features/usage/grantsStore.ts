// 授权我的 for a relative: who authorizes them and what they used of each authorizer's account.
import { create } from 'zustand';
import { asApiError } from '@/shared/api/types';
import { resettable } from '@/shared/lib/resets';
import { listGrants } from './api/listGrants';
import type { GrantEntry } from './types';

interface GrantsState {
  grants: GrantEntry[];
  loading: boolean;
  loaded: boolean;
  error: string | null;
  load: () => Promise<void>;
}

const initial = { grants: [], loading: false, loaded: false, error: null };

export const useGrantsStore = create<GrantsState>()((set, get) => ({
  ...initial,
  async load() {
    if (get().loading) return;
    set({ loading: true, error: null });
    try {
      set({ grants: await listGrants(), loaded: true });
    } catch (e) {
      set({ error: asApiError(e).message });
      throw e;
    } finally {
      set({ loading: false });
    }
  },
}));

resettable('person', () => useGrantsStore.setState({ ...initial }));
