// Research sessions: isolated data per participant, situations, faults, the event log and exports.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { SEED_IDS } from '../../mock/platform/seed';
import { call, list, RESEARCH_KEY, startPlatform, xiaoming, type Platform } from './helpers';

let s: Platform;
beforeEach(async () => {
  s = await startPlatform({ faultHoldMs: 400 });
});
afterEach(() => s.app.close());

const newSession = (extra: Record<string, unknown> = {}) =>
  call(s, 'POST', '/api/research/sessions', {
    body: {
      study: '第一轮',
      participant: 'P01',
      personaId: 'zhang',
      profileId: 'heilongjiang',
      situation: 'normal',
      ...extra,
    },
  });

async function open(extra: Record<string, unknown> = {}) {
  const r = await newSession(extra);
  expect(r.status).toBe(201);
  const id = r.body.id as string;
  const login = await call(s, 'POST', '/api/session', { session: id, body: { personaId: r.body.personaId } });
  expect(login.status).toBe(201);
  return { id, token: login.body.token as string };
}

const bindIn = (id: string, token: string, body: unknown, signal?: AbortSignal) =>
  call(s, 'POST', '/api/bindings', { session: id, token, body, signal });
const listIn = async (id: string, token: string) =>
  (await call<any[]>(s, 'GET', '/api/bindings', { session: id, token })).body;
const exportOf = async (id: string) =>
  (await call(s, 'GET', `/api/research/sessions/${id}/export.json`)).body.sessions[0];
const post = (id: string, events: unknown[], clientId = 'client-0001', sentAt = Date.now()) =>
  call(s, 'POST', `/api/research/sessions/${id}/events`, { body: { clientId, sentAt, events } });

describe('starting a session', () => {
  test('a session gets a short code, its situation and its faults', async () => {
    const r = await newSession({ situation: 'slow-network', faults: { errorRate: '0.2' } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      id: expect.stringMatching(/^[A-Z2-9]{6}$/),
      study: '第一轮',
      participant: 'P01',
      situationLabel: '网络缓慢',
      faults: { latencyMs: 3000, errorRate: 0.2, timeoutRate: 0, failSubmits: 0 },
      appPath: `/pages/index/index?session=${r.body.id}`,
    });
    expect((await call(s, 'GET', `/api/research/sessions/${r.body.id}`)).body.id).toBe(r.body.id);
  });

  test.each([
    [{ participant: '张建国' }, 'PARTICIPANT_INVALID', 'participant'],
    [{ participant: '' }, 'PARTICIPANT_INVALID', 'participant'],
    [{ study: '' }, 'STUDY_INVALID', 'study'],
    [{ personaId: 'nobody' }, 'PERSONA_INVALID', 'personaId'],
    [{ profileId: 'guangdong' }, 'PROFILE_INVALID', 'profileId'],
    [{ situation: 'earthquake' }, 'SITUATION_INVALID', 'situation'],
    [{ faults: { errorRate: 2 } }, 'FAULTS_INVALID', 'faults'],
    [{ faults: { latencyMs: -1 } }, 'FAULTS_INVALID', 'faults'],
    [{ faults: { explode: 1 } }, 'FAULTS_INVALID', 'faults'],
  ])('%j is refused with %s and creates nothing', async (extra, code, field) => {
    const before = (await call(s, 'GET', '/api/research/sessions')).body.length;
    const r = await newSession(extra);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe(code);
    expect(r.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]));
    expect((await call(s, 'GET', '/api/research/sessions')).body.length).toBe(before);
  });

  test('a body that is not JSON is refused cleanly', async () => {
    const r = await call(s, 'POST', '/api/research/sessions', { raw: '{"study":' });
    expect(r.status).toBe(400);
  });

  test('an unknown session is named as such, and changes nothing', async () => {
    const r = await call(s, 'POST', '/api/session', { session: 'NOSUCH', body: { personaId: 'zhang' } });
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('SESSION_NOT_FOUND');
    expect((await call(s, 'GET', '/api/research/sessions/NOSUCH')).status).toBe(404);
    expect((await post('NOSUCH', [{ seq: 1, at: Date.now(), type: 'screen' }])).status).toBe(404);
  });
});

