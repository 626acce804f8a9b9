// Fills the study report (model.ts) from stored sessions, their event logs and the study's tasks. The
// console's live status, the app's own progress, the CSV files and the HTML report all come from here.
//
// Attempts: a reset (重置) starts a new attempt; earlier ones stay, marked, and study figures use the
// latest by default. Tasks: a task runs from the participant's 开始任务 (task_start) to the first of
// the platform's task_success, the participant's 放弃 (task_give_up) or 完成 (task_done), or the
// researcher's 结束 (session_end). Reopening the link adds nothing: the end is an event, not "the last
// event". Field errors are the app's validation_error events, which it logs once per mistake
// (@domain/fieldMistakes); refusals are the platform's own 4xx answers, by code, never field errors.
import type { ResearchEvent } from '@domain/researchEvents';
import { SUS, susScore } from '@domain/questionnaires';
import type { StudyTask } from '../tasks';
import type { SessionInfo } from '../summary';
import {
  FUNNEL_STEPS,
  type AttemptRow,
  type FunnelStep,
  type SessionRow,
  type SessionStatus,
  type StudyReport,
  type TaskOutcome,
} from './model';

export interface SessionAnnotations {
  excluded: boolean;
  tags: string[];
  notes: { at: string; text: string }[];
}

export const NO_ANNOTATIONS: SessionAnnotations = { excluded: false, tags: [], notes: [] };

export interface ReportSession {
  info: SessionInfo & { condition?: string };
  events: ResearchEvent[];
  annotations?: SessionAnnotations;
}

const CLIENT_TYPES = new Set([
  'screen',
  'back',
  'field_focus',
  'validation_error',
  'submit',
  'next',
  'refusal',
  'request_failed',
  'consent_read',
  'task_start',
  'task_done',
  'task_give_up',
  'seq_answer',
  'sus_answer',
]);
const STEP_IDS = new Set<string>(FUNNEL_STEPS.map((s) => s.id));
const t = (iso: string) => Date.parse(iso);

/** The log split at each reset: attempt 1 is everything before the first. */
export function splitAttempts(events: ResearchEvent[]): ResearchEvent[][] {
  const out: ResearchEvent[][] = [[]];
  for (const e of events) {
    if (e.type === 'session_reset') out.push([]);
    else out[out.length - 1]!.push(e);
  }
  return out;
}

interface TaskRun {
  task: number;
  outcome: TaskOutcome;
  start: ResearchEvent | null;
  end: ResearchEvent | null;
}

/** What happened to each task within one attempt. */
export function taskRuns(attempt: ResearchEvent[], taskCount: number): TaskRun[] {
  const runs: TaskRun[] = Array.from({ length: taskCount }, (_, i) => ({
    task: i + 1,
    outcome: 'not_started',
    start: null,
    end: null,
  }));
  const anyStart = attempt.some((e) => e.type === 'task_start');
  let running: TaskRun | null = null;
  for (const e of attempt) {
    const run = e.task !== undefined ? runs[e.task - 1] : undefined;
    if (e.type === 'task_start' && run && !run.start) {
      // Starting another task ends nothing on its own: the app only starts one after the last ended.
      run.start = e;
      run.outcome = 'in_progress';
      running = run;
    } else if (e.type === 'task_success' && run && run.outcome === 'in_progress') {
      run.outcome = 'success';
      run.end = e;
    } else if (e.type === 'task_success' && run && !anyStart && run.outcome === 'not_started') {
      // A log from before tasks were shown to participants: success with no start.
      run.outcome = 'success';
      run.end = e;
    } else if ((e.type === 'task_give_up' || e.type === 'task_done') && run && run.outcome === 'in_progress') {
      run.outcome = e.type === 'task_give_up' ? 'gave_up' : 'failed';
      run.end = e;
    } else if (e.type === 'session_end' && running && running.outcome === 'in_progress') {
      running.outcome = 'ended';
      running.end = e;
    }
  }
  return runs;
}

const bump = (into: Record<string, number>, key: string | undefined) => {
  if (key) into[key] = (into[key] ?? 0) + 1;
};

