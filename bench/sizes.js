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

function sum(list) {
  let bytes = 0;
  let gzip = 0;
  for (const f of list) {
    const data = fs.readFileSync(f);
    bytes += data.length;
    gzip += zlib.gzipSync(data, { level: 9 }).length;
  }
  return { bytes, gzip };
}

/** The subpackage folders a mini-program build declares in app.json (WeChat and Alipay spell it two ways). */
function subpackageRoots(dir) {
  const appJson = path.join(dir, 'app.json');
  if (!fs.existsSync(appJson)) return [];
  const app = JSON.parse(fs.readFileSync(appJson, 'utf8'));
  return [...(app.subPackages || []), ...(app.subpackages || [])].map((p) => p.root.replace(/\/+$/, ''));
}

/**
 * The main package is what a user downloads before the first screen: every file outside the
 * subpackage folders. For H5 (no app.json) it is the whole build.
 */
function measure(dir) {
  const roots = subpackageRoots(dir).map((r) => path.join(dir, r) + path.sep);
  const all = files(dir);
  const inSub = (f) => roots.some((r) => f.startsWith(r));
  return { ...sum(all.filter((f) => !inSub(f))), sub: sum(all.filter(inSub)), subRoots: roots.length };
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

module.exports = { build, measure, subpackageRoots };