describe('each session has its own data', () => {
  test('two participants bind the same relative without meeting each other, and the open platform is untouched', async () => {
    const a = await open();
    const b = await open({ participant: 'P02' });
    expect((await bindIn(a.id, a.token, xiaoming())).status).toBe(201);
    expect((await bindIn(b.id, b.token, xiaoming())).status).toBe(201);
    expect(await listIn(a.id, a.token)).toHaveLength(1);
    expect(await listIn(b.id, b.token)).toHaveLength(1);
    // A token from one session means nothing in another.
    expect((await call(s, 'GET', '/api/bindings', { session: b.id, token: a.token })).status).toBe(401);
    const outside = await call(s, 'POST', '/api/session', { body: { personaId: 'zhang' } });
    expect(await list(s, outside.body.token)).toEqual([]);
  });

  test('the session fixes the rule profile, whatever the app asks for', async () => {
    const { id } = await open({ profileId: 'hebei' });
    const r = await call(s, 'GET', '/api/profile', { session: id, profile: 'zhejiang' });
    expect(r.body.id).toBe('hebei');
  });

  test('余额不足: the persona cannot afford the premium in this session only', async () => {
    const low = await open({ situation: 'low-balance' });
    const r = await bindIn(low.id, low.token, xiaoming());
    expect(r.body.code).toBe('BALANCE_TOO_LOW');
    expect((await call(s, 'GET', '/api/me', { session: low.id, token: low.token })).body.balanceYuan).toBe('120.00');
    const normal = await open();
    expect((await bindIn(normal.id, normal.token, xiaoming())).status).toBe(201);
  });

  test('使用人未参保: the task relative is not insured in this session', async () => {
    const { id, token } = await open({ situation: 'relative-not-insured' });
    expect((await bindIn(id, token, xiaoming())).body.code).toBe('NOT_INSURED');
    expect(await listIn(id, token)).toEqual([]);
  });

  test('a reset returns the session to its seed, situation included, and the log starts over', async () => {
    const { id, token } = await open({ situation: 'low-balance' });
    await post(id, [
      { seq: 1, at: Date.now(), type: 'validation_error', screen: 'bind', field: 'phone', code: 'PHONE_INVALID' },
    ]);
    await call(s, 'POST', '/api/bindings', { session: id, token, body: xiaoming() });
    const reset = await call(s, 'POST', `/api/research/sessions/${id}/reset`);
    expect(reset.status).toBe(200);
    // Log-ins are part of the data: the participant opens the link again.
    expect((await call(s, 'GET', '/api/me', { session: id, token })).status).toBe(401);
    const again = await call(s, 'POST', '/api/session', { session: id, body: { personaId: 'zhang' } });
    expect((await call(s, 'GET', '/api/me', { session: id, token: again.body.token })).body.balanceYuan).toBe('120.00');
    const exported = await exportOf(id);
    expect(exported.summary.validationErrors).toBe(0);
    expect(exported.events.map((e: { type: string }) => e.type)).toContain('session_reset');
  });
});

