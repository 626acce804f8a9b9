// The research session this app was opened for: its own data, profile and persona on the platform,
// and an event log of what the participant did.
import Taro from '@tarojs/taro';
import { create } from 'zustand';
import { useAuthStore } from '@/features/auth';
import { useProfileStore } from '@/features/profile';
import { readForRequests } from '@/shared/api/client';
import { ApiError } from '@/shared/api/types';
import { resettable } from '@/shared/lib/resets';
import { newRequestId } from '@/shared/lib/requestId';
import { setTrackSink } from '@/shared/telemetry/track';
import { getSession, type ResearchSessionInfo } from './api/getSession';
import { postEvents } from './api/postEvents';
import {
  currentScreen,
  markSessionTried,
  SESSION_STORAGE_KEY as STORAGE_KEY,
  storedSession,
  takeHeldEvents,
} from './launch';
import { registerResearchActions, resetResearchStatus, useResearchStatusStore } from './status';
import { createTracker, type Tracker } from './tracker';

interface ResearchState {
  sessionId: string | null;
  info: ResearchSessionInfo | null;
  status: 'none' | 'joining' | 'ready' | 'problem';
  problem: string | null;
  /** Opens the session: its profile, its persona signed in, its events recorded. */
  join: (id: string) => Promise<void>;
  /** The session this device was last opened for, if any. */
  stored: () => string | null;
  /** Back to ordinary use: nothing is recorded any more. */
  leave: () => void;
}

let tracker: Tracker | null = null;

function startTracking(sessionId: string) {
  tracker?.stop();
  const clientId = newRequestId();
  const t = createTracker({ send: (events) => postEvents(sessionId, clientId, events) });
  tracker = t;
  for (const e of takeHeldEvents()) t.push(e);
  setTrackSink((e) => t.push({ ...e, screen: e.screen ?? currentScreen() }));
}

function stopTracking() {
  setTrackSink(null);
  void tracker?.flush();
  tracker?.stop();
  tracker = null;
}

/** Sends whatever is still queued, e.g. before a test or a demo ends. */
export const flushResearchEvents = () => tracker?.flush() ?? Promise.resolve();

const initial = { sessionId: null, info: null, status: 'none' as const, problem: null };

export const useResearchStore = create<ResearchState>()((set, get) => ({
  ...initial,
  async join(id) {
    if (get().status === 'joining' && get().sessionId === id) return;
    markSessionTried();
    set({ sessionId: id, status: 'joining', problem: null });
    // From the very first screen on; if the session turns out not to exist, nothing gets stored.
    if (get().sessionId !== id || !tracker) startTracking(id);
    try {
      const info = await getSession(id);
      Taro.setStorageSync(STORAGE_KEY, id);
      useProfileStore.getState().choose(info.profileId);
      const auth = useAuthStore.getState();
      auth.restore();
      if (!useAuthStore.getState().token) await auth.loginAs(info.personaId);
      await useProfileStore
        .getState()
        .load()
        .catch(() => undefined);
      set({ info, status: 'ready' });
    } catch (e) {
      const gone = e instanceof ApiError && e.status === 404;
      if (gone) {
        // No request may name the session any more, not even the last events sent below.
        set({ sessionId: null });
        Taro.removeStorageSync(STORAGE_KEY);
        stopTracking();
      }
      set({
        status: 'problem',
        problem: gone ? e.message : '暂时无法打开研究会话，请检查网络后点「重试」',
        ...(gone ? { sessionId: null } : {}),
      });
    }
  },
  stored: storedSession,
  leave() {
    stopTracking();
    useAuthStore.getState().clear();
    Taro.removeStorageSync(STORAGE_KEY);
    set({ ...initial });
  },
}));

// The screens (the hall's banner) follow the session through the small status store.
useResearchStore.subscribe(({ sessionId, status, problem }) =>
  useResearchStatusStore.setState({ sessionId, status, problem }),
);
registerResearchActions({
  join: (id) => useResearchStore.getState().join(id),
  leave: () => useResearchStore.getState().leave(),
});

readForRequests('session', () => useResearchStore.getState().sessionId ?? undefined);
resettable('device', () => {
  stopTracking();
  useResearchStore.setState({ ...initial });
  resetResearchStatus();
});
