// The researcher console's API: notes, tags, exclusion, deletion, live status, charts and the HTML
// report, over real HTTP, each with and without the researcher key.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { call, RESEARCH_KEY, startPlatform, type Platform } from './helpers';

let s: Platform;
beforeEach(async () => {
  s = await startPlatform({ faultHoldMs: 400 });
});
afterEach(() => s.app.close());

const STUDY = '控制台测试';

async function newSession(participant: string, extra: Record<string, unknown> = {}) {
  const r = await call(s, 'POST', '/api/research/sessions', {
    body: {
      study: STUDY,
      participant,
      personaId: 'zhang',
      profileId: 'heilongjiang',
      situation: 'normal',
      ...extra,
    },
  });
  expect(r.status).toBe(201);
  return r.body.id as string;
}

let seq = 0;
const send = (id: string, events: Record<string, unknown>[]) =>
  call(s, 'POST', `/api/research/sessions/${id}/events`, {
    key: false,
    body: {
      clientId: `client-${id}`,
      sentAt: Date.now(),
      events: events.map((e, i) => ({ seq: ++seq, at: Date.now() - 1000 * (events.length - i), ...e })),
    },
  });

/** A participant who opens the link and gives up on task 1 (no SUS yet): status gave_up, outcome gave_up. */
const giveUp = (id: string) =>
  send(id, [
    { type: 'screen', screen: 'index' },
    { type: 'task_start', task: 1 },
    { type: 'screen', screen: 'family' },
    { type: 'task_give_up', task: 1 },
    { type: 'seq_answer', task: 1, value: 2 },
  ]);

const live = async () => (await call(s, 'GET', `/api/research/studies/${encodeURIComponent(STUDY)}/live`)).body;
const rowOf = async (id: string) => (await live()).sessions.find((x: { session: string }) => x.session === id);

describe('without the researcher key nothing is read or changed', () => {
  test.each([
    ['GET', '/api/research/console/studies', undefined],
    ['GET', `/api/research/studies/${encodeURIComponent(STUDY)}/live`, undefined],
    ['GET', `/api/research/studies/${encodeURIComponent(STUDY)}/charts`, undefined],
    ['GET', `/api/research/studies/${encodeURIComponent(STUDY)}/report.html`, undefined],
    ['GET', '/api/research/sessions/{id}/report.html', undefined],
    ['POST', '/api/research/sessions/{id}/notes', { text: '看不到提交按钮' }],
    ['PUT', '/api/research/sessions/{id}/tags', { tags: ['试点'] }],
    ['PUT', '/api/research/sessions/{id}/excluded', { excluded: true }],
    ['DELETE', '/api/research/sessions/{id}', undefined],
  ])('%s %s', async (method, route, body) => {
    const id = await newSession('P01');
    for (const key of [false, 'wrong-key'] as const) {
      const r = await call(s, method, route.replace('{id}', id), { key, body });
      expect(r.status).toBe(401);
      expect(r.body.code).toBe('RESEARCH_KEY_REQUIRED');
    }
    const row = await rowOf(id);
    expect(row).toMatchObject({ excluded: false, tags: [], notes: [] });
  });
});

