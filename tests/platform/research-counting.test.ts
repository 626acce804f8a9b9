// The counting rules a researcher's hand log is checked against: mistakes per field and the SUS score.
import { createMistakeCounter } from '@domain/fieldMistakes';
import { susScore, SUS } from '@domain/questionnaires';
import type { ResearchEvent } from '@domain/researchEvents';
import { buildStudyReport } from '../../mock/research/report/build';
import { beijingTime, summarizeSession } from '../../mock/research/summary';

/** Replays shown errors and commit points; returns the mistakes counted per field. */
function replay(steps: ([kind: 'show' | 'leave' | 'next', field: string, code?: string] | ['valid', string])[]) {
  const counter = createMistakeCounter();
  const shown: Record<string, string | undefined> = {};
  const counted: Record<string, number> = {};
  for (const [kind, field, code] of steps) {
    if (kind === 'valid') {
      counter.valid(field);
      shown[field] = undefined;
    } else if (kind === 'show') shown[field] = code;
    else if (counter.commit(field, shown[field])) counted[field] = (counted[field] ?? 0) + 1;
  }
  return counted;
}

test('after ID_CHECK, a backspace showing ID_LENGTH for 17 digits is the same mistake', () => {
  expect(
    replay([
      ['show', 'idNumber', 'ID_CHECK'],
      ['leave', 'idNumber'],
      ['show', 'idNumber', 'ID_LENGTH'],
      ['leave', 'idNumber'],
      ['valid', 'idNumber'],
      ['leave', 'idNumber'],
    ]),
  ).toEqual({ idNumber: 1 });
});

test('after PHONE_REQUIRED at 下一步, the first keystroke showing PHONE_INVALID is the same mistake', () => {
  expect(
    replay([
      ['show', 'phone', 'PHONE_REQUIRED'],
      ['next', 'phone'],
      ['show', 'phone', 'PHONE_INVALID'],
      ['leave', 'phone'],
      ['next', 'phone'],
      ['valid', 'phone'],
    ]),
  ).toEqual({ phone: 1 });
});

test('an error only seen while typing is no mistake; wrong again after being valid is a second one', () => {
  expect(
    replay([
      ['show', 'phone', 'PHONE_INVALID'],
      ['valid', 'phone'],
      ['leave', 'phone'],
      ['show', 'phone', 'PHONE_INVALID'],
      ['leave', 'phone'],
      ['valid', 'phone'],
      ['show', 'phone', 'PHONE_INVALID'],
      ['next', 'phone'],
    ]),
  ).toEqual({ phone: 2 });
});

test('SUS: odd items score − 1, even items 5 − score, the sum times 2.5', () => {
  expect(SUS.items).toHaveLength(10);
  expect(susScore([5, 1, 5, 1, 5, 1, 5, 1, 5, 1])).toBe(100);
  expect(susScore([1, 5, 1, 5, 1, 5, 1, 5, 1, 5])).toBe(0);
  expect(susScore([3, 3, 3, 3, 3, 3, 3, 3, 3, 3])).toBe(50);
  // (4+4+3+3+4+4+3+3+3+2) × 2.5
  expect(susScore([5, 1, 4, 2, 5, 1, 4, 2, 4, 3])).toBe(82.5);
  expect(susScore([5, 1, 4])).toBeNull();
  expect(susScore([6, 1, 4, 2, 5, 1, 4, 2, 4, 3])).toBeNull();
});

test('北京时间 is UTC+8, as Excel reads a date', () => {
  expect(beijingTime('2026-11-23T10:05:03.120Z')).toBe('2026-11-23 18:05:03');
  expect(beijingTime('2026-11-23T17:00:00.000Z')).toBe('2026-11-24 01:00:00');
  expect(beijingTime(null)).toBe('');
});

describe('the study report from a log', () => {
  const info = {
    id: 'ABCDEF',
    study: 'S',
    participant: 'P1',
    personaId: 'zhang',
    profileId: 'heilongjiang',
    situation: 'relative-not-insured',
    createdAt: '2026-11-22T01:00:00.000Z',
  };
  const at = (s: number) => new Date(Date.UTC(2026, 10, 22, 1, 0, s)).toISOString();
  const tasks = [{ id: 't1', criterion: 'bind-zhangxiaoming', label: '绑定', instruction: '请绑定。' }];

  test('a log from the old app: NOT_INSURED logged by the ID field is a refusal, not a field error; old 下一步 are nexts', () => {
    const events: ResearchEvent[] = [
      { type: 'session_start', at: at(0) },
      { type: 'screen', screen: 'bind', at: at(1) },
      { type: 'submit', action: 'next', at: at(2) },
      { type: 'validation_error', field: 'phone', code: 'PHONE_INVALID', at: at(3) },
      { type: 'submit', action: 'bind', at: at(4) },
      { type: 'api', action: 'createBinding', status: 422, code: 'NOT_INSURED', at: at(5) },
      { type: 'validation_error', field: 'idNumber', code: 'NOT_INSURED', at: at(6) },
    ];
    const report = buildStudyReport({ study: 'S', tasks, sessions: [{ info, events }], now: new Date(at(9)) });
    expect(report.attempts[0]).toMatchObject({
      errorsByField: { phone: 1 },
      refusalsByCode: { NOT_INSURED: 1 },
      submits: 1,
      nexts: 1,
      outcome: 'not_started',
      timeOnTaskMs: null,
    });
    expect(summarizeSession(events)).toMatchObject({
      errorsByField: { phone: 1 },
      validationErrors: 1,
      submits: 1,
      nexts: 1,
    });
  });

  test("time on task ends at the platform's success; events after it (a reopened link) change nothing", () => {
    const events: ResearchEvent[] = [
      { type: 'session_start', at: at(0) },
      { type: 'screen', screen: 'index', at: at(5) },
      { type: 'task_start', task: 1, at: at(10) },
      { type: 'screen', screen: 'family', at: at(12) },
      { type: 'task_success', task: 1, at: at(40) },
      { type: 'screen', screen: 'result', at: at(41) },
      { type: 'screen', screen: 'index', at: at(59) },
    ];
    const report = buildStudyReport({ study: 'S', tasks, sessions: [{ info, events }], now: new Date(at(60)) });
    expect(report.attempts[0]).toMatchObject({ outcome: 'success', timeOnTaskMs: 30_000 });
    expect(report.attempts[0]?.stepsReached).toEqual(['family', 'result']);
    expect(report.sessions[0]).toMatchObject({ status: 'done', attempts: 1 });
  });
});
