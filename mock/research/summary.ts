// Summary figures and CSV files a researcher takes away. Only the log after a session's last reset
// counts: a reset means the participant started over.
import type { ResearchEvent } from '@domain/researchEvents';

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
  /** A binding was created. */
  taskSuccess: boolean;
  /** From the first event to the binding (or to the last event when there was none). */
  timeOnTaskMs: number | null;
  errorsByField: Record<string, number>;
  validationErrors: number;
  refusalsByCode: Record<string, number>;
  /** Requests the platform failed on purpose (error or timeout). */
  injectedFailures: number;
  submits: number;
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

export function summarizeSession(all: ResearchEvent[]): SessionSummary {
  let from = 0;
  all.forEach((e, i) => {
    if (e.type === 'session_reset') from = i + 1;
  });
  const events = all
    .slice(from)
    .filter((e) => e.type !== 'faults_changed' && e.type !== 'session_start' && e.type !== 'institution');
  const s: SessionSummary = {
    taskSuccess: false,
    timeOnTaskMs: null,
    errorsByField: {},
    validationErrors: 0,
    refusalsByCode: {},
    injectedFailures: 0,
    submits: 0,
    backNavigations: 0,
    consentReadMs: null,
    events: events.length,
  };
  let doneAt: string | null = null;
  for (const e of events) {
    if (e.type === 'validation_error') {
      s.validationErrors++;
      count(s.errorsByField, e.field);
    } else if (e.type === 'api') {
      if (e.fault === 'error' || e.fault === 'timeout') s.injectedFailures++;
      if (e.status !== undefined && e.status >= 400 && e.status < 500 && e.status !== 401)
        count(s.refusalsByCode, e.code);
      if (e.action === SUCCESS_ACTION && e.status === 201 && !doneAt) doneAt = e.at;
    } else if (e.type === 'submit') s.submits++;
    else if (e.type === 'back') s.backNavigations++;
    else if (e.type === 'consent_read' && e.ms !== undefined) s.consentReadMs = e.ms;
  }
  s.taskSuccess = doneAt !== null;
  const first = events[0];
  const last = events[events.length - 1];
  if (first && last) s.timeOnTaskMs = ms(doneAt ?? last.at) - ms(first.at);
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
const pairs = (o: Record<string, number>) =>
  Object.entries(o)
    .map(([k, n]) => `${k}:${n}`)
    .join(';');
const seconds = (v: number | null) => (v === null ? '' : (v / 1000).toFixed(1));

const SESSION_COLUMNS = ['study', 'session', 'participant', 'persona', 'profile', 'situation'];
const sessionCells = (i: SessionInfo) => [i.study, i.id, i.participant, i.personaId, i.profileId, i.situation];

export function eventsCsv(sessions: { info: SessionInfo; events: ResearchEvent[] }[]): string {
  const rows: unknown[][] = [
    [...SESSION_COLUMNS, 'n', 'at', 'type', 'screen', 'field', 'action', 'code', 'status', 'ms', 'fault'],
  ];
  for (const { info, events } of sessions) {
    events.forEach((e, n) =>
      rows.push([
        ...sessionCells(info),
        n + 1,
        e.at,
        e.type,
        e.screen,
        e.field,
        e.action,
        e.code,
        e.status,
        e.ms,
        e.fault,
      ]),
    );
  }
  return csv(rows);
}

export function summaryCsv(sessions: { info: SessionInfo; summary: SessionSummary }[]): string {
  const rows: unknown[][] = [
    [
      ...SESSION_COLUMNS,
      'task_success',
      'time_on_task_s',
      'validation_errors',
      'errors_by_field',
      'refusals_by_code',
      'injected_failures',
      'submits',
      'back_navigations',
      'consent_read_s',
      'events',
    ],
  ];
  for (const { info, summary: s } of sessions) {
    rows.push([
      ...sessionCells(info),
      s.taskSuccess ? 1 : 0,
      seconds(s.timeOnTaskMs),
      s.validationErrors,
      pairs(s.errorsByField),
      pairs(s.refusalsByCode),
      s.injectedFailures,
      s.submits,
      s.backNavigations,
      seconds(s.consentReadMs),
      s.events,
    ]);
  }
  return csv(rows);
}
