// Malformed input never crashes the platform and never changes anything.
import { call, list, login, startPlatform, xiaoming, type Platform } from './helpers';

let s: Platform;
let t: string;
beforeAll(async () => {
  s = await startPlatform();
  t = await login(s, 'zhang');
});
afterAll(() => s.app.close());

const cases: [string, { raw?: string; body?: unknown }][] = [
  ['broken JSON', { raw: '{"name": ' }],
  ['an array', { body: [1, 2, 3] }],
  ['a string', { body: 'bind please' }],
  ['null', { raw: 'null' }],
  ['numbers for text fields', { body: xiaoming({ name: 42, idNumber: 230102 }) }],
  ['an object for a field', { body: xiaoming({ phone: { $gt: '' } }) }],
  ['an empty object', { body: {} }],
  ['a huge name', { body: xiaoming({ name: '张'.repeat(100000) }) }],
  ['far too large a body', { raw: JSON.stringify(xiaoming({ signature: 'x'.repeat(3 * 1024 * 1024) })) }],
];

test.each(cases)('%s: a clean 4xx with a code and message, nothing bound', async (_name, input) => {
  const r = await call(s, 'POST', '/api/bindings', { token: t, ...input });
  expect(r.status).toBeGreaterThanOrEqual(400);
  expect(r.status).toBeLessThan(500);
  expect(typeof r.body.code).toBe('string');
  expect(typeof r.body.message).toBe('string');
  expect(await list(s, t)).toEqual([]);
});

test('unknown routes and methods are a 404 with a message', async () => {
  for (const [m, u] of [
    ['GET', '/api/nothing'],
    ['PUT', '/api/bindings'],
    ['GET', '/api/bindings/%E0%A4%A/unbind'],
  ] as const) {
    const r = await call(s, m, u, { token: t });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.body.message).toBeTruthy();
  }
});

test('a bad login body is refused', async () => {
  expect((await call(s, 'POST', '/api/session', { raw: '[]' })).body.code).toBe('MALFORMED_REQUEST');
  expect((await call(s, 'POST', '/api/session', { body: { personaId: 7 } })).body.code).toBe('MALFORMED_REQUEST');
});

test('a bad payment body is refused', async () => {
  expect(
    (await call(s, 'POST', '/api/payments', { token: t, body: { requestId: 'abcdefgh12', bindingId: 5, year: 2027 } }))
      .body.code,
  ).toBe('MALFORMED_REQUEST');
  expect(
    (
      await call(s, 'POST', '/api/payments', {
        token: t,
        body: { requestId: 'abcdefgh12', bindingId: 'x', year: '2027' },
      })
    ).body.code,
  ).toBe('YEAR_NOT_OPEN');
});
