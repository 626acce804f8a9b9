// 共济 in use over real HTTP: a 定点医药机构 settles a relative's bill, the split follows the profile's
// data, a retry pays once, a 退费 goes back where the money came from, and each side sees it.
import { PROFILES, type ProfileId } from '@domain/profiles';
import { seedIds } from '../../mock/platform/seed';
import IMAGES from '../fixtures/images.json';
import { balance, bind, call, login, RESEARCH_KEY, requestId, startPlatform, TODAY, type Platform } from './helpers';

let s: Platform;
beforeAll(async () => {
  s = await startPlatform();
});
afterAll(() => s.app.close());
beforeEach(async () => {
  for (const id of Object.keys(PROFILES)) await call(s, 'POST', '/api/admin/reset', { profile: id });
});

const ids = seedIds(PROFILES.heilongjiang);
let n = 0;
const settlementId = () => `SET-${Date.now()}-${++n}`;

type Line = { category: string; name: string; amount: number };
const pharmacy = (prefix = '23') => ({ name: '哈尔滨市康民大药房', kind: '定点零售药店', regionCode: `${prefix}0100` });
const hospital = (visitType = '门(急)诊', prefix = '23') => ({
  name: '哈尔滨市第一医院',
  kind: '定点医疗机构',
  regionCode: `${prefix}0100`,
  visitType,
});

function bill(
  person: { idNumber: string; name: string },
  lines: Line[],
  fund = 0,
  extra: Record<string, unknown> = {},
) {
  const total = Math.round(lines.reduce((t, l) => t + l.amount * 100, 0)) / 100;
  return { settlementId: settlementId(), relative: person, institution: pharmacy(), lines, total, fund, ...extra };
}

const settle = (body: unknown, profile?: string, key: string | false = RESEARCH_KEY, token?: string) =>
  call(s, 'POST', '/api/institution/settlements', { body, profile, key, token });
const refund = (id: string, profile?: string, key: string | false = RESEARCH_KEY, token?: string) =>
  call(s, 'POST', `/api/institution/settlements/${id}/refund`, { profile, key, token });

const liu = { idNumber: ids.liuGuilan, name: '刘桂兰' };
const drug = (amount: number, name = '阿莫西林胶囊'): Line => ({ category: '药品', name, amount });

function relative(name: string, idNumber: string, relation: string, extra: Record<string, unknown> = {}) {
  return {
    requestId: requestId(),
    name,
    idType: '居民身份证',
    idNumber,
    phone: '13804510012',
    relation,
    startDate: TODAY,
    endDate: '',
    consent: true,
    ...extra,
  };
}

async function bindLiu(persona = 'zhang', extra: Record<string, unknown> = {}, profile?: ProfileId) {
  const t = await login(s, persona, profile);
  const p = profile ? seedIds(PROFILES[profile]) : ids;
  const r = await bind(s, t, relative('刘桂兰', p.liuGuilan, '父母', extra), profile);
  expect(r.status).toBe(201);
  return { t, binding: r.body };
}

const usage = (t: string, query = '', profile?: string) =>
  call(s, 'GET', `/api/mutual-aid/usage${query}`, { token: t, profile });

test('a pharmacy bill: the fund pays its part, 共济 the rest from the authorizer, and the 结算单 says whose', async () => {
  const { t, binding } = await bindLiu();
  const r = await settle(bill(liu, [drug(100), { category: '医疗器械', name: '电子血压计', amount: 20.5 }], 30));
  expect(r.status).toBe(201);
  expect(r.body).toMatchObject({
    status: '已结算',
    relative: { name: '刘**' },
    totalYuan: '120.50',
    fundYuan: '30.00',
    ownAccountYuan: '0.00',
    mutualAidYuan: '90.50',
    mutualAid: [{ authorizerName: '张**', amountYuan: '90.50' }],
    cashYuan: '0.00',
    notes: [],
  });
  expect(r.body.relative.idNumber).not.toContain(ids.liuGuilan.slice(4, 14));
  expect(await balance(s, t)).toBe('3,178.00');
  const h = (await usage(t)).body;
  expect(h.items).toEqual([
    expect.objectContaining({
      kind: '共济结算',
      relativeName: '刘**',
      bindingId: binding.id,
      institutionName: '哈尔滨市康民大药房',
      amountYuan: '90.50',
      direction: 'out',
      balanceAfterYuan: '3,178.00',
      date: TODAY,
      settlementId: r.body.id,
    }),
  ]);
});

