// Hand-built study reports for the chart and report tests: every figure below is known by hand.
import type { AttemptRow, SessionRow, StudyReport } from '../../mock/research/report/model';

export function session(id: string, extra: Partial<SessionRow> = {}): SessionRow {
  return {
    session: id,
    participant: `P-${id}`,
    condition: 'A',
    situation: 'normal',
    profile: 'heilongjiang',
    status: 'done',
    currentTask: null,
    attempts: 1,
    susAnswers: null,
    susScore: null,
    excluded: false,
    tags: [],
    notes: [],
    createdAt: '2026-11-22T01:00:00.000Z',
    ...extra,
  };
}

export function attempt(s: string, task: string, extra: Partial<AttemptRow> = {}): AttemptRow {
  return {
    session: s,
    participant: `P-${s}`,
    condition: 'A',
    situation: 'normal',
    profile: 'heilongjiang',
    attempt: 1,
    latest: true,
    task,
    outcome: 'success',
    timeOnTaskMs: 60_000,
    errorsByField: {},
    refusalsByCode: {},
    submits: 1,
    nexts: 1,
    backNavigations: 0,
    injectedFailures: 0,
    consentReadMs: 5000,
    stepsReached: ['family', 'bind', 'consent', 'result'],
    seq: null,
    startedAt: '2026-11-22T01:01:00.000Z',
    endedAt: '2026-11-22T01:02:00.000Z',
    ...extra,
  };
}

/**
 * Five sessions on two tasks, conditions A (S1–S3) and B (S4, S5), plus an excluded pilot (S0) with
 * wild numbers that must never show, and an earlier attempt of S2 (before a reset).
 * - bind: S1 20 s, S2 40 s, S3 80 s (A, success); S4 gave up at 90 s; S5 10 s (B, success).
 * - pay: S1 30 s success; S2 not started; others success 30 s.
 * Funnel (latest attempts, 5 opened): family 5, bind 5, consent 4, result 4.
 */
export function fixtureReport(): StudyReport {
  const sessions = [
    session('S0', { excluded: true, susScore: 0, susAnswers: [1, 5, 1, 5, 1, 5, 1, 5, 1, 5] }),
    session('S1', { susScore: 85, tags: ['顺利'], notes: [{ at: '2026-11-22T01:05:00.000Z', text: '很快' }] }),
    session('S2', { attempts: 2, susScore: 70 }),
    session('S3', { susScore: 52.5 }),
    session('S4', { condition: 'B', situation: 'low-balance', profile: 'hebei', status: 'gave_up', susScore: 40 }),
    session('S5', { condition: 'B', situation: 'low-balance', profile: 'hebei' }),
  ];
  const B = { condition: 'B', situation: 'low-balance', profile: 'hebei' };
  const attempts: AttemptRow[] = [
    attempt('S0', 'bind', { timeOnTaskMs: 999_000, errorsByField: { name: 50 }, refusalsByCode: { X: 9 }, seq: 1 }),
    attempt('S2', 'bind', { attempt: 1, latest: false, outcome: 'gave_up', timeOnTaskMs: 500_000, seq: 1 }),
    attempt('S1', 'bind', { timeOnTaskMs: 20_000, seq: 7 }),
    attempt('S1', 'pay', { timeOnTaskMs: 30_000, seq: 6, stepsReached: [] }),
    attempt('S2', 'bind', {
      attempt: 2,
      timeOnTaskMs: 40_000,
      errorsByField: { idNumber: 1, phone: 1 },
      refusalsByCode: { NOT_INSURED: 1 },
      seq: 5,
    }),
    attempt('S2', 'pay', {
      attempt: 2,
      outcome: 'not_started',
      timeOnTaskMs: null,
      stepsReached: [],
      startedAt: null,
      endedAt: null,
    }),
    attempt('S3', 'bind', { timeOnTaskMs: 80_000, errorsByField: { idNumber: 2 }, seq: 5 }),
    attempt('S3', 'pay', { timeOnTaskMs: 30_000, seq: 7, stepsReached: [] }),
    attempt('S4', 'bind', {
      ...B,
      outcome: 'gave_up',
      timeOnTaskMs: 90_000,
      stepsReached: ['family', 'bind'],
      refusalsByCode: { BALANCE_LOW: 2 },
      seq: 2,
    }),
    attempt('S5', 'bind', { ...B, timeOnTaskMs: 10_000, seq: 6 }),
    attempt('S5', 'pay', { ...B, timeOnTaskMs: 30_000, seq: 6, stepsReached: [] }),
  ];
  return {
    study: '第一轮',
    generatedAt: '2026-11-22T02:00:00.000Z',
    tasks: [
      { id: 'bind', label: '绑定张小明', instruction: '为张小明绑定共济账户' },
      { id: 'pay', label: '代缴', instruction: '为刘桂兰代缴城乡居民医保费' },
    ],
    sessions,
    attempts,
  };
}

export const emptyReport = (): StudyReport => ({
  study: '空研究',
  generatedAt: '2026-11-22T02:00:00.000Z',
  tasks: [{ id: 'bind', label: '绑定', instruction: '绑定' }],
  sessions: [],
  attempts: [],
});
