#!/usr/bin/env node
// `npm run bench`: one table of production sizes and of the H5 first screen on a slow phone (this app
// against a hello-world Taro app built the same way in the same run), and the mock platform's
// throughput under a bounded local load. Exits 1 when a budget is broken.
// Flags: --skip-build (reuse dist folders), --only=sizes|first|load|research (first: H5 builds and first
// screen; research: 50 scripted research participants at once, nothing lost or doubled).
const fs = require('fs');
const path = require('path');
const { writeHello } = require('./hello');
const { build, measure } = require('./sizes');
const { measureFirstScreen, RUNS } = require('./firstscreen');
const { runLoad, CONCURRENCY, MAX_REQUESTS, MAX_SECONDS } = require('./load');
const research = require('./research');

const root = path.resolve(__dirname, '..');
const work = path.join(__dirname, '.work');
const hello = path.join(work, 'hello');
const taro = path.join(root, 'node_modules/.bin/taro');
const args = process.argv.slice(2);
const only = (args.find((a) => a.startsWith('--only=')) || '').slice(7);
const skipBuild = args.includes('--skip-build');
const MIB = 1024 * 1024;
// weapp: the main package (everything outside subpackage folders) against the floor. H5: the time
// until 服务大厅's services are on screen, and until a tap on 家庭共济 (made as soon as they are)
// has opened the next screen, both from the start of navigation, against the floor's. Platform: the
// rule-checked bind against a bare route on the same server (the ceiling), with its p99.
const BUDGET = {
  weappRatio: 1.15,
  weappBytes: 2 * MIB,
  firstRatio: 1.0,
  tapRatio: 1.15,
  bindOfCeiling: 0.5,
  bindP99Ms: 20,
};

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const pad = (rows) => {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ')).join('\n');
};
const todayInChina = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);