test('生活用品 is paid in cash, never by the fund or 共济', async () => {
  const { t } = await bindLiu();
  const r = await settle(bill(liu, [drug(50), { category: '生活用品', name: '洗手液', amount: 12.8 }]));
  expect(r.body).toMatchObject({ mutualAidYuan: '50.00', cashYuan: '12.80' });
  expect(r.body.notes.map((x: { code: string }) => x.code)).toEqual(['MUTUAL_AID_CASH_ONLY_LINES']);
  expect(await balance(s, t)).toBe('3,218.50');
  // All daily goods: 共济 pays nothing.
  const only = await settle(bill(liu, [{ category: '生活用品', name: '口罩', amount: 9.9 }]));
  expect(only.body).toMatchObject({ mutualAidFen: 0, cashYuan: '9.90' });
  // The fund cannot pay daily goods either.
  const fund = await settle(bill(liu, [drug(10), { category: '生活用品', name: '口罩', amount: 9.9 }], 15));
  expect([fund.status, fund.body.code]).toEqual([400, 'FUND_EXCEEDS_COVERED']);
  expect(await balance(s, t)).toBe('3,218.50');
});

test('异地: a settlement outside the province uses no 共济, and says why', async () => {
  const { t } = await bindLiu();
  const r = await settle(bill(liu, [drug(80)], 0, { institution: pharmacy('22') }));
  expect(r.status).toBe(201);
  expect(r.body).toMatchObject({ mutualAidFen: 0, cashYuan: '80.00' });
  expect(r.body.notes).toEqual([{ code: 'MUTUAL_AID_OUT_OF_AREA', message: expect.stringContaining('异地') }]);
  expect(await balance(s, t)).toBe('3,268.50');
  // A relative insured in another province is 异地 even at a local pharmacy.
  const t2 = await login(s, 'wang');
  await bind(s, t2, relative('张小红', ids.zhangXiaohong, '子女'));
  const away = await settle(bill({ idNumber: ids.zhangXiaohong, name: '张小红' }, [drug(10)]));
  expect(away.body.notes.map((x: { code: string }) => x.code)).toEqual(['MUTUAL_AID_OUT_OF_AREA']);
});

test('a hospital visit: 诊疗 is paid by 共济 there, not at a pharmacy; a hospital bill names its visit type', async () => {
  await bindLiu();
  const lines: Line[] = [drug(40), { category: '诊疗', name: '门诊诊查费', amount: 25 }];
  const inHospital = await settle(bill(liu, lines, 20, { institution: hospital() }));
  expect(inHospital.body).toMatchObject({ mutualAidYuan: '45.00', cashYuan: '0.00', notes: [] });
  expect(inHospital.body.institution.visitType).toBe('门(急)诊');
  const atPharmacy = await settle(bill(liu, lines, 0));
  expect(atPharmacy.body).toMatchObject({ mutualAidYuan: '40.00', cashYuan: '25.00' });
  expect(atPharmacy.body.notes.map((x: { code: string }) => x.code)).toEqual(['MUTUAL_AID_OUT_OF_SCOPE']);
  const noVisit = await settle(bill(liu, lines, 0, { institution: { ...hospital(), visitType: undefined } }));
  expect([noVisit.status, noVisit.body.code]).toEqual([400, 'VISIT_TYPE_REQUIRED']);
});

test('only a 生效中 binding pays: none, not yet started, unbound and expired each say so', async () => {
  const none = await settle(bill(liu, [drug(10)]));
  expect([none.status, none.body.mutualAidFen, none.body.notes[0].code]).toEqual([201, 0, 'MUTUAL_AID_NO_BINDING']);

  const t = await login(s, 'zhang');
  const later = await bind(s, t, relative('刘桂兰', ids.liuGuilan, '父母', { startDate: '2026-12-01' }));
  expect(later.body.status).toBe('未生效');
  const notYet = await settle(bill(liu, [drug(10)]));
  expect(notYet.body.notes[0].code).toBe('MUTUAL_AID_NOT_STARTED');

  await call(s, 'POST', `/api/bindings/${later.body.id}/unbind`, { token: t });
  const ended = await settle(bill(liu, [drug(10)]));
  expect(ended.body.notes[0].code).toBe('MUTUAL_AID_ENDED');

  // 王大山's binding with 王志强 ran out 30 days ago.
  const expired = await settle(bill({ idNumber: ids.wangFamily[1]!, name: '王大山' }, [drug(10)]));
  expect(expired.body.notes[0].code).toBe('MUTUAL_AID_ENDED');
  expect(await balance(s, t)).toBe('3,268.50');
});

