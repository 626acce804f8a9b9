// A study's worth of research sessions at once: every participant double-taps submit, some meet
// injected 503s and retry, and every app sends its event log twice. Afterwards each session must hold
// exactly one binding and each event exactly once.
const STUDY_SESSIONS = 50;
const MAX_ATTEMPTS = 12;
const EVENTS_PER_BATCH = 20;
const { XIAOMING } = require('./platform');

/** `call(method, route, token, body, headers)` → { status, body } over loopback. */
async function runStudy(call, today) {
  const study = `bench-${Date.now()}`;
  const json = (r) => (r.body ? JSON.parse(r.body) : undefined);
  /** @type {{ id: string; token: string; bound?: boolean }[]} */
  const sessions = [];
  for (let i = 0; i < STUDY_SESSIONS; i++) {
    // One in five sessions has faults: 30 % of requests fail, and the first submit always does.
    const faults = i % 5 === 0 ? { errorRate: 0.3, failSubmits: 1 } : {};
    const r = await call('POST', '/api/research/sessions', undefined, {
      study,
      participant: `P${i + 1}`,
      personaId: 'zhang',
      profileId: 'heilongjiang',
      situation: 'normal',
      faults,
    });
    if (r.status !== 201) throw new Error(`session ${i + 1}: ${r.status} ${r.body}`);
    const id = json(r).id;
    const login = await call('POST', '/api/session', undefined, { personaId: 'zhang' }, { 'x-research-session': id });
    sessions.push({ id, token: json(login).token });
  }

  const latencies = [];
  let requests = 0;
  const started = process.hrtime.bigint();
  const timed = async (fn) => {
    const t0 = process.hrtime.bigint();
    requests++;
    const r = await fn();
    latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    return r;
  };

  await Promise.all(
    sessions.map(async (s, i) => {
      const headers = { 'x-research-session': s.id };
      const body = { ...XIAOMING, startDate: today, requestId: `study-${s.id}-bind` };
      // The double tap: two identical submits in flight together, then retries until one is answered 201.
      const submit = () => timed(() => call('POST', '/api/bindings', s.token, body, headers));
      /** @type {Awaited<ReturnType<typeof submit>>[]} */
      let answers = await Promise.all([submit(), submit()]);
      for (let a = 0; a < MAX_ATTEMPTS && !answers.some((r) => r.status === 201); a++) answers = [await submit()];
      s.bound = answers.some((r) => r.status === 201);
      const events = Array.from({ length: EVENTS_PER_BATCH }, (_, k) => ({
        seq: k + 1,
        at: Date.now(),
        type: k % 2 ? 'field_focus' : 'screen',
        screen: 'bind',
        ...(k % 2 ? { field: 'name' } : {}),
      }));
      const batch = { clientId: `bench-client-${i}`, sentAt: Date.now(), events };
      // The answer to the first send is "lost", so the app sends the same batch again.
      await Promise.all(
        [0, 1].map(() => timed(() => call('POST', `/api/research/sessions/${s.id}/events`, undefined, batch))),
      );
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  let lost = 0;
  let doubled = 0;
  let eventsStored = 0;
  let eventsLost = 0;
  let eventsDoubled = 0;
  for (const s of sessions) {
    const headers = { 'x-research-session': s.id };
    // Faults could fail the check itself; ask until the session answers.
    let list;
    for (let a = 0; a < MAX_ATTEMPTS && !list; a++) {
      const r = await call('GET', '/api/bindings', s.token, undefined, headers);
      if (r.status === 200) list = json(r);
    }
    const n = list ? list.length : 0;
    if (n === 0) lost++;
    if (n > 1) doubled++;
    const exported = json(await call('GET', `/api/research/sessions/${s.id}/export.json`)).sessions[0];
    const clientEvents = exported.events.filter((e) => e.type === 'screen' || e.type === 'field_focus').length;
    eventsStored += clientEvents;
    if (clientEvents < EVENTS_PER_BATCH) eventsLost += EVENTS_PER_BATCH - clientEvents;
    if (clientEvents > EVENTS_PER_BATCH) eventsDoubled += clientEvents - EVENTS_PER_BATCH;
  }
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return {
    sessions: STUDY_SESSIONS,
    requests,
    seconds,
    rps: requests / seconds,
    p50: pct(50),
    p99: pct(99),
    lost,
    doubled,
    eventsSent: STUDY_SESSIONS * EVENTS_PER_BATCH,
    eventsStored,
    eventsLost,
    eventsDoubled,
  };
}

module.exports = { runStudy, STUDY_SESSIONS };
