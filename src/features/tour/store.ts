import { create } from 'zustand';
import { resettable } from '@/shared/lib/resets';

interface TourState {
  active: boolean;
  start: () => void;
  stop: () => void;
}

export const useTourStore = create<TourState>()((set) => ({
  active: false,
  start: () => set({ active: true }),
  stop: () => set({ active: false }),
}));

resettable('person', () => useTourStore.setState({ active: false }));

/** The demo build offers the tour by itself; elsewhere `tour=1` in the link asks for it. */
export function tourOffered(query?: Record<string, unknown>): boolean {
  if (process.env.TARO_APP_API_MODE === 'offline') return true;
  if (query?.tour === '1') return true;
  if (process.env.TARO_ENV === 'h5' && typeof location !== 'undefined') {
    return /[?&]tour=1\b/.test(location.search) || /[?&]tour=1\b/.test(location.hash);
  }
  return false;
}
