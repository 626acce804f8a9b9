#!/usr/bin/env node
// `npm run screenshots`: refreshes the README's pictures on purpose. The browser tests always shoot
// into artifacts/screenshots (ignored by git, so `npm test` leaves the tree clean); this runs them and
// copies the pictures docs/screenshots already holds, or the README shows, from that run.
// `--no-run` copies from the last run instead.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const from = path.join(root, 'artifacts/screenshots');
const to = path.join(root, 'docs/screenshots');

if (!process.argv.includes('--no-run')) {
  fs.rmSync(from, { recursive: true, force: true });
  const run = spawnSync('npm', ['run', 'test:e2e'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error('[screenshots] the browser tests failed: docs/screenshots left as it was');
    process.exit(run.status ?? 1);
  }
}

const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const wanted = new Set([
  ...[...readme.matchAll(/docs\/screenshots\/([\w-]+\.png)/g)].map(([, name = '']) => name),
  ...(fs.existsSync(to) ? fs.readdirSync(to).filter((f) => f.endsWith('.png')) : []),
]);
const taken = new Set(fs.existsSync(from) ? fs.readdirSync(from) : []);

fs.mkdirSync(to, { recursive: true });
const copied = [...wanted].filter((name) => taken.has(name)).sort();
for (const name of copied) fs.copyFileSync(path.join(from, name), path.join(to, name));
const notTaken = [...wanted].filter((name) => !taken.has(name)).sort();

console.log(`[screenshots] ${copied.length} copied to docs/screenshots`);
if (notTaken.length)
  console.log(`[screenshots] not shot by the browser tests, left as they are: ${notTaken.join(', ')}`);
