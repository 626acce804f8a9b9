// The WeChat build as a citizen's phone downloads it: the main package holds 服务大厅, the log-in and
// 家庭共济; the rest of the flow is a subpackage preloaded from the hall; researchers' code is in a
// subpackage of its own. (Sizes against the floor: npm run bench.)
import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';

const root = path.resolve(__dirname, '../..');
const DIST = path.join(root, 'dist/weapp');
const MARKER = path.join(DIST, '.e2e-build');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : [p];
  });
}

beforeAll(() => {
  const fresh =
    fs.existsSync(MARKER) &&
    ['src', 'config', 'mock/platform'].every((d) => newestMtime(path.join(root, d)) < fs.statSync(MARKER).mtimeMs);
  if (fresh) return;
  const r = spawnSync(path.join(root, 'node_modules/.bin/taro'), ['build', '--type', 'weapp'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', TARO_APP_API_MODE: 'http', TARO_APP_PROFILE: '' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`weapp build failed:\n${(r.stdout ?? '').slice(-2000)}${r.stderr ?? ''}`);
  fs.writeFileSync(MARKER, 'TARO_APP_API_MODE=http\n');
}, 180000);

/** Which package each script holding `text` is in: 'main' or the subpackage root. */
function packagesHolding(text: string): string[] {
  const found = files(DIST)
    .filter((f) => f.endsWith('.js') && fs.readFileSync(f, 'utf8').includes(text))
    .map((f) => {
      const rel = path.relative(DIST, f);
      return rel.startsWith('packages/') ? rel.split('/').slice(0, 2).join('/') : 'main';
    });
  return [...new Set(found)].sort();
}

test('app.json: the first screens in the main package, the rest of the flow preloaded from the hall', () => {
  const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8'));
  expect(app.pages).toEqual(['pages/index/index', 'pages/login/index', 'pages/family/index']);
  expect(app.subPackages).toEqual([
    {
      root: 'packages/family',
      pages: [
        'bind/index',
        'consent/index',
        'result/index',
        'records/index',
        'pay/index',
        'info/index',
        'usage/index',
        'granted/index',
      ],
    },
    { root: 'packages/staff', pages: ['session/index', 'brief/index', 'seq/index', 'sus/index'] },
  ]);
  expect(app.preloadRule).toEqual({ 'pages/index/index': { network: 'all', packages: ['packages/family'] } });
  for (const page of [
    ...app.pages,
    ...app.subPackages.flatMap((s: { root: string; pages: string[] }) => s.pages.map((p) => `${s.root}/${p}`)),
  ])
    expect(fs.existsSync(path.join(DIST, `${page}.js`))).toBe(true);
});

test('researchers’ code is only in the staff subpackage; signing and the trainer’s example only in the flow', () => {
  // The research API, the event log's batching, and the session page.
  expect(packagesHolding('/api/research/sessions/')).toEqual(['packages/staff']);
  // A study's brief, SEQ and SUS are staff pages; only the bar with 完成 / 放弃 is in the main package.
  expect(packagesHolding('study__item')).toEqual(['packages/staff']);
  expect(packagesHolding('task-bar__button')).toEqual(['main']);
  // 河北's hand-written signature, and the seeded relative 填入示例 types for trainers.
  expect(packagesHolding('signature__canvas')).toEqual(['packages/family']);
  expect(packagesHolding('23010220030608101')).toEqual(['packages/family']);
  // The offline platform is not in an online build at all, nor the trainer's tour and demo reset: an
  // online mini-program build has no way to start them (only H5's tour=1 and the offline demo do).
  expect(packagesHolding('REQUEST_ID_INVALID')).toEqual([]);
  expect(packagesHolding('/api/admin/reset')).toEqual([]);
  expect(packagesHolding('tour-tip')).toEqual([]);
  expect(packagesHolding('demo-controls')).toEqual([]);
});

test('the flow pages’ styles are in the flow subpackage, not in the main package’s app.wxss', () => {
  const appWxss = fs.readFileSync(path.join(DIST, 'app.wxss'), 'utf8');
  const flowWxss = files(path.join(DIST, 'packages/family'))
    .filter((f) => f.endsWith('.wxss'))
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n');
  // The agreement's tick box, the 代缴 year choices, the records' cards and the 绑定成功 page.
  for (const selector of ['.tickbox', '.choice', '.record__head', '.msg__icon', '.field__error']) {
    expect(flowWxss).toContain(selector);
    expect(appWxss).not.toContain(selector);
  }
  // Each flow page reaches the shared flow styles.
  for (const page of ['bind', 'consent', 'result', 'records', 'pay', 'info'])
    expect(fs.readFileSync(path.join(DIST, `packages/family/${page}/index.wxss`), 'utf8')).toMatch(/@import|\.tickbox/);
  // What the main pages draw stays in the main package; the tour's frame and tip are not drawn here.
  for (const selector of ['.hall__banner', '.big-button', '.notice', '.switch-row', '.grid__slot'])
    expect(appWxss).toContain(selector);
  for (const selector of ['.tour-frame', '.tour-tip', '.demo-controls']) expect(appWxss).not.toContain(selector);
});

test('base.wxml carries templates only for the components the app draws (no scroll-view)', () => {
  const base = fs.readFileSync(path.join(DIST, 'base.wxml'), 'utf8');
  expect(base).not.toContain('<scroll-view');
  for (const tag of ['<view', '<text', '<button', '<input', '<picker', '<image']) expect(base).toContain(tag);
});
