#!/usr/bin/env node
// `npm run check:mini`: the mini-program builds, proved by WeChat's own tools, offline.
//  1. fresh production builds in dist/check-mini/: weapp pointed at a platform on a free loopback port,
//     the offline demo (TARO_APP_API_MODE=offline), and alipay;
//  2. the guards prove they still refuse known-bad samples (a `> *` rule, `??`, `?.`, `??=`);
//  3. wcsc and wcc (WeChat's stylesheet and template compilers) on every .wxss, .wxml and .wxs;
//     every script parses as ES5 (weapp and alipay); Alipay's stylesheets through wcsc too;
//  4. miniprogram-ci compiles the weapp build (ES5 transform, minify) and its quality checks pass;
//  5. the citizen's flow on the real weapp pages in Node, against the real mock platform on loopback,
//     then on the offline build with zero requests; a participant's research study (two tasks, the
//     brief, the bar's 完成 and 放弃, SEQ, SUS) and the figures the platform exports for it;
//  6. dist/alipay's structure.
// `--no-build` reuses the builds of the last run. The tools install themselves into tools/mini-check.
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ensureTools, root } = require('./tools');

const OUT = path.join(root, 'dist/check-mini');
const BUILDS = {
  weapp: path.join(OUT, 'weapp'),
  offline: path.join(OUT, 'weapp-offline'),
  alipay: path.join(OUT, 'alipay'),
};
const PORT_FILE = path.join(OUT, 'platform-port');
// The researcher key of the platform started here (the study's sessions and exports ask for it).
const RESEARCH_KEY = `check-mini-${process.pid}-key`;

const failures = [];
const timings = [];

async function stepTimed(name, fn) {
  const t0 = Date.now();
  console.log(`\n[check:mini] ${name}`);
  let problems;
  try {
    problems = (await fn()) || [];
  } catch (e) {
    problems = [e instanceof Error ? e.message : String(e)];
  }
  timings.push([name, Date.now() - t0, problems.length]);
  for (const p of problems) {
    console.error(`  ✗ ${p}`);
    failures.push(`${name}: ${p.split('\n')[0]}`);
  }
  if (!problems.length) console.log(`  ✓ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

function build(type, outDir, env) {
  const r = spawnSync(path.join(root, 'node_modules/.bin/taro'), ['build', '--type', type], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      TARO_APP_PROFILE: '',
      TARO_APP_API_BASE: '',
      TARO_APP_API_MODE: 'http',
      ...env,
      OUTPUT_ROOT: path.relative(root, outDir),
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) return [`taro build --type ${type} failed:\n${(r.stdout + r.stderr).slice(-3000)}`];
  return [];
}

function freePort() {
  return require(path.join(root, 'scripts/lib/free-port'))();
}

/** 127.0.0.2 stands in for a LAN address (what `npm start -- --lan` gives a mini build), so the flow
 * proves a build pointed at another address works; 127.0.0.1 where that loopback address is missing. */
function lanStandIn() {
  return new Promise((resolve) => {
    const srv = require('net').createServer();
    srv.once('error', () => resolve('127.0.0.1'));
    srv.listen(0, '127.0.0.2', () => srv.close(() => resolve('127.0.0.2')));
  });
}

async function startPlatform(host, port) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-mini-platform-'));
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['mock/server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      MOCK_HOST: host,
      MOCK_PORT: String(port),
      MOCK_DB: path.join(dir, 'platform.db'),
      MOCK_ALLOW_RESET: 'true',
      MOCK_RESEARCH_KEY: RESEARCH_KEY,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const until = Date.now() + 30000;
  for (;;) {
    if (child.exitCode !== null) throw new Error('the mock platform exited during start-up');
    try {
      const res = await fetch(`http://${host}:${port}/api/health`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > until) throw new Error('the mock platform did not start within 30 s');
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => (child.exitCode !== null ? r(undefined) : child.once('exit', r)));
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs one of the scripts here in its own process. `quiet` keeps a tool's own chatter (miniprogram-ci
 * logs its refused network try, say) out of the way unless the step fails. */
function runNode(script, args, { quiet = false } = {}) {
  const r = spawnSync(process.execPath, [path.join(__dirname, script), ...args], {
    cwd: root,
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 5 * 60 * 1000,
  });
  const ok = r.status === 0;
  if (quiet) {
    const text = `${r.stdout || ''}${r.stderr || ''}`;
    const lines = ok ? text.split('\n').filter((l) => l.startsWith('  ')) : text.split('\n');
    if (lines.join('').trim()) console.log(lines.join('\n').replace(/\n+$/, ''));
  }
  return ok ? [] : [`${script} ${args.map((a) => path.relative(root, a) || a).join(' ')} failed (exit ${r.status})`];
}

