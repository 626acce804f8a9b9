// Where the participant stands in a study, from the session's progress: what their screen shows.
import type { ResearchProgress, ResearchTask } from './api/getSession';

/** What the participant is shown of the study: the next task's brief, the bar while it runs, a questionnaire. */
export type TaskPhase = 'none' | 'brief' | 'running' | 'seq' | 'sus' | 'thanks' | 'ended';

/** The phase the participant's screen shows, from the session's progress. */
export function taskPhase(s: {
  status: string;
  tasks: readonly ResearchTask[];
  progress: ResearchProgress | null;
}): TaskPhase {
  const p = s.progress;
  if (s.status !== 'ready' || !p || !s.tasks.length) return 'none';
  if (p.status === 'ended') return 'ended';
  if (p.currentTask) return 'running';
  if (p.seqPending) return 'seq';
  if (p.nextTask) return 'brief';
  return p.susDone ? 'thanks' : 'sus';
}
