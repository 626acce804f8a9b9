// WeChat's own tools live in tools/mini-check (own package.json and lockfile), outside the app's
// dependencies: ensureTools() installs them there when missing or out of date, tools() loads one.
const { spawnSync } = require('child_process');
const { createRequire } = require('module');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '../..');
const dir = path.join(root, 'tools/mini-check');
const requireTool = createRequire(path.join(dir, 'package.json'));

function installed() {
  const marker = path.join(dir, 'node_modules/.package-lock.json');
  if (!fs.existsSync(marker)) return false;
  const want = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).dependencies;
  return Object.keys(want).every((name) => fs.existsSync(path.join(dir, 'node_modules', name, 'package.json')));
}

function ensureTools() {
  if (installed()) return false;
  console.log(
    '[check:mini] installing WeChat tools into tools/mini-check/node_modules (npm registry, about a minute) …',
  );
  // Install scripts are not needed by these tools (prebuilt binaries only), so none run.
  const r = spawnSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('could not install tools/mini-check (npm install failed)');
  return true;
}

const tools = (name) => requireTool(name);

module.exports = { ensureTools, tools, toolsDir: dir, root };
