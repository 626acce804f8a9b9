#!/usr/bin/env node
// `npm run bench`: one table of production sizes (this app against a hello-world Taro app built the
// same way in the same run) and the mock platform's throughput under a bounded local load.
// Exits 1 when a budget is broken. Flags: --skip-build (reuse dist folders), --only=sizes|load.
const fs = require('fs');
const path = require('path');
const { writeHello } = require('./hello');
const { build, measure } = require('./sizes');
const { runLoad, CONCURRENCY, MAX_REQUESTS, MAX_SECONDS } = require('./load');

const root = path.resolve(__dirname, '..');
const work = path.join(__dirname, '.work');
const hello = path.join(work, 'hello');
const taro = path.join(root, 'node_modules/.bin/taro');
const args = process.argv.slice(2);
const only = (args.find((a) => a.startsWith('--only=')) || '').slice(7);
const skipBuild = args.includes('--skip-build');
const MIB = 1024 * 1024;
const BUDGET = { weappRatio: 1.5, weappBytes: 2 * MIB, bindOfCeiling: 0.5, bindP99Ms: 20 };

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const pad = (rows) => {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ')).join('\n');
};
const todayInChina = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);

async function main() {
  const rows = [['what', 'app', 'hello-world', 'ratio', 'budget']];
  const failures = [];
  /** @type {{ sizes: Record<string, unknown>; load: Awaited<ReturnType<typeof runLoad>>['scenarios']; study?: unknown }} */
  const result = { sizes: {}, load: [] };

  if (only !== 'load') {
    writeHello(root, hello);
    for (const type of ['weapp', 'alipay', 'h5']) {
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
    }
  }

  let loadRows = [];
  if (only !== 'sizes') {
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

  if (rows.length > 1) console.log(`\n${pad(rows)}`);
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
