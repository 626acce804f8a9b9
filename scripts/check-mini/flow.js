#!/usr/bin/env node
// The citizen's flow on a built weapp app, tapped through in Node with WeChat's component framework:
// 服务大厅 → log-in → 家庭共济 → 共济账户绑定 (an error shown, then fixed) → consent (tick) → 绑定成功 →
// records → 解除绑定 → 代缴. Usage: node flow.js <weapp dir> online|offline
// online: the build must talk to a platform on loopback (TARO_APP_API_BASE); offline: zero requests.
// One process per build: the simulator loads each page module once per process.
const assert = require('assert');
const path = require('path');
const { openMiniApp } = require('./miniapp');

const [dir = '', mode = '', platformOrigin = ''] = process.argv.slice(2);
if (!dir || !['online', 'offline'].includes(mode) || (mode === 'online' && !platformOrigin)) {
  console.error('usage: node scripts/check-mini/flow.js <weapp dir> online <platform origin> | offline');
  process.exit(2);
}

const RELATIVES = {
  first: { name: '张小明', id: '230102200306081016', badId: '230102200306081017', relation: '子女' },
  second: { name: '刘桂兰', id: '230102194602114021', relation: '父母' },
};
const RELATIONS = ['配偶', '父母', '子女', '兄弟姐妹', '祖父母', '外祖父母', '孙子女', '外孙子女'];

function step(name) {
  console.log(`  [${mode}] ${name}`);
}

async function fillBindForm(app, who, { showError }) {
  await app.waitFor('添加共济使用人');
  await app.type('input--name', who.name);
  if (showError) {
    step('共济账户绑定: a wrong check digit is shown under the field, then fixed');
    await app.type('input--id', who.badId);
    await app.waitFor('证件号码有误，请逐位核对');
    await app.type('input--id', who.id);
    await app.waitFor(() => !app.has('证件号码有误，请逐位核对'));
  } else {
    await app.type('input--id', who.id);
  }
  await app.type('input--phone', '13800138000');
  await app.pick('picker-value--relation', String(RELATIONS.indexOf(who.relation)));
  await app.waitFor(() => app.has(who.relation));
  await app.tap('下一步：阅读授权协议');
  await app.waitForPage(app.routeOf('consent'));
}

async function consentAndSubmit(app, who) {
  await app.waitFor('《共济账户授权协议》');
  assert.ok(app.has('张**') || app.has(who.name.slice(0, 1) + '*'), 'the consent screen shows the relative masked');
  assert.ok(!app.has(who.id), 'the full ID number is never shown on the consent screen');
  // Submit waits for the tick: a tap before it changes nothing.
  const requestsBefore = app.state.requests.length;
  await app.tap('我已阅读并同意，提交');
  await app.settle(300);
  app.follow();
  assert.strictEqual(app.current(), app.routeOf('consent'), 'submit without the tick stays on the consent screen');
  assert.strictEqual(app.state.requests.length, requestsBefore, 'submit without the tick sends nothing');
  await app.tap('我已阅读并同意《共济账户授权协议》，承诺所填家庭关系真实');
  await app.waitFor(() => !app.has('才能提交'));
  await app.tap('我已阅读并同意，提交');
  await app.waitFor(() => app.current() === app.routeOf('result') && app.has('绑定成功'));
}

