// Studies with tasks: success checked by the platform on its own data, give-ups, the researcher's 结束,
// questionnaires, attempts across resets, and the study report every figure comes from.
import { call, requestId, startPlatform, xiaoming, type Platform } from './helpers';

let s: Platform;
beforeEach(async () => {
  s = await startPlatform({ faultHoldMs: 400 });
});
afterEach(() => s.app.close());

const STUDY = '任务研究';
const defineStudy = (body: Record<string, unknown> = {}) =>
  call(s, 'POST', '/api/research/studies', {
    body: {
      name: STUDY,
      tasks: [{ criterion: 'bind-zhangxiaoming' }, { criterion: 'pay-zhangxiaoming', label: '代缴' }],
      conditions: ['旧版', '新版'],
      ...body,
    },
  });

async function open(extra: Record<string, unknown> = {}) {
  const r = await call(s, 'POST', '/api/research/sessions', {
    body: {
      study: STUDY,
      participant: 'P01',
      personaId: 'zhang',
      profileId: 'heilongjiang',
      situation: 'normal',
      condition: '新版',
      ...extra,
    },
  });
  expect(r.status).toBe(201);
  const id = r.body.id as string;
  const token = (await call(s, 'POST', '/api/session', { session: id, body: { personaId: 'zhang' } })).body.token;
  return { id, token: token as string };
}

let seq = 0;
const post = (id: string, events: Record<string, unknown>[], opts: { contentType?: string } = {}) =>
  call(s, 'POST', `/api/research/sessions/${id}/events`, {
    body: {
      clientId: 'client-tasks-1',
      sentAt: Date.now(),
      events: events.map((e) => ({ seq: ++seq, at: Date.now(), ...e })),
    },
    contentType: opts.contentType,
  });
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sessionOf = async (id: string) => (await call(s, 'GET', `/api/research/sessions/${id}`)).body;
const report = async () =>
  (await call(s, 'GET', `/api/research/studies/${encodeURIComponent(STUDY)}/report.json`)).body;

test('a study holds tasks chosen from the criteria catalog; bad definitions are refused', async () => {
  const options = (await call(s, 'GET', '/api/research/options')).body;
  expect(options.criteria.map((c: { id: string }) => c.id)).toEqual(
    expect.arrayContaining(['any-binding', 'bind-zhangxiaoming', 'pay-liuguilan', 'unbind-zhangxiaoming']),
  );
  // Labels go into exports: people are named masked.
  expect(JSON.stringify(options.criteria)).not.toMatch(/张小明|刘桂兰/);
  const bad = await defineStudy({ tasks: [{ criterion: 'win-lottery' }] });
  expect(bad).toMatchObject({ status: 400, body: { code: 'CRITERION_INVALID' } });
  const phone = await defineStudy({ tasks: [{ criterion: 'bind-zhangxiaoming', instruction: '手机号 13804510011' }] });
  expect(phone.body.code).toBe('TASK_INSTRUCTION_INVALID');
  expect((await defineStudy({ tasks: [] })).body.code).toBe('TASKS_INVALID');
  const ok = await defineStudy();
  expect(ok.status).toBe(201);
  expect(ok.body.tasks.map((t: { id: string; criterion: string }) => `${t.id}:${t.criterion}`)).toEqual([
    't1:bind-zhangxiaoming',
    't2:pay-zhangxiaoming',
  ]);
  // A condition outside the study's own list is refused.
  const wrong = await call(s, 'POST', '/api/research/sessions', {
    body: {
      study: STUDY,
      participant: 'P9',
      personaId: 'zhang',
      profileId: 'heilongjiang',
      situation: 'normal',
      condition: '别的',
    },
  });
  expect(wrong.body.code).toBe('CONDITION_INVALID');
  await open();
  await open({ participant: 'P02', condition: '旧版' });
  const list = (await call(s, 'GET', '/api/research/studies')).body;
  expect(list.find((x: { name: string }) => x.name === STUDY)).toMatchObject({
    sessions: 2,
    conditions: ['旧版', '新版'],
  });
});

test("success is the platform's word: written when the criterion is met, never accepted from the app", async () => {
  await defineStudy();
  const { id, token } = await open();
  const faked = await post(id, [{ type: 'task_success', task: 1 }]);
  expect(faked.status).toBe(400);
  expect((await sessionOf(id)).progress).toMatchObject({ status: 'not_opened', nextTask: 1 });

  await post(id, [{ type: 'task_start', task: 1 }]);
  expect((await sessionOf(id)).progress).toMatchObject({ status: 'in_task', currentTask: 1 });
  await wait(50);
  // Binding someone else does not meet "a 生效中 binding for 张小明".
  const other = await call(s, 'POST', '/api/bindings', {
    session: id,
    token,
    body: {
      ...xiaoming(),
      name: '刘桂兰',
      idNumber: (await import('../../mock/platform/seed')).SEED_IDS.liuGuilan,
      phone: '13804510012',
      relation: '父母',
    },
  });
  expect(other.status).toBe(201);
  expect((await sessionOf(id)).progress.currentTask).toBe(1);
  const bound = await call(s, 'POST', '/api/bindings', { session: id, token, body: xiaoming() });
  expect(bound.status).toBe(201);
  const after = (await sessionOf(id)).progress;
  expect(after).toMatchObject({ status: 'between_tasks', currentTask: null, nextTask: 2, seqPending: 1 });
  expect(after.outcomes).toEqual(['success', 'not_started']);

  // Reopening the link later adds events but does not stretch the time.
  const before = (await report()).attempts[0].timeOnTaskMs;
  expect(before).toBeGreaterThanOrEqual(40);
  await wait(120);
  await post(id, [{ type: 'screen', screen: 'index' }]);
  expect((await report()).attempts[0].timeOnTaskMs).toBe(before);

  await post(id, [
    { type: 'seq_answer', task: 1, value: 6 },
    { type: 'task_start', task: 2 },
  ]);
  const paid = await call(s, 'POST', '/api/payments', {
    session: id,
    token,
    body: { requestId: requestId(), bindingId: bound.body.id, year: 2026 },
  });
  expect(paid.status).toBe(201);
  expect((await sessionOf(id)).progress).toMatchObject({
    status: 'done',
    outcomes: ['success', 'success'],
    seqPending: 2,
  });
});

