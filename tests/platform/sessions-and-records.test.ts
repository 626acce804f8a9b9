import { SEED_IDS } from '../../mock/platform/seed';
import { bind, call, list, login, startPlatform, xiaoming, type Platform } from './helpers';

let s: Platform;
beforeEach(async () => {
  s = await startPlatform();
});
afterEach(() => s.app.close());

describe('sessions and ownership', () => {
  test('without a session everything personal is 401', async () => {
    for (const [m, u] of [
      ['GET', '/api/me'],
      ['GET', '/api/bindings'],
      ['POST', '/api/bindings'],
      ['GET', '/api/payments'],
      ['POST', '/api/bindings/seed-wang-1/unbind'],
    ] as const) {
      const r = await call(s, m, u, { token: 'not-a-session', body: m === 'GET' ? undefined : {} });
      expect([r.status, r.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    }
  });
  test('an unknown persona cannot log in', async () => {
    expect((await call(s, 'POST', '/api/session', { body: { personaId: 'nobody' } })).body.code).toBe(
      'PERSONA_NOT_FOUND',
    );
  });
  test('someone else’s binding can be neither read nor unbound, and stays as it was', async () => {
    const zhang = await login(s, 'zhang');
    const wang = await login(s, 'wang');
    const read = await call(s, 'GET', '/api/bindings/seed-wang-1', { token: zhang });
    expect([read.status, read.body.code]).toEqual([404, 'NOT_FOUND']);
    const unbind = await call(s, 'POST', '/api/bindings/seed-wang-1/unbind', { token: zhang });
    expect([unbind.status, unbind.body.code]).toEqual([404, 'NOT_FOUND']);
    expect((await call(s, 'GET', '/api/bindings/seed-wang-1', { token: wang })).body.status).toBe('生效中');
    expect(await list(s, zhang)).toEqual([]);
  });
  test('logging out ends the session', async () => {
    const t = await login(s, 'zhang');
    expect((await call(s, 'DELETE', '/api/session', { token: t })).status).toBe(200);
    expect((await call(s, 'GET', '/api/me', { token: t })).status).toBe(401);
  });
  test('the authorizer is sent masked', async () => {
    const me = (await call(s, 'GET', '/api/me', { token: await login(s, 'zhang') })).body;
    expect(me).toMatchObject({
      name: '张**',
      idNumber: `2301**********${SEED_IDS.zhangJianguo.slice(-4)}`,
      phone: '138****0001',
      balanceYuan: '3,268.50',
    });
  });
});

describe('idempotent submit', () => {
  test('the same request twice makes one binding and answers the same', async () => {
    const t = await login(s, 'zhang');
    const body = xiaoming();
    const a = await bind(s, t, body);
    const b = await bind(s, t, body);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.id).toBe(a.body.id);
    expect(await list(s, t)).toHaveLength(1);
  });
  test('a burst of the same request at once makes exactly one binding', async () => {
    const t = await login(s, 'zhang');
    const body = xiaoming();
    const replies = await Promise.all(Array.from({ length: 12 }, () => bind(s, t, body)));
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    expect(replies.every((r) => r.status === 201)).toBe(true);
    expect(await list(s, t)).toHaveLength(1);
  });
  test('a request id reused for other content is refused', async () => {
    const t = await login(s, 'zhang');
    const body = xiaoming();
    await bind(s, t, body);
    const r = await bind(s, t, { ...body, name: '刘桂兰', idNumber: SEED_IDS.liuGuilan });
    expect([r.status, r.body.code]).toEqual([409, 'REQUEST_ID_REUSED']);
    expect(await list(s, t)).toHaveLength(1);
  });
});

describe('statuses and 解除绑定', () => {
  test('statuses come from the dates and actions', async () => {
    const statuses = (await list(s, await login(s, 'wang'))).map((b) => [b.id, b.status]);
    expect(Object.fromEntries(statuses)).toEqual({
      'seed-wang-1': '生效中',
      'seed-wang-2': '已到期',
      'seed-wang-3': '已解绑',
      'seed-wang-4': '未生效',
    });
  });
  test('未生效 and 生效中 can be unbound; 已解绑 and 已到期 are refused', async () => {
    const t = await login(s, 'wang');
    const unbind = (id: string) => call(s, 'POST', `/api/bindings/${id}/unbind`, { token: t });
    expect((await unbind('seed-wang-1')).body.status).toBe('已解绑');
    expect((await unbind('seed-wang-4')).body.status).toBe('已解绑');
    expect((await unbind('seed-wang-1')).body.code).toBe('ALREADY_UNBOUND');
    expect((await unbind('seed-wang-3')).body.code).toBe('ALREADY_UNBOUND');
    const expired = await unbind('seed-wang-2');
    expect([expired.status, expired.body.code]).toEqual([409, 'BINDING_EXPIRED']);
  });
  test('an unbound relative frees a place under the member limit', async () => {
    const t = await login(s, 'zhao');
    expect((await bind(s, t, xiaoming())).body.code).toBe('MEMBER_LIMIT');
    await call(s, 'POST', '/api/bindings/seed-zhao-1/unbind', { token: t });
    expect((await bind(s, t, xiaoming())).status).toBe(201);
  });
});