describe('faults', () => {
  test('an error rate of 1 fails every task request without doing anything; log-in still works', async () => {
    const { id, token } = await open({ faults: { errorRate: 1 } });
    const r = await bindIn(id, token, xiaoming());
    expect(r.status).toBe(503);
    expect(r.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('稍后重试') });
    await call(s, 'POST', `/api/research/sessions/${id}/faults`, { body: { errorRate: 0 } });
    expect(await listIn(id, token)).toEqual([]);
  });

  test('提交时服务器出错: the first submit fails, the retry binds once, a further repeat changes nothing', async () => {
    const { id, token } = await open({ situation: 'submit-error' });
    const body = xiaoming();
    expect((await bindIn(id, token, body)).status).toBe(503);
    expect(await listIn(id, token)).toEqual([]);
    const retry = await bindIn(id, token, body);
    expect(retry.status).toBe(201);
    const again = await bindIn(id, token, body);
    expect(again.body.id).toBe(retry.body.id);
    expect(await listIn(id, token)).toHaveLength(1);
    const summary = (await exportOf(id)).summary;
    expect(summary).toMatchObject({ taskSuccess: true, injectedFailures: 1 });
  });

  test('a timeout: the binding is made but the answer comes too late; the retry gets the same binding', async () => {
    const { id, token } = await open({ faults: { timeoutRate: 1 } });
    const body = xiaoming();
    await expect(bindIn(id, token, body, AbortSignal.timeout(100))).rejects.toThrow();
    await call(s, 'POST', `/api/research/sessions/${id}/faults`, { body: { timeoutRate: 0 } });
    expect(await listIn(id, token)).toHaveLength(1);
    const retry = await bindIn(id, token, body);
    expect(retry.status).toBe(201);
    const bindings = await listIn(id, token);
    expect(bindings).toHaveLength(1);
    expect(bindings[0].id).toBe(retry.body.id);
  });

  test('latency holds every answer back and is logged', async () => {
    const { id, token } = await open({ faults: { latencyMs: 300 } });
    const started = Date.now();
    expect((await call(s, 'GET', '/api/bindings', { session: id, token })).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    const events = (await exportOf(id)).events;
    expect(events.filter((e: { fault?: string }) => e.fault === 'latency').length).toBeGreaterThanOrEqual(2);
  });

  test('the same session meets the same faults when replayed', async () => {
    const runs: number[][] = [];
    for (const participant of ['A1', 'A2']) {
      const { id, token } = await open({ participant, faults: { errorRate: 0.5 } });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++)
        statuses.push((await call(s, 'GET', '/api/bindings', { session: id, token })).status);
      runs.push(statuses);
      expect(statuses.filter((x) => x === 503).length).toBeGreaterThan(2);
      expect(statuses.filter((x) => x === 200).length).toBeGreaterThan(2);
      // Resetting the session replays the very same sequence.
      await call(s, 'POST', `/api/research/sessions/${id}/reset`);
      const again = (await call(s, 'POST', '/api/session', { session: id, body: { personaId: 'zhang' } })).body.token;
      const replay: number[] = [];
      for (let i = 0; i < 20; i++)
        replay.push((await call(s, 'GET', '/api/bindings', { session: id, token: again })).status);
      expect(replay).toEqual(statuses);
    }
  });

  test('faults can be changed during a session; bad values are refused and change nothing', async () => {
    const { id } = await open();
    const bad = await call(s, 'POST', `/api/research/sessions/${id}/faults`, { body: { timeoutRate: 'lots' } });
    expect(bad.body.code).toBe('FAULTS_INVALID');
    expect((await call(s, 'GET', `/api/research/sessions/${id}`)).body.faults.timeoutRate).toBe(0);
    const good = await call(s, 'POST', `/api/research/sessions/${id}/faults`, { body: { timeoutRate: 0.5 } });
    expect(good.body.faults.timeoutRate).toBe(0.5);
  });
});

