import { RELATIONS } from '@domain/types';
import { SEED_IDS } from '../../mock/platform/seed';
import { bind, call, list, login, startPlatform, TODAY, xiaoming, type Platform } from './helpers';

let s: Platform;
let token: string;

beforeEach(async () => {
  s = await startPlatform();
  token = await login(s, 'zhang');
});
afterEach(() => s.app.close());

/** A refusal must come with its code and message, and leave the authorizer's bindings untouched. */
async function expectRefused(body: unknown, status: number, code: string, message?: string | RegExp, who = token) {
  const before = await list(s, who);
  const r = await bind(s, who, body);
  expect(r.status).toBe(status);
  expect(r.body.code).toBe(code);
  expect(typeof r.body.message).toBe('string');
  if (message) expect(r.body.message).toMatch(message);
  expect(await list(s, who)).toEqual(before);
  return r;
}

test('a valid binding is created, shown masked and 生效中', async () => {
  const r = await bind(s, token, xiaoming({ endDate: '2027-11-22' }));
  expect(r.status).toBe(201);
  expect(r.body).toMatchObject({
    relativeName: '张**',
    relativeIdNumber: `2301**********${SEED_IDS.zhangXiaoming.slice(-4)}`,
    relativePhone: '138****0011',
    status: '生效中',
    endDate: '2027-11-22',
  });
  expect(JSON.stringify(await list(s, token))).not.toContain(SEED_IDS.zhangXiaoming);
});

describe('relations', () => {
  test.each(RELATIONS)('%s is accepted', async (relation) => {
    expect((await bind(s, token, xiaoming({ relation }))).status).toBe(201);
  });
  test('配偶的父母 is refused', () =>
    expectRefused(xiaoming({ relation: '配偶的父母' }), 400, 'RELATION_NOT_ALLOWED', '配偶的父母'));
  test('a relative outside the 近亲属 is refused', () =>
    expectRefused(xiaoming({ relation: '表兄弟' }), 400, 'RELATION_NOT_ALLOWED'));
  test('no relation is refused', () => expectRefused(xiaoming({ relation: '' }), 400, 'RELATION_REQUIRED'));
});

describe('insurance records', () => {
  test('未参保 in the records', () =>
    expectRefused(xiaoming({ name: '孙玉梅', idNumber: SEED_IDS.sunYumei }), 422, 'NOT_INSURED', '未参加基本医疗保险'));
  test('a valid number unknown to the records', () =>
    expectRefused(xiaoming({ name: '张小华', idNumber: SEED_IDS.notRegistered }), 422, 'NOT_INSURED'));
  test('暂停参保', () =>
    expectRefused(xiaoming({ name: '张丽', idNumber: SEED_IDS.zhangLi }), 422, 'INSURANCE_PAUSED', '暂停参保'));
  test('name and number that do not match', () =>
    expectRefused(xiaoming({ name: '张大明' }), 422, 'NAME_ID_MISMATCH', '不一致'));
  test('insured in another province', () =>
    expectRefused(xiaoming({ name: '张小红', idNumber: SEED_IDS.zhangXiaohong }), 422, 'OTHER_REGION', '黑龙江'));
  test('a minority name with 「·」 binds', async () => {
    expect((await bind(s, token, xiaoming({ name: '阿依古丽·买买提', idNumber: SEED_IDS.ayiguli }))).status).toBe(201);
  });
});

