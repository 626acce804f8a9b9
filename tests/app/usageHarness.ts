// A platform with a 共济 history for the 共济使用明细 and 授权我的 screens: 张建国 binds 刘桂兰 (父母) and
// 王志强's 周桂芝 stays as seeded; 刘桂兰 buys medicine in October and November, one purchase is refunded,
// and 张建国 pays her 2027 premium. The platform's clock moves through those days, as a real one would.
import { createMemoryRepo } from '@mock/platform/memoryRepo';
import { createPlatform, type Platform } from '@mock/platform/platform';
import { handle } from '@mock/platform/router';
import { buildSeed, SEED_IDS } from '@mock/platform/seed';
import { resolveProfile } from '@domain/profiles';
import { useAuthStore } from '@/features/auth/store';
import { useProfileStore } from '@/features/profile/store';
import { setTransport } from '@/shared/api/client';
import type { ApiRequest, ApiResponse, Transport } from '@/shared/api/types';

export const LIU = { name: '刘桂兰', idNumber: SEED_IDS.liuGuilan };

export interface UsageHarness {
  platform: Platform;
  clock: { at: Date };
  calls: ApiRequest[];
  failNext: (match: (r: ApiRequest) => boolean) => void;
  /** Makes the next matching request wait until the returned function is called. */
  holdNext: (match: (r: ApiRequest) => boolean) => () => void;
  as: (personaId: string) => Promise<void>;
  api: (method: string, path: string, body?: unknown) => Promise<ApiResponse>;
}

export async function startUsagePlatform(): Promise<UsageHarness> {
  const profile = resolveProfile('heilongjiang');
  const clock = { at: new Date('2026-10-10T02:00:00.000Z') };
  let n = 0;
  const platform = createPlatform({
    repo: createMemoryRepo(buildSeed(profile, '2026-11-22')),
    profile,
    now: () => new Date(clock.at.getTime() + (n % 1000)),
    newId: () => `t${String(++n).padStart(6, '0')}`,
    allowReset: true,
  });
  const calls: ApiRequest[] = [];
  let fail: ((r: ApiRequest) => boolean) | null = null;
  let hold: { match: (r: ApiRequest) => boolean; gate: Promise<void> } | null = null;
  const transport: Transport = async (req) => {
    calls.push(req);
    if (fail?.(req)) {
      fail = null;
      throw new Error('network down');
    }
    if (hold?.match(req)) {
      const { gate } = hold;
      hold = null;
      await gate;
    }
    return handle(platform, req);
  };
  setTransport(transport);
  await useProfileStore.getState().load();
  const token = () => useAuthStore.getState().token ?? undefined;
  const api = async (method: string, path: string, body?: unknown) =>
    handle(platform, { method, path, body, authorization: token() ? `Bearer ${token()}` : undefined });
  return {
    platform,
    clock,
    calls,
    failNext: (match) => {
      fail = match;
    },
    holdNext: (match) => {
      let open = () => {};
      hold = { match, gate: new Promise<void>((r) => (open = r)) };
      return () => open();
    },
    as: async (personaId) => {
      useAuthStore.getState().clear();
      await useAuthStore.getState().loginAs(personaId);
    },
    api,
  };
}

export const pharmacy = (settlementId: string, amount: number, lines = [{ name: '阿莫西林胶囊', amount }]) => ({
  settlementId,
  relative: LIU,
  institution: { name: '哈尔滨市道里区康民大药房', kind: '定点零售药店', regionCode: '230102', visitType: null },
  lines: lines.map((l) => ({ category: '药品', ...l })),
  total: lines.reduce((s, l) => s + l.amount, 0),
  fund: 0,
});

function settled(r: { ok: boolean }) {
  if (!r.ok) throw new Error(`settlement refused: ${JSON.stringify(r)}`);
}

/** 张建国 binds 刘桂兰 on 10 October; she buys medicine on 15 October and 20 November; 退费 of one; 代缴. */
export async function withHistory(h: UsageHarness) {
  await h.as('zhang');
  const bound = await h.api('POST', '/api/bindings', {
    requestId: 'usage-bind-0001',
    name: LIU.name,
    idType: '居民身份证',
    idNumber: LIU.idNumber,
    phone: '13804510012',
    relation: '父母',
    startDate: '2026-10-10',
    endDate: '',
    consent: true,
  });
  if (bound.status !== 201) throw new Error(`bind: ${JSON.stringify(bound.body)}`);
  const bindingId = (bound.body as { id: string }).id;
  h.clock.at = new Date('2026-10-15T02:00:00.000Z');
  settled(h.platform.settle(pharmacy('oct-0000001', 35.5)));
  h.clock.at = new Date('2026-11-20T02:00:00.000Z');
  settled(h.platform.settle(pharmacy('nov-0000001', 86.5)));
  settled(h.platform.settle(pharmacy('nov-0000002', 20)));
  settled(h.platform.refund('nov-0000002'));
  h.clock.at = new Date('2026-11-22T02:00:00.000Z');
  // Weeks went by: a log-in of that day, as the authorizer would have.
  await h.as('zhang');
  const paid = await h.api('POST', '/api/payments', { bindingId, year: 2027, requestId: 'usage-pay-0001' });
  if (paid.status !== 201) throw new Error(`pay: ${JSON.stringify(paid.body)}`);
  return bindingId;
}
