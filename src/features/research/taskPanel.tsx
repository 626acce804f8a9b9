// Mini-programs: the participant's side of a study (H5: taskPanel.h5.tsx). The brief, the SEQ and the
// SUS are pages of the staff subpackage (packages/staff), where this code lives too; the bar with 完成 /
// 放弃 is the one piece in the main package (components/TaskBar.tsx), fed through the status store.
// The same store actions as on H5 record the same events, so the numbers are counted the same way.
import { ROUTES, type Route } from '@/shared/config/routes';
import { relaunch } from '@/shared/lib/nav';
import { taskPhase, type TaskPhase } from './phase';
import { useResearchStatusStore } from './status';
import type { useResearchStore as ResearchStore } from './store';

const ENDED_POLL_MS = 5000;

/** Where each phase is shown: the study's own pages, or the app itself while a task runs. */
const PAGE_OF: Record<Exclude<TaskPhase, 'none'>, Route> = {
  brief: ROUTES.studyBrief,
  thanks: ROUTES.studyBrief,
  ended: ROUTES.studyBrief,
  seq: ROUTES.studySeq,
  sus: ROUTES.studySus,
  running: ROUTES.hall,
};

const WAITING: TaskPhase[] = ['brief', 'running', 'seq', 'sus'];

// The phase (and task) whose page was last opened: each is opened once, however often the store changes.
let shown: string | null = null;
let poll: ReturnType<typeof setInterval> | null = null;

// The research store, handed over when it opens a session (this module does not import it: a cycle).
let store: typeof ResearchStore | null = null;

const end = (how: 'done' | 'give_up') => store?.getState().endTask(how);

function follow(fromJoin: boolean) {
  if (!store) return;
  const s = store.getState();
  const phase = taskPhase(s);
  const p = s.progress;
  useResearchStatusStore.setState({
    running: phase === 'running' && p?.currentTask ? { task: p.currentTask, total: s.tasks.length, end } : null,
  });

  // The researcher's 结束 reaches the participant within a few seconds.
  const waiting = WAITING.includes(phase);
  if (waiting && !poll) poll = setInterval(() => void store?.getState().checkEnded(), ENDED_POLL_MS);
  else if (!waiting && poll) {
    clearInterval(poll);
    poll = null;
  }

  if (phase === 'none') return;
  const key = `${phase}:${p?.currentTask ?? p?.seqPending ?? p?.nextTask ?? ''}`;
  // Opened (again): the page for where the participant stands, wherever the app is now.
  if (key === shown && !fromJoin) return;
  shown = key;
  // A session opened mid-task goes on where it was: the page that opened it decides.
  if (fromJoin && phase === 'running') return;
  void relaunch(PAGE_OF[phase]);
}

/** Called by the research store when a session with tasks is opened; later openings (after 重置, a
 * reopened link) reach the subscription as the store turns ready again. */
export function mountTaskPanel(research: typeof ResearchStore): void {
  if (store) return;
  store = research;
  research.subscribe((_s, prev) => follow(prev.status !== 'ready'));
  follow(true);
}