describe('notes', () => {
  test('a note is timestamped on the platform clock, listed in order, and kept out of the participant’s data', async () => {
    const id = await newSession('P01');
    const first = await call(s, 'POST', `/api/research/sessions/${id}/notes`, {
      body: { text: '  在授权协议页停留很久 ' },
    });
    expect(first.status).toBe(201);
    expect(first.body.text).toBe('在授权协议页停留很久');
    // The platform's pinned day (2026-11-22 in China), not the machine's.
    const day = Date.parse('2026-11-22T00:00:00+08:00');
    expect(Date.parse(first.body.at) - day).toBeGreaterThanOrEqual(0);
    expect(Date.parse(first.body.at) - day).toBeLessThan(86_400_000);
    await call(s, 'POST', `/api/research/sessions/${id}/notes`, { body: { text: '第二条' } });
    expect((await rowOf(id)).notes.map((n: { text: string }) => n.text)).toEqual(['在授权协议页停留很久', '第二条']);

    // The participant's own reads and the exports of the log never carry it.
    const participant = await call(s, 'GET', `/api/research/sessions/${id}`, { key: false });
    expect(JSON.stringify(participant.body)).not.toContain('授权协议页停留');
    for (const file of ['export.json', 'events.csv', 'summary.csv']) {
      const r = await call(s, 'GET', `/api/research/sessions/${id}/${file}`);
      expect(r.status).toBe(200);
      expect(typeof r.body === 'string' ? r.body : JSON.stringify(r.body)).not.toContain('授权协议页停留');
    }
    // The researcher's report holds it.
    const report = await call(s, 'GET', `/api/research/studies/${encodeURIComponent(STUDY)}/report.json`);
    expect(report.body.sessions[0].notes.map((n: { text: string }) => n.text)).toContain('第二条');

    const del = await call(s, 'DELETE', `/api/research/sessions/${id}/notes/${first.body.id}`);
    expect(del.status).toBe(200);
    expect((await rowOf(id)).notes.map((n: { text: string }) => n.text)).toEqual(['第二条']);
    expect((await call(s, 'DELETE', `/api/research/sessions/${id}/notes/${first.body.id}`)).body.code).toBe(
      'NOTE_NOT_FOUND',
    );
  });

  test.each([
    [{ text: '' }, 'NOTE_INVALID'],
    [{ text: '   ' }, 'NOTE_INVALID'],
    [{ text: 'x'.repeat(501) }, 'NOTE_INVALID'],
    [{ text: '参与者念出了 230102200306081016' }, 'NOTE_INVALID'],
    [{ text: '电话 13804510011 打不通' }, 'NOTE_INVALID'],
    [{ text: 42 }, 'NOTE_INVALID'],
    [[], 'MALFORMED_REQUEST'],
  ])('%j is refused with %s and stores nothing', async (body, code) => {
    const id = await newSession('P01');
    const r = await call(s, 'POST', `/api/research/sessions/${id}/notes`, { body });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe(code);
    expect((await rowOf(id)).notes).toEqual([]);
  });

  test('an unknown session is a 404', async () => {
    const r = await call(s, 'POST', '/api/research/sessions/AAAAAA/notes', { body: { text: '笔记' } });
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('SESSION_NOT_FOUND');
  });
});

describe('tags', () => {
  test('the whole list is set at once, trimmed and each once', async () => {
    const id = await newSession('P01');
    const r = await call(s, 'PUT', `/api/research/sessions/${id}/tags`, {
      body: { tags: [' 试点 ', '找不到按钮', '试点'] },
    });
    expect(r.status).toBe(200);
    expect(r.body.tags).toEqual(['试点', '找不到按钮']);
    expect((await rowOf(id)).tags).toEqual(['试点', '找不到按钮']);
    await call(s, 'PUT', `/api/research/sessions/${id}/tags`, { body: { tags: ['找不到按钮'] } });
    expect((await rowOf(id)).tags).toEqual(['找不到按钮']);
  });

  test.each([
    [{ tags: '试点' }],
    [{ tags: [''] }],
    [{ tags: ['a,b'] }],
    [{ tags: ['字'.repeat(21)] }],
    [{ tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }],
    [{ tags: [1] }],
  ])('%j is refused and changes nothing', async (body) => {
    const id = await newSession('P01');
    await call(s, 'PUT', `/api/research/sessions/${id}/tags`, { body: { tags: ['保留'] } });
    const r = await call(s, 'PUT', `/api/research/sessions/${id}/tags`, { body });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('TAGS_INVALID');
    expect((await rowOf(id)).tags).toEqual(['保留']);
  });
});

