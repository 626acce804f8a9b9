#!/usr/bin/env node
// miniprogram-ci, WeChat's own build pipeline, on a weapp build: compile with ES5 transform and every
// minifier on (as an upload does), then its code-quality checks. Offline: a throwaway key and a
// wx-style fake appid, the project attributes WeChat's server would send replaced by its defaults, and
// every HTTP attempt sent to a closed loopback port. Usage: node wechat-ci.js <weapp dir>
// A child process of its own: the compiler leaves worker processes behind.
const { generateKeyPairSync } = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { tools } = require('./tools');

const MAIN_PACKAGE_LIMIT = 2 * 1024 * 1024;

async function main(dir) {
  const ci = tools('miniprogram-ci');
  ci.proxy('http://127.0.0.1:9');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mini-ci-'));
  const keyPath = path.join(tmp, 'private.key');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  fs.writeFileSync(keyPath, privateKey.export({ type: 'pkcs1', format: 'pem' }));
  try {
    const project = new ci.Project({
      appid: 'wx0000000000000000',
      type: 'miniProgram',
      projectPath: path.resolve(dir),
      privateKeyPath: keyPath,
      ignores: ['**/*.LICENSE.txt'],
    });
    project.attr = async () => ({ ...ci.DefaultProjectAttr });

    const files = await ci.getCompiledResult({
      project,
      version: '0.0.0',
      setting: {
        useProjectConfig: false,
        es6: true,
        es7: true,
        minify: true,
        minifyJS: true,
        minifyWXML: true,
        minifyWXSS: true,
        autoPrefixWXSS: true,
        codeProtect: false,
      },
      onProgressUpdate: () => undefined,
    });
    const size = Object.values(files).reduce((n, v) => n + Buffer.byteLength(v), 0);
    const problems = [];
    if (!files['app.json'] && !Object.keys(files).some((f) => f.startsWith('app')))
      problems.push('the compiled result holds no app');
    if (size > MAIN_PACKAGE_LIMIT) problems.push(`main package ${size} B after compiling, over WeChat's 2 MiB`);

    const quality = await ci.checkCodeQuality(project);
    for (const item of quality) if (!item.success) problems.push(`quality check ${item.name}: ${item.text}`);
    console.log(
      `  miniprogram-ci: ${Object.keys(files).length} files compiled (ES5, minified) = ${(size / 1024).toFixed(1)} KiB; ` +
        `${quality.length} quality checks, ${quality.filter((q) => q.success).length} passed`,
    );
    return problems;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main(process.argv[2]).then(
  (problems) => {
    for (const p of problems) console.error(`  ✗ ${p}`);
    process.exit(problems.length ? 1 : 0);
  },
  (e) => {
    // Its errors carry WeChat's own codes (10005 missing page, 10045 JS syntax error, …).
    console.error(
      `  ✗ miniprogram-ci refused the build: ${e && (e.code ? `[${e.code}] ` : '')}${(e && e.message) || e}`,
    );
    process.exit(1);
  },
);
