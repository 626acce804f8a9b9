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
import { getSession, type ResearchProgress, type ResearchSessionInfo, type ResearchTask } from './api/getSession';
import { postEvents } from './api/postEvents';
import {
  markSessionTried,
  onScreen,
  SESSION_STORAGE_KEY as STORAGE_KEY,
  storedSession,
  takeHeldEvents,
} from './launch';
import { registerResearchActions, resetResearchStatus, useResearchStatusStore } from './status';
import { onPageHide } from './onHide';
import { createTracker, type Tracker } from './tracker';
import { mountTaskPanel } from './taskPanel';

export { taskPhase, type TaskPhase } from './phase';

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
  /** The study's tasks and where the participant stands (from the platform, then kept here). */
  tasks: ResearchTask[];
  progress: ResearchProgress | null;
  startTask: () => void;
  /** 完成 or 放弃. */
  endTask: (how: 'done' | 'give_up') => void;
  answerSeq: (value: number) => void;
  answerSus: (values: number[]) => void;
  /** Asks the platform whether the researcher pressed 结束 (nothing else is taken from it mid-task). */
  checkEnded: () => Promise<void>;
}

let tracker: Tracker | null = null;
let stopHideWatch: (() => void) | null = null;

function startTracking(sessionId: string) {
  tracker?.stop();
  stopHideWatch?.();
  const clientId = newRequestId();
  const t = createTracker({ send: (events) => postEvents(sessionId, clientId, events) });
  tracker = t;
  for (const e of takeHeldEvents()) t.push(e);
  setTrackSink((e) => {
    const seen = onScreen(e);
    if (seen) t.push(seen);
  });
  stopHideWatch = onPageHide(sessionId, clientId, {
    flush: () => void t.flush(),
    sendAllNow: (sendNow) => t.sendAllNow(sendNow),
  });
}

function stopTracking() {
  setTrackSink(null);
  void tracker?.flush();
  tracker?.stop();
  tracker = null;
  stopHideWatch?.();
  stopHideWatch = null;
}

const record = (e: Parameters<Tracker['push']>[0]) => tracker?.push(e);

/** Sends whatever is still queued, e.g. before a test or a demo ends. */
export const flushResearchEvents = () => tracker?.flush() ?? Promise.resolve();

const initial = {
  sessionId: null,
  info: null,
  status: 'none' as const,
  problem: null,
  tasks: [] as ResearchTask[],
  progress: null as ResearchProgress | null,
};

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
      // Always the session's own persona, signed in afresh: a token kept from before a 重置 is gone on
      // the platform, and a participant must never meet the persona picker.
      await useAuthStore.getState().loginAs(info.personaId);
      await useProfileStore
        .getState()
        .load()
        .catch(() => undefined);
      set({ info, status: 'ready', tasks: info.tasks ?? [], progress: info.progress ?? null });
      if (info.tasks?.length) mountTaskPanel(useResearchStore);
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
  startTask() {
    const p = get().progress;
    if (!p?.nextTask || p.currentTask || p.seqPending) return;
    record({ type: 'task_start', task: p.nextTask });
    set({ progress: { ...p, status: 'in_task', currentTask: p.nextTask, nextTask: null } });
  },
  endTask(how) {
    const p = get().progress;
    if (!p?.currentTask) return;
    const task = p.currentTask;
    record({ type: how === 'done' ? 'task_done' : 'task_give_up', task });
    const next = task < get().tasks.length ? task + 1 : null;
    set({
      progress: {
        ...p,
        status: how === 'done' ? 'between_tasks' : 'gave_up',
        currentTask: null,
        seqPending: task,
        nextTask: next,
      },
    });
  },
  answerSeq(value) {
    const p = get().progress;
    if (!p?.seqPending) return;
    record({ type: 'seq_answer', task: p.seqPending, value });
    set({ progress: { ...p, seqPending: null, status: p.nextTask ? p.status : 'done' } });
  },
  answerSus(values) {
    const p = get().progress;
    if (!p || p.susDone) return;
    values.forEach((value, i) => record({ type: 'sus_answer', item: i + 1, value }));
    set({ progress: { ...p, susDone: true } });
  },
  async checkEnded() {
    const id = get().sessionId;
    if (!id || get().status !== 'ready') return;
    try {
      const info = await getSession(id);
      const p = get().progress;
      // Only 结束 is taken over: the app's own steps may still be on their way to the platform.
      if (info.progress?.status === 'ended' && p && get().sessionId === id) set({ progress: info.progress });
    } catch {
      // Asked again at the next tick.
    }
  },
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