test('a paused, uninsured or mismatched card is refused and nothing changes', async () => {
  const t = await login(s, 'zhang');
  const paused = await settle(bill({ idNumber: ids.zhangLi, name: '张丽' }, [drug(10)]));
  expect([paused.status, paused.body.code]).toEqual([422, 'INSURANCE_PAUSED']);
  const notInsured = await settle(bill({ idNumber: ids.sunYumei, name: '孙玉梅' }, [drug(10)]));
  expect([notInsured.status, notInsured.body.code]).toEqual([422, 'SETTLE_NOT_INSURED']);
  const unknown = await settle(bill({ idNumber: ids.notRegistered, name: '无此人' }, [drug(10)]));
  expect([unknown.status, unknown.body.code]).toEqual([422, 'SETTLE_NOT_INSURED']);
  await bindLiu();
  const mismatch = await settle(bill({ idNumber: ids.liuGuilan, name: '张建国' }, [drug(10)]));
  expect([mismatch.status, mismatch.body.code]).toEqual([422, 'NAME_ID_MISMATCH']);
  expect(await balance(s, t)).toBe('3,268.50');
});

test('bad input gets a clear message per field and changes nothing', async () => {
  const { t } = await bindLiu();
  const cases: [Record<string, unknown>, string, string][] = [
    [{ total: 11 }, 'TOTAL_MISMATCH', 'total'],
    [{ lines: [drug(-1)], total: -1 }, 'AMOUNT_INVALID', 'lines[0]'],
    [{ lines: [drug(1.234)], total: 1.234 }, 'AMOUNT_INVALID', 'lines[0]'],
    [{ fund: 10.5 }, 'FUND_EXCEEDS_TOTAL', 'fund'],
    [{ fund: '1' }, 'AMOUNT_INVALID', 'fund'],
    [{ lines: [] }, 'LINES_REQUIRED', 'lines'],
    [{ lines: [{ category: '保健品', name: '蛋白粉', amount: 10 }] }, 'LINE_CATEGORY_INVALID', 'lines[0]'],
    [{ settlementId: 'x' }, 'SETTLEMENT_ID_INVALID', 'settlementId'],
    [{ relative: { idNumber: '123', name: '刘桂兰' } }, 'CREDENTIAL_INVALID', 'relative.idNumber'],
    [{ institution: { ...pharmacy(), regionCode: '23' } }, 'REGION_CODE_INVALID', 'institution.regionCode'],
    [{ institution: { ...pharmacy(), kind: '超市' } }, 'INSTITUTION_KIND_INVALID', 'institution.kind'],
    [{ institution: { ...pharmacy(), visitType: '住院' } }, 'VISIT_TYPE_NOT_ALLOWED', 'institution.visitType'],
  ];
  for (const [change, code, field] of cases) {
    const r = await settle({ ...bill(liu, [drug(10)]), ...change });
    expect([r.status, r.body.code]).toEqual([400, code]);
    expect(r.body.errors[0].field).toBe(field);
    expect(r.body.message).toMatch(/[\u4e00-\u9fa5]/);
  }
  const malformed = await settle([1, 2]);
  expect([malformed.status, malformed.body.code]).toEqual([400, 'MALFORMED_REQUEST']);
  expect(await balance(s, t)).toBe('3,268.50');
  expect((await usage(t)).body.items).toEqual([]);
});

test('never overdrawn: 共济 stops at the balance and the rest is cash', async () => {
  const { t } = await bindLiu();
  const r = await settle(bill(liu, [drug(5000)]));
  expect(r.body).toMatchObject({ mutualAidYuan: '3,268.50', cashYuan: '1,731.50' });
  expect(r.body.notes.map((x: { code: string }) => x.code)).toEqual(['MUTUAL_AID_BALANCE_SHORT']);
  expect(await balance(s, t)).toBe('0.00');
  const next = await settle(bill(liu, [drug(10)]));
  expect(next.body).toMatchObject({ mutualAidFen: 0, cashYuan: '10.00', mutualAid: [] });
  expect(await balance(s, t)).toBe('0.00');
});

