// What the screens say about dates and about a binding that would be refused, in the words people read.
import { chineseDate, periodText } from '@domain/dates';
import { bindingBlockers, meetsBalanceThreshold } from '@domain/eligibility';
import { PROFILES } from '@domain/profiles';

test('dates read 2026年11月23日, never in the browser locale', () => {
  expect(chineseDate('2026-11-23')).toBe('2026年11月23日');
  expect(chineseDate('2027-01-05')).toBe('2027年1月5日');
  expect(chineseDate('not a date')).toBe('not a date');
});

test('授权期限: to an end date, open-ended, or ended early by 解除绑定 on its 北京时间 day', () => {
  expect(periodText({ startDate: '2026-11-22', endDate: '2027-11-22' })).toBe('2026年11月22日起，至2027年11月22日止');
  expect(periodText({ startDate: '2026-11-22', endDate: null })).toBe('2026年11月22日起，长期有效');
  // Unbound at 23:30 北京时间 (15:30 UTC) on 9月23日: never 「长期有效」 and never the UTC day.
  const unbound = { startDate: '2026-01-26', endDate: null, unboundAt: '2026-09-23T15:30:00.000Z' };
  expect(periodText(unbound)).toBe('2026年1月26日起，已于2026年9月23日解除');
  expect(periodText({ ...unbound, unboundAt: '2026-09-23T16:30:00.000Z' })).toBe(
    '2026年1月26日起，已于2026年9月24日解除',
  );
});

test('low balance and a full member list are named before typing, with the profile’s numbers', () => {
  const hlj = PROFILES.heilongjiang;
  expect(bindingBlockers(hlj, 326850, 0)).toEqual([]);
  const low = bindingBlockers(hlj, 12640, 0);
  expect(low).toHaveLength(1);
  expect(low[0]).toContain('126.40 元');
  expect(low[0]).toContain('400.00 元');
  const full = bindingBlockers(hlj, 560000, hlj.memberLimit);
  expect(full).toHaveLength(1);
  expect(full[0]).toContain(`最多绑定 ${hlj.memberLimit} 位`);
  expect(bindingBlockers(hlj, 560000, hlj.memberLimit - 1)).toEqual([]);
});

test('the balance threshold follows the profile: 不低于 or 高于', () => {
  expect(meetsBalanceThreshold({ balanceThreshold: { fen: 40000, inclusive: true } }, 40000)).toBe(true);
  expect(meetsBalanceThreshold({ balanceThreshold: { fen: 100000, inclusive: false } }, 100000)).toBe(false);
  expect(bindingBlockers(PROFILES.shanxi, 100000, 0)[0]).toContain('未超过');
});
