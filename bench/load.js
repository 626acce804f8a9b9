// Bounded load on the mock platform over loopback: at most N requests or T seconds per scenario.
const http = require('http');

const CONCURRENCY = 16;
const RESEARCH_KEY = 'bench-research-key-0001';
const MAX_REQUESTS = 3000;
const MAX_SECONDS = 15;

const { startPlatform, XIAOMING } = require('./platform');
const { runStudy, STUDY_SESSIONS } = require('./study');

function request(agent, port, method, route, token, body, extraHeaders = {}) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: route,
        agent,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(data ? { 'content-length': data.length } : {}),
          'x-research-key': RESEARCH_KEY,
          ...extraHeaders,
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    req.setTimeout(10000, () => req.destroy(new Error('timeout')));
    if (data) req.write(data);
    req.end();
  });
}

/** Unmeasured requests first, so the JIT has warmed every route before the clock starts. */
async function warmUp(next, count = 400) {
  let issued = 0;
  const worker = async () => {
    while (issued++ < count) await next().catch(() => undefined);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

/** One burst of `count` requests (or until `deadline`), 16 at a time. */
async function burst(expected, next, count, deadline) {
  const latencies = [];
  let errors = 0;
  let issued = 0;
  const started = process.hrtime.bigint();
  const worker = async () => {
    while (issued < count && Date.now() < deadline) {
      issued++;
      const t0 = process.hrtime.bigint();
      try {
        const r = await next();
        if (r.status === expected) latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        else errors++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { latencies, errors, issued, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

const ROUNDS = 6;

/**
 * Runs the scenarios in interleaved rounds (a burst of each, in turn, ROUNDS times), so a busy
 * machine slows them all alike and the ratios to the ceiling stay fair.
 */
async function scenarios(list) {
  for (const s of list) await warmUp(s.next);
  const acc = list.map(() => ({ latencies: [], errors: 0, issued: 0, seconds: 0 }));
  const deadline = Date.now() + MAX_SECONDS * 1000 * list.length;
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < list.length; k++) {
      const i = (k + round) % list.length;
      const s = list[i];
      const a = acc[i];
      const b = await burst(s.expected, s.next, Math.ceil(MAX_REQUESTS / ROUNDS), deadline);
      a.latencies.push(...b.latencies);
      a.errors += b.errors;
      a.issued += b.issued;
      a.seconds += b.seconds;
    }
  }
  return list.map((s, i) => {
    const a = acc[i];
    const latencies = a.latencies.sort((x, y) => x - y);
    const pct = (p) =>
      latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] : NaN;
    return {
      name: s.name,
      requests: a.issued,
      ok: latencies.length,
      errors: a.errors,
      rps: latencies.length / a.seconds,
      p50: pct(50),
      p99: pct(99),
    };
  });
}

async function runLoad(root, today) {
  // Adds the bare route measured as the ceiling (no rules, no database).
  const { port, stop } = await startPlatform(root, { today, key: RESEARCH_KEY, env: { MOCK_BENCH_CEILING: '1' } });
  const agent = new http.Agent({ keepAlive: true, maxSockets: STUDY_SESSIONS + 8 });
  try {
    const token = JSON.parse(
      (await request(agent, port, 'POST', '/api/session', undefined, { personaId: 'zhang' })).body,
    ).token;
    const relative = { ...XIAOMING, startDate: today };
    const first = await request(agent, port, 'POST', '/api/bindings', token, {
      ...relative,
      requestId: 'bench-first-0001',
    });
    if (first.status !== 201) throw new Error(`first binding failed: ${first.body}`);
    let n = 0;
    const results = await scenarios([
      {
        name: 'ceiling GET: bare fastify route, same server (no rules, no database)',
        expected: 200,
        next: () => request(agent, port, 'GET', '/bench/ceiling', token),
      },
      {
        name: 'ceiling POST: the same, with a bind-sized JSON body',
        expected: 200,
        next: () => request(agent, port, 'POST', '/bench/ceiling', token, { ...relative, requestId: `bench-c-${++n}` }),
      },
      {
        name: 'bind: full rule check → 409 ALREADY_BOUND',
        expected: 409,
        next: () =>
          request(agent, port, 'POST', '/api/bindings', token, {
            ...relative,
            requestId: `bench-${++n}-${Date.now()}`,
          }),
      },
      {
        name: 'bind: double-tap replay → 201 same binding',
        expected: 201,
        next: () =>
          request(agent, port, 'POST', '/api/bindings', token, { ...relative, requestId: 'bench-first-0001' }),
      },
      {
        name: 'list: GET /api/bindings',
        expected: 200,
        next: () => request(agent, port, 'GET', '/api/bindings', token),
      },
    ]);
    const study = await runStudy((...args) => request(agent, port, ...args), today);
    return { scenarios: results, study };
  } finally {
    agent.destroy();
    stop();
  }
}

module.exports = { runLoad, CONCURRENCY, MAX_REQUESTS, MAX_SECONDS };
