#!/usr/bin/env node
// A research study on the built weapp app, tapped through in Node as a participant would, against the
// real platform: a session with two tasks → the brief's 开始任务 → the bar's 完成 after binding 张小明
// (the platform's own success) → the SEQ → task 2 in 关怀模式 → 放弃 → the SEQ → the SUS → the thanks.
// Then the exported figures, which the platform counts from the same events as H5's, are checked.
// Usage: node study.js <weapp dir> <platform origin> <researcher key>. One process: the simulator loads
// each page module once per process, and this app starts with the session in its launch query.
const assert = require('assert');
const path = require('path');
const { checkBarLayout } = require('./layout');
const { openMiniApp } = require('./miniapp');

const [dir = '', origin = '', key = ''] = process.argv.slice(2);
if (!dir || !origin || !key) {
  console.error('usage: node scripts/check-mini/study.js <weapp dir> <platform origin> <researcher key>');
  process.exit(2);
}

const RELATIVE = { name: '张小明', id: '230102200306081016', relation: '子女' };
const RELATIONS = ['配偶', '父母', '子女', '兄弟姐妹', '祖父母', '外祖父母', '孙子女', '外孙子女'];
const SUS_ANSWERS = [4, 2, 5, 1, 4, 2, 5, 2, 4, 2];
// Odd items: 3+4+3+4+3 = 17; even items: 3+4+3+3+3 = 16; (17 + 16) × 2.5.
const SUS_SCORE = 82.5;

const step = (name) => console.log(`  [study] ${name}`);

