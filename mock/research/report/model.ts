// What a study's figures are made from: one row per attempt at a task, one row per session. The
// summary code fills it from the event log; the console, the charts and the one-file HTML report
// only read it, so both sides can change without touching each other.

/** Steps of the binding funnel, in order; a step counts as reached when its screen was shown. */
export const FUNNEL_STEPS = [
  { id: 'family', label: '家庭共济' },
  { id: 'bind', label: '共济账户绑定' },
  { id: 'consent', label: '授权协议' },
  { id: 'result', label: '绑定成功' },
] as const;

export type FunnelStep = (typeof FUNNEL_STEPS)[number]['id'];

export type TaskOutcome =
  /** The task's success criterion was met on the platform. */
  | 'success'
  /** The participant pressed 放弃. */
  | 'gave_up'
  /** The researcher pressed 结束 before success. */
  | 'ended'
  /** The participant pressed 完成, but the platform's success criterion was not met. */
  | 'failed'
  /** Started, no end yet (still running, or the tab was closed). */
  | 'in_progress'
  | 'not_started';

export type SessionStatus = 'not_opened' | 'in_task' | 'between_tasks' | 'done' | 'gave_up' | 'ended';

export interface TaskDef {
  id: string;
  /** Shown to the participant before 开始. */
  instruction: string;
  /** Short name for tables and charts. */
  label: string;
  /** The success criterion's id in the platform's catalog (GET /api/research/options). */
  criterion?: string;
}

export interface AttemptRow {
  session: string;
  participant: string;
  /** The study's own condition label, or '' when none was set. */
  condition: string;
  situation: string;
  profile: string;
  /** 1 for the first run, +1 after each 重置. Earlier attempts stay in the data, marked. */
  attempt: number;
  /** The latest attempt of its session (the one study figures use by default). */
  latest: boolean;
  task: string;
  outcome: TaskOutcome;
  /** From 开始任务 to success, 放弃 or 结束; null when not started or still running. */
  timeOnTaskMs: number | null;
  /** Distinct mistakes per field (not keystrokes). */
  errorsByField: Record<string, number>;
  /** Platform refusals, by code: never counted as field errors. */
  refusalsByCode: Record<string, number>;
  /** 提交 presses (bind, unbind, pay). */
  submits: number;
  /** 下一步 presses. */
  nexts: number;
  backNavigations: number;
  injectedFailures: number;
  consentReadMs: number | null;
  /** Funnel steps reached during the attempt. */
  stepsReached: FunnelStep[];
  /** Single Ease Question, 1 (very hard) to 7 (very easy); null when unanswered. */
  seq: number | null;
  /** ISO times (UTC) of the start and end, when known. */
  startedAt: string | null;
  endedAt: string | null;
}

export interface SessionRow {
  session: string;
  participant: string;
  condition: string;
  situation: string;
  profile: string;
  status: SessionStatus;
  /** 1-based task number while in a task. */
  currentTask: number | null;
  attempts: number;
  /** SUS answers, 10 numbers 1–5 in item order, and the standard 0–100 score. */
  susAnswers: number[] | null;
  susScore: number | null;
  excluded: boolean;
  tags: string[];
  notes: { at: string; text: string }[];
  createdAt: string;
}

export interface StudyReport {
  study: string;
  generatedAt: string;
  tasks: TaskDef[];
  sessions: SessionRow[];
  /** Every attempt of every session, excluded sessions included (their SessionRow says so). */
  attempts: AttemptRow[];
}
