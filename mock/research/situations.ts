// What a research session sets up for its participant: a situation changes the seed data or the
// platform's behaviour. Kept as data so the researcher console, the app and the server agree.
import type { RuleProfile } from '@domain/profiles';
import { withPurchaseHistory } from '../platform/purchaseHistory';
import type { Seed } from '../platform/repo';
import type { InsuranceStatus } from '@domain/types';

/** Faults the platform injects into one session's requests. */
export interface Faults {
  /** Added before every answer. */
  latencyMs: number;
  /** Share (0–1) of requests answered 503 without doing anything. */
  errorRate: number;
  /** Share (0–1) of requests carried out but answered only after the app has given up waiting. */
  timeoutRate: number;
  /** The first N submits (bind, unbind, pay) are answered 503 without doing anything. */
  failSubmits: number;
}

export const NO_FAULTS: Faults = { latencyMs: 0, errorRate: 0, timeoutRate: 0, failSubmits: 0 };

export interface Situation {
  id: string;
  label: string;
  /** What the participant will meet, for the researcher. */
  description: string;
  faults: Partial<Faults>;
  /** The authorizer's balance, as a share of the resident premium (0.3 = well below it). */
  balanceShareOfPremium?: number;
  /** Insured status forced on relatives, by name: every profile has the same people, with its own numbers. */
  relativeStatus?: Record<string, InsuranceStatus>;
  /** 张建国 has authorized 刘桂兰 for 75 days and she has used it (mock/platform/purchaseHistory.ts). */
  purchaseHistory?: boolean;
}

export const SITUATIONS: Situation[] = [
  { id: 'normal', label: '正常办理', description: '数据与网络都正常', faults: {} },
  {
    id: 'low-balance',
    label: '余额不足',
    description: '授权人个人账户余额低于城乡居民医保缴费标准，绑定时会被拒绝',
    faults: {},
    balanceShareOfPremium: 0.3,
  },
  {
    id: 'relative-not-insured',
    label: '使用人未参保',
    description: '任务中的使用人张小明未参保，绑定时会被拒绝',
    faults: {},
    relativeStatus: { 张小明: '未参保' },
  },
  {
    id: 'purchase-history',
    label: '已有共济消费记录',
    description:
      '张建国已授权母亲刘桂兰 75 天，她近两个月在药店和医院用共济账户结算 4 次（其中 1 次退费），张建国还为她代缴过居民医保费；可看共济使用明细，或以刘桂兰登录看授权我的',
    faults: {},
    purchaseHistory: true,
  },
  { id: 'slow-network', label: '网络缓慢', description: '每个请求都要等待约 3 秒', faults: { latencyMs: 3000 } },
  {
    id: 'submit-error',
    label: '提交时服务器出错',
    description: '第一次提交（绑定、解绑或代缴）返回服务器错误，重试后成功',
    faults: { failSubmits: 1 },
  },
  {
    id: 'timeouts',
    label: '请求超时',
    description: '三成请求已办理但迟迟不回复，应用会等到超时，重试不会重复办理',
    faults: { timeoutRate: 0.3 },
  },
];

export const DEFAULT_SITUATION = 'normal';

export const situationById = (id: string): Situation | undefined => SITUATIONS.find((s) => s.id === id);

/** Fault settings: the situation's, overridden by what the researcher set for this session. */
export function faultsFor(situation: Situation, overrides: Partial<Faults> = {}): Faults {
  return { ...NO_FAULTS, ...situation.faults, ...overrides };
}

/** Checks researcher-entered faults; returns the problem in plain words, or the faults. */
export function readFaults(raw: unknown): Partial<Faults> | string {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) return '故障设置格式不正确';
  const out: Partial<Faults> = {};
  const r = raw as Record<string, unknown>;
  const limits: Record<keyof Faults, [number, number, string]> = {
    latencyMs: [0, 30000, '延迟应为 0 到 30000 毫秒'],
    errorRate: [0, 1, '出错比例应在 0 到 1 之间'],
    timeoutRate: [0, 1, '超时比例应在 0 到 1 之间'],
    failSubmits: [0, 10, '提交失败次数应为 0 到 10'],
  };
  for (const key of Object.keys(r)) {
    if (!(key in limits)) return `不认识的故障设置「${key}」`;
    const v = r[key];
    const [min, max, message] = limits[key as keyof Faults];
    if (v === '' || v === null || v === undefined) continue;
    // The console sends form text: plain decimals only ("1e3" or "0x10" are not what anyone typed).
    if (typeof v === 'string' && !/^\s*[0-9]+(\.[0-9]+)?\s*$/.test(v)) return message;
    const n = typeof v === 'string' ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isFinite(n) || n < min || n > max) return message;
    if ((key === 'latencyMs' || key === 'failSubmits') && !Number.isInteger(n)) return message;
    out[key as keyof Faults] = n;
  }
  return out;
}

/** The seed a session starts from, and returns to on reset. */
export function applySituation(
  seed: Seed,
  situation: Situation,
  personaId: string,
  profile: RuleProfile,
  today?: string,
): Seed {
  const share = situation.balanceShareOfPremium;
  const statuses = situation.relativeStatus ?? {};
  // The history is made after the other changes, so its balances start from them.
  if (situation.purchaseHistory && today)
    return withPurchaseHistory(
      applySituation(seed, { ...situation, purchaseHistory: false }, personaId, profile),
      profile,
      today,
    );
  return {
    ...seed,
    authorizers: seed.authorizers.map((a) =>
      share !== undefined && a.id === personaId ? { ...a, balanceFen: Math.floor(profile.premiumFen * share) } : a,
    ),
    people: seed.people.map((p) => {
      const status = statuses[p.name];
      return status ? { ...p, status } : p;
    }),
  };
}
