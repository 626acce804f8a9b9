// Builds the H5 app when it is missing or older than its sources, then starts the mock platform on a
// free loopback port, serving that build, with a fresh database and a fixed date.
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '../..');
const RUNTIME = path.join(__dirname, '.runtime.json');
const TODAY = '2026-11-22';
// The researcher console asks for this; the research test types it in as a researcher would.
const RESEARCH_KEY = 'e2e-research-key-0001';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

// Written after the build made here: a build made by hand (the offline demo, say) is never reused.
const MARKER = path.join(root, 'dist/h5/.e2e-build');

function needsBuild() {
  if (process.env.E2E_BUILD === '1' || !fs.existsSync(MARKER)) return true;
  const built = fs.statSync(MARKER).mtimeMs;
  return ['src', 'mock/platform', 'config'].some((d) => newestMtime(path.join(root, d)) > built);
}

const freePort = require('../../scripts/lib/free-port');

async function waitForHealth(url, child, ms = 30000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error('mock platform exited during start-up');
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`mock platform did not answer ${url}`);
}

module.exports = async () => {
  if (needsBuild()) {
    console.log('\n[e2e] building H5 …');
    const r = spawnSync(path.join(root, 'node_modules/.bin/taro'), ['build', '--type', 'h5'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', TARO_APP_API_MODE: 'http', TARO_APP_PROFILE: '' },
      stdio: 'inherit',
    });
    if (r.status !== 0) throw new Error('H5 build failed');
    fs.writeFileSync(MARKER, 'TARO_APP_API_MODE=http\n');
  }
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-platform-'));
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['mock/server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      MOCK_HOST: '127.0.0.1',
      MOCK_PORT: String(port),
      MOCK_DB: path.join(dir, 'platform.db'),
      MOCK_STATIC_DIR: path.join(root, 'dist/h5'),
      MOCK_TODAY: TODAY,
      MOCK_ALLOW_RESET: 'true',
      MOCK_RESEARCH_KEY: RESEARCH_KEY,
      // Every test logs in afresh from the same address: well above what they need in a minute.
      MOCK_RATE_LIMIT: '1000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(`${base}/api/health`, child);
  fs.writeFileSync(RUNTIME, JSON.stringify({ base, today: TODAY, pid: child.pid, dir, researchKey: RESEARCH_KEY }));
  globalThis.__E2E_PLATFORM__ = child;
};