/** A platform answer that is a refusal: 4xx, but not a log-in that ran out (401). */
export const isRefusal = (e: ResearchEvent) =>
  e.type === 'api' && e.status !== undefined && e.status >= 400 && e.status < 500 && e.status !== 401;

/** The figures of one window of the log (a task's run, or a whole attempt when no task was started). */
function measure(events: ResearchEvent[]) {
  const m = {
    errorsByField: {} as Record<string, number>,
    refusalsByCode: {} as Record<string, number>,
    submits: 0,
    nexts: 0,
    backNavigations: 0,
    injectedFailures: 0,
    consentReadMs: null as number | null,
    stepsReached: [] as FunnelStep[],
  };
  const steps = new Set<string>();
  // Logs from before this rule: the app logged the platform's word next to a field (NOT_INSURED by the
  // ID field) as a field error. A code the platform itself refused with is a refusal, never a mistake.
  const refusalCodes = new Set(events.filter(isRefusal).map((e) => e.code));
  for (const e of events) {
    if (e.type === 'validation_error') {
      if (!refusalCodes.has(e.code)) bump(m.errorsByField, e.field);
    } else if (e.type === 'api') {
      if (e.fault === 'error' || e.fault === 'timeout') m.injectedFailures++;
      if (isRefusal(e)) bump(m.refusalsByCode, e.code);
    } else if (e.type === 'submit' && e.action !== 'next') m.submits++;
    else if (e.type === 'next' || (e.type === 'submit' && e.action === 'next')) m.nexts++;
    else if (e.type === 'back') m.backNavigations++;
    else if (e.type === 'consent_read' && e.ms !== undefined) m.consentReadMs = e.ms;
    else if (e.type === 'screen' && e.screen && STEP_IDS.has(e.screen)) steps.add(e.screen);
  }
  m.stepsReached = FUNNEL_STEPS.map((s) => s.id).filter((id) => steps.has(id));
  return m;
}

function stepsUntilMovedOn(attempt: ResearchEvent[], run: TaskRun): FunnelStep[] {
  const from = attempt.indexOf(run.start!);
  const rest = attempt.slice(from);
  const stop = rest.findIndex(
    (e, i) =>
      i > 0 &&
      ((e.type === 'task_start' && e.task !== run.task) ||
        (e.type === 'task_done' && e.task === run.task) ||
        e.type === 'session_end'),
  );
  return measure(stop < 0 ? rest : rest.slice(0, stop + 1)).stepsReached;
}

/** Events of the run, from its start to its end (inclusive), or to the end of the attempt. */
function windowOf(attempt: ResearchEvent[], run: TaskRun, taskCount: number): ResearchEvent[] {
  if (!run.start) {
    // Nothing was started in the whole attempt: an old log, all of it belongs to the first task.
    const anyStart = attempt.some((e) => e.type === 'task_start');
    return !anyStart && run.task === 1 && taskCount >= 1 ? attempt : [];
  }
  const from = attempt.indexOf(run.start);
  const to = run.end ? attempt.indexOf(run.end) : attempt.length - 1;
  return attempt.slice(from, to + 1);
}

function lastValue(events: ResearchEvent[], pick: (e: ResearchEvent) => boolean): number | null {
  let v: number | null = null;
  for (const e of events) if (pick(e) && e.value !== undefined) v = e.value;
  return v;
}

/** SUS answers of an attempt, in item order, once all ten were given. */
export function susAnswersOf(attempt: ResearchEvent[]): number[] | null {
  const answers: (number | null)[] = Array.from({ length: SUS.items.length }, () => null);
  for (const e of attempt)
    if (e.type === 'sus_answer' && e.item !== undefined && e.value !== undefined) answers[e.item - 1] = e.value;
  return answers.every((a) => a !== null) ? (answers as number[]) : null;
}

export interface Progress {
  attempt: number;
  status: SessionStatus;
  /** The task running now (1-based), or null. */
  currentTask: number | null;
  /** The next task to start, or null when every task has ended. */
  nextTask: number | null;
  /** A task that ended and whose SEQ is not answered yet. */
  seqPending: number | null;
  susDone: boolean;
  outcomes: TaskOutcome[];
}

