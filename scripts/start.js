#!/usr/bin/env node
// `npm start`: the mock insurance platform and the H5 app (dev server, /api proxied to the platform),
// both on 127.0.0.1. `npm start -- --lan` (or --lan=ADDRESS) puts both on the machine's LAN address
// instead, so a phone on the same Wi-Fi can open the app, and prints the addresses with QR codes.
// Ctrl-C stops both.
const { spawn } = require('child_process');
const http = require('http');
const path = require('path');
const QRCode = require('qrcode');
const { listenAddress } = require('./lib/lan');

const root = path.resolve(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const mockPort = process.env.MOCK_PORT || '18080';
const h5Port = process.env.H5_PORT || '10086';

let address;
try {
  address = listenAddress(process.argv.slice(2));
} catch (e) {
  console.error(`[start] ${e instanceof Error ? e.message : e}`);
  process.exit(2);
}
const { host, lan } = address;
const appUrl = `http://${host}:${h5Port}/`;
const consoleUrl = `http://${host}:${h5Port}/research`;
const cashierUrl = `http://${host}:${h5Port}/cashier`;
const apiBase = `http://${host}:${mockPort}`;
// The research console and API ask for this key; a fresh one each start unless MOCK_RESEARCH_KEY is set.
const researchKey = process.env.MOCK_RESEARCH_KEY || require('crypto').randomBytes(12).toString('base64url');

const env = {
  ...process.env,
  MOCK_PORT: mockPort,
  H5_PORT: h5Port,
  MOCK_HOST: host,
  H5_HOST: host,
  // Research links and QR codes point at the app where participants can open it.
  MOCK_APP_URL: appUrl,
  MOCK_RESEARCH_KEY: researchKey,
};

// The researcher key, log-in expiry and rate limits guard what a LAN exposes; the app itself and its
// test personas are still open to anyone who reaches the address.
const LAN_WARNING =
  '  ⚠ --lan: the app and its test personas are open to everyone on this network; the researcher console,\n' +
  '    its exports and reset need the key. Use it only on a network you trust, for the length of a session.\n';
if (lan) console.warn(`\n${LAN_WARNING}`);

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

const qr = (text) => QRCode.toString(text, { type: 'terminal', small: true, errorCorrectionLevel: 'M' });

async function ready() {
  if (!lan) {
    console.log(
      `\n\n  家庭共济 is ready:  ${appUrl}\n` +
        `  researcher console: ${consoleUrl}   key: ${researchKey}\n` +
        `  定点药店收银台:     ${cashierUrl}   (same key)\n` +
        `  mock platform API:  ${apiBase}/api  (described in mock/openapi.yaml)\n` +
        '  On a phone: npm start -- --lan (see README, "On a phone").\n' +
        '  Ctrl-C stops both.\n',
    );
    return;
  }
  console.log(
    `\n\n  家庭共济 on this network: ${appUrl}\n  (a phone on the same Wi-Fi: scan this)\n${await qr(appUrl)}\n` +
      `  researcher console: ${consoleUrl}   key: ${researchKey}\n${await qr(consoleUrl)}\n` +
      `  mock platform API:  ${apiBase}/api\n` +
      '  WeChat DevTools 真机调试 / Alipay IDE 真机预览: build the mini-program against this platform with\n' +
      `    TARO_APP_API_BASE=${apiBase} npm run build:weapp     (or build:alipay)\n` +
      '    and turn off domain checks (不校验合法域名) in the IDE.\n\n' +
      LAN_WARNING +
      '  Ctrl-C stops both.\n',
  );
}

run('mock platform', bin('tsx'), ['mock/server/main.ts'], {});
run('h5 dev server', bin('taro'), ['build', '--type', 'h5', '--watch'], { NODE_ENV: 'development' });
whenUp(`http://${host}:${h5Port}/api/health`, () => {
  ready().catch((e) => console.error('[start]', e));
});