test('several authorizers: the earliest binding pays first, the next one only the rest', async () => {
  const zhang = await bindLiu('zhang');
  const wang = await bindLiu('wang');
  const r = await settle(bill(liu, [drug(4000)]));
  expect(r.body.mutualAid).toEqual([
    { authorizerName: '张**', amountFen: 326850, amountYuan: '3,268.50' },
    { authorizerName: '王**', amountFen: 73150, amountYuan: '731.50' },
  ]);
  expect(r.body.cashFen).toBe(0);
  expect(await balance(s, zhang.t)).toBe('0.00');
  expect(await balance(s, wang.t)).toBe('8,068.50');
  // Each sees only their own share in their history.
  expect((await usage(wang.t)).body.items.map((i: { amountYuan: string }) => i.amountYuan)).toEqual(['731.50']);
});

test('a retry with the same settlement id pays once; other content under that id is refused', async () => {
  const { t } = await bindLiu();
  const body = bill(liu, [drug(66.6)]);
  const [a, b] = await Promise.all([settle(body), settle(body)]);
  expect([a.status, b.status]).toEqual([201, 201]);
  expect(b.body).toEqual(a.body);
  expect(await balance(s, t)).toBe('3,201.90');
  const other = await settle({ ...body, lines: [drug(70)], total: 70 });
  expect([other.status, other.body.code]).toEqual([409, 'SETTLEMENT_ID_REUSED']);
  expect(await balance(s, t)).toBe('3,201.90');
  expect((await usage(t)).body.items).toHaveLength(1);
  // A refused settlement keeps nothing: its id can be used once the problem is fixed.
  const bad = bill(liu, [drug(5)]);
  expect((await settle({ ...bad, total: 6 })).status).toBe(400);
  expect((await settle(bad)).status).toBe(201);
});

test('退费 puts each part back where it came from, once, and both histories show it', async () => {
  const zhang = await bindLiu('zhang');
  const wang = await bindLiu('wang');
  const r = await settle(bill(liu, [drug(3300)], 100));
  expect(r.body.mutualAid.map((m: { amountYuan: string }) => m.amountYuan)).toEqual(['3,200.00']);
  expect(await balance(s, zhang.t)).toBe('68.50');
  const second = await settle(bill(liu, [drug(150)]));
  expect(second.body.mutualAid.map((m: { amountYuan: string }) => m.amountYuan)).toEqual(['68.50', '81.50']);
  expect(await balance(s, wang.t)).toBe('8,718.50');

  const back = await refund(second.body.id);
  expect([back.status, back.body.status]).toEqual([200, '已退费']);
  expect(await balance(s, zhang.t)).toBe('68.50');
  expect(await balance(s, wang.t)).toBe('8,800.00');
  const again = await refund(second.body.id);
  expect([again.status, again.body.code]).toEqual([409, 'ALREADY_REFUNDED']);
  expect(await balance(s, wang.t)).toBe('8,800.00');
  // The settlement replayed after the refund says so and charges nothing.
  expect((await settle({ ...second.body, ...bill(liu, [drug(150)]), settlementId: second.body.id })).status).toBe(201);
  expect(await balance(s, zhang.t)).toBe('68.50');

  const h = (await usage(zhang.t)).body;
  expect(
    h.items.map((i: { kind: string; amountYuan: string; balanceAfterYuan: string }) => [
      i.kind,
      i.amountYuan,
      i.balanceAfterYuan,
    ]),
  ).toEqual([
    ['退费', '68.50', '68.50'],
    ['共济结算', '68.50', '0.00'],
    ['共济结算', '3,200.00', '68.50'],
  ]);
  expect(h.totals).toMatchObject({ count: 3, outYuan: '3,268.50', inYuan: '68.50', netYuan: '3,200.00' });
  const missing = await refund('NO-SUCH-SETTLEMENT');
  expect([missing.status, missing.body.code]).toEqual([404, 'SETTLEMENT_NOT_FOUND']);
});

