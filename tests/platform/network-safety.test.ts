// The platform as a hostile client on the same network would meet it, over real HTTP.
import { createHash } from 'crypto';
import http from 'http';
import net from 'net';
import IMAGES from '../fixtures/images.json';
import { bind, call, list, login, RESEARCH_KEY, startPlatform, TODAY, xiaoming, type Platform } from './helpers';
import { PROFILES } from '@domain/profiles';
import { SEED_IDS, seedIds } from '../../mock/platform/seed';

const CHINESE = /[\u4e00-\u9fff]/;

/** A refusal in the platform's own format: a stable code and a Chinese message, nothing echoed back. */
function expectRefusal(r: { status: number; body: any }, status: number, code?: string) {
  expect(r.status).toBe(status);
  expect(r.body).toEqual(expect.objectContaining({ code: code ?? expect.stringMatching(/^[A-Z][A-Z_]+$/) }));
  expect(r.body.message).toMatch(CHINESE);
}

describe('reset and the research API need the researcher key', () => {
  let s: Platform;
  beforeAll(async () => {
    s = await startPlatform({ loopbackOnly: false });
  });
  afterAll(() => s.app.close());

  test('reset with no key (or a wrong one) is refused and wipes nothing; with the key it resets', async () => {
    const t = await login(s, 'zhang');
    expect((await bind(s, t, xiaoming())).status).toBe(201);
    expectRefusal(await call(s, 'POST', '/api/admin/reset'), 401, 'RESEARCH_KEY_REQUIRED');
    expectRefusal(await call(s, 'POST', '/api/admin/reset', { key: 'not-the-key-at-all' }), 401);
    expect(await list(s, t)).toHaveLength(1);
    expect((await call(s, 'POST', '/api/admin/reset', { key: RESEARCH_KEY })).status).toBe(200);
    expect((await call(s, 'GET', '/api/me', { token: t })).status).toBe(401);
  });

  test.each([
    ['GET', '/api/research/options'],
    ['GET', '/api/research/sessions'],
    ['POST', '/api/research/sessions'],
    ['GET', '/api/research/qr.svg?text=abc'],
    ['POST', '/api/research/sessions/ABCDEF/faults'],
    ['POST', '/api/research/sessions/ABCDEF/reset'],
    ['GET', '/api/research/sessions/ABCDEF/export.json'],
    ['GET', '/api/research/studies/x/summary.csv'],
  ])('%s %s without the key: 401', async (method, url) => {
    const r = await call(s, method, url, { key: false, body: method === 'POST' ? {} : undefined });
    expectRefusal(r, 401, 'RESEARCH_KEY_REQUIRED');
  });

  test("a participant's link works with no key, for that session only", async () => {
    const created = await call(s, 'POST', '/api/research/sessions', {
      body: {
        study: 'key-test',
        participant: 'P01',
        personaId: 'zhang',
        profileId: 'heilongjiang',
        situation: 'normal',
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await call(s, 'GET', `/api/research/sessions/${id}`, { key: false })).status).toBe(200);
    const batch = {
      clientId: 'client-0001',
      sentAt: Date.now(),
      events: [{ seq: 1, at: Date.now(), type: 'screen', screen: 'index' }],
    };
    expect((await call(s, 'POST', `/api/research/sessions/${id}/events`, { key: false, body: batch })).status).toBe(
      202,
    );
    const token = (await call(s, 'POST', '/api/session', { session: id, body: { personaId: 'zhang' } })).body.token;
    expect((await call(s, 'GET', '/api/bindings', { session: id, token })).status).toBe(200);
    // The rest of the study stays out of reach.
    expect((await call(s, 'GET', `/api/research/sessions/${id}/export.json`, { key: false })).status).toBe(401);
    expect((await call(s, 'GET', '/api/research/sessions?study=key-test', { key: false })).status).toBe(401);
  });
});

test('on loopback only, reset needs no key; MOCK_ALLOW_RESET=false refuses it even with the key', async () => {
  const s = await startPlatform();
  expect((await call(s, 'POST', '/api/admin/reset', { key: false })).status).toBe(200);
  await s.app.close();
  const locked = await startPlatform({ allowReset: false });
  expectRefusal(await call(locked, 'POST', '/api/admin/reset', { key: RESEARCH_KEY }), 403, 'RESET_DISABLED');
  await locked.app.close();
});

describe('log-ins end', () => {
  let clock = new Date(`${TODAY}T02:00:00Z`);
  let s: Platform;
  const advance = (minutes: number) => {
    clock = new Date(clock.getTime() + minutes * 60_000);
  };
  beforeAll(async () => {
    s = await startPlatform({ now: () => clock });
  });
  afterAll(() => s.app.close());

  test('after 30 minutes without a request: 401 登录已超时，请重新登录; deleted at the next log-in', async () => {
    const t = await login(s, 'zhang');
    advance(29);
    expect((await call(s, 'GET', '/api/me', { token: t })).status).toBe(200);
    advance(29); // 58 minutes since log-in, 29 since the last request: still in
    expect((await call(s, 'GET', '/api/bindings', { token: t })).status).toBe(200);
    advance(31);
    const r = await call(s, 'GET', '/api/me', { token: t });
    expectRefusal(r, 401, 'SESSION_EXPIRED');
    expect(r.body.message).toBe('登录已超时，请重新登录');
    // Every request the app had in flight hears the same.
    expect((await call(s, 'GET', '/api/bindings', { token: t })).body.code).toBe('SESSION_EXPIRED');
    // The next log-in (anyone's) deletes it: gone for good.
    await login(s, 'li');
    expect(s.repo.getSession(t)).toBeUndefined();
    expect((await call(s, 'GET', '/api/me', { token: t })).body.code).toBe('UNAUTHENTICATED');
  });

  test('after 12 hours in all, however busy; a submit is refused and binds nothing', async () => {
    const t = await login(s, 'zhang');
    for (let i = 0; i < 12 * 3; i++) {
      advance(20);
      expect((await call(s, 'GET', '/api/me', { token: t })).status).toBe(200);
    }
    advance(1);
    expectRefusal(await bind(s, t, xiaoming()), 401, 'SESSION_EXPIRED');
    const fresh = await login(s, 'zhang');
    expect(await list(s, fresh)).toEqual([]);
  });

  test('log-out ends it at once', async () => {
    const t = await login(s, 'zhang');
    expect((await call(s, 'DELETE', '/api/session', { token: t })).status).toBe(200);
    expect((await call(s, 'GET', '/api/me', { token: t })).status).toBe(401);
  });

  test('sessions that ran out and were never used again are deleted at the next log-in', async () => {
    const stale = await login(s, 'li');
    advance(45);
    await login(s, 'zhang');
    expect(s.repo.getSession(stale)).toBeUndefined();
  });
});

describe('strict input', () => {
  let s: Platform;
  let t: string;
  beforeAll(async () => {
    s = await startPlatform();
    t = await login(s, 'zhang');
  });
  afterAll(() => s.app.close());

  test.each([['text/plain'], ['application/xml'], [null], ['application/x-www-form-urlencoded']])(
    'a JSON body sent as %s: 415, nothing bound',
    async (contentType) => {
      const r = await call(s, 'POST', '/api/bindings', { token: t, body: xiaoming(), contentType });
      expectRefusal(r, 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(await list(s, t)).toEqual([]);
    },
  );

  test('application/json with a charset is fine', async () => {
    const r = await call(s, 'POST', '/api/session', {
      body: { personaId: 'li' },
      contentType: 'application/json; charset=utf-8',
    });
    expect(r.status).toBe(201);
  });

  test.each([
    ['GET', '/nope'],
    ['GET', '/api/nope'],
    ['PROPFIND', '/api/bindings'],
    ['SEARCH', '/api/bindings'],
    ['LOCK', '/api/bindings'],
    ['QUERY', '/api/bindings'],
  ])('%s %s: 404 ROUTE_NOT_FOUND, the path not echoed', async (method, url) => {
    const r = await call(s, method, url, { token: t });
    expectRefusal(r, 404, 'ROUTE_NOT_FOUND');
    expect(JSON.stringify(r.body)).not.toContain('nope');
  });

  test('a bad URL escape: 400 MALFORMED_REQUEST in Chinese, the path not echoed', async () => {
    const r = await call(s, 'GET', '/api/bindings/%E0%A4%A/unbind%zz', { token: t });
    expectRefusal(r, 400, 'MALFORMED_REQUEST');
    expect(JSON.stringify(r.body)).not.toContain('%zz');
  });

  test('a 70 KB header: 431 in the refusal format', async () => {
    const r = await call(s, 'GET', '/api/health', { headers: { 'x-junk': 'a'.repeat(70 * 1024) } });
    expectRefusal(r, 431, 'HEADERS_TOO_LARGE');
  });

  test('a body over the limit: 413 BODY_TOO_LARGE', async () => {
    const r = await call(s, 'POST', '/api/bindings', {
      token: t,
      raw: JSON.stringify({ x: 'x'.repeat(3 * 1024 * 1024) }),
    });
    expectRefusal(r, 413, 'BODY_TOO_LARGE');
  });

  test('an empty x-rule-profile is refused, not taken as the default', async () => {
    expectRefusal(await call(s, 'GET', '/api/personas', { headers: { 'x-rule-profile': '' } }), 400, 'UNKNOWN_PROFILE');
  });

  test('a request that never finishes arriving: 408 in the refusal format', async () => {
    const slow = await startPlatform({ requestTimeoutMs: 300 });
    const port = Number(new URL(slow.base).port);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write('POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Type: appl');
      });
      let text = '';
      socket.on('data', (d) => (text += d.toString()));
      const done = () => {
        clearTimeout(timer);
        socket.destroy();
        resolve(text);
      };
      const timer = setTimeout(done, 5000);
      socket.on('end', done);
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
    expect(body.code).toBe('REQUEST_TIMEOUT');
    expect(body.message).toMatch(CHINESE);
    await slow.app.close();
  });
});

