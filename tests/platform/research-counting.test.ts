// The counting rules a researcher's hand log is checked against: mistakes per field and the SUS score.
import { createMistakeCounter } from '@domain/fieldMistakes';
import { susScore, SUS } from '@domain/questionnaires';
import { beijingTime } from '../../mock/research/summary';

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