test('a citizen’s token cannot settle, refund or read cards; only the researcher key opens the institution side', async () => {
  const { t } = await bindLiu();
  const body = bill(liu, [drug(10)]);
  for (const key of [false, 'wrong-key'] as const) {
    const r = await settle(body, undefined, key, t);
    expect([r.status, r.body.code]).toEqual([401, 'RESEARCH_KEY_REQUIRED']);
  }
  const ok = await settle(body);
  const r = await refund(ok.body.id, undefined, false, t);
  expect([r.status, r.body.code]).toEqual([401, 'RESEARCH_KEY_REQUIRED']);
  const cards = await call(s, 'GET', '/api/institution/cards', { token: t, key: false });
  expect(cards.status).toBe(401);
  expect(await balance(s, t)).toBe('3,258.50');
  const withKey = await call(s, 'GET', '/api/institution/cards', { key: RESEARCH_KEY });
  expect(withKey.body.find((c: { name: string }) => c.name === '刘桂兰')).toMatchObject({
    idNumber: ids.liuGuilan,
    activeGrants: 1,
  });
});

describe('a relative logs in', () => {
  test('刘桂兰 and 张小明 are personas; existing ids stay first and unchanged', async () => {
    const personas = (await call(s, 'GET', '/api/personas')).body;
    expect(personas.map((p: { id: string }) => p.id)).toEqual([
      'zhang',
      'li',
      'wang',
      'zhao',
      'liuguilan',
      'zhangxiaoming',
    ]);
    expect(personas[4]).toMatchObject({ role: 'relative', name: '刘**' });
    const r = await call(s, 'POST', '/api/session', { body: { personaId: 'liuguilan' } });
    expect(r.body.me).toMatchObject({
      role: 'relative',
      name: '刘**',
      insuranceType: '城乡居民医保',
      balanceYuan: '0.00',
    });
  });

  test('a relative can neither bind, unbind, pay nor read the authorizer’s history', async () => {
    const { binding } = await bindLiu();
    const t = await login(s, 'liuguilan');
    const refused = [
      await call(s, 'GET', '/api/bindings', { token: t }),
      await call(s, 'POST', `/api/bindings/${binding.id}/unbind`, { token: t }),
      await call(s, 'POST', '/api/payments', {
        token: t,
        body: { bindingId: binding.id, year: 2027, requestId: requestId() },
      }),
      await call(s, 'GET', '/api/payments', { token: t }),
      await bind(s, t, relative('张小明', ids.zhangXiaoming, '孙子女')),
      await usage(t),
    ];
    for (const r of refused) expect([r.status, r.body.code]).toEqual([403, 'RELATIVE_NOT_ALLOWED']);
    const zhang = await login(s, 'zhang');
    expect((await call(s, 'GET', `/api/bindings/${binding.id}`, { token: zhang })).body.status).toBe('生效中');
    expect(await balance(s, zhang)).toBe('3,268.50');
    expect((await call(s, 'DELETE', '/api/session', { token: t })).status).toBe(200);
  });

  test('授权我的: who authorizes me (masked), status and dates, and what I used, without their balance', async () => {
    const zhang = await bindLiu();
    const t = await login(s, 'liuguilan');
    const empty = await settle(bill(liu, [drug(30)], 10));
    await call(s, 'POST', '/api/payments', {
      token: zhang.t,
      body: { bindingId: zhang.binding.id, year: 2027, requestId: requestId() },
    });
    await refund(empty.body.id);
    await settle(bill(liu, [drug(12.3)]));
    const r = await call(s, 'GET', '/api/mutual-aid/authorizations', { token: t });
    expect(r.status).toBe(200);
    expect(r.body.me).toMatchObject({ name: '刘**', insuranceType: '城乡居民医保' });
    expect(r.body.grants).toHaveLength(1);
    const g = r.body.grants[0];
    expect(g).toMatchObject({
      authorizerName: '张**',
      relation: '父母',
      status: '生效中',
      startDate: TODAY,
      endDate: null,
      used: { count: 4, outYuan: '432.30', inYuan: '20.00', netYuan: '412.30' },
    });
    expect(g.authorizerIdNumber).toMatch(/^2301\*+\d{3}[\dX]$/);
    expect(g.items.map((i: { kind: string }) => i.kind)).toEqual(['共济结算', '退费', '代缴', '共济结算']);
    expect(JSON.stringify(r.body)).not.toContain('balanceAfter');
    expect(JSON.stringify(r.body)).not.toContain(ids.zhangJianguo);
    // 张小明 has nobody yet.
    const xm = await login(s, 'zhangxiaoming');
    expect((await call(s, 'GET', '/api/mutual-aid/authorizations', { token: xm })).body.grants).toEqual([]);
  });
});