describe('images are checked by their bytes', () => {
  let s: Platform;
  beforeAll(async () => {
    s = await startPlatform();
  });
  afterAll(() => s.app.close());

  const notImages: [string, string][] = [
    ['a bare data:image/', 'data:image/'],
    ['data:image/png with nothing after it', 'data:image/png;base64,'],
    [
      'text labelled PNG',
      `data:image/png;base64,${Buffer.from('<script>alert(1)</script>'.repeat(4)).toString('base64')}`,
    ],
    ['a JPEG labelled PNG', IMAGES.jpeg.replace('image/jpeg', 'image/png')],
    [
      'an SVG',
      `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'.repeat(3)).toString('base64')}`,
    ],
    ['a PNG cut short', IMAGES.png.slice(0, 120)],
    ['a PNG over the size limit', IMAGES.png.replace('base64,', `base64,${'A'.repeat(300_000)}`)],
  ];

  test.each(notImages)('河北 signature: %s is refused', async (_name, signature) => {
    const t = await login(s, 'zhang', 'hebei');
    const r = await bind(s, t, xiaoming({ signature }), 'hebei');
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { field: string }) => e.field)).toContain('signature');
    expect(await list(s, t, 'hebei')).toEqual([]);
  });

  test.each(notImages)('浙江 proof photo: %s is refused', async (_name, photo) => {
    const t = await login(s, 'zhang', 'zhejiang');
    const r = await bind(s, t, xiaoming({ relation: '子女', proofs: [IMAGES.jpeg, photo] }), 'zhejiang');
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { field: string }) => e.field)).toContain('proofs');
  });

  test('a real PNG signature and real JPEG and PNG photos are taken', async () => {
    const h = await login(s, 'zhang', 'hebei');
    expect(
      (await bind(s, h, xiaoming({ signature: IMAGES.png, idNumber: seedIds(PROFILES.hebei).zhangXiaoming }), 'hebei'))
        .status,
    ).toBe(201);
    const z = await login(s, 'zhang', 'zhejiang');
    const zhejiangXiaoming = seedIds(PROFILES.zhejiang).zhangXiaoming;
    expect(
      (await bind(s, z, xiaoming({ proofs: [IMAGES.jpeg, IMAGES.png], idNumber: zhejiangXiaoming }), 'zhejiang'))
        .status,
    ).toBe(201);
  });
});

