// `npm run bench -- --only=research`: 50 scripted participants at once against a real platform on
// loopback, at the HTTP level, as the research app behaves on a poor connection. Each one's session is
// made by the console (all at once), the participant signs in, sends its event log in batches (every
// batch twice, as when an answer is lost, and each batch repeating the tail of the one before, as
// when a page hides mid-send), starts a task, binds with a double tap (retrying injected 503s), and
// ends the task. Afterwards each session must hold exactly the distinct events sent, one binding, and
// the task's success. Bounded: at most MAX_REQUESTS requests and MAX_SECONDS seconds in all.
const http = require('http');
const { startPlatform, XIAOMING } = require('./platform');

const PARTICIPANTS = 50;
const BATCHES = 5;
const EVENTS_PER_BATCH = 10;
/** Events of the batch before, sent again at the head of the next. */
const OVERLAP = 3;
const MAX_ATTEMPTS = 12;
const MAX_REQUESTS = 5000;
const MAX_SECONDS = 90;
const KEY = 'bench-research-key-0002';

async function runResearchLoad(root, today) {
  const { port, stop } = await startPlatform(root, { today, key: KEY, env: { MOCK_FAULT_HOLD_MS: '300' } });
  const agent = new http.Agent({ keepAlive: true, maxSockets: PARTICIPANTS + 8 });
  const deadline = Date.now() + MAX_SECONDS * 1000;
  let requests = 0;
  const latencies = [];
  /**
   * @param {string} method
   * @param {string} route
   * @param {{ token?: string; body?: unknown; session?: string; key?: boolean }} [opts]
   * @returns {Promise<{ status: number | undefined; body: any }>}
   */
  function call(method, route, { token, body, session, key = true } = {}) {
    if (++requests > MAX_REQUESTS) return Promise.reject(new Error(`over ${MAX_REQUESTS} requests`));
    if (Date.now() > deadline) return Promise.reject(new Error(`over ${MAX_SECONDS} s`));
    const t0 = process.hrtime.bigint();
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
            ...(data ? { 'content-type': 'application/json', 'content-length': data.length } : {}),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(session ? { 'x-research-session': session } : {}),
            ...(key ? { 'x-research-key': KEY } : {}),
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
            const text = Buffer.concat(chunks).toString();
            let json;
            try {
              json = text ? JSON.parse(text) : undefined;
            } catch {
              json = text;
            }
            resolve({ status: res.statusCode, body: json });
          });
        },
      );
      req.on('error', reject);
      req.setTimeout(15000, () => req.destroy(new Error('timeout')));
      if (data) req.write(data);
      req.end();
    });
  }

  try {
    const study = `bench-research-${Date.now()}`;
    const started = process.hrtime.bigint();
    const outcomes = await Promise.all(
      Array.from({ length: PARTICIPANTS }, async (_, i) => {
        // One in five sessions has faults: 30 % of requests fail and the first submit always does.
        const faults = i % 5 === 0 ? { errorRate: 0.3, failSubmits: 1 } : {};
        const made = await call('POST', '/api/research/sessions', {
          body: {
            study,
            participant: `P${i + 1}`,
            personaId: 'zhang',
            profileId: 'heilongjiang',
            situation: 'normal',
            faults,
          },
        });
        if (made.status !== 201) throw new Error(`session ${i + 1}: ${made.status}`);
        const id = made.body.id;
        let token;
        for (let a = 0; a < MAX_ATTEMPTS && !token; a++) {
          const r = await call('POST', '/api/session', { session: id, key: false, body: { personaId: 'zhang' } });
          if (r.status === 201) token = r.body.token;
        }
        if (!token) throw new Error(`session ${id}: no log-in`);
        const clientId = `bench-${id}`;
        let seq = 0;
        const sent = new Set();
        let previous = [];
        const sendBatch = async (events) => {
          for (const e of events) sent.add(e.seq);
          const batch = { clientId, sentAt: Date.now(), events };
          // The first answer is "lost": the same batch goes again, both in flight together.
          const answers = await Promise.all(
            [0, 1].map(() => call('POST', `/api/research/sessions/${id}/events`, { key: false, body: batch })),
          );
          if (!answers.some((r) => r.status === 202)) throw new Error(`events ${id}: ${answers.map((r) => r.status)}`);
        };
        const next = (type, extra = {}) => ({ seq: ++seq, at: Date.now(), type, ...extra });
        for (let b = 0; b < BATCHES; b++) {
          const fresh = Array.from({ length: EVENTS_PER_BATCH }, (_, k) =>
            b === 0 && k === 0
              ? next('task_start', { task: 1 })
              : k % 3 === 0
                ? next('screen', { screen: 'bind' })
                : k % 3 === 1
                  ? next('field_focus', { field: 'name' })
                  : next('next'),
          );
          await sendBatch([...previous.slice(-OVERLAP), ...fresh]);
          previous = fresh;
        }
        // The double tap on 提交, then retries until the platform answers 201.
        const body = { ...XIAOMING, startDate: today, requestId: `bench-${id}-bind` };
        const submit = () => call('POST', '/api/bindings', { token, session: id, key: false, body });
        /** @type {{ status: number | undefined; body: any }[]} */
        let answers = await Promise.all([submit(), submit()]);
        for (let a = 0; a < MAX_ATTEMPTS && !answers.some((r) => r.status === 201); a++) answers = [await submit()];
        await sendBatch([
          next('submit', { action: 'bind' }),
          next('screen', { screen: 'result' }),
          next('task_done', { task: 1 }),
        ]);
        return { id, token, sent: sent.size };
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const measured = latencies.slice().sort((a, b) => a - b);

    let lostEvents = 0;
    let doubledEvents = 0;
    let eventsStored = 0;
    let eventsSent = 0;
    let lostBindings = 0;
    let doubledBindings = 0;
    let successes = 0;
    for (const o of outcomes) {
      let list;
      for (let a = 0; a < MAX_ATTEMPTS && !list; a++) {
        const r = await call('GET', '/api/bindings', { token: o.token, session: o.id, key: false });
        if (r.status === 200) list = r.body;
      }
      const n = list ? list.length : 0;
      if (n === 0) lostBindings++;
      if (n > 1) doubledBindings++;
      const exported = (await call('GET', `/api/research/sessions/${o.id}/export.json`)).body.sessions[0];
      // Client events are the ones the app numbered; the platform's own (api, task_success…) are not counted.
      const client = exported.events.filter((e) =>
        ['screen', 'field_focus', 'next', 'submit', 'task_start', 'task_done'].includes(e.type),
      ).length;
      eventsSent += o.sent;
      eventsStored += client;
      if (client < o.sent) lostEvents += o.sent - client;
      if (client > o.sent) doubledEvents += client - o.sent;
      if (exported.events.filter((e) => e.type === 'task_success').length === 1) successes++;
    }
    const pct = (p) => measured[Math.min(measured.length - 1, Math.floor((p / 100) * measured.length))] ?? NaN;
    return {
      participants: PARTICIPANTS,
      requests: measured.length,
      seconds,
      rps: measured.length / seconds,
      p50: pct(50),
      p99: pct(99),
      eventsSent,
      eventsStored,
      lostEvents,
      doubledEvents,
      lostBindings,
      doubledBindings,
      successes,
    };
  } finally {
    agent.destroy();
    stop();
  }
}

module.exports = { runResearchLoad, PARTICIPANTS, MAX_REQUESTS, MAX_SECONDS };
