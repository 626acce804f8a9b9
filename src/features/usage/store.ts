// 共济使用明细 for the authorizer. The platform filters and totals; a filter change asks again. A failed
// request keeps the filters chosen, so 重试 asks for the same thing.
import { create } from 'zustand';
import { asApiError } from '@/shared/api/types';
import { resettable } from '@/shared/lib/resets';
import { listUsage } from './api/listUsage';
import { NO_FILTER, type UsageFilter } from './summary';
import type { UsageView } from './types';

interface UsageState {
  filter: UsageFilter;
  /** The latest answer, and the filter it answers (the screen shows it only while that is still chosen). */
  view: UsageView | null;
  viewFilter: UsageFilter | null;
  loading: boolean;
  error: string | null;
  load: () => Promise<void>;
  setFilter: (patch: Partial<UsageFilter>) => Promise<void>;
}

const initial = { filter: NO_FILTER, view: null, viewFilter: null, loading: false, error: null };
// Filters changed quickly: only the answer to the last request is shown.
let latest = 0;

export const useUsageStore = create<UsageState>()((set, get) => ({
  ...initial,
  async load() {
    const filter = get().filter;
    const ticket = ++latest;
    set({ loading: true, error: null });
    try {
      const view = await listUsage(filter);
      if (ticket === latest) set({ view, viewFilter: filter });
    } catch (e) {
      if (ticket === latest) set({ error: asApiError(e).message });
      throw e;
    } finally {
      if (ticket === latest) set({ loading: false });
    }
  },
  setFilter(patch) {
    set({ filter: { ...get().filter, ...patch } });
    return get().load();
  },
}));

resettable('person', () => {
  latest += 1;
  useUsageStore.setState({ ...initial });
});
