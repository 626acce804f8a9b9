// 共济使用明细's filters and totals: what the authorizer reads as 合计 for what is shown.
import { applyFilter, monthLabel, monthsOf, relativesOf, totalsOf } from '@/features/usage/summary';
import type { UsageEntry } from '@/features/usage/types';

const entry = (over: Partial<UsageEntry>): UsageEntry => ({
  id: 'x',
  kind: '共济结算',
  at: '2026-11-20T02:00:00.000Z',
  relativeKey: 'liu',
  relativeName: '刘**',
  relation: '父母',
  institution: '哈尔滨市道里区康民大药房',
  amountFen: 8650,
  balanceAfterFen: 318200,
  ...over,
});

const history = [
  entry({ id: 'a', amountFen: 8650 }),
  entry({ id: 'b', kind: '退费', amountFen: 2000, at: '2026-11-21T02:00:00.000Z' }),
  entry({ id: 'c', kind: '代缴', amountFen: 40000, relativeKey: 'ming', relativeName: '张**', relation: '子女' }),
  // 23:30 北京时间 on 31 October is still October, though it is 15:30 UTC the same day.
  entry({ id: 'd', at: '2026-10-31T15:30:00.000Z', amountFen: 1200 }),
  // 00:30 北京时间 on 1 November is November, though it is still 31 October in UTC.
  entry({ id: 'e', at: '2026-10-31T16:30:00.000Z', amountFen: 300 }),
];

test('totals: 共济结算 and 代缴 are paid out, 退费 comes back, the difference is what the account gave', () => {
  expect(totalsOf(history)).toEqual({
    paidFen: 8650 + 40000 + 1200 + 300,
    paidCount: 4,
    refundedFen: 2000,
    refundedCount: 1,
    netFen: 8650 + 40000 + 1200 + 300 - 2000,
  });
  expect(totalsOf([])).toEqual({ paidFen: 0, paidCount: 0, refundedFen: 0, refundedCount: 0, netFen: 0 });
});

test('filters by relative and by the month in 北京时间, alone or together', () => {
  expect(applyFilter(history, { relative: 'ming', month: '' }).map((e) => e.id)).toEqual(['c']);
  expect(applyFilter(history, { relative: '', month: '2026-10' }).map((e) => e.id)).toEqual(['d']);
  expect(applyFilter(history, { relative: 'liu', month: '2026-11' }).map((e) => e.id)).toEqual(['a', 'b', 'e']);
  expect(applyFilter(history, { relative: 'ming', month: '2026-10' })).toEqual([]);
  expect(applyFilter(history, { relative: '', month: '' })).toHaveLength(5);
});

test('the choices: each relative once, look-alike masked names told apart; months newest first', () => {
  const twins = [...history, entry({ id: 'f', relativeKey: 'liu2' })];
  expect(relativesOf(twins)).toEqual([
    { key: 'liu', label: '刘**（父母）' },
    { key: 'ming', label: '张**（子女）' },
    { key: 'liu2', label: '刘**（父母）2' },
  ]);
  expect(monthsOf(history)).toEqual(['2026-11', '2026-10']);
  expect(monthLabel('2026-03')).toBe('2026年3月');
});