describe('exclusion and deletion', () => {
  test('an excluded session stays listed as excluded and drops out of the study figures and charts', async () => {
    const pilot = await newSession('PILOT');
    const real = await newSession('P01');
    await giveUp(pilot);
    await giveUp(real);
    const before = await live();
    expect(before.headline).toMatchObject({ sessions: 2, excluded: 0, finished: 2, successes: 0 });

    const r = await call(s, 'PUT', `/api/research/sessions/${pilot}/excluded`, { body: { excluded: true } });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ excluded: true });
    const after = await live();
    expect(after.headline).toMatchObject({ sessions: 1, excluded: 1, finished: 1 });
    expect(after.sessions.find((x: { session: string }) => x.session === pilot).excluded).toBe(true);
    const list = (await call(s, 'GET', '/api/research/console/studies')).body;
    expect(list.find((x: { study: string }) => x.study === STUDY)).toMatchObject({ sessions: 1, excluded: 1 });
    const report = await call(s, 'GET', `/api/research/studies/${encodeURIComponent(STUDY)}/report.json`);
    expect(report.body.sessions.find((x: { session: string }) => x.session === pilot).excluded).toBe(true);

    // The funnel counts the one session that is left.
    const charts = (await call(s, 'GET', `/api/research/studies/${encodeURIComponent(STUDY)}/charts`)).body.charts;
    const funnel = charts.find((c: { id: string }) => c.id === 'funnel');
    expect(funnel.svg).toContain('<svg');
    expect(funnel.caption).toContain('打开链接的 1 个会话');

    await call(s, 'PUT', `/api/research/sessions/${pilot}/excluded`, { body: { excluded: false } });
    expect((await live()).headline).toMatchObject({ sessions: 2, excluded: 0 });
  });

  test.each([[{}], [{ excluded: 'yes' }], [{ excluded: 1 }]])('%j is refused', async (body) => {
    const id = await newSession('P01');
    const r = await call(s, 'PUT', `/api/research/sessions/${id}/excluded`, { body });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('EXCLUDED_INVALID');
    expect((await rowOf(id)).excluded).toBe(false);
  });

  test('a deleted session is gone with its log, notes and tags; its link no longer opens', async () => {
    const keep = await newSession('P01');
    const gone = await newSession('PILOT');
    await giveUp(gone);
    await call(s, 'POST', `/api/research/sessions/${gone}/notes`, { body: { text: '试点' } });
    await call(s, 'PUT', `/api/research/sessions/${gone}/tags`, { body: { tags: ['试点'] } });
    const r = await call(s, 'DELETE', `/api/research/sessions/${gone}`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ deleted: true });
    expect((await live()).sessions.map((x: { session: string }) => x.session)).toEqual([keep]);
    expect((await call(s, 'GET', `/api/research/sessions/${gone}`, { key: false })).status).toBe(404);
    expect((await call(s, 'DELETE', `/api/research/sessions/${gone}`)).status).toBe(404);
    const login = await call(s, 'POST', '/api/session', { session: gone, body: { personaId: 'zhang' } });
    expect(login.status).toBe(404);
  });
});