test('共济使用明细 holds settlements, refunds and 代缴, with filters by relative and month and their totals', async () => {
  const clock = { now: new Date(`${TODAY}T10:00:00+08:00`) };
  const p = await startPlatform({ now: () => clock.now });
  const t = await login(p, 'zhang');
  const liuB = (await bind(p, t, relative('刘桂兰', ids.liuGuilan, '父母'))).body;
  const xmB = (await bind(p, t, relative('张小明', ids.zhangXiaoming, '子女'))).body;
  const ring = (who: { idNumber: string; name: string }, amount: number) =>
    call(p, 'POST', '/api/institution/settlements', { body: bill(who, [drug(amount)]), key: RESEARCH_KEY });
  await ring(liu, 30);
  clock.now = new Date(`${TODAY}T10:05:00+08:00`);
  await call(p, 'POST', '/api/payments', { token: t, body: { bindingId: xmB.id, year: 2027, requestId: requestId() } });
  clock.now = new Date('2026-12-03T09:00:00+08:00');
  const t2 = await login(p, 'zhang');
  await ring(liu, 12.5);
  await ring({ idNumber: ids.zhangXiaoming, name: '张小明' }, 8);
  const get = (q: string) => call(p, 'GET', `/api/mutual-aid/usage${q}`, { token: t2 });

  const all = (await get('')).body;
  expect(all.items.map((i: { kind: string }) => i.kind)).toEqual(['共济结算', '共济结算', '代缴', '共济结算']);
  expect(all.months).toEqual(['2026-12', '2026-11']);
  expect(all.relatives.map((r: { name: string }) => r.name).sort()).toEqual(['刘**', '张**']);
  expect(all.totals).toMatchObject({ count: 4, outYuan: '450.50', inYuan: '0.00' });
  expect(all.items[2]).toMatchObject({ kind: '代缴', institutionName: '城乡居民医保费（2027年度）', year: 2027 });

  const nov = (await get('?month=2026-11')).body;
  expect(nov.totals).toMatchObject({ count: 2, outYuan: '430.00' });
  expect(nov.filter).toEqual({ relative: null, month: '2026-11' });
  const liuOnly = (await get(`?relative=${liuB.id}`)).body;
  expect(liuOnly.items.map((i: { amountYuan: string }) => i.amountYuan)).toEqual(['12.50', '30.00']);
  const both = (await get(`?relative=${liuB.id}&month=2026-12`)).body;
  expect(both.totals).toMatchObject({ count: 1, outYuan: '12.50', netYuan: '12.50' });
  expect(both.items[0]).toMatchObject({ date: '2026-12-03', month: '2026-12', balanceAfterYuan: '2,826.00' });

  const badMonth = await get('?month=2026-13');
  expect([badMonth.status, badMonth.body.code]).toEqual([400, 'MONTH_INVALID']);
  const notMine = await get('?relative=seed-wang-1');
  expect([notMine.status, notMine.body.code]).toEqual([400, 'RELATIVE_FILTER_INVALID']);
  await p.app.close();
});

// Every profile: the same bill for the same people; what differs comes from the profile's data alone.
describe.each(Object.keys(PROFILES) as ProfileId[])('%s', (id) => {
  const profile = PROFILES[id];
  const people = seedIds(profile);
  const extras = {
    ...(profile.signatureRequired ? { signature: IMAGES.png } : {}),
    ...(profile.proofKinds.length ? { proofs: [IMAGES.jpeg] } : {}),
  };
  const local = { ...pharmacy(profile.provincePrefix), name: `${profile.province}定点药房` };
  const balanceIn = async (t: string) => (await call(s, 'GET', '/api/me', { token: t, profile: id })).body.balanceYuan;

  test(`the relative's own account ${profile.settlement.ownAccountFirst ? 'pays first' : 'pays after 共济'}; a 城乡居民 relative has none`, async () => {
    const zhang = await login(s, 'zhang', id);
    // 李秀英 is insured as 职工医保: her own personal account is her balance (126.40).
    expect((await bind(s, zhang, relative('李秀英', people.liXiuying, '配偶', extras), id)).status).toBe(201);
    expect((await bind(s, zhang, relative('刘桂兰', people.liuGuilan, '父母', extras), id)).status).toBe(201);
    const li = await login(s, 'li', id);
    const r = await settle(
      bill({ idNumber: people.liXiuying, name: '李秀英' }, [drug(200)], 0, { institution: local }),
      id,
    );
    expect(r.status).toBe(201);
    if (profile.settlement.ownAccountFirst) {
      expect(r.body).toMatchObject({ ownAccountYuan: '126.40', mutualAidYuan: '73.60', cashYuan: '0.00' });
      expect(await balanceIn(li)).toBe('0.00');
      expect(await balanceIn(zhang)).toBe('3,194.90');
    } else {
      expect(r.body).toMatchObject({ ownAccountYuan: '0.00', mutualAidYuan: '200.00', cashYuan: '0.00' });
      expect(await balanceIn(li)).toBe('126.40');
      expect(await balanceIn(zhang)).toBe('3,068.50');
    }
    // Own account back on 退费, whichever order it was taken in.
    expect((await refund(r.body.id, id)).status).toBe(200);
    expect(await balanceIn(li)).toBe('126.40');
    expect(await balanceIn(zhang)).toBe('3,268.50');

    const resident = await settle(
      bill({ idNumber: people.liuGuilan, name: '刘桂兰' }, [drug(50)], 0, { institution: local }),
      id,
    );
    expect(resident.body).toMatchObject({ ownAccountFen: 0, mutualAidYuan: '50.00' });
    // Outside the province: 异地, no 共济.
    const away = await settle(
      bill({ idNumber: people.liuGuilan, name: '刘桂兰' }, [drug(50)], 0, {
        institution: { ...local, regionCode: '220100' },
      }),
      id,
    );
    expect(away.body.notes.map((x: { code: string }) => x.code)).toEqual(['MUTUAL_AID_OUT_OF_AREA']);
  });
});

