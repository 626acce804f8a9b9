// 共济使用明细 for the authorizer: the history and the filters chosen on it. A failed reload keeps
// both the filters and what was shown before.
import { create } from 'zustand';
import { asApiError } from '@/shared/api/types';
import { resettable } from '@/shared/lib/resets';
import { listUsage } from './api/listUsage';
import { NO_FILTER, type UsageFilter } from './summary';
import type { UsageEntry } from './types';

interface UsageState {
  entries: UsageEntry[];
  filter: UsageFilter;
  loading: boolean;
  loaded: boolean;
  error: string | null;
  load: () => Promise<void>;
  setFilter: (patch: Partial<UsageFilter>) => void;
}

const initial = { entries: [], filter: NO_FILTER, loading: false, loaded: false, error: null };

export const useUsageStore = create<UsageState>()((set, get) => ({
  ...initial,
  async load() {
    if (get().loading) return;
    set({ loading: true, error: null });
    try {
      set({ entries: await listUsage(), loaded: true });
    } catch (e) {
      set({ error: asApiError(e).message });
      throw e;
    } finally {
      set({ loading: false });
    }
  },
  setFilter(patch) {
    set({ filter: { ...get().filter, ...patch } });
  },
}));

resettable('person', () => useUsageStore.setState({ ...initial }));
