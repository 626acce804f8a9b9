// What WeChat's own compilers and the oldest supported clients accept, checked file by file.
// Each check returns a list of problems (empty when all is well), naming the file and the place.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { tools, toolsDir } = require('./tools');

const bin = (name) => {
  const p = path.join(toolsDir, 'node_modules/miniprogram-compiler/bin/linux', name);
  fs.chmodSync(p, 0o755);
  return p;
};

function filesOf(dir, ext) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith(ext)) out.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

const firstLines = (text, n = 6) => text.trim().split('\n').slice(0, n).join('\n    ');

// A stylesheet and, after it, every stylesheet it imports (a page imports its subpackage's shared
// styles): wcsc resolves an import only among the files it is given, as WeChat's build gives it all.
/** @param {string} dir @param {string} file @returns {string[]} */
function withImports(dir, file) {
  const list = [file];
  // for…of also visits what is pushed while it runs.
  for (const current of list) {
    const text = fs.readFileSync(path.join(dir, current), 'utf8');
    for (const [, target = ''] of text.matchAll(/@import\s+["']([^"']+)["']/g)) {
      const dep = path.normalize(path.join(path.dirname(current), target));
      if (!list.includes(dep) && fs.existsSync(path.join(dir, dep))) list.push(dep);
    }
  }
  return list;
}

/** wcsc, WeChat's stylesheet compiler, on each stylesheet with what it imports (so a refusal names its
 * file). `ext` lets Alipay's .acss go through the same compiler (copied under .wxss names). */
function checkStyles(dir, ext = '.wxss') {
  const problems = [];
  const files = filesOf(dir, ext);
  for (const file of files) {
    let cwd = dir;
    let names = withImports(dir, file);
    if (ext !== '.wxss') {
      cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'wcsc-'));
      const renamed = (f) => f.replace(/\.[^./]+$/, '.wxss');
      for (const f of names) {
        fs.mkdirSync(path.join(cwd, path.dirname(f)), { recursive: true });
        const text = fs.readFileSync(path.join(dir, f), 'utf8');
        fs.writeFileSync(path.join(cwd, renamed(f)), text.replace(/(@import\s+["'][^"']+)\.acss(["'])/g, '$1.wxss$2'));
      }
      names = names.map(renamed);
    }
    const r = spawnSync(bin('wcsc'), ['-db', ...names], { cwd, maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) problems.push(`${file}: wcsc refused it:\n    ${firstLines(String(r.stderr || r.stdout))}`);
    if (cwd !== dir) fs.rmSync(cwd, { recursive: true, force: true });
  }
  return { checked: files.length, problems };
}

/** wcc, WeChat's template compiler, on every .wxml and .wxs of the build together (templates import
 * each other, as on a phone). */
function checkTemplates(dir) {
  const wxml = filesOf(dir, '.wxml');
  const wxs = filesOf(dir, '.wxs');
  const r = spawnSync(bin('wcc'), ['-d', ...wxml, ...wxs, '-gn', '$gwx'], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
  const problems =
    r.status === 0 ? [] : [`wcc refused the templates:\n    ${firstLines(String(r.stderr || r.stdout))}`];
  return { checked: wxml.length + wxs.length, problems };
}

/** Every script parses as ES5: project.config.json has es6: false, so nothing transforms the code
 * after the build, and older iOS WeChat clients cannot parse `?.`, `??`, `??=`, `const`, `=>` and the like. */
function checkSyntax(dir, exts = ['.js']) {
  const acorn = tools('acorn');
  const problems = [];
  let checked = 0;
  for (const ext of exts)
    for (const file of filesOf(dir, ext)) {
      checked++;
      const src = fs.readFileSync(path.join(dir, file), 'utf8');
      try {
        acorn.parse(src, { ecmaVersion: 5, sourceType: 'script', allowReserved: true });
      } catch (err) {
        const e = /** @type {Error & { pos?: number }} */ (err);
        const pos = e.pos ?? 0;
        const around = src.slice(Math.max(0, pos - 50), pos + 30).replace(/\s+/g, ' ');
        problems.push(`${file}: not ES5 (${e.message}) near «${around}»`);
      }
    }
  return { checked, problems };
}

/** The guards themselves: known-bad samples must be refused, or the checks above prove nothing. */
function selfTest() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mini-guards-'));
  const failures = [];
  try {
    const refusedCss = {
      'star.wxss': '.taro__modal .taro-modal__foot > * { font-size: 20px; }\n',
      'bare-pseudo.wxss': '.date-row > :first-child { flex: 1; }\n',
    };
    for (const [name, css] of Object.entries(refusedCss)) {
      const one = path.join(dir, name.replace('.wxss', ''));
      fs.mkdirSync(one);
      fs.writeFileSync(path.join(one, name), css);
      if (!checkStyles(one).problems.length) failures.push(`wcsc accepted ${css.trim()}`);
    }
    const okCss = path.join(dir, 'ok');
    fs.mkdirSync(okCss);
    fs.writeFileSync(path.join(okCss, 'ok.wxss'), '.date-row > picker { flex: 1; }\n.a .b { color: red; }\n');
    if (checkStyles(okCss).problems.length) failures.push('wcsc refused a plain stylesheet');

    const js = {
      'nullish.js': 'var a = null; var b = a ?? 1;\n',
      'optional.js': 'var a = {}; var b = a?.c;\n',
      'assign.js': 'var a = {}; a.b ??= 1;\n',
      'const.js': 'const a = 1;\n',
    };
    for (const [name, src] of Object.entries(js)) {
      const one = path.join(dir, name.replace('.js', '-js'));
      fs.mkdirSync(one);
      fs.writeFileSync(path.join(one, name), src);
      if (!checkSyntax(one).problems.length) failures.push(`the ES5 check accepted ${src.trim()}`);
    }
    const okJs = path.join(dir, 'ok-js');
    fs.mkdirSync(okJs);
    fs.writeFileSync(path.join(okJs, 'ok.js'), 'var a = { b: 1 }; var c = a && a.b;\n');
    if (checkSyntax(okJs).problems.length) failures.push('the ES5 check refused ES5');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return failures;
}

module.exports = { checkStyles, checkTemplates, checkSyntax, selfTest, filesOf };