async function main() {
  const rows = [['what', 'app', 'hello-world', 'ratio', 'budget']];
  const failures = [];
  /** @type {{ sizes: Record<string, unknown>; firstScreen?: Awaited<ReturnType<typeof measureFirstScreen>>; load: Awaited<ReturnType<typeof runLoad>>['scenarios']; study?: unknown; research?: unknown }} */
  const result = { sizes: {}, load: [] };

  const started = Date.now();
  if (only !== 'load' && only !== 'research') writeHello(root, hello);
  if (only === '' || only === 'sizes' || only === 'first') {
    for (const type of only === 'first' ? ['h5'] : ['weapp', 'alipay', 'h5']) {
      const appDir = path.join(root, 'dist', type);
      const helloDir = path.join(hello, 'dist', type);
      if (!skipBuild || !fs.existsSync(appDir)) build(root, taro, type);
      if (!skipBuild || !fs.existsSync(helloDir)) build(hello, taro, type);
      const app = measure(appDir);
      const floor = measure(helloDir);
      const ratio = app.bytes / floor.bytes;
      result.sizes[type] = { app, hello: floor, ratio };
      let budget = '—';
      if (type === 'weapp') {
        const okRatio = ratio <= BUDGET.weappRatio;
        const okSize = app.bytes < BUDGET.weappBytes;
        budget = `≤ ${BUDGET.weappRatio}× and < 2 MiB: ${okRatio && okSize ? 'OK' : 'OVER'}`;
        if (!okRatio)
          failures.push(`weapp is ${ratio.toFixed(2)}× the hello-world floor (budget ${BUDGET.weappRatio}×)`);
        if (!okSize) failures.push(`weapp is ${kb(app.bytes)} (budget under 2 MiB)`);
      }
      rows.push([`${type} main package`, kb(app.bytes), kb(floor.bytes), `${ratio.toFixed(2)}×`, budget]);
      rows.push([`${type} gzip`, kb(app.gzip), kb(floor.gzip), `${(app.gzip / floor.gzip).toFixed(2)}×`, '']);
      if (app.subRoots) rows.push([`${type} subpackages (${app.subRoots}, on demand)`, kb(app.sub.bytes), '—', '', '']);
    }
  }

  if (only === '' || only === 'first') {
    const first = await measureFirstScreen(root, {
      appDir: path.join(root, 'dist', 'h5'),
      helloDir: path.join(hello, 'dist', 'h5'),
    });
    result.firstScreen = first;
    const { app, hello: floor } = first;
    const firstRatio = app.first / floor.first;
    const tapRatio = app.next / floor.next;
    const sec = (n) => `${n.toFixed(2)} s`;
    const verdict = (ok) => (ok ? 'OK' : 'OVER');
    rows.push(
      [
        `h5 first screen: services on screen (median of ${RUNS}, slow 4G + 4× CPU)`,
        sec(app.first),
        sec(floor.first),
        `${firstRatio.toFixed(2)}×`,
        `≤ ${BUDGET.firstRatio}×: ${verdict(firstRatio <= BUDGET.firstRatio)}`,
      ],
      [
        'h5 first screen: tap on 家庭共济 at once → next screen on screen',
        sec(app.next),
        sec(floor.next),
        `${tapRatio.toFixed(2)}×`,
        `≤ ${BUDGET.tapRatio}×: ${verdict(tapRatio <= BUDGET.tapRatio)}`,
      ],
      ['h5 first screen: from the tap itself', sec(app.tapToNext), sec(floor.tapToNext), '', ''],
      [
        'h5 first screen: bytes before the tap / in all',
        `${kb(app.bytesBeforeTap)} / ${kb(app.bytes)}`,
        `${kb(floor.bytesBeforeTap)} / ${kb(floor.bytes)}`,
        `${(app.bytesBeforeTap / floor.bytesBeforeTap).toFixed(2)}×`,
        '',
      ],
    );
    if (firstRatio > BUDGET.firstRatio)
      failures.push(
        `h5 services on screen at ${firstRatio.toFixed(2)}× the hello-world time (budget ${BUDGET.firstRatio}×)`,
      );
    if (tapRatio > BUDGET.tapRatio)
      failures.push(
        `h5 tap on 家庭共济 answered at ${tapRatio.toFixed(2)}× the hello-world time (budget ${BUDGET.tapRatio}×)`,
      );
  }

  let loadRows = [];
  if (only === '' || only === 'load') {
    const { scenarios, study } = await runLoad(root, todayInChina());
    result.load = scenarios;
    result.study = study;
    loadRows = [
      [
        `platform load (${CONCURRENCY} concurrent, ≤ ${MAX_REQUESTS} requests or ${MAX_SECONDS} s each; rate limit and security headers on)`,
        'req/s',
        'p50 ms',
        'p99 ms',
        'ok / errors',
        'of ceiling',
        'budget',
      ],
    ];
    // Reads against the bare GET, submits against the bare POST with the same body.
    const ceilingGet = result.load.find((r) => r.name.startsWith('ceiling GET'));
    const ceilingPost = result.load.find((r) => r.name.startsWith('ceiling POST'));
    for (const r of result.load) {
      const ceiling = r.name.startsWith('list') ? ceilingGet : r.name.startsWith('bind') ? ceilingPost : undefined;
      const ratio = ceiling ? r.rps / ceiling.rps : null;
      r.ofCeiling = ratio;
      let budget = '';
      if (r.name.startsWith('bind: full rule check')) {
        const okRatio = ratio !== null && ratio >= BUDGET.bindOfCeiling;
        const okP99 = r.p99 < BUDGET.bindP99Ms;
        budget = `≥ ${BUDGET.bindOfCeiling * 100} % and p99 < ${BUDGET.bindP99Ms} ms: ${okRatio && okP99 ? 'OK' : 'OVER'}`;
        if (!okRatio)
          failures.push(`rule-checked bind is ${((ratio ?? 0) * 100).toFixed(0)} % of the ceiling (budget ≥ 50 %)`);
        if (!okP99) failures.push(`rule-checked bind p99 is ${r.p99.toFixed(1)} ms (budget < ${BUDGET.bindP99Ms} ms)`);
      }
      loadRows.push([
        r.name,
        r.rps.toFixed(0),
        r.p50.toFixed(1),
        r.p99.toFixed(1),
        `${r.ok} / ${r.errors}`,
        ratio === null ? '100 %' : `${(ratio * 100).toFixed(0)} %`,
        budget,
      ]);
    }
    for (const r of result.load) if (r.errors) failures.push(`${r.name}: ${r.errors} unexpected answers`);
    loadRows.push(
      ['', '', '', '', '', '', ''],
      [
        `study: ${study.sessions} research sessions submitting at once (double taps, 503s, resent logs)`,
        'req/s',
        'p50 ms',
        'p99 ms',
        'lost / doubled',
        '',
        '',
      ],
      [
        `submits until 201 + log sends: ${study.requests} requests in ${study.seconds.toFixed(1)} s`,
        study.rps.toFixed(0),
        study.p50.toFixed(1),
        study.p99.toFixed(1),
        `${study.lost} / ${study.doubled}`,
        '',
        '',
      ],
      [
        `event batches: ${study.eventsStored} stored of ${study.eventsSent} sent twice`,
        '',
        '',
        '',
        `${study.eventsLost} / ${study.eventsDoubled}`,
        '',
        '',
      ],
    );
    if (study.lost || study.doubled)
      failures.push(`study load: ${study.lost} lost and ${study.doubled} doubled bindings`);
    if (study.eventsLost || study.eventsDoubled)
      failures.push(`study load: ${study.eventsLost} lost and ${study.eventsDoubled} doubled events`);
  }

  if (only === '' || only === 'research') {
    const r = await research.runResearchLoad(root, todayInChina());
    result.research = r;
    loadRows.push(
      ['', '', '', '', '', '', ''],
      [
        `research: ${r.participants} scripted participants at once (≤ ${research.MAX_REQUESTS} requests, ≤ ${research.MAX_SECONDS} s): batches sent twice and overlapping, double-tap bind, 503s retried`,
        'req/s',
        'p50 ms',
        'p99 ms',
        'lost / doubled',
        '',
        '',
      ],
      [
        `${r.requests} requests in ${r.seconds.toFixed(1)} s; events ${r.eventsStored} stored of ${r.eventsSent} distinct sent`,
        r.rps.toFixed(0),
        r.p50.toFixed(1),
        r.p99.toFixed(1),
        `${r.lostEvents} / ${r.doubledEvents}`,
        '',
        '',
      ],
      [
        `bindings (one each) and task successes: ${r.successes} of ${r.participants}`,
        '',
        '',
        '',
        `${r.lostBindings} / ${r.doubledBindings}`,
        '',
        '',
      ],
    );
    if (r.lostEvents || r.doubledEvents)
      failures.push(`research load: ${r.lostEvents} lost and ${r.doubledEvents} doubled events`);
    if (r.lostBindings || r.doubledBindings)
      failures.push(`research load: ${r.lostBindings} lost and ${r.doubledBindings} doubled bindings`);
    if (r.successes !== r.participants)
      failures.push(`research load: ${r.successes} of ${r.participants} sessions recorded the task's success once`);
  }

  if (rows.length > 1) console.log(`\n${pad(rows)}`);
  console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s for builds and measurements)`);
  if (loadRows.length) console.log(`\n${pad(loadRows)}`);
  fs.mkdirSync(work, { recursive: true });
  fs.writeFileSync(path.join(work, 'last.json'), JSON.stringify(result, null, 2));
  if (failures.length) {
    console.error(`\nOVER BUDGET:\n- ${failures.join('\n- ')}`);
    process.exit(1);
  }
  console.log('\nAll budgets met.');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