test("放弃, 完成 without success, the researcher's 结束, questionnaires and attempts across a reset", async () => {
  await defineStudy({
    tasks: [{ criterion: 'bind-zhangxiaoming' }, { criterion: 'bind-liuguilan' }, { criterion: 'pay-liuguilan' }],
  });
  const { id, token } = await open({ situation: 'relative-not-insured' });
  await post(id, [
    { type: 'task_start', task: 1 },
    { type: 'next', screen: 'bind' },
    { type: 'submit', screen: 'consent', action: 'bind' },
  ]);
  expect((await call(s, 'POST', '/api/bindings', { session: id, token, body: xiaoming() })).body.code).toBe(
    'NOT_INSURED',
  );
  await post(id, [
    { type: 'task_give_up', task: 1 },
    { type: 'seq_answer', task: 1, value: 2 },
    { type: 'task_start', task: 2 },
    { type: 'task_done', task: 2 },
    { type: 'seq_answer', task: 2, value: 4 },
    { type: 'task_start', task: 3 },
  ]);
  expect((await sessionOf(id)).progress).toMatchObject({ status: 'in_task', currentTask: 3 });
  // The researcher's 结束, pressed twice, ends once.
  for (let i = 0; i < 2; i++) expect((await call(s, 'POST', `/api/research/sessions/${id}/end`)).status).toBe(200);
  expect((await sessionOf(id)).progress).toMatchObject({ status: 'ended', outcomes: ['gave_up', 'failed', 'ended'] });
  const sus = [5, 1, 4, 2, 5, 1, 4, 2, 4, 3];
  await post(
    id,
    sus.map((value, i) => ({ type: 'sus_answer', item: i + 1, value })),
  );
  // A SUS answer outside 1–5 or an item beyond 10 is refused: numbers only, in range.
  expect((await post(id, [{ type: 'sus_answer', item: 11, value: 3 }])).status).toBe(400);
  expect((await post(id, [{ type: 'seq_answer', task: 1, value: 8 }])).status).toBe(400);

  let r = await report();
  const session = r.sessions.find((x: { session: string }) => x.session === id);
  expect(session).toMatchObject({ status: 'ended', attempts: 1, condition: '新版', susAnswers: sus, susScore: 82.5 });
  const rows = r.attempts.filter((a: { session: string }) => a.session === id);
  expect(rows.map((a: { outcome: string; seq: number | null }) => `${a.outcome}:${a.seq}`)).toEqual([
    'gave_up:2',
    'failed:4',
    'ended:null',
  ]);
  // The refusal is a refusal, not a field error; 提交 and 下一步 apart.
  expect(rows[0]).toMatchObject({
    refusalsByCode: { NOT_INSURED: 1 },
    errorsByField: {},
    submits: 1,
    nexts: 1,
    latest: true,
  });

  // 重置: the first attempt stays, marked; the new one starts from nothing.
  expect((await call(s, 'POST', `/api/research/sessions/${id}/reset`)).status).toBe(200);
  expect((await sessionOf(id)).progress).toMatchObject({ attempt: 2, nextTask: 1, susDone: false });
  await post(id, [{ type: 'task_start', task: 1 }]);
  r = await report();
  const mine = r.attempts.filter((a: { session: string }) => a.session === id);
  expect(
    mine.map(
      (a: { attempt: number; latest: boolean; outcome: string }) => `${a.attempt}${a.latest ? '*' : ''}:${a.outcome}`,
    ),
  ).toEqual(['1:gave_up', '1:failed', '1:ended', '2*:in_progress', '2*:not_started', '2*:not_started']);
  const csv = (await call(s, 'GET', `/api/research/sessions/${id}/summary.csv`)).body as string;
  const [header = '', ...lines] = csv
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n');
  const cols = header.split(',');
  const cell = (line: string, name: string) => line.split(',')[cols.indexOf(name)];
  expect(
    lines.map((l) => `${cell(l, 'attempt')}/${cell(l, 'task')}/${cell(l, 'outcome')}/${cell(l, 'condition')}`),
  ).toEqual([
    '1/t1/gave_up/新版',
    '1/t2/failed/新版',
    '1/t3/ended/新版',
    '2/t1/in_progress/新版',
    '2/t2/not_started/新版',
    '2/t3/not_started/新版',
  ]);
  expect(cell(lines[0]!, 'ref_NOT_INSURED')).toBe('1');
});

test("a closing page's beacon (text/plain) is read on the event route only", async () => {
  const { id } = await open({ study: 'beacon', condition: undefined });
  const r = await post(id, [{ type: 'screen', screen: 'result' }], { contentType: 'text/plain;charset=UTF-8' });
  expect(r).toMatchObject({ status: 202, body: { stored: 1 } });
  const elsewhere = await call(s, 'POST', '/api/research/sessions', {
    body: { study: 'x' },
    contentType: 'text/plain',
  });
  expect(elsewhere.status).toBe(415);
});

test('a study defined after participants started its tasks cannot change them', async () => {
  await defineStudy();
  const { id } = await open();
  await post(id, [{ type: 'task_start', task: 1 }]);
  expect((await defineStudy({ tasks: [{ criterion: 'any-binding' }] })).body.code).toBe('STUDY_IN_USE');
});
