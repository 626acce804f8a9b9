import { SEED_IDS } from '../../mock/platform/seed';
import { balance, bind, call, login, requestId, startPlatform, xiaoming, type Platform } from './helpers';

let s: Platform;
let t: string;
beforeEach(async () => {
  s = await startPlatform();
  t = await login(s, 'zhang');
});
afterEach(() => s.app.close());

const pay = (bindingId: string, year = 2027, id = requestId()) =>
  call(s, 'POST', '/api/payments', { token: t, body: { bindingId, year, requestId: id } });

test('代缴 takes the premium from the balance once, even when the tap lands twice', async () => {
  const b = (await bind(s, t, xiaoming())).body;
  const id = requestId();
  const [first, again] = await Promise.all([pay(b.id, 2027, id), pay(b.id, 2027, id)]);
  expect([first.status, again.status]).toEqual([201, 201]);
  expect(again.body.id).toBe(first.body.id);
  expect(first.body).toMatchObject({
    year: 2027,
    amountYuan: '400.00',
    balanceAfterYuan: '2,868.50',
    relativeName: '张**',
  });
  expect(await balance(s, t)).toBe('2,868.50');
  expect((await call(s, 'GET', '/api/payments', { token: t })).body).toHaveLength(1);
});

test('the same relative and year twice is refused', async () => {
  const b = (await bind(s, t, xiaoming())).body;
  await pay(b.id);
  const r = await pay(b.id);
  expect([r.status, r.body.code]).toEqual([409, 'PREMIUM_ALREADY_PAID']);
  expect(await balance(s, t)).toBe('2,868.50');
});

test('only a 生效中 binding can be paid for', async () => {
  const b = (await bind(s, t, xiaoming({ startDate: '2026-12-01' }))).body;
  expect((await pay(b.id)).body.code).toBe('BINDING_NOT_ACTIVE');
  expect(await balance(s, t)).toBe('3,268.50');
});

test('a relative in 职工医保 has no resident premium to pay', async () => {
  const b = (await bind(s, t, xiaoming({ name: '张建华', idNumber: SEED_IDS.zhangJianhua, relation: '兄弟姐妹' })))
    .body;
  expect((await pay(b.id)).body.code).toBe('NOT_RESIDENT_INSURANCE');
});

test('only this year or next', async () => {
  const b = (await bind(s, t, xiaoming())).body;
  const r = await pay(b.id, 2030);
  expect([r.status, r.body.code, r.body.errors[0].field]).toEqual([400, 'YEAR_NOT_OPEN', 'year']);
});

test('someone else’s binding cannot be paid for', async () => {
  const r = await pay('seed-wang-1');
  expect([r.status, r.body.code]).toEqual([404, 'NOT_FOUND']);
});

test('too low a balance is refused and nothing is taken', async () => {
  const cheap = await startPlatform({ premiumFen: 200000 });
  const zhang = await login(cheap, 'zhang');
  const b = (await bind(cheap, zhang, xiaoming())).body;
  await call(cheap, 'POST', '/api/payments', {
    token: zhang,
    body: { bindingId: b.id, year: 2027, requestId: requestId() },
  });
  const r = await call(cheap, 'POST', '/api/payments', {
    token: zhang,
    body: { bindingId: b.id, year: 2026, requestId: requestId() },
  });
  expect(r.body.code).toBe('BALANCE_TOO_LOW');
  expect(await balance(cheap, zhang)).toBe('1,268.50');
  await cheap.app.close();
});
