// A study's figures, worked out from a StudyReport alone. Excluded sessions drop out; each session
// counts with its latest attempt (earlier attempts after 重置 stay in the data, not in the figures).
import { PROFILES } from '@domain/profiles';
import { situationById } from '../situations';
import { FUNNEL_STEPS, type AttemptRow, type SessionRow, type StudyReport } from './model';
import { median, timeEstimate, type TimeEstimate } from './stats';

export const FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  idType: '证件类型',
  idNumber: '证件号码',
  phone: '手机号码',
  relation: '与本人关系',
  startDate: '开始日期',
  endDate: '结束日期',
  consent: '授权协议',
  year: '缴费年度',
};

export const OUTCOME_LABELS: Record<AttemptRow['outcome'], string> = {
  success: '成功',
  gave_up: '放弃',
  ended: '研究人员结束',
  failed: '未达成',
  in_progress: '进行中',
  not_started: '未开始',
};

export const STATUS_LABELS: Record<SessionRow['status'], string> = {
  not_opened: '未打开',
  in_task: '任务中',
  between_tasks: '任务间',
  done: '已完成',
  gave_up: '已放弃',
  ended: '已结束',
};

export type Dimension = 'condition' | 'situation' | 'profile';
export const DIMENSIONS: { id: Dimension; label: string }[] = [
  { id: 'condition', label: '研究条件' },
  { id: 'situation', label: '情境' },
  { id: 'profile', label: '省份规则' },
];

/** How a researcher reads a condition's value: situations and provinces by name. */
export function groupLabel(by: Dimension, value: string): string {
  if (by === 'situation') return situationById(value)?.label ?? value;
  if (by === 'profile') return (PROFILES as Record<string, { province: string }>)[value]?.province ?? value;
  return value || '（未设条件）';
}

export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? field;

const FINISHED = new Set<AttemptRow['outcome']>(['success', 'gave_up', 'ended', 'failed']);

/** The sessions and attempts that count: not excluded, latest attempt only. */
export function counted(report: StudyReport) {
  const excluded = new Set(report.sessions.filter((s) => s.excluded).map((s) => s.session));
  const sessions = report.sessions.filter((s) => !s.excluded);
  const attempts = report.attempts.filter((a) => a.latest && !excluded.has(a.session));
  return { sessions, attempts, excludedCount: excluded.size };
}

export interface Rate {
  successes: number;
  finished: number;
  rate: number | null;
}

function rateOf(attempts: AttemptRow[]): Rate {
  const finished = attempts.filter((a) => FINISHED.has(a.outcome));
  const successes = finished.filter((a) => a.outcome === 'success').length;
  return { successes, finished: finished.length, rate: finished.length ? successes / finished.length : null };
}

const successTimes = (attempts: AttemptRow[]) =>
  attempts.filter((a) => a.outcome === 'success' && a.timeOnTaskMs !== null).map((a) => a.timeOnTaskMs!);

/** The study list's line: sessions, success rate over finished tasks, median time of successes. */
export function headline(report: StudyReport) {
  const { sessions, attempts, excludedCount } = counted(report);
  return {
    study: report.study,
    sessions: sessions.length,
    excluded: excludedCount,
    ...rateOf(attempts),
    medianTimeMs: median(successTimes(attempts)),
  };
}

export interface FunnelRow {
  step: string;
  label: string;
  reached: number;
  /** Lost since the step before (0 for the first). */
  dropped: number;
}

/** Sessions that reached each step in their latest attempt, of those that opened the link. */
export function funnel(report: StudyReport): { base: number; rows: FunnelRow[] } {
  const { sessions, attempts } = counted(report);
  const reachedBy = new Map<string, Set<string>>();
  for (const a of attempts) {
    const set = reachedBy.get(a.session) ?? new Set<string>();
    for (const s of a.stepsReached) set.add(s);
    reachedBy.set(a.session, set);
  }
  const base = sessions.filter((s) => s.status !== 'not_opened').length;
  let before = base;
  const rows = FUNNEL_STEPS.map((step) => {
    const reached = sessions.filter((s) => reachedBy.get(s.session)?.has(step.id)).length;
    const row = { step: step.id, label: step.label, reached, dropped: Math.max(0, before - reached) };
    before = reached;
    return row;
  });
  return { base, rows };
}

export interface TaskTimes {
  task: string;
  label: string;
  /** Successful attempts' times (ms), by participant. */
  points: { participant: string; ms: number }[];
  /** Gave up or ended: shown apart, not in the estimate. */
  unfinished: { participant: string; ms: number; outcome: AttemptRow['outcome'] }[];
  estimate: TimeEstimate;
  rate: Rate;
}