describe('records tell the truth', () => {
  let s: Platform;
  beforeAll(async () => {
    s = await startPlatform();
  });
  afterAll(() => s.app.close());

  test('a request id replayed after 解绑 answers with the record as it is now', async () => {
    const t = await login(s, 'zhang');
    const body = xiaoming();
    const first = await bind(s, t, body);
    expect(first.body).toMatchObject({ status: '生效中', canUnbind: true });
    expect((await call(s, 'POST', `/api/bindings/${first.body.id}/unbind`, { token: t })).status).toBe(200);
    const replay = await bind(s, t, body);
    expect(replay.status).toBe(201);
    expect(replay.body).toMatchObject({ id: first.body.id, status: '已解绑', canUnbind: false });
    expect(await list(s, t)).toHaveLength(1);
  });

  test('one authorizer cannot have two people bound as 配偶 at once', async () => {
    await call(s, 'POST', '/api/admin/reset');
    const t = await login(s, 'zhang');
    const spouse = await bind(s, t, xiaoming({ relation: '配偶' }));
    expect(spouse.status).toBe(201);
    const second = await bind(
      s,
      t,
      xiaoming({ name: '张建华', idNumber: SEED_IDS.zhangJianhua, phone: '13804510013', relation: '配偶' }),
    );
    expectRefusal(second, 409, 'SPOUSE_ALREADY_BOUND');
    expect(second.body.errors[0].field).toBe('relation');
    // Once the first is unbound, a new 配偶 may be bound.
    await call(s, 'POST', `/api/bindings/${spouse.body.id}/unbind`, { token: t });
    const again = await bind(
      s,
      t,
      xiaoming({ name: '张建华', idNumber: SEED_IDS.zhangJianhua, phone: '13804510013', relation: '配偶' }),
    );
    expect(again.status).toBe(201);
  });
});