async function main() {
  const app = openMiniApp(path.resolve(dir));

  step('服务大厅');
  app.open('/pages/index/index');
  // The title bar says 服务大厅; the banner names the service.
  await app.waitFor(() => app.title() === '服务大厅');
  await app.waitFor('龙江医保');
  await app.waitFor('家庭共济');

  if (mode === 'offline') {
    step("the trainer's tour: 开始导览 frames step 1 on the hall, 结束导览 puts it away");
    await app.tap('开始导览');
    await app.waitFor('导览 第 1 步（共 10 步）');
    // Long enough for the tip to ask where it is on the screen (a selector query) before it goes.
    await app.settle(300);
    await app.tap('结束导览');
    await app.waitFor(() => !app.has('导览 第 1 步') && app.has('开始导览'));
  } else {
    // An online build cannot start the tour, so it carries none (tests/e2e/weapp-packages.e2e.test.ts).
    assert.ok(!app.has('开始导览') && !app.has('重置演示'), 'an online build offers no tour and no demo reset');
  }

  step('log-in: 家庭共济 asks for a log-in first');
  await app.tap('家庭共济');
  await app.waitForPage(app.routeOf('login'));
  // 张建国: 余额充足, no relative bound yet.
  await app.waitFor(() => app.has('余额充足') && app.has('尚未绑定亲属'));
  await app.tap('余额充足');
  await app.waitFor(() => app.current() === app.routeOf('family'));

  step('家庭共济');
  await app.waitFor('3,268.50');
  assert.ok(app.has('张**'), 'the authorizer is shown masked');
  // The 共济账户绑定 entry (its line 添加共济使用人): the same words head the page's menu path.
  await app.tap('添加共济使用人');
  await app.waitForPage(app.routeOf('bind'));

  await fillBindForm(app, RELATIVES.first, { showError: true });
  step('consent: the tick, then submit');
  await consentAndSubmit(app, RELATIVES.first);
  step('绑定成功, then 继续添加 a second relative');
  assert.ok(app.has('230102**********1016') || app.has('2301**********1016'), 'the result shows the ID masked');
  await app.tap('继续添加');
  await fillBindForm(app, RELATIVES.second, { showError: false });
  await consentAndSubmit(app, RELATIVES.second);

  step('records');
  await app.tap('共济账户授权记录查询解绑');
  await app.waitFor(() => app.current() === app.routeOf('records') && app.has('刘**') && app.has('张**'));
  assert.ok(app.text().split('生效中').length - 1 >= 2, 'both bindings are 生效中');

  step('解除绑定 (after a confirmation)');
  const modalsBefore = app.state.modals.length;
  await app.tap('解除绑定');
  await app.waitFor('已解除与');
  assert.strictEqual(app.state.modals.length, modalsBefore + 1, 'one confirmation was asked');
  assert.ok(app.has('已解绑'), 'the record now shows 已解绑');

  step('代缴');
  // The phone's back button, until 家庭共济 shows again, then its 代缴 entry.
  while (app.current() !== app.routeOf('family')) app.back();
  await app.tap('代缴城乡居民医保费');
  await app.waitForPage(app.routeOf('pay'));
  await app.waitFor('选择缴费人员');
  const remaining = app.has('刘**（父母）') ? '刘**（父母）' : '张**（子女）';
  await app.waitFor(remaining);
  await app.tap(remaining);
  const year = app.text().match(/(\d{4}) 年度/)[1];
  await app.tap(`${year} 年度`);
  await app.tap('确认代缴');
  await app.waitFor('缴费成功');

  assert.deepStrictEqual(app.state.violations, [], 'every request went to loopback');
  assert.deepStrictEqual(app.state.errors, [], 'no unhandled errors');
  if (mode === 'offline') {
    assert.deepStrictEqual(app.state.requests, [], 'the offline demo makes no requests at all');
  } else {
    assert.deepStrictEqual(
      [...app.state.origins],
      [platformOrigin],
      'every request went to the platform the build names',
    );
    const seen = app.state.requests.map((/** @type {string} */ r) =>
      r.replace(/\/bindings\/[^/]+\/unbind$/, '/bindings/:id/unbind'),
    );
    for (const call of [
      'POST /api/session',
      'POST /api/bindings',
      'POST /api/bindings/:id/unbind',
      'POST /api/payments',
    ])
      assert.ok(seen.includes(call), `the platform received ${call}; requests: ${seen.join(', ')}`);
  }
  console.log(
    `  [${mode}] flow passed: ${app.state.requests.length} requests, ${app.state.modals.length} confirmations`,
  );
  app.close();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`  [${mode}] flow FAILED: ${e.message}`);
    process.exit(1);
  },
);
