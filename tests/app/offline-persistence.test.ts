// The offline demo keeps its data in the device's storage: a reload (a new transport over the same
// storage) finds the binding and the log-in again; 重置演示 brings the seed back.
import { offlineTransport } from '@/shared/api/offlineTransport';
import type { Transport } from '@/shared/api/types';
import { demoRelative } from '@domain/demo';
import { PROFILES } from '@domain/profiles';

const now = () => new Date('2026-11-22T02:00:00.000Z');

const call = async (t: Transport, method: 'GET' | 'POST' | 'DELETE', path: string, token?: string, body?: unknown) =>
  t({ method, path, body, profile: 'heilongjiang', authorization: token ? `Bearer ${token}` : undefined });

async function bindXiaoming(t: Transport, token: string, requestId: string) {
  return call(t, 'POST', '/api/bindings', token, {
    requestId,
    ...demoRelative(PROFILES.heilongjiang),
    idType: '居民身份证',
    startDate: '2026-11-22',
    endDate: '',
    consent: true,
  });
}

const login = async (t: Transport, personaId = 'zhang') =>
  ((await call(t, 'POST', '/api/session', undefined, { personaId })).body as { token: string }).token;

test('a binding and the log-in survive a reload; 重置演示 returns to the seed', async () => {
  const first = offlineTransport('heilongjiang', now);
  const token = await login(first);
  expect((await bindXiaoming(first, token, 'req-00000001')).status).toBe(201);

  const reloaded = offlineTransport('heilongjiang', now);
  const list = await call(reloaded, 'GET', '/api/bindings', token);
  expect(list.status).toBe(200);
  expect((list.body as { relativeName: string }[]).map((b) => b.relativeName)).toEqual(['张**']);
  // The request id is remembered too: a retry after the reload does not bind twice.
  expect((await bindXiaoming(reloaded, token, 'req-00000001')).status).toBe(201);
  expect(((await call(reloaded, 'GET', '/api/bindings', token)).body as unknown[]).length).toBe(1);
  // Ids go on counting: a new log-in after the reload is not the old one's token again.
  expect(await login(reloaded, 'wang')).not.toBe(token);

  expect((await call(reloaded, 'POST', '/api/admin/reset')).status).toBe(200);
  const afterReset = offlineTransport('heilongjiang', now);
  expect((await call(afterReset, 'GET', '/api/bindings', token)).status).toBe(401);
  const fresh = await login(afterReset);
  expect((await call(afterReset, 'GET', '/api/bindings', fresh)).body).toEqual([]);
});

test('a refused request leaves no binding behind in storage', async () => {
  const t = offlineTransport('heilongjiang', now);
  const token = await login(t, 'li');
  expect((await bindXiaoming(t, token, 'req-00000002')).status).toBe(422);
  const kept = JSON.parse(JSON.parse(localStorage.getItem('offline-demo:v1:heilongjiang')!).data);
  expect(kept.bindings.filter((b: { authorizerId: string }) => b.authorizerId === 'li')).toEqual([]);
  const again = offlineTransport('heilongjiang', now);
  expect(((await call(again, 'GET', '/api/bindings', token)).body as unknown[]).length).toBe(0);
});

test('data kept by another build that no longer fits falls back to the seed', async () => {
  localStorage.setItem('offline-demo:v1:heilongjiang', JSON.stringify({ data: '{"authorizers":5}' }));
  const t = offlineTransport('heilongjiang', now);
  const personas = await call(t, 'GET', '/api/personas');
  expect(personas.status).toBe(200);
  // The four authorizers and the two relatives who can log in (刘桂兰, 张小明).
  expect((personas.body as { role: string }[]).map((p) => p.role)).toEqual([
    'authorizer',
    'authorizer',
    'authorizer',
    'authorizer',
    'relative',
    'relative',
  ]);
});
