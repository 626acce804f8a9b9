// The pure split in src/domain/settlement.ts: what the HTTP platform, the offline platform and the app
// share. Cases the seeded people cannot reach over HTTP: payer order by start date, a profile whose
// 异地 is the 统筹区 rather than the province, and the sums always adding up.
import fc from 'fast-check';
import { PROFILES, type SettlementRules } from '@domain/profiles';
import { noBindingNote, payingBindings, splitBill, yuanToFen, type SplitInput } from '@domain/settlement';
import type { Binding } from '@domain/types';

const rules = PROFILES.heilongjiang.settlement;
const binding = (id: string, startDate: string, createdAt: string, extra: Partial<Binding> = {}): Binding => ({
  id,
  authorizerId: id,
  relativeName: '刘桂兰',
  relativeIdType: '居民身份证',
  relativeIdNumber: '230102194602114021',
  relativePhone: '13804510012',
  relation: '父母',
  startDate,
  endDate: null,
  createdAt,
  unboundAt: null,
  signature: null,
  proofs: [],
  ...extra,
});

const input = (over: Partial<SplitInput> = {}): SplitInput => ({
  rules,
  provincePrefix: '23',
  institution: { name: '药房', kind: '定点零售药店', regionCode: '230100', visitType: null },
  lines: [{ category: '药品', name: '药', amountFen: 10000 }],
  fundFen: 0,
  relative: { regionCode: '230100', ownAccountFen: null },
  payers: [],
  noPayerNote: 'MUTUAL_AID_NO_BINDING',
  ...over,
});

test('several authorizers pay in order of the binding’s start date, then of when it was made', () => {
  const list = [
    binding('late', '2026-10-01', '2026-09-01T00:00:00Z'),
    binding('early', '2026-09-01', '2026-09-02T00:00:00Z'),
    binding('sameDaySecond', '2026-10-01', '2026-09-03T00:00:00Z'),
    binding('ended', '2026-01-01', '2026-01-01T00:00:00Z', { endDate: '2026-06-01' }),
    binding('future', '2026-12-01', '2026-08-01T00:00:00Z'),
  ];
  expect(payingBindings(list, '2026-11-22', rules).map((b) => b.id)).toEqual(['early', 'late', 'sameDaySecond']);
  expect(noBindingNote([list[4]!], '2026-11-22')).toBe('MUTUAL_AID_NOT_STARTED');
  expect(noBindingNote([list[3]!], '2026-11-22')).toBe('MUTUAL_AID_ENDED');
  expect(noBindingNote([], '2026-11-22')).toBe('MUTUAL_AID_NO_BINDING');
});

test('a profile whose 异地 is another 统筹区: the same province is not enough', () => {
  const regional: SettlementRules = { ...rules, localArea: 'region' };
  const payers = [{ authorizerId: 'a', bindingId: 'b', balanceFen: 50000 }];
  const sameCity = splitBill(input({ rules: regional, payers }));
  expect(sameCity.mutualAid).toEqual([{ authorizerId: 'a', bindingId: 'b', amountFen: 10000 }]);
  const otherCity = splitBill(
    input({ rules: regional, payers, institution: { ...input().institution, regionCode: '230200' } }),
  );
  expect([otherCity.mutualAid, otherCity.notes]).toEqual([[], ['MUTUAL_AID_OUT_OF_AREA']]);
  // The province rule lets the same 230200 pharmacy use 共济.
  expect(splitBill(input({ payers, institution: { ...input().institution, regionCode: '230200' } })).cashFen).toBe(0);
});

test('amounts: 元 with at most two decimals, never negative', () => {
  expect([yuanToFen(12.5), yuanToFen(0.1 + 0.2), yuanToFen(1.005), yuanToFen(-1), yuanToFen('3')]).toEqual([
    1250,
    30,
    undefined,
    undefined,
    undefined,
  ]);
});

test('whatever the bill and balances, the parts add up and no account pays more than it holds', () => {
  const category = fc.constantFrom('药品', '医疗器械', '医用耗材', '诊疗', '生活用品' as const);
  fc.assert(
    fc.property(
      fc.array(fc.record({ category, amountFen: fc.integer({ min: 0, max: 500000 }) }), { minLength: 1, maxLength: 6 }),
      fc.array(fc.integer({ min: 0, max: 300000 }), { maxLength: 3 }),
      fc.option(fc.integer({ min: 0, max: 300000 }), { nil: null }),
      fc.boolean(),
      fc.boolean(),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (lines, balances, own, ownFirst, hospital, fundShare) => {
        const named = lines.map((l, i) => ({ ...l, name: `项目${i}` }));
        const covered = named.filter((l) => l.category !== '生活用品').reduce((n, l) => n + l.amountFen, 0);
        const fundFen = Math.floor(covered * fundShare);
        const payers = balances.map((b, i) => ({ authorizerId: `a${i}`, bindingId: `b${i}`, balanceFen: b }));
        const split = splitBill(
          input({
            rules: { ...rules, ownAccountFirst: ownFirst },
            lines: named,
            fundFen,
            payers,
            relative: { regionCode: '230100', ownAccountFen: own },
            institution: hospital
              ? { name: '医院', kind: '定点医疗机构', regionCode: '230100', visitType: '住院' }
              : input().institution,
          }),
        );
        const total = named.reduce((n, l) => n + l.amountFen, 0);
        const mutual = split.mutualAid.reduce((n, m) => n + m.amountFen, 0);
        expect(split.fundFen + split.ownAccountFen + mutual + split.cashFen).toBe(total);
        expect(split.cashFen).toBeGreaterThanOrEqual(total - covered);
        expect(split.ownAccountFen).toBeLessThanOrEqual(own ?? 0);
        for (const m of split.mutualAid)
          expect(m.amountFen).toBeLessThanOrEqual(balances[Number(m.authorizerId.slice(1))]!);
        // 共济 never pays a daily good, nor what the fund already paid.
        expect(mutual + split.ownAccountFen).toBeLessThanOrEqual(covered - fundFen);
      },
    ),
    { numRuns: 300, seed: 20261122 },
  );
});
