// A seeded purchase history for trainers and researchers: 张建国 has authorized his mother 刘桂兰 for
// 75 days, and she has bought at pharmacies and seen a doctor over the last two months (one purchase
// refunded); he has also paid her resident premium. Made by running the platform's own settlement on a
// clock set to each day, so every split, balance and history line is what the rules give. Deterministic:
// dates hang on `today`, ids are counted.
import { addDays } from '@domain/dates';
import type { RuleProfile } from '@domain/profiles';
import type { Binding } from '@domain/types';
import { createMemoryRepo, type MemoryState } from './memoryRepo';
import { createPlatform } from './platform';
import type { Seed } from './repo';
import { seedIds } from './seed';

export const HISTORY_BINDING_ID = 'seed-zhang-liu';

type Step =
  | {
      daysAgo: number;
      time: string;
      settle: { id: string; hospital?: boolean; fund: number; lines: [string, string, number][] };
    }
  | { daysAgo: number; time: string; refund: string }
  | { daysAgo: number; time: string; premium: true };

const STEPS: Step[] = [
  {
    daysAgo: 58,
    time: '09:20',
    settle: {
      id: 'HIST-0001',
      fund: 0,
      lines: [
        ['药品', '苯磺酸氨氯地平片', 38.6],
        ['医用耗材', '医用棉签', 6.5],
      ],
    },
  },
  {
    daysAgo: 44,
    time: '10:05',
    settle: {
      id: 'HIST-0002',
      hospital: true,
      fund: 48.2,
      lines: [
        ['诊疗', '门诊诊查费', 25],
        ['药品', '头孢克肟分散片', 42.8],
        ['诊疗', '血常规检查', 30],
      ],
    },
  },
  { daysAgo: 37, time: '15:30', premium: true },
  {
    daysAgo: 30,
    time: '16:40',
    settle: {
      id: 'HIST-0003',
      fund: 0,
      lines: [
        ['医疗器械', '电子体温计', 29.9],
        ['生活用品', '洗手液', 12.8],
      ],
    },
  },
  { daysAgo: 29, time: '09:10', refund: 'HIST-0003' },
  {
    daysAgo: 12,
    time: '08:50',
    settle: {
      id: 'HIST-0004',
      fund: 0,
      lines: [
        ['药品', '复方丹参滴丸', 56],
        ['药品', '阿司匹林肠溶片', 15.5],
      ],
    },
  },
];

export function withPurchaseHistory(seed: Seed, profile: RuleProfile, today: string): Seed {
  const ids = seedIds(profile);
  const liu = seed.people.find((p) => p.idNumber === ids.liuGuilan);
  if (!liu) return seed;
  const start = addDays(today, -75);
  const binding: Binding = {
    id: HISTORY_BINDING_ID,
    authorizerId: 'zhang',
    relativeName: liu.name,
    relativeIdType: liu.idType,
    relativeIdNumber: liu.idNumber,
    relativePhone: liu.phone,
    relation: '父母',
    startDate: start,
    endDate: null,
    createdAt: `${start}T01:00:00.000Z`,
    unboundAt: null,
    signature: null,
    proofs: [],
  };
  let kept: MemoryState | null = null;
  const repo = createMemoryRepo(
    { ...seed, bindings: [...seed.bindings, binding] },
    { load: () => null, save: (s) => void (kept = s) },
  );
  let clock = new Date(`${start}T09:00:00+08:00`);
  let n = 0;
  const platform = createPlatform({ repo, profile, now: () => clock, newId: () => `hist-${++n}` });
  const region = `${profile.provincePrefix}0100`;
  const city = region.startsWith('23') ? '哈尔滨市' : profile.province;
  for (const step of STEPS) {
    const day = addDays(today, -step.daysAgo);
    clock = new Date(`${day}T${step.time}:00+08:00`);
    if ('settle' in step) {
      const { id, hospital, fund, lines } = step.settle;
      const total = Math.round(lines.reduce((t, [, , amount]) => t + amount * 100, 0)) / 100;
      const r = platform.settle({
        settlementId: id,
        relative: { idNumber: liu.idNumber, name: liu.name },
        institution: hospital
          ? { name: `${city}第一医院`, kind: '定点医疗机构', regionCode: region, visitType: '门(急)诊' }
          : { name: `${city}康民大药房`, kind: '定点零售药店', regionCode: region },
        lines: lines.map(([category, name, amount]) => ({ category, name, amount })),
        total,
        fund,
      });
      if (!r.ok) throw new Error(`purchase history: ${id} refused (${r.refusal.code})`);
    } else if ('refund' in step) {
      const r = platform.refund(step.refund);
      if (!r.ok) throw new Error(`purchase history: refund refused (${r.refusal.code})`);
    } else {
      const login = platform.login({ personaId: 'zhang' });
      if (!login.ok) throw new Error('purchase history: log-in refused');
      const r = platform.pay(login.data.token, {
        bindingId: HISTORY_BINDING_ID,
        year: Number(day.slice(0, 4)),
        requestId: `history-premium-${day}`,
      });
      if (!r.ok) throw new Error(`purchase history: 代缴 refused (${r.refusal.code})`);
    }
  }
  const state = kept as MemoryState | null;
  if (!state) return seed;
  const authorizerIds = new Set(state.authorizers.map((a) => a.idNumber));
  return {
    authorizers: state.authorizers,
    people: state.people.filter((p) => !authorizerIds.has(p.idNumber)),
    bindings: state.bindings,
    payments: state.payments,
    settlements: state.settlements ?? [],
    ledger: state.ledger ?? [],
  };
}