describe('the event log', () => {
  test('a resent batch is stored once', async () => {
    const { id } = await open();
    const events = [
      { seq: 1, at: Date.now(), type: 'screen', screen: 'bind' },
      { seq: 2, at: Date.now(), type: 'field_focus', screen: 'bind', field: 'idNumber' },
    ];
    expect((await post(id, events)).body).toEqual({ received: 2, stored: 2 });
    expect((await post(id, events)).body).toEqual({ received: 2, stored: 0 });
    expect((await post(id, events, 'client-0002')).body.stored).toBe(2);
  });

  test.each([
    [{ seq: 1, at: 1, type: 'screen', name: '张小明' }, '不允许记录'],
    [{ seq: 1, at: 1, type: 'validation_error', field: 'idNumber', code: SEED_IDS.zhangXiaoming }, '代码'],
    [{ seq: 1, at: 1, type: 'field_focus', field: '13804510011' }, '字段'],
    [{ seq: 1, at: 1, type: 'screen', screen: 'pages/bind/index?name=张小明' }, '页面'],
    [{ seq: 1, at: 1, type: 'api' }, '类型'],
    [{ seq: 1, at: 1, type: 'refusal', action: '张小明' }, '操作'],
    [{ seq: 'x', at: 1, type: 'screen' }, 'seq'],
  ])('%j is refused: free text and identity data cannot enter the log', async (event, words) => {
    const { id } = await open();
    const before = (await exportOf(id)).events.length;
    const r = await post(id, [{ seq: 9, at: 2, type: 'screen', screen: 'index' }, event]);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('EVENTS_INVALID');
    expect(r.body.message).toContain(words);
    expect((await exportOf(id)).events.length).toBe(before);
  });

  test('exports hold no identity data even after a real binding', async () => {
    const { id, token } = await open();
    await bindIn(id, token, xiaoming());
    const files = await Promise.all(
      ['export.json', 'events.csv', 'summary.csv'].map((f) => call(s, 'GET', `/api/research/sessions/${id}/${f}`)),
    );
    for (const f of files) {
      const text = typeof f.body === 'string' ? f.body : JSON.stringify(f.body);
      for (const secret of [
        SEED_IDS.zhangXiaoming,
        SEED_IDS.zhangJianguo,
        '张小明',
        '张建国',
        '13804510011',
        '13804510001',
      ]) {
        expect(text).not.toContain(secret);
      }
    }
  });

  test('summary figures: task success, time on task, errors per field, refusals', async () => {
    const { id, token } = await open({ situation: 'relative-not-insured' });
    const sentAt = Date.now();
    // The app's clock is 1 hour fast: its events are placed on the platform's clock.
    const skew = 3600_000;
    await post(
      id,
      [
        { seq: 1, at: sentAt + skew - 90_000, type: 'screen', screen: 'bind' },
        {
          seq: 2,
          at: sentAt + skew - 80_000,
          type: 'validation_error',
          screen: 'bind',
          field: 'idNumber',
          code: 'ID_CHECK_DIGIT',
        },
        {
          seq: 3,
          at: sentAt + skew - 70_000,
          type: 'validation_error',
          screen: 'bind',
          field: 'idNumber',
          code: 'ID_LENGTH',
        },
        {
          seq: 4,
          at: sentAt + skew - 60_000,
          type: 'validation_error',
          screen: 'bind',
          field: 'startDate',
          code: 'START_BEFORE_TODAY',
        },
        { seq: 5, at: sentAt + skew - 50_000, type: 'back', screen: 'consent' },
        { seq: 6, at: sentAt + skew - 40_000, type: 'consent_read', screen: 'consent', field: 'consent', ms: 12_500 },
        { seq: 7, at: sentAt + skew - 30_000, type: 'submit', screen: 'consent', action: 'bind' },
      ],
      'client-0001',
      sentAt + skew,
    );
    expect((await bindIn(id, token, xiaoming())).body.code).toBe('NOT_INSURED');
    const unfinished = (await exportOf(id)).summary;
    expect(unfinished).toMatchObject({ taskSuccess: false, refusalsByCode: { NOT_INSURED: 1 } });

    // The researcher lifts the situation's effect by binding another insured relative.
    const other = await bindIn(id, token, {
      ...xiaoming(),
      name: '刘桂兰',
      idNumber: SEED_IDS.liuGuilan,
      phone: '13804510012',
      relation: '父母',
    });
    expect(other.status).toBe(201);
    const summary = (await exportOf(id)).summary;
    expect(summary).toMatchObject({
      taskSuccess: true,
      errorsByField: { idNumber: 2, startDate: 1 },
      validationErrors: 3,
      refusalsByCode: { NOT_INSURED: 1 },
      submits: 1,
      backNavigations: 1,
      consentReadMs: 12_500,
    });
    expect(summary.timeOnTaskMs).toBeGreaterThanOrEqual(90_000);
    expect(summary.timeOnTaskMs).toBeLessThan(100_000);

    const csv = (await call(s, 'GET', `/api/research/sessions/${id}/summary.csv`)).body as string;
    const [header = '', row = ''] = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(header.split(',')).toEqual(
      expect.arrayContaining(['task_success', 'time_on_task_s', 'err_idNumber', 'attempt', 'task', 'condition']),
    );
    const cells = Object.fromEntries(header.split(',').map((h, i) => [h, row.split(',')[i]]));
    // One column per field and per refusal code, so a spreadsheet can pivot them.
    expect(cells).toMatchObject({
      session: id,
      attempt: '1',
      latest: '1',
      task: 't1',
      task_success: '1',
      field_errors: '3',
      err_idNumber: '2',
      err_startDate: '1',
      err_phone: '0',
      refusals: '1',
      ref_NOT_INSURED: '1',
      submits: '1',
      nexts: '0',
    });

    const events = (await call(s, 'GET', `/api/research/sessions/${id}/events.csv`)).body as string;
    const lines = events.trim().split('\r\n');
    expect(lines.length).toBe((await exportOf(id)).events.length + 1);
    expect(lines.some((l) => l.includes(',validation_error,bind,idNumber,,ID_CHECK_DIGIT,'))).toBe(true);
    // 北京时间 beside UTC, as Excel reads a date.
    const [eventsHeader = ''] = lines;
    expect(eventsHeader).toContain('attempt,at_beijing,at_utc,type');
    expect(lines[1]).toMatch(/,1,\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{4}-\d\d-\d\dT/);
  });

  test('a study export gathers its sessions with study-wide figures', async () => {
    for (const [participant, study, ok] of [
      ['P1', 'S1', true],
      ['P2', 'S1', false],
      ['P3', 'S2', true],
    ] as const) {
      const { id, token } = await open({ participant, study, situation: ok ? 'normal' : 'low-balance' });
      await post(id, [
        { seq: 1, at: Date.now(), type: 'validation_error', screen: 'bind', field: 'phone', code: 'PHONE_INVALID' },
      ]);
      await bindIn(id, token, xiaoming());
    }
    const r = await call(s, 'GET', '/api/research/studies/S1/export.json');
    expect(r.body.sessions.map((x: { participant: string }) => x.participant)).toEqual(['P1', 'P2']);
    expect(r.body.study).toMatchObject({
      sessions: 2,
      successes: 1,
      successRate: 0.5,
      errorsByField: { phone: 2 },
      refusalsByCode: { BALANCE_TOO_LOW: 1 },
    });
    const csv = (await call(s, 'GET', '/api/research/studies/S1/summary.csv')).body as string;
    expect(csv.trim().split('\r\n')).toHaveLength(3);
    expect((await call(s, 'GET', '/api/research/studies/none/export.json')).body.code).toBe('STUDY_NOT_FOUND');
    expect((await call(s, 'GET', '/api/research/studies/S1/report.pdf')).status).toBe(404);
  });

  test('a spreadsheet never runs a study name as a formula', async () => {
    const { id } = await open({ study: '-1 测试' });
    const csv = (await call(s, 'GET', `/api/research/sessions/${id}/events.csv`)).body as string;
    expect(csv).toContain("\n'-1 测试,");
  });
});