async function research(method, route, body) {
  const res = await fetch(`${origin}/api/research${route}`, {
    method,
    headers: { 'x-research-key': key, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} /api/research${route}: ${res.status} ${text.slice(0, 300)}`);
  return (res.headers.get('content-type') || '').includes('json') ? JSON.parse(text) : text;
}

/** The bar at the foot of the page shown: its task, and the room the page keeps for it. */
async function assertBar(app, task, where) {
  await app.waitFor(() => app.hasClass('task-bar'), 3000).catch(() => undefined);
  assert.ok(app.has(`任务 ${task}/2`) && app.has('完成') && app.has('放弃'), `${where}: the bar shows 任务 ${task}/2`);
  assert.ok(app.hasClass('task-bar'), `${where}: the bar is drawn`);
  assert.ok(app.hasClass('screen--task'), `${where}: the page keeps room at its foot for the bar`);
}

/** Pages as drawn with the bar, laid out at 375×667 at the end (layout.js). */
const snapshots = [];
const snapshot = (app, name) => snapshots.push({ name, route: app.current(), dom: app.dom().outerHTML });

async function main() {
  const study = `小程序研究-${Date.now()}`;
  const defined = await research('POST', '/studies', {
    name: study,
    tasks: [{ criterion: 'bind-zhangxiaoming' }, { criterion: 'pay-liuguilan' }],
  });
  assert.strictEqual(defined.tasks.length, 2);
  const session = await research('POST', '/sessions', {
    study,
    participant: 'P01',
    personaId: 'zhang',
    profileId: 'heilongjiang',
    situation: 'normal',
  });

  step(`session ${session.id} opened from the launch query: the brief of task 1, never the persona picker`);
  const app = openMiniApp(path.resolve(dir), { launchQuery: { session: session.id } });
  app.open('/pages/index/index');
  await app.waitForPage(app.routeOf('brief'), 10000);
  await app.waitFor('任务 1/2');
  assert.ok(app.has('开始任务'), 'the brief offers 开始任务');
  assert.ok(!app.hasClass('task-bar'), 'no bar before the task starts');
  assert.ok(app.state.homeButtonHidden.includes(app.routeOf('brief')), "the brief hides WeChat's home button");

  step('开始任务 → the hall, with the bar (完成 / 放弃) at its foot');
  const t0 = Date.now();
  await app.tap('开始任务');
  await app.waitForPage('pages/index/index');
  await app.waitFor('您好，张**');
  await assertBar(app, 1, 'the hall');

  step('task 1: 家庭共济 → 共济账户绑定 → consent → 绑定成功, the bar on every page');
  await app.tap('家庭共济');
  await app.waitForPage(app.routeOf('family'));
  await assertBar(app, 1, '家庭共济');
  await app.tap('添加共济使用人');
  await app.waitForPage(app.routeOf('bind'));
  await app.waitFor('添加共济使用人');
  await assertBar(app, 1, '共济账户绑定');
  snapshot(app, 'bind');
  await app.type('input--name', RELATIVE.name);
  await app.type('input--id', RELATIVE.id);
  await app.type('input--phone', '13800138000');
  await app.pick('picker-value--relation', String(RELATIONS.indexOf(RELATIVE.relation)));
  await app.waitFor(() => app.has(RELATIVE.relation));
  await app.tap('下一步：阅读授权协议');
  await app.waitForPage(app.routeOf('consent'));
  await app.waitFor('《共济账户授权协议》');
  await assertBar(app, 1, 'consent');
  assert.ok(app.hasClass('sticky-footer'), 'the consent page keeps its sticky footer (it rests on the bar)');
  snapshot(app, 'consent');
  await app.tap('我已阅读并同意《共济账户授权协议》，承诺所填家庭关系真实');
  await app.waitFor(() => !app.has('才能提交'));
  await app.tap('我已阅读并同意，提交');
  await app.waitFor(() => app.current() === app.routeOf('result') && app.has('绑定成功'));
  const t1 = Date.now();
  await assertBar(app, 1, '绑定成功');
  snapshot(app, 'result');

  step("the bar's 完成 (beside the page's own), tapped twice at once: one end of the task, one SEQ");
  await app.tapIn('task-bar', 0, '完成', { twice: true });
  await app.waitForPage(app.routeOf('seq'));
  await app.waitFor('任务 1 已结束');
  assert.ok(!app.hasClass('task-bar'), 'no bar on the SEQ');
  assert.ok(app.has('请选择 1 到 7 分'), 'the SEQ waits for a choice');
  await app.tap('6');
  await app.waitFor('确定');
  await app.tapIn('big-button', 0, '确定', { twice: true });

  step('task 2: the brief, 开始任务, 关怀模式 on the hall, then 放弃 (tapped twice: one question)');
  await app.waitForPage(app.routeOf('brief'));
  await app.waitFor('任务 2/2');
  await app.tap('开始任务');
  await app.waitForPage('pages/index/index');
  await app.waitFor('任务 2/2');
  await app.tap('关怀模式');
  await app.waitFor(() => app.hasClass('screen--care'));
  await assertBar(app, 2, 'the hall in 关怀模式');
  snapshot(app, 'hall');
  const modalsBefore = app.state.modals.length;
  await app.tapIn('task-bar', 0, '放弃', { twice: true });
  await app.waitForPage(app.routeOf('seq'));
  assert.strictEqual(app.state.modals.length, modalsBefore + 1, '放弃 asked once');
  await app.waitFor('任务 2 已结束');
  assert.ok(app.hasClass('screen--care'), 'the SEQ in 关怀模式 too');
  await app.tap('2');
  await app.tap('确定');

  step('the SUS: 提交 waits for all ten, then the thanks');
  await app.waitForPage(app.routeOf('sus'));
  await app.waitFor('最后，请回答 10 个问题');
  for (const [i, a] of SUS_ANSWERS.entries()) {
    if (i === 9) assert.ok(app.has('还有 1 题未选'), 'one item left unanswered is said');
    await app.tapIn('study__item', i, String(a));
  }
  await app.tap('提交');
  await app.waitForPage(app.routeOf('brief'));
  await app.waitFor('全部任务已完成');

  step('the app goes to the background (onAppHide sends what is queued); the exported figures');
  app.hideApp();
  const reportUrl = `/studies/${encodeURIComponent(study)}/report.json`;
  let report = await research('GET', reportUrl);
  for (let i = 0; i < 30 && report.sessions[0]?.susScore == null; i++) {
    await new Promise((r) => setTimeout(r, 200));
    report = await research('GET', reportUrl);
  }
  const [t1Row, t2Row] = report.attempts;
  assert.strictEqual(report.attempts.length, 2, 'one row per task');
  assert.deepStrictEqual(
    {
      task: t1Row.task,
      outcome: t1Row.outcome,
      seq: t1Row.seq,
      submits: t1Row.submits,
      nexts: t1Row.nexts,
      backNavigations: t1Row.backNavigations,
      errorsByField: t1Row.errorsByField,
      stepsReached: t1Row.stepsReached,
    },
    {
      task: 't1',
      outcome: 'success',
      seq: 6,
      submits: 1,
      nexts: 1,
      backNavigations: 0,
      errorsByField: {},
      stepsReached: ['family', 'bind', 'consent', 'result'],
    },
    'task 1 as done',
  );
  // From 开始任务 to the platform's success: present, and within what the script took.
  assert.ok(t1Row.timeOnTaskMs > 0 && t1Row.timeOnTaskMs <= t1 - t0 + 500, `time on task 1: ${t1Row.timeOnTaskMs} ms`);
  assert.deepStrictEqual(
    { task: t2Row.task, outcome: t2Row.outcome, seq: t2Row.seq, submits: t2Row.submits, back: t2Row.backNavigations },
    { task: 't2', outcome: 'gave_up', seq: 2, submits: 0, back: 0 },
    'task 2 given up',
  );
  assert.ok(t2Row.timeOnTaskMs > 0, `time on task 2: ${t2Row.timeOnTaskMs} ms`);
  assert.strictEqual(report.sessions[0].status, 'done');
  assert.deepStrictEqual(report.sessions[0].susAnswers, SUS_ANSWERS);
  assert.strictEqual(report.sessions[0].susScore, SUS_SCORE);

  // The participant's own task events, exactly as H5 sends them (types, task, item, value), each once.
  const download = await research('GET', `/sessions/${session.id}/export.json`);
  const exported = typeof download === 'string' ? JSON.parse(download) : download;
  const events = exported.sessions[0].events;
  const own = events
    .filter((e) => /^(task_|seq_|sus_)/.test(e.type))
    .map((e) => [e.type, e.task ?? e.item ?? null, e.value ?? null].join(':'));
  // The ten SUS answers are given in one moment (one 提交), so their stored order says nothing.
  const byItem = (a, b) => Number(a.split(':')[1]) - Number(b.split(':')[1]);
  own.push(...own.splice(own.findIndex((e) => e.startsWith('sus_'))).sort(byItem));
  assert.deepStrictEqual(
    own,
    [
      'task_start:1:',
      'task_success:1:',
      'task_done:1:',
      'seq_answer:1:6',
      'task_start:2:',
      'task_give_up:2:',
      'seq_answer:2:2',
      ...SUS_ANSWERS.map((v, i) => `sus_answer:${i + 1}:${v}`),
    ],
    'the task events, in order, each once',
  );
  const screens = new Set(events.filter((e) => e.type === 'screen').map((e) => e.screen));
  for (const s of ['index', 'family', 'bind', 'consent', 'result'])
    assert.ok(screens.has(s), `the ${s} screen was logged (the first batch was not refused)`);

  const csv = String(await research('GET', `/sessions/${session.id}/summary.csv`));
  const [header = '', ...rows] = csv
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n');
  const col = (row, name) => row.split(',')[header.split(',').indexOf(name)];
  assert.deepStrictEqual(
    rows.map((r) => ['outcome', 'seq', 'sus_score'].map((c) => col(r, c))),
    [
      ['success', '6', String(SUS_SCORE)],
      ['gave_up', '2', String(SUS_SCORE)],
    ],
  );
  for (const r of rows) assert.match(col(r, 'time_on_task_s') || '', /^\d+(\.\d+)?$/, 'time_on_task_s present');

  assert.deepStrictEqual(app.state.violations, [], 'every request went to loopback');
  assert.deepStrictEqual(app.state.errors, [], 'no unhandled errors');

  step('the bar at 375×667 (Chromium lays out the pages drawn above): it covers no button, also in 关怀模式');
  const shots = path.join(path.resolve(dir), '..', 'study-shots');
  const layout = await checkBarLayout(path.resolve(dir), snapshots, shots);
  for (const line of layout.seen) console.log(`    ${line}`);
  assert.deepStrictEqual(layout.problems, [], 'the bar covers nothing');
  console.log(
    `  [study] passed: task 1 success in ${(t1Row.timeOnTaskMs / 1000).toFixed(1)} s, task 2 gave up after ${(
      t2Row.timeOnTaskMs / 1000
    ).toFixed(1)} s, SEQ 6 and 2, SUS ${report.sessions[0].susScore}`,
  );
  app.close();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`  [study] FAILED: ${e.stack || e.message}`);
    process.exit(1);
  },
);
