// The 'purchase-history' situation: the same seeded history over HTTP in a research session and in the
// offline platform (memory repo, in-process), deterministic on the pinned clock.
import { PROFILES, resolveProfile } from '@domain/profiles';
import { createMemoryRepo } from '../../mock/platform/memoryRepo';
import { createPlatform } from '../../mock/platform/platform';
import { handle } from '../../mock/platform/router';
import { buildSeed, seedIds } from '../../mock/platform/seed';
import { applySituation, situationById } from '../../mock/research/situations';
import { call, RESEARCH_KEY, startPlatform, TODAY } from './helpers';

const situation = situationById('purchase-history')!;

test('a research session in the purchase-history situation opens on two months of 共济 use', async () => {
  const s = await startPlatform();
  const created = await call(s, 'POST', '/api/research/sessions', {
    body: {
      study: 'history',
      participant: 'P1',
      personaId: 'zhang',
      profileId: 'heilongjiang',
      situation: 'purchase-history',
    },
  });
  expect(created.status).toBe(201);
  const session = created.body.id as string;
  const token = (await call(s, 'POST', '/api/session', { body: { personaId: 'zhang' }, session })).body.token;
  const h = (await call(s, 'GET', '/api/mutual-aid/usage', { token, session })).body;
  expect(h.items.map((i: { kind: string; amountYuan: string }) => `${i.kind} ${i.amountYuan}`)).toEqual([
    '共济结算 71.50',
    '退费 29.90',
    '共济结算 29.90',
    '代缴 400.00',
    '共济结算 49.60',
    '共济结算 45.10',
  ]);
  expect(h.items[0]).toMatchObject({ relativeName: '刘**', balanceAfterYuan: '2,702.30', date: '2026-11-10' });
  expect(h.totals).toMatchObject({ count: 6, outYuan: '596.10', inYuan: '29.90', netYuan: '566.20' });
  expect(h.months.length).toBeGreaterThanOrEqual(2);
  const me = (await call(s, 'GET', '/api/me', { token, session })).body;
  expect(me.balanceYuan).toBe('2,702.30');
  // 刘桂兰 logs in to the same session and sees it under 授权我的.
  const liu = (await call(s, 'POST', '/api/session', { body: { personaId: 'liuguilan' }, session })).body.token;
  const granted = (await call(s, 'GET', '/api/mutual-aid/authorizations', { token: liu, session })).body;
  expect(granted.grants[0]).toMatchObject({ authorizerName: '张**', status: '生效中', used: { count: 6 } });
  // The default data is untouched.
  const plain = (await call(s, 'POST', '/api/session', { body: { personaId: 'zhang' } })).body.token;
  expect((await call(s, 'GET', '/api/mutual-aid/usage', { token: plain })).body.items).toEqual([]);
  // The 收银台 can ring up inside the session; the session's log holds codes only.
  const ids = seedIds(PROFILES.heilongjiang);
  const rung = await call(s, 'POST', '/api/institution/settlements', {
    session,
    key: RESEARCH_KEY,
    body: {
      settlementId: 'SESSION-0001',
      relative: { idNumber: ids.liuGuilan, name: '刘桂兰' },
      institution: { name: '康民大药房', kind: '定点零售药店', regionCode: '230100' },
      lines: [{ category: '药品', name: '板蓝根颗粒', amount: 18 }],
      total: 18,
      fund: 0,
    },
  });
  expect(rung.body.mutualAid).toEqual([{ authorizerName: '张**', amountFen: 1800, amountYuan: '18.00' }]);
  expect((await call(s, 'GET', '/api/me', { token, session })).body.balanceYuan).toBe('2,684.30');
  const paused = await call(s, 'POST', '/api/institution/settlements', {
    session,
    key: RESEARCH_KEY,
    body: {
      settlementId: 'SESSION-0002',
      relative: { idNumber: ids.zhangLi, name: '张丽' },
      lines: [{ category: '药品', name: '板蓝根颗粒', amount: 18 }],
      total: 18,
      fund: 0,
      institution: { name: '康民大药房', kind: '定点零售药店', regionCode: '230100' },
    },
  });
  expect(paused.body.code).toBe('INSURANCE_PAUSED');
  const csv = (await call(s, 'GET', `/api/research/sessions/${session}/events.csv`)).body as string;
  expect(csv).toContain('mutualAidUsage');
  expect(csv).toMatch(/institution.*settle/);
  // The 收银台's steps are not the participant's: the summary leaves them out.
  const summary = (await call(s, 'GET', `/api/research/sessions/${session}`)).body.summary;
  expect(summary.refusalsByCode).toEqual({});
  expect(csv).not.toContain('板蓝根');
  expect(csv).not.toContain(ids.liuGuilan);
  await s.app.close();
});

test('offline: the in-process platform seeds the same history, and a reset returns to it', () => {
  const profile = resolveProfile('heilongjiang');
  const now = () => new Date(`${TODAY}T10:00:00+08:00`);
  const seed = (today: string) => applySituation(buildSeed(profile, today), situation, 'zhang', profile, today);
  const platform = createPlatform({ repo: createMemoryRepo(seed(TODAY)), profile, now, allowReset: true, seed });
  const ask = (method: string, path: string, token?: string, body?: unknown) =>
    handle(platform, { method, path, body, authorization: token ? `Bearer ${token}` : undefined });
  const token = (ask('POST', '/api/session', undefined, { personaId: 'zhang' }).body as { token: string }).token;
  const first = ask('GET', '/api/mutual-aid/usage?month=2026-11', token).body as { items: unknown[] };
  expect(first.items).toHaveLength(1);
  ask('POST', '/api/admin/reset');
  const again = (ask('POST', '/api/session', undefined, { personaId: 'zhang' }).body as { token: string }).token;
  const all = ask('GET', '/api/mutual-aid/usage', again).body as { totals: { netYuan: string } };
  expect(all.totals.netYuan).toBe('566.20');
  // Deterministic: the same day gives the same seed.
  expect(JSON.stringify(seed(TODAY))).toBe(JSON.stringify(seed(TODAY)));
});