describe('research input', () => {
  let s: Platform;
  let id: string;
  beforeAll(async () => {
    s = await startPlatform();
    id = (
      await call(s, 'POST', '/api/research/sessions', {
        body: {
          study: 'input',
          participant: 'P02',
          personaId: 'zhang',
          profileId: 'heilongjiang',
          situation: 'normal',
          faults: { latencyMs: 7 },
        },
      })
    ).body.id;
  });
  afterAll(() => s.app.close());

  test('malformed JSON to faults is refused and the faults stay as they were', async () => {
    expectRefusal(
      await call(s, 'POST', `/api/research/sessions/${id}/faults`, { raw: '{"latencyMs":' }),
      400,
      'MALFORMED_REQUEST',
    );
    expectRefusal(
      await call(s, 'POST', `/api/research/sessions/${id}/faults`, { raw: '[]' }),
      400,
      'MALFORMED_REQUEST',
    );
    expect((await call(s, 'GET', `/api/research/sessions/${id}`)).body.faults.latencyMs).toBe(7);
  });

  test('a malformed body to create a session is MALFORMED_REQUEST, not field errors', async () => {
    for (const raw of ['{"study":', '[]', '"text"', '42']) {
      expectRefusal(await call(s, 'POST', '/api/research/sessions', { raw }), 400, 'MALFORMED_REQUEST');
    }
  });
});

/** A log-in sent from a chosen local address, naming a forwarded client; resolves to the status code. */
function loginFrom(to: { host: string; port: number; localAddress: string }, forwardedFor: string) {
  return new Promise<number>((resolve, reject) => {
    const req = http.request(
      {
        ...to,
        method: 'POST',
        path: '/api/session',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ personaId: 'zhang' }));
  });
}

