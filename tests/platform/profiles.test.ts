// The same refusal cases against every province profile; the table of expectations shows each one's
// differences, and every difference comes from the profile's data.
import { PROFILES, type ProfileId } from '@domain/profiles';
import { seedIds } from '../../mock/platform/seed';
import { readSettings } from '../../mock/server/settings';
import { bind, call, list, login, startPlatform, xiaoming, type Platform } from './helpers';

const ids = Object.keys(PROFILES) as ProfileId[];
import IMAGES from '../fixtures/images.json';

// Real (tiny) images: the platform checks the bytes, not the label.
const SIGNATURE = IMAGES.png;
const PHOTO = IMAGES.jpeg;

/** What each profile needs beyond the common fields to bind at all. */
const extras = (id: ProfileId) => ({
  ...(PROFILES[id].signatureRequired ? { signature: SIGNATURE } : {}),
  ...(PROFILES[id].proofKinds.length ? { proofs: [PHOTO] } : {}),
});

let s: Platform;
beforeAll(async () => {
  s = await startPlatform();
});
afterAll(() => s.app.close());
beforeEach(async () => {
  for (const id of ids) await call(s, 'POST', '/api/admin/reset', { profile: id });
});

describe.each(ids)('%s', (id) => {
  const p = PROFILES[id];
  // Each profile's own people: the same names and situations, ID numbers of its province.
  const people = seedIds(p);
  const as = async (persona: string) => login(s, persona, id);
  const tryBind = async (persona: string, extra: Record<string, unknown> = {}) => {
    const t = await as(persona);
    const r = await bind(s, t, xiaoming({ idNumber: people.zhangXiaoming, ...extras(id), ...extra }), id);
    return { ...r, after: await list(s, t, id) };
  };

  test('the common refusals hold', async () => {
    for (const [extra, code] of [
      [{ relation: '配偶的父母' }, 'RELATION_NOT_ALLOWED'],
      [{ startDate: '2026-11-21' }, 'START_BEFORE_TODAY'],
      [{ endDate: '2026-11-22' }, 'END_SAME_AS_START'],
      [{ name: '孙玉梅', idNumber: people.sunYumei }, 'NOT_INSURED'],
      [{ name: '张丽', idNumber: people.zhangLi }, 'INSURANCE_PAUSED'],
      [{ name: '张小红', idNumber: people.zhangXiaohong }, 'OTHER_REGION'],
      [{ name: '张建国', idNumber: people.zhangJianguo }, 'SELF_BINDING'],
      [{ consent: false }, 'CONSENT_REQUIRED'],
    ] as const) {
      const r = await tryBind('zhang', extra);
      expect([r.body.code, r.after.length]).toEqual([code, 0]);
    }
    expect((await tryBind('li')).body.code).toBe('BALANCE_TOO_LOW');
  });

  test(`relations: ${p.relations.join('、')}`, async () => {
    const r = await tryBind('zhang', { relation: '兄弟姐妹' });
    expect(r.status).toBe(p.relations.includes('兄弟姐妹') ? 201 : 400);
  });

  test(`member limit ${p.memberLimit}`, async () => {
    // zhao starts at his profile's limit.
    expect(people.zhaoFamily).toHaveLength(p.memberLimit);
    expect((await tryBind('zhao')).body.code).toBe('MEMBER_LIMIT');
  });

  test(`its people carry ${p.province} ID numbers (${p.provincePrefix}…)`, async () => {
    const local = Object.values(people)
      .flat()
      .filter((n) => !n.startsWith('65'));
    expect(local.every((n) => n.startsWith(p.provincePrefix))).toBe(true);
    // The other profiles' numbers are strangers here: not insured as far as this platform knows.
    const other = seedIds(PROFILES[id === 'hebei' ? 'shanxi' : 'hebei']).zhangXiaoming;
    expect((await tryBind('zhang', { idNumber: other })).body.code).toBe('NOT_INSURED');
  });

  test(`balance must ${p.balanceThreshold.inclusive ? 'reach' : 'exceed'} ${p.balanceThreshold.fen / 100} 元`, async () => {
    // zhang has 3,268.50 元, li 126.40 元.
    expect((await tryBind('li')).body.code).toBe('BALANCE_TOO_LOW');
    expect((await tryBind('zhang')).status).toBe(201);
  });

  test(p.signatureRequired ? 'a signature is required' : 'no signature is asked for', async () => {
    const r = await tryBind('zhang', { signature: undefined });
    expect(r.body.code ?? 'BOUND').toBe(p.signatureRequired ? 'SIGNATURE_REQUIRED' : 'BOUND');
  });

  test(p.proofKinds.length ? `proof is required: ${p.proofKinds.join('、')}` : 'no proof is asked for', async () => {
    const r = await tryBind('zhang', { proofs: undefined });
    expect(r.body.code ?? 'BOUND').toBe(p.proofKinds.length ? 'PROOF_REQUIRED' : 'BOUND');
  });

  test(
    p.oneAuthorizerPerRelative ? 'a relative may have only one authorizer' : 'a relative may have several authorizers',
    async () => {
      expect((await tryBind('zhang')).status).toBe(201);
      const second = await tryBind('wang');
      expect(second.body.code ?? 'BOUND').toBe(p.oneAuthorizerPerRelative ? 'RELATIVE_HAS_AUTHORIZER' : 'BOUND');
    },
  );
});

test('山西’s own threshold (more than 1000 元) does not follow the premium setting', async () => {
  const sx = await startPlatform({ profileId: 'shanxi', premiumFen: 100000 });
  expect((await call(sx, 'GET', '/api/profile')).body.balanceThreshold).toEqual({ fen: 100000, inclusive: false });
  await sx.app.close();
});

test('each profile keeps its own data', async () => {
  const hlj = await login(s, 'zhang');
  await bind(s, hlj, xiaoming());
  const hebei = await login(s, 'zhang', 'hebei');
  expect(await list(s, hebei, 'hebei')).toEqual([]);
  expect((await call(s, 'GET', '/api/bindings', { token: hlj, profile: 'hebei' })).status).toBe(401);
});

test('an unknown profile is refused with the list of valid ones', async () => {
  const r = await call(s, 'GET', '/api/profile', { profile: 'guangdong' });
  expect([r.status, r.body.code]).toEqual([400, 'UNKNOWN_PROFILE']);
  expect(r.body.message).toContain('没有「guangdong」这个规则配置，可选：黑龙江（heilongjiang）');
  expect(() => readSettings({ MOCK_PROFILE: 'guangdong' })).toThrow(/没有「guangdong」这个规则配置/);
});

test('settings refuse nonsense', () => {
  expect(() => readSettings({ MOCK_PREMIUM_YUAN: '-1' })).toThrow(/MOCK_PREMIUM_YUAN/);
  expect(() => readSettings({ MOCK_TODAY: '2026-02-30' })).toThrow(/MOCK_TODAY/);
  expect(readSettings({ MOCK_PREMIUM_YUAN: '380' }).premiumFen).toBe(38000);
});
