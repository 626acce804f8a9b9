// Summary figures and CSV files a researcher takes away. The per-session summary is the latest
// attempt (after the last reset); summary.csv has every attempt of every task, marked.
import { EVENT_DETAILS, FIELDS, type ResearchEvent } from '@domain/researchEvents';
import { isRefusal, splitAttempts, taskRuns } from './report/build';
import type { StudyReport } from './report/model';

export interface SessionInfo {
  id: string;
  study: string;
  participant: string;
  personaId: string;
  profileId: string;
  situation: string;
  createdAt: string;
}

export interface SessionSummary {
  /** The latest attempt's task succeeded on the platform (old logs: a binding was created). */
  taskSuccess: boolean;
  /**
   * From 开始任务 to success, 放弃, 完成 or the researcher's 结束 (old logs with no 开始任务: from the
   * first event to the binding); null when not finished. Reopening the link never stretches it.
   */
  timeOnTaskMs: number | null;
  /** Distinct mistakes per field (see @domain/fieldMistakes), never platform refusals. */
  errorsByField: Record<string, number>;
  validationErrors: number;
  refusalsByCode: Record<string, number>;
  /** Requests the platform failed on purpose (error or timeout). */
  injectedFailures: number;
  /** 提交 presses: bind, unbind, pay. */
  submits: number;
  /** 下一步 presses. */
  nexts: number;
  backNavigations: number;
  consentReadMs: number | null;
  events: number;
}

export interface StudySummary {
  sessions: number;
  successes: number;
  successRate: number | null;
  medianTimeOnTaskMs: number | null;
  errorsByField: Record<string, number>;
  refusalsByCode: Record<string, number>;
}

const count = (into: Record<string, number>, key: string | undefined) => {
  if (key) into[key] = (into[key] ?? 0) + 1;
};
const ms = (iso: string) => Date.parse(iso);

export const SUCCESS_ACTION = 'createBinding';

/** The latest attempt (after the last reset), as one line; the study report has every attempt and task. */
export function summarizeSession(all: ResearchEvent[]): SessionSummary {
  const attempts = splitAttempts(all);
  const events = attempts[attempts.length - 1]!.filter(
    (e) => e.type !== 'faults_changed' && e.type !== 'session_start' && e.type !== 'institution',
  );
  const s: SessionSummary = {
    taskSuccess: false,
    timeOnTaskMs: null,
    errorsByField: {},
    validationErrors: 0,
    refusalsByCode: {},
    injectedFailures: 0,
    submits: 0,
    nexts: 0,
    backNavigations: 0,
    consentReadMs: null,
    events: events.length,
  };
  let doneAt: string | null = null;
  // As in the report: a code the platform refused with is a refusal, even where an old app logged it by a field.
  const refusalCodes = new Set(events.filter(isRefusal).map((e) => e.code));
  for (const e of events) {
    if (e.type === 'validation_error') {
      if (refusalCodes.has(e.code)) continue;
      s.validationErrors++;
      count(s.errorsByField, e.field);
    } else if (e.type === 'api') {
      if (e.fault === 'error' || e.fault === 'timeout') s.injectedFailures++;
      if (isRefusal(e)) count(s.refusalsByCode, e.code);
      if (e.action === SUCCESS_ACTION && e.status === 201 && !doneAt) doneAt = e.at;
    } else if (e.type === 'submit' && e.action !== 'next') s.submits++;
    else if (e.type === 'next' || (e.type === 'submit' && e.action === 'next')) s.nexts++;
    else if (e.type === 'back') s.backNavigations++;
    else if (e.type === 'consent_read' && e.ms !== undefined) s.consentReadMs = e.ms;
  }
  const started = events.find((e) => e.type === 'task_start');
  if (started) {
    const runs = taskRuns(events, Math.max(1, ...events.map((e) => e.task ?? 1)));
    const first = runs.find((r) => r.start === started);
    s.taskSuccess = runs.some((r) => r.outcome === 'success');
    if (first?.end) s.timeOnTaskMs = ms(first.end.at) - ms(started.at);
  } else {
    s.taskSuccess = doneAt !== null || events.some((e) => e.type === 'task_success');
    const first = events[0];
    if (first && doneAt) s.timeOnTaskMs = ms(doneAt) - ms(first.at);
  }
  return s;
}

function median(values: number[]): number | null {
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  const upper = v[mid];
  const lower = v[mid - 1];
  if (upper === undefined) return null;
  return v.length % 2 || lower === undefined ? upper : Math.round((lower + upper) / 2);
}