describe('rate limit and headers', () => {
  test('log-ins past the limit per client get 429 in the refusal format; reads are not limited', async () => {
    const s = await startPlatform({ rateLimitPerMinute: 5 });
    for (let i = 0; i < 5; i++)
      expect((await call(s, 'POST', '/api/session', { body: { personaId: 'zhang' } })).status).toBe(201);
    const r = await call(s, 'POST', '/api/session', { body: { personaId: 'zhang' } });
    expectRefusal(r, 429, 'TOO_MANY_REQUESTS');
    for (let i = 0; i < 10; i++) expect((await call(s, 'GET', '/api/personas')).status).toBe(200);
    await s.app.close();
  });

  test('through the H5 dev server (on loopback) each phone has its own limit; others cannot claim one', async () => {
    const s = await startPlatform({ rateLimitPerMinute: 2 });
    const from = (ip: string) =>
      call(s, 'POST', '/api/session', { body: { personaId: 'zhang' }, headers: { 'x-forwarded-for': ip } });
    expect([(await from('192.0.2.10')).status, (await from('192.0.2.10')).status]).toEqual([201, 201]);
    expect((await from('192.0.2.10')).status).toBe(429);
    expect((await from('192.0.2.11')).status).toBe(201);
    // A client elsewhere on the network (127.0.0.2 stands in for one) cannot dodge it with the header.
    const port = Number(new URL(s.base).port);
    const fromLan = (ip: string) => loginFrom({ host: '127.0.0.1', port, localAddress: '127.0.0.2' }, ip);
    expect([await fromLan('192.0.2.20'), await fromLan('192.0.2.21'), await fromLan('192.0.2.22')]).toEqual([
      201, 201, 429,
    ]);
    await s.app.close();
  });

  test('on a LAN address (npm start -- --lan) the dev server on this machine forwards for each phone; other devices cannot', async () => {
    const s = await startPlatform({ rateLimitPerMinute: 2, host: '127.0.0.2', loopbackOnly: false });
    const port = Number(new URL(s.base).port);
    const login = (localAddress: string, ip: string) => loginFrom({ host: '127.0.0.2', port, localAddress }, ip);
    // The dev server reaches the platform from the platform's own address: each phone is counted apart.
    const viaDevServer = [];
    for (const ip of ['192.0.2.30', '192.0.2.31', '192.0.2.32', '192.0.2.33'])
      viaDevServer.push(await login('127.0.0.2', ip));
    expect(viaDevServer).toEqual([201, 201, 201, 201]);
    // Another device (127.0.0.3) claiming to forward is counted as itself.
    const other = [];
    for (const ip of ['192.0.2.40', '192.0.2.41', '192.0.2.42']) other.push(await login('127.0.0.3', ip));
    expect(other).toEqual([201, 201, 429]);
    await s.app.close();
  });

  test('guessing the researcher key is limited too; the right key is never slowed', async () => {
    const s = await startPlatform({ rateLimitPerMinute: 3 });
    const guesses: number[] = [];
    for (let i = 0; i < 4; i++)
      guesses.push((await call(s, 'GET', '/api/research/sessions', { key: `guess-number-${i}` })).status);
    expect(guesses).toEqual([401, 401, 401, 429]);
    for (let i = 0; i < 5; i++) expect((await call(s, 'GET', '/api/research/sessions')).status).toBe(200);
    await s.app.close();
  });

  test('a refusal never carries arbitrary request text back', async () => {
    const s = await startPlatform();
    const r = await call(s, 'GET', '/api/personas', { headers: { 'x-rule-profile': '<img src=x onerror=alert(1)>' } });
    expectRefusal(r, 400, 'UNKNOWN_PROFILE');
    expect(JSON.stringify(r.body)).not.toContain('<img');
    await s.app.close();
  });

  test('submits are limited too', async () => {
    const s = await startPlatform({ rateLimitPerMinute: 3 });
    const t = await login(s, 'zhang');
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await bind(s, t, xiaoming({ name: '' }))).status);
    expect(codes).toEqual([400, 400, 429, 429]);
    await s.app.close();
  });

  test('security headers and a CSP that allows the console script by its hash', async () => {
    const s = await startPlatform();
    const api = await fetch(`${s.base}/api/health`);
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    expect(api.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(api.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    const page = await fetch(`${s.base}/research`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain("'unsafe-inline' ;");
    expect(csp.split(';').find((d) => d.trim().startsWith('script-src'))).not.toContain('unsafe-inline');
    await s.app.close();
  });

  test('the 收银台 page runs its one inline script by that script’s own hash, and without the key it shows only the prompt', async () => {
    const s = await startPlatform();
    const page = await fetch(`${s.base}/cashier`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update(script, 'utf8').digest('base64');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(
      csp
        .split(';')
        .find((d) => d.trim().startsWith('script-src'))
        ?.trim(),
    ).toBe(`script-src 'self' 'sha256-${hash}'`);
    // The page holds no data: cards and settlements come from the key-guarded API.
    expect(html).not.toMatch(/\d{17}[\dX]/);
    const cards = await fetch(`${s.base}/api/institution/cards`);
    expect(cards.status).toBe(401);
    await s.app.close();
  });
});
