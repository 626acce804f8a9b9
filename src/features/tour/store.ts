import Taro from '@tarojs/taro';
import { create } from 'zustand';
import { resettable } from '@/shared/lib/resets';

// In the offline demo the tour is kept on the device like the demo's data: a reload or an app restart
// mid-talk finds it still running. Elsewhere (a research session on a shared phone) it never outlives
// the visit.
const KEY = 'tour-active';
const KEPT = process.env.TARO_APP_API_MODE === 'offline';
const kept = () => {
  if (!KEPT) return false;
  try {
    return Taro.getStorageSync(KEY) === '1';
  } catch {
    return false;
  }
};
const keep = (active: boolean) => {
  if (!KEPT) return;
  try {
    if (active) Taro.setStorageSync(KEY, '1');
    else Taro.removeStorageSync(KEY);
  } catch {
    /* the tour still runs for this visit */
  }
};

interface TourState {
  active: boolean;
  start: () => void;
  stop: () => void;
}

export const useTourStore = create<TourState>()((set) => ({
  active: kept(),
  start: () => {
    keep(true);
    set({ active: true });
  },
  stop: () => {
    keep(false);
    set({ active: false });
  },
}));

resettable('person', () => useTourStore.getState().stop());

/** The demo build offers the tour by itself; elsewhere `tour=1` in the link asks for it. */
export function tourOffered(query?: Record<string, unknown>): boolean {
  if (process.env.TARO_APP_API_MODE === 'offline') return true;
  if (query?.tour === '1') return true;
  if (process.env.TARO_ENV === 'h5' && typeof location !== 'undefined') {
    return /[?&]tour=1\b/.test(location.search) || /[?&]tour=1\b/.test(location.hash);
  }
  return false;
}