/** Where a session stands now (its latest attempt): for the console's status and the participant's app. */
export function progressOf(events: ResearchEvent[], taskCount: number): Progress {
  const attempts = splitAttempts(events);
  const latest = attempts[attempts.length - 1]!;
  const runs = taskRuns(latest, taskCount);
  const running = runs.find((r) => r.outcome === 'in_progress');
  const ended = runs.filter((r) => r.end);
  const lastEnded = [...ended].sort((a, b) => t(a.end!.at) - t(b.end!.at)).pop();
  const next = runs.find((r) => r.outcome === 'not_started');
  const seqPending = ended.find(
    (r) => !latest.some((e) => e.type === 'seq_answer' && e.task === r.task) && r.start !== null,
  );
  const opened = events.some((e) => CLIENT_TYPES.has(e.type));
  let status: SessionStatus;
  if (latest.some((e) => e.type === 'session_end')) status = 'ended';
  else if (running) status = 'in_task';
  else if (!opened) status = 'not_opened';
  // Every task over and the SUS answered: done, however the tasks went. Right after a 放弃: gave_up.
  else if (!next && ended.length && (susAnswersOf(latest) !== null || lastEnded?.outcome !== 'gave_up'))
    status = 'done';
  else if (lastEnded?.outcome === 'gave_up') status = 'gave_up';
  else status = 'between_tasks';
  return {
    attempt: attempts.length,
    status,
    currentTask: running ? running.task : null,
    nextTask: running ? null : (next?.task ?? null),
    seqPending: seqPending?.task ?? null,
    susDone: susAnswersOf(latest) !== null,
    outcomes: runs.map((r) => r.outcome),
  };
}

export function buildStudyReport(input: {
  study: string;
  tasks: StudyTask[];
  sessions: ReportSession[];
  now: Date;
}): StudyReport {
  const { tasks } = input;
  const sessions: SessionRow[] = [];
  const attempts: AttemptRow[] = [];
  for (const { info, events, annotations = NO_ANNOTATIONS } of input.sessions) {
    const split = splitAttempts(events);
    const progress = progressOf(events, tasks.length);
    const base = {
      session: info.id,
      participant: info.participant,
      condition: info.condition ?? '',
      situation: info.situation,
      profile: info.profileId,
    };
    split.forEach((attempt, i) => {
      const runs = taskRuns(attempt, tasks.length);
      runs.forEach((run, k) => {
        const m = measure(windowOf(attempt, run, tasks.length));
        // A success ends the time at once, but the screen that says so (绑定成功) comes just after:
        // the funnel looks on until the participant moves on (完成, another task, 结束).
        if (run.outcome === 'success' && run.start) m.stepsReached = stepsUntilMovedOn(attempt, run);
        const timed = run.start !== null && run.end !== null;
        attempts.push({
          ...base,
          attempt: i + 1,
          latest: i === split.length - 1,
          task: tasks[k]!.id,
          outcome: run.outcome,
          timeOnTaskMs: timed ? t(run.end!.at) - t(run.start!.at) : null,
          ...m,
          seq: lastValue(attempt, (e) => e.type === 'seq_answer' && e.task === run.task),
          startedAt: run.start?.at ?? null,
          endedAt: run.end?.at ?? null,
        });
      });
    });
    const sus = susAnswersOf(split[split.length - 1]!);
    sessions.push({
      ...base,
      status: progress.status,
      currentTask: progress.currentTask,
      attempts: split.length,
      susAnswers: sus,
      susScore: sus ? susScore(sus) : null,
      excluded: annotations.excluded,
      tags: annotations.tags,
      notes: annotations.notes,
      createdAt: info.createdAt,
    });
  }
  return {
    study: input.study,
    generatedAt: input.now.toISOString(),
    tasks: tasks.map(({ id, instruction, label, criterion }) => ({ id, instruction, label, criterion })),
    sessions,
    attempts,
  };
}
