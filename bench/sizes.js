// Production build sizes: every file of a platform's output, raw and gzipped (level 9, file by file).
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { spawnSync } = require('child_process');

function files(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p));
    else if (!/\.map$|\.LICENSE\.txt$/.test(e.name)) out.push(p);
  }
  return out;
}

function measure(dir) {
  let bytes = 0;
  let gzip = 0;
  for (const f of files(dir)) {
    const data = fs.readFileSync(f);
    bytes += data.length;
    gzip += zlib.gzipSync(data, { level: 9 }).length;
  }
  return { bytes, gzip };
}

function build(cwd, taroBin, type) {
  const started = Date.now();
  const r = spawnSync(taroBin, ['build', '--type', type], {
    cwd,
    env: { ...process.env, NODE_ENV: 'production', TARO_APP_API_MODE: 'http' },
    encoding: 'utf8',
  });
  if (r.status !== 0)
    throw new Error(
      `taro build --type ${type} failed in ${cwd}:\n${(r.stdout || '').slice(-2000)}\n${(r.stderr || '').slice(-2000)}`,
    );
  return (Date.now() - started) / 1000;
}

module.exports = { build, measure };