test('the binding’s dates are read on the platform’s clock: not yet, then paying, then ended', async () => {
  const clock = { now: new Date(`${TODAY}T10:00:00+08:00`) };
  const p = await startPlatform({ now: () => clock.now });
  const t = await login(p, 'zhang');
  const b = await bind(
    p,
    t,
    relative('刘桂兰', ids.liuGuilan, '父母', { startDate: '2026-11-23', endDate: '2026-11-25' }),
  );
  expect(b.body.status).toBe('未生效');
  const ring = () =>
    call(p, 'POST', '/api/institution/settlements', { body: bill(liu, [drug(10)]), key: RESEARCH_KEY });
  expect((await ring()).body.notes[0].code).toBe('MUTUAL_AID_NOT_STARTED');
  clock.now = new Date('2026-11-23T08:00:00+08:00');
  expect((await ring()).body).toMatchObject({ mutualAidYuan: '10.00', notes: [] });
  // The end date is the first day without it.
  clock.now = new Date('2026-11-25T08:00:00+08:00');
  expect((await ring()).body.notes[0].code).toBe('MUTUAL_AID_ENDED');
  await p.app.close();
});

test('two 退费 at once: one returns the money, the other is told it is done; the 结算单 can be read again', async () => {
  const { t } = await bindLiu();
  const r = await settle(bill(liu, [drug(40)]));
  const [a, b] = await Promise.all([refund(r.body.id), refund(r.body.id)]);
  expect([a.status, b.status].sort()).toEqual([200, 409]);
  expect(await balance(s, t)).toBe('3,268.50');
  const again = await call(s, 'GET', `/api/institution/settlements/${r.body.id}`, { key: RESEARCH_KEY });
  expect(again.body).toMatchObject({ id: r.body.id, status: '已退费', mutualAidYuan: '40.00' });
  expect(again.body.refundedAt).toEqual(expect.any(String));
  const missing = await call(s, 'GET', '/api/institution/settlements/NO-SUCH-ONE', { key: RESEARCH_KEY });
  expect([missing.status, missing.body.code]).toEqual([404, 'SETTLEMENT_NOT_FOUND']);
  const unknown = await call(s, 'GET', '/api/institution/nothing-here', { key: RESEARCH_KEY });
  expect([unknown.status, unknown.body.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
});

test('guessing the key on the institution side is rate-limited like the console', async () => {
  const p = await startPlatform({ rateLimitPerMinute: 3 });
  const codes: number[] = [];
  for (let i = 0; i < 4; i++)
    codes.push(
      (await call(p, 'POST', '/api/institution/settlements', { body: bill(liu, [drug(1)]), key: `guess-${i}` })).status,
    );
  expect(codes).toEqual([401, 401, 401, 429]);
  const right = await call(p, 'GET', '/api/institution/cards', { key: RESEARCH_KEY });
  expect(right.status).toBe(200);
  await p.app.close();
});