export function summarizeStudy(summaries: SessionSummary[]): StudySummary {
  const out: StudySummary = {
    sessions: summaries.length,
    successes: summaries.filter((s) => s.taskSuccess).length,
    successRate: null,
    medianTimeOnTaskMs: median(
      summaries.filter((s) => s.taskSuccess && s.timeOnTaskMs !== null).map((s) => s.timeOnTaskMs!),
    ),
    errorsByField: {},
    refusalsByCode: {},
  };
  if (summaries.length) out.successRate = Math.round((out.successes / summaries.length) * 1000) / 1000;
  for (const s of summaries) {
    for (const [k, n] of Object.entries(s.errorsByField)) out.errorsByField[k] = (out.errorsByField[k] ?? 0) + n;
    for (const [k, n] of Object.entries(s.refusalsByCode)) out.refusalsByCode[k] = (out.refusalsByCode[k] ?? 0) + n;
  }
  return out;
}

/** A CSV cell; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
export function csvCell(v: unknown): string {
  let s = v === undefined || v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csv = (rows: unknown[][]) => '\ufeff' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
const seconds = (v: number | null) => (v === null ? '' : (v / 1000).toFixed(1));
/** 北京时间 (UTC+8, no daylight saving), as Excel reads a date: 2026-11-23 18:05:03. */
export function beijingTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 19).replace('T', ' ');
}

const SESSION_COLUMNS = ['study', 'session', 'participant', 'persona', 'profile', 'situation', 'condition'];
const sessionCells = (i: SessionInfo & { condition?: string }) => [
  i.study,
  i.id,
  i.participant,
  i.personaId,
  i.profileId,
  i.situation,
  i.condition ?? '',
];

export function eventsCsv(sessions: { info: SessionInfo & { condition?: string }; events: ResearchEvent[] }[]): string {
  const rows: unknown[][] = [[...SESSION_COLUMNS, 'n', 'attempt', 'at_beijing', 'at_utc', 'type', ...EVENT_DETAILS]];
  for (const { info, events } of sessions) {
    let attempt = 1;
    events.forEach((e, n) => {
      if (e.type === 'session_reset') attempt++;
      rows.push([
        ...sessionCells(info),
        n + 1,
        attempt,
        beijingTime(e.at),
        e.at,
        e.type,
        ...EVENT_DETAILS.map((k) => e[k]),
      ]);
    });
  }
  return csv(rows);
}

/**
 * One row per attempt at a task (Excel pivots it): errors one column per field (err_<field>, distinct
 * mistakes, not keystrokes), refusals one column per code (ref_<CODE>, the platform's 4xx answers,
 * never counted as field errors), submits (提交: bind, unbind, pay) apart from nexts (下一步).
 */
export function summaryCsv(report: StudyReport, infos: (SessionInfo & { condition?: string })[]): string {
  const byId = new Map(infos.map((i) => [i.id, i]));
  const codes = [...new Set(report.attempts.flatMap((a) => Object.keys(a.refusalsByCode)))].sort();
  const labels = new Map(report.tasks.map((t, i) => [t.id, { n: i + 1, label: t.label }]));
  const sessions = new Map(report.sessions.map((s) => [s.session, s]));
  const rows: unknown[][] = [
    [
      ...SESSION_COLUMNS,
      'excluded',
      'attempt',
      'latest',
      'task_no',
      'task',
      'task_label',
      'outcome',
      'task_success',
      'time_on_task_s',
      'started_beijing',
      'started_utc',
      'ended_beijing',
      'ended_utc',
      'field_errors',
      ...FIELDS.map((f) => `err_${f}`),
      'refusals',
      ...codes.map((c) => `ref_${c}`),
      'injected_failures',
      'submits',
      'nexts',
      'back_navigations',
      'consent_read_s',
      'steps_reached',
      'seq',
      'sus_score',
    ],
  ];
  for (const a of report.attempts) {
    const info = byId.get(a.session);
    const s = sessions.get(a.session);
    const task = labels.get(a.task);
    const sum = (o: Record<string, number>) => Object.values(o).reduce((x, y) => x + y, 0);
    rows.push([
      ...(info
        ? sessionCells(info)
        : [report.study, a.session, a.participant, '', a.profile, a.situation, a.condition]),
      s?.excluded ? 1 : 0,
      a.attempt,
      a.latest ? 1 : 0,
      task?.n ?? '',
      a.task,
      task?.label ?? '',
      a.outcome,
      a.outcome === 'success' ? 1 : 0,
      seconds(a.timeOnTaskMs),
      beijingTime(a.startedAt),
      a.startedAt ?? '',
      beijingTime(a.endedAt),
      a.endedAt ?? '',
      sum(a.errorsByField),
      ...FIELDS.map((f) => a.errorsByField[f] ?? 0),
      sum(a.refusalsByCode),
      ...codes.map((c) => a.refusalsByCode[c] ?? 0),
      a.injectedFailures,
      a.submits,
      a.nexts,
      a.backNavigations,
      seconds(a.consentReadMs),
      a.stepsReached.join('>'),
      a.seq ?? '',
      a.latest ? (s?.susScore ?? '') : '',
    ]);
  }
  return csv(rows);
}