async function main() {
  const reuse = process.argv.includes('--no-build');
  const started = Date.now();

  await stepTimed('tools (tools/mini-check: miniprogram-compiler, miniprogram-ci, miniprogram-simulate)', () => {
    ensureTools();
  });
  const rules = require('./rules');
  const { checkAlipay } = require('./alipay');

  let host;
  let port;
  if (reuse && fs.existsSync(PORT_FILE) && Object.values(BUILDS).every((d) => fs.existsSync(d))) {
    [host, port] = fs.readFileSync(PORT_FILE, 'utf8').trim().split(':');
    console.log(`\n[check:mini] reusing the builds in dist/check-mini (platform at ${host}:${port})`);
  } else {
    host = await lanStandIn();
    port = await freePort();
    fs.rmSync(OUT, { recursive: true, force: true });
    fs.mkdirSync(OUT, { recursive: true });
    await stepTimed(`build weapp (platform at http://${host}:${port})`, () =>
      build('weapp', BUILDS.weapp, { TARO_APP_API_BASE: `http://${host}:${port}` }),
    );
    await stepTimed('build weapp, offline demo', () =>
      build('weapp', BUILDS.offline, { TARO_APP_API_MODE: 'offline' }),
    );
    await stepTimed('build alipay', () => build('alipay', BUILDS.alipay, {}));
    fs.writeFileSync(PORT_FILE, `${host}:${port}`);
  }
  if (failures.length) return finish(started);

  await stepTimed('the guards refuse known-bad samples (wcsc: `> *`, `> :first-child`; ES5: `??`, `?.`, `??=`)', () =>
    rules.selfTest(),
  );

  for (const [name, dir] of [
    ['weapp', BUILDS.weapp],
    ['weapp offline', BUILDS.offline],
  ]) {
    await stepTimed(`${name}: wcsc, wcc and ES5 syntax`, () => {
      const styles = rules.checkStyles(dir);
      const templates = rules.checkTemplates(dir);
      const syntax = rules.checkSyntax(dir, ['.js']);
      console.log(
        `  ${styles.checked} .wxss through wcsc, ${templates.checked} .wxml/.wxs through wcc, ${syntax.checked} .js parsed as ES5`,
      );
      return [...styles.problems, ...templates.problems, ...syntax.problems];
    });
  }
  await stepTimed('weapp: miniprogram-ci compile (ES5, minify) and code quality', () =>
    runNode('wechat-ci.js', [BUILDS.weapp], { quiet: true }),
  );

  await stepTimed(`citizen flow on the weapp build, platform on ${host}:${port}`, async () => {
    const platform = await startPlatform(host, port);
    try {
      return runNode('flow.js', [BUILDS.weapp, 'online', `http://${host}:${port}`]);
    } finally {
      await platform.stop();
    }
  });
  await stepTimed(`research study on the weapp build (two tasks, SEQ, SUS), platform on ${host}:${port}`, async () => {
    const platform = await startPlatform(host, port);
    try {
      return runNode('study.js', [BUILDS.weapp, `http://${host}:${port}`, RESEARCH_KEY]);
    } finally {
      await platform.stop();
    }
  });
  await stepTimed('citizen flow on the offline demo build (zero requests)', () =>
    runNode('flow.js', [BUILDS.offline, 'offline']),
  );

  await stepTimed('alipay: structure, ES5 syntax, stylesheets through wcsc', () => {
    const syntax = rules.checkSyntax(BUILDS.alipay, ['.js']);
    const styles = rules.checkStyles(BUILDS.alipay, '.acss');
    console.log(`  ${syntax.checked} .js parsed as ES5, ${styles.checked} .acss through wcsc`);
    return [...checkAlipay(BUILDS.alipay), ...syntax.problems, ...styles.problems];
  });

  return finish(started);
}

function finish(started) {
  console.log('\n[check:mini] summary');
  for (const [name, ms, n] of timings)
    console.log(`  ${n ? '✗' : '✓'} ${(ms / 1000).toFixed(1).padStart(6)} s  ${name}`);
  console.log(`  total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (failures.length) {
    console.error(`\n[check:mini] FAILED (${failures.length}):\n  - ${failures.join('\n  - ')}`);
    process.exit(1);
  }
  console.log('[check:mini] all mini-program checks passed');
}

main().catch((e) => {
  console.error('[check:mini] crashed:', e);
  process.exit(1);
});