test('deleting a session removes its own platform database file too', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-delete-'));
  const f = await startPlatform({ dbFile: path.join(dir, 'p.db') });
  try {
    const made = await call(f, 'POST', '/api/research/sessions', {
      body: { study: STUDY, participant: 'P01', personaId: 'zhang', profileId: 'heilongjiang', situation: 'normal' },
    });
    const id = made.body.id as string;
    expect((await call(f, 'POST', '/api/session', { session: id, body: { personaId: 'zhang' } })).status).toBe(201);
    const file = path.join(dir, `p-session-${id}.db`);
    expect(fs.existsSync(file)).toBe(true);
    expect((await call(f, 'DELETE', `/api/research/sessions/${id}`)).status).toBe(200);
    expect(fs.existsSync(file)).toBe(false);
    expect(f.openSessionSpaces()).toBe(0);
  } finally {
    await f.app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('live status', () => {
  test('not opened, in task n, gave up, ended: with masked persona, province and situation by name', async () => {
    const waiting = await newSession('P01', { situation: 'low-balance', profileId: 'hebei' });
    const working = await newSession('P02');
    const quitting = await newSession('P03');
    const ended = await newSession('P04');
    await send(working, [
      { type: 'screen', screen: 'index' },
      { type: 'task_start', task: 1 },
    ]);
    await giveUp(quitting);
    await send(ended, [{ type: 'task_start', task: 1 }]);
    expect((await call(s, 'POST', `/api/research/sessions/${ended}/end`)).status).toBe(200);

    const rows = new Map((await live()).sessions.map((x: { session: string }) => [x.session, x]));
    expect(rows.get(waiting)).toMatchObject({
      status: 'not_opened',
      statusLabel: '未打开',
      labels: { persona: '张**', province: '河北', situation: '余额不足' },
    });
    // What the console shows holds no internal id (zhang / hebei) and no full name.
    expect(JSON.stringify((rows.get(waiting) as { labels: unknown }).labels)).not.toMatch(
      /zhang|hebei|low-balance|张建国/,
    );
    expect(rows.get(working)).toMatchObject({ status: 'in_task', statusLabel: '任务 1 进行中', currentTask: 1 });
    expect(rows.get(quitting)).toMatchObject({ status: 'gave_up', statusLabel: '已放弃' });
    expect(rows.get(ended)).toMatchObject({ status: 'ended', statusLabel: '已结束' });
    expect((rows.get(ended) as { outcomes: { outcome: string }[] }).outcomes[0]!.outcome).toBe('ended');
  });

  test('a study with no sessions is an empty list, and its charts say so in words', async () => {
    const body = (await call(s, 'GET', '/api/research/studies/nobody/live')).body;
    expect(body.sessions).toEqual([]);
    const charts = (await call(s, 'GET', '/api/research/studies/nobody/charts')).body.charts;
    expect(charts.map((c: { id: string }) => c.id)).toEqual([
      'funnel',
      'times',
      'errors',
      'refusals',
      'seq',
      'sus',
      'compare',
    ]);
    for (const c of charts) {
      expect(c.svg).toBeNull();
      expect(c.empty).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});

describe('charts and the HTML report', () => {
  test('two situations are compared side by side by default; any two groups can be asked for', async () => {
    const a = await newSession('P01', { situation: 'normal' });
    const b = await newSession('P02', { situation: 'low-balance' });
    await giveUp(a);
    await giveUp(b);
    const route = `/api/research/studies/${encodeURIComponent(STUDY)}/charts`;
    const body = (await call(s, 'GET', route)).body;
    expect(body.comparison).toMatchObject({ by: 'situation', a: 'normal', b: 'low-balance' });
    const compare = body.charts.find((c: { id: string }) => c.id === 'compare');
    expect(compare.svg).toContain('正常办理');
    expect(compare.svg).toContain('余额不足');
    const swapped = (await call(s, 'GET', `${route}?by=situation&a=low-balance&b=normal`)).body;
    expect(swapped.comparison).toMatchObject({ a: 'low-balance', b: 'normal' });
    // The same group twice is no comparison: the other group is taken.
    const same = (await call(s, 'GET', `${route}?by=situation&a=normal&b=normal`)).body;
    expect(same.comparison).toMatchObject({ a: 'normal', b: 'low-balance' });
    // One province only: nothing to compare, said in words.
    const provinces = (await call(s, 'GET', `${route}?by=profile`)).body;
    expect(provinces.charts.find((c: { id: string }) => c.id === 'compare').svg).toBeNull();
  });

  test('the study report is one HTML file to download, with every chart, no script and no external address', async () => {
    const a = await newSession('P01');
    await giveUp(a);
    const res = await fetch(`${s.base}/api/research/studies/${encodeURIComponent(STUDY)}/report.html`, {
      headers: { 'x-research-key': RESEARCH_KEY },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="study-.*-report\.html"$/);
    const html = await res.text();
    for (const id of ['funnel', 'times', 'errors', 'refusals', 'seq', 'sus', 'compare'])
      expect(html).toContain(`data-chart="${id}"`);
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\/(?!www\.w3\.org)/);
    const one = await call(s, 'GET', `/api/research/sessions/${a}/report.html`);
    expect(one.status).toBe(200);
    expect(one.body).toContain(`P01`);
    expect((await call(s, 'GET', '/api/research/studies/nobody/report.html')).body.code).toBe('STUDY_NOT_FOUND');
  });
});