export function taskTimes(report: StudyReport): TaskTimes[] {
  const { attempts } = counted(report);
  return report.tasks.map((t) => {
    const mine = attempts.filter((a) => a.task === t.id);
    const points = mine
      .filter((a) => a.outcome === 'success' && a.timeOnTaskMs !== null)
      .map((a) => ({ participant: a.participant, ms: a.timeOnTaskMs! }));
    const unfinished = mine
      .filter((a) => a.outcome !== 'success' && FINISHED.has(a.outcome) && a.timeOnTaskMs !== null)
      .map((a) => ({ participant: a.participant, ms: a.timeOnTaskMs!, outcome: a.outcome }));
    return {
      task: t.id,
      label: t.label,
      points,
      unfinished,
      estimate: timeEstimate(points.map((p) => p.ms)),
      rate: rateOf(mine),
    };
  });
}

const sumInto = (into: Record<string, number>, from: Record<string, number>) => {
  for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + n;
};
const sortedEntries = (o: Record<string, number>) =>
  Object.entries(o).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));

/** Distinct field mistakes and platform refusals, summed over counted attempts. */
export function problems(report: StudyReport) {
  const { attempts } = counted(report);
  const errors: Record<string, number> = {};
  const refusals: Record<string, number> = {};
  for (const a of attempts) {
    sumInto(errors, a.errorsByField);
    sumInto(refusals, a.refusalsByCode);
  }
  return {
    errors: sortedEntries(errors).map(([field, n]) => ({ field, label: fieldLabel(field), n })),
    refusals: sortedEntries(refusals).map(([code, n]) => ({ code, n })),
  };
}

/** SEQ answers (1–7) per task, as counts per answer. */
export function seqDistribution(report: StudyReport) {
  const { attempts } = counted(report);
  return report.tasks.map((t) => {
    const answers = attempts.filter((a) => a.task === t.id && a.seq !== null).map((a) => a.seq!);
    const counts = [1, 2, 3, 4, 5, 6, 7].map((v) => answers.filter((x) => x === v).length);
    return { task: t.id, label: t.label, n: answers.length, counts, median: median(answers) };
  });
}

/** SUS scores (0–100) of counted sessions, in bins of 10 (the last bin holds 100). */
export function susDistribution(report: StudyReport) {
  const { sessions } = counted(report);
  const scores = sessions.filter((s) => s.susScore !== null).map((s) => s.susScore!);
  const bins = Array.from({ length: 10 }, (_, i) => ({
    label: `${i * 10}–${i === 9 ? 100 : i * 10 + 9}`,
    n: scores.filter((x) => (i === 9 ? x >= 90 : x >= i * 10 && x < i * 10 + 10)).length,
  }));
  const mean = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
  return { n: scores.length, scores, bins, mean, median: median(scores) };
}

/** The values a dimension takes among counted sessions, in first-seen order. */
export function groupsOf(report: StudyReport, by: Dimension): string[] {
  const { sessions } = counted(report);
  return [...new Set(sessions.map((s) => s[by]))];
}

/** The first dimension with at least two groups (the study's own condition first), else null. */
export function defaultComparison(report: StudyReport): { by: Dimension; a: string; b: string } | null {
  for (const { id } of DIMENSIONS) {
    const [a, b] = groupsOf(report, id);
    if (a !== undefined && b !== undefined) return { by: id, a, b };
  }
  return null;
}

export interface GroupFigures {
  value: string;
  label: string;
  sessions: number;
  /** Per task, in task order. */
  tasks: { task: string; label: string; rate: Rate; medianTimeMs: number | null; n: number }[];
  susMean: number | null;
}

/** Two groups of one dimension side by side: success rate and median time per task, SUS mean. */
export function compare(report: StudyReport, by: Dimension, a: string, b: string): GroupFigures[] {
  const { sessions, attempts } = counted(report);
  return [a, b].map((value) => {
    const inGroup = sessions.filter((s) => s[by] === value);
    const ids = new Set(inGroup.map((s) => s.session));
    const mine = attempts.filter((x) => ids.has(x.session));
    const sus = inGroup.filter((s) => s.susScore !== null).map((s) => s.susScore!);
    return {
      value,
      label: groupLabel(by, value),
      sessions: inGroup.length,
      tasks: report.tasks.map((t) => {
        const ofTask = mine.filter((x) => x.task === t.id);
        const times = successTimes(ofTask);
        return { task: t.id, label: t.label, rate: rateOf(ofTask), medianTimeMs: median(times), n: times.length };
      }),
      susMean: sus.length ? sus.reduce((x, y) => x + y, 0) / sus.length : null,
    };
  });
}