test('sessions and their logs survive a restart', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'research-'));
  const dbFile = path.join(dir, 'platform.db');
  const first = await startPlatform({ dbFile });
  const created = await call(first, 'POST', '/api/research/sessions', {
    body: { study: 'R', participant: 'P9', personaId: 'zhang', profileId: 'heilongjiang', situation: 'normal' },
  });
  const id = created.body.id;
  const token = (await call(first, 'POST', '/api/session', { session: id, body: { personaId: 'zhang' } })).body.token;
  await call(first, 'POST', '/api/bindings', { session: id, token, body: xiaoming() });
  await first.app.close();
  const second = await startPlatform({ dbFile });
  expect((await call<any[]>(second, 'GET', '/api/bindings', { session: id, token })).body).toHaveLength(1);
  expect((await call(second, 'GET', `/api/research/sessions/${id}`)).body.summary.taskSuccess).toBe(true);
  await second.app.close();
});

test('the researcher console and its QR codes are served', async () => {
  const page = await fetch(`${s.base}/research`);
  expect(page.headers.get('content-type')).toContain('text/html');
  expect(await page.text()).toContain('研究会话控制台');
  const qr = await fetch(
    `${s.base}/api/research/qr.svg?text=${encodeURIComponent('http://127.0.0.1:10086/#/pages/index/index?session=ABCDEF')}`,
    { headers: { 'x-research-key': RESEARCH_KEY } },
  );
  expect(qr.headers.get('content-type')).toContain('image/svg+xml');
  expect(await qr.text()).toContain('<svg');
  expect((await fetch(`${s.base}/api/research/qr.svg`, { headers: { 'x-research-key': RESEARCH_KEY } })).status).toBe(
    400,
  );
});