describe('dates', () => {
  test('start before today', () =>
    expectRefused(xiaoming({ startDate: '2026-11-21' }), 400, 'START_BEFORE_TODAY', '不能早于今天'));
  test('start today or later is fine, and a later start is 未生效', async () => {
    const r = await bind(s, token, xiaoming({ startDate: '2026-12-01' }));
    expect(r.body.status).toBe('未生效');
  });
  test('end equal to start', () => expectRefused(xiaoming({ endDate: TODAY }), 400, 'END_SAME_AS_START', '同一天'));
  test('end before start', () =>
    expectRefused(xiaoming({ startDate: '2026-12-10', endDate: '2026-12-01' }), 400, 'END_BEFORE_START'));
  test('end is optional', async () => {
    const r = await bind(s, token, xiaoming({ endDate: undefined }));
    expect(r.status).toBe(201);
    expect(r.body.endDate).toBeNull();
  });
  test.each(['2026-02-30', '2026/12/01', 'tomorrow', '2100-01-01'])('an impossible start %s', (startDate) =>
    expectRefused(xiaoming({ startDate }), 400, 'START_INVALID'),
  );
  test('an impossible end', () => expectRefused(xiaoming({ endDate: '2027-13-01' }), 400, 'END_INVALID'));
});

describe('fields', () => {
  test('a wrong check character', () =>
    expectRefused(
      xiaoming({ idNumber: SEED_IDS.zhangXiaoming.slice(0, 17) + (SEED_IDS.zhangXiaoming[17] === '0' ? '1' : '0') }),
      400,
      'ID_CHECK',
    ));
  test('a bad phone number', () => expectRefused(xiaoming({ phone: '2380451001' }), 400, 'PHONE_INVALID'));
  test('every problem is listed by field', async () => {
    const r = await expectRefused(xiaoming({ name: '', phone: '', relation: '' }), 400, 'NAME_REQUIRED');
    expect(r.body.errors.map((e: { field: string }) => e.field)).toEqual(['name', 'phone', 'relation']);
  });
  test('consent must be true', () => expectRefused(xiaoming({ consent: 'yes' }), 400, 'CONSENT_REQUIRED'));
  test('a request id is required', () => expectRefused(xiaoming({ requestId: undefined }), 400, 'REQUEST_ID_INVALID'));
});

describe('who is bound', () => {
  test('not oneself', () =>
    expectRefused(xiaoming({ name: '张建国', idNumber: SEED_IDS.zhangJianguo }), 422, 'SELF_BINDING', '自己'));
  test('no second active binding of the same relative, but again after 解绑', async () => {
    const first = await bind(s, token, xiaoming());
    await expectRefused(xiaoming(), 409, 'ALREADY_BOUND', '不能重复绑定');
    expect((await call(s, 'POST', `/api/bindings/${first.body.id}/unbind`, { token })).status).toBe(200);
    expect((await bind(s, token, xiaoming())).status).toBe(201);
  });
  test('the member limit (zhao is at 5)', async () => {
    const zhao = await login(s, 'zhao');
    await expectRefused(xiaoming(), 409, 'MEMBER_LIMIT', '最多绑定 5 位', zhao);
  });
  test('the member limit is a setting', async () => {
    const wide = await startPlatform({ memberLimit: 6 });
    const zhao = await login(wide, 'zhao');
    expect((await bind(wide, zhao, xiaoming())).status).toBe(201);
    expect((await bind(wide, zhao, xiaoming({ name: '刘桂兰', idNumber: SEED_IDS.liuGuilan }))).body.code).toBe(
      'MEMBER_LIMIT',
    );
    await wide.app.close();
  });
  test('a balance below the premium (li has 126.40 元)', async () => {
    const li = await login(s, 'li');
    await expectRefused(xiaoming(), 422, 'BALANCE_TOO_LOW', '400.00', li);
  });
  test('the balance threshold follows the premium setting', async () => {
    const cheap = await startPlatform({ premiumFen: 10000 });
    const li = await login(cheap, 'li');
    expect((await bind(cheap, li, xiaoming())).status).toBe(201);
    const dear = await startPlatform({ premiumFen: 400000 });
    const zhang = await login(dear, 'zhang');
    expect((await bind(dear, zhang, xiaoming())).body).toMatchObject({
      code: 'BALANCE_TOO_LOW',
      message: expect.stringContaining('4,000.00'),
    });
    await cheap.app.close();
    await dear.app.close();
  });
});
