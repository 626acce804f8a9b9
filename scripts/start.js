#!/usr/bin/env node
// `npm start`: the mock insurance platform and the H5 app (dev server, /api proxied to the platform),
// both on 127.0.0.1. Ctrl-C stops both.
const { spawn } = require('child_process');
const http = require('http');
const path = require('path');

const root = path.resolve(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const mockPort = process.env.MOCK_PORT || '18080';
const h5Port = process.env.H5_PORT || '10086';
// The research console and API ask for this key; a fresh one each start unless MOCK_RESEARCH_KEY is set.
const researchKey = process.env.MOCK_RESEARCH_KEY || require('crypto').randomBytes(12).toString('base64url');
const env = {
  ...process.env,
  MOCK_PORT: mockPort,
  H5_PORT: h5Port,
  MOCK_HOST: '127.0.0.1',
  MOCK_RESEARCH_KEY: researchKey,
};

const children = [];
let stopping = false;

function stop(code = 0) {
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 800);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

function run(name, cmd, args, extraEnv) {
  const child = spawn(cmd, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: 'inherit' });
  children.push(child);
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`\n[start] ${name} stopped (exit ${code}); stopping everything.`);
      stop(code || 1);
    }
  });
}

function whenUp(url, done) {
  const req = http.get(url, (res) => {
    res.resume();
    if (res.statusCode === 200) done();
    else setTimeout(() => whenUp(url, done), 1000);
  });
  req.on('error', () => setTimeout(() => whenUp(url, done), 1000));
}

run('mock platform', bin('tsx'), ['mock/server/main.ts'], {});
run('h5 dev server', bin('taro'), ['build', '--type', 'h5', '--watch'], { NODE_ENV: 'development' });
whenUp(`http://127.0.0.1:${h5Port}/api/health`, () =>
  console.log(
    `\n\n  家庭共济 is ready:  http://127.0.0.1:${h5Port}/\n` +
      `  researcher console: http://127.0.0.1:${h5Port}/research   key: ${researchKey}\n` +
      `  mock platform API:  http://127.0.0.1:${mockPort}/api  (described in mock/openapi.yaml)\n` +
      '  Ctrl-C stops both.\n',
  ),
);
