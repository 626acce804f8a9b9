// dist/alipay's structure. Alipay's compiler cannot be fetched here (minidev downloads it from Alipay's
// own servers), so the build is held to what Alipay's IDE needs to open it: every page present,
// component2 where format 2 reads it, and no key Alipay does not know.
const fs = require('fs');
const path = require('path');

// WeChat-only keys (Alipay names its own: defaultTitle, titleBarColor, …; Taro maps the two it can).
const WECHAT_ONLY = [
  'navigationBarTextStyle',
  'navigationStyle',
  'backgroundTextStyle',
  'navigationBarTitleText',
  'navigationBarBackgroundColor',
  'lazyCodeLoading',
  'sitemapLocation',
  'requiredPrivateInfos',
  '__usePrivacyCheck__',
];

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

function checkAlipay(dir) {
  const problems = [];
  const must = (file) => {
    if (!fs.existsSync(path.join(dir, file))) problems.push(`${file} is missing`);
    return fs.existsSync(path.join(dir, file));
  };
  if (!must('app.json') || !must('app.js')) return problems;
  const app = readJson(path.join(dir, 'app.json'));
  if (!Array.isArray(app.pages) || !app.pages.length) problems.push('app.json lists no pages');
  const wechatKeys = (where, obj) => {
    for (const k of WECHAT_ONLY) if (obj && k in obj) problems.push(`${where} has the WeChat-only key ${k}`);
  };
  wechatKeys('app.json', app);
  wechatKeys('app.json window', app.window);
  for (const page of app.pages || []) {
    for (const ext of ['.js', '.axml', '.json']) must(page + ext);
    if (fs.existsSync(path.join(dir, page + '.json')))
      wechatKeys(`${page}.json`, readJson(path.join(dir, page + '.json')));
  }
  if (must('mini.project.json')) {
    const proj = readJson(path.join(dir, 'mini.project.json'));
    // With "format": 2 Alipay reads compile options only under compileOptions.
    if (proj.format === 2) {
      if (!proj.compileOptions || proj.compileOptions.component2 !== true)
        problems.push('mini.project.json (format 2) lacks compileOptions.component2: true');
      if ('component2' in proj)
        problems.push('mini.project.json (format 2) has a top-level component2, which is ignored');
    } else if (proj.component2 !== true) problems.push('mini.project.json lacks component2: true');
  }
  return problems;
}

module.exports = { checkAlipay };
