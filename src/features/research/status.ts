// What the screens need to know about a research session, kept apart from the research code itself
// (store, event log, API), which only a device opened for a session loads: H5 fetches it as a chunk,
// mini-programs from the staff subpackage (packages/staff), so citizens never download it.
import { create } from 'zustand';
import { ROUTES } from '@/shared/config/routes';
import { goTo } from '@/shared/lib/nav';
import { resettable } from '@/shared/lib/resets';

export type ResearchStatus = 'none' | 'joining' | 'ready' | 'problem';

interface StatusState {
  sessionId: string | null;
  status: ResearchStatus;
  problem: string | null;
  /** Mini-programs: a session asked for at start-up that its page has not opened yet. */
  pending: string | null;
  /** Mini-programs: the task under way, for the bar at the foot of every page (null: no bar). */
  running: RunningTask | null;
}

export interface RunningTask {
  task: number;
  total: number;
  /** 完成 or 放弃 (the research code's own action: it ends the task once). */
  end: (how: 'done' | 'give_up') => void;
}

const initial: StatusState = { sessionId: null, status: 'none', problem: null, pending: null, running: null };

export const useResearchStatusStore = create<StatusState>()(() => ({ ...initial }));

export interface ResearchActions {
  join: (id: string) => Promise<void>;
  leave: () => void;
}

let actions: ResearchActions | null = null;

/** Called by the research store when it is loaded. */
export const registerResearchActions = (a: ResearchActions) => {
  actions = a;
};

/** The research store's actions, once it is loaded (always, while a session is open). */
export const researchActions = () => actions;

/** Mini-programs: the session page (in the staff subpackage) opens the session and returns. */
export function openPendingSession() {
  const { pending } = useResearchStatusStore.getState();
  if (!pending) return;
  useResearchStatusStore.setState({ pending: null });
  void goTo(ROUTES.researchSession, { session: pending });
}

export const resetResearchStatus = resettable('device', () => useResearchStatusStore.setState({ ...initial }));
