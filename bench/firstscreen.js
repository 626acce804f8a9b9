// The H5 first screen on a slow phone, this app against the hello-world floor in the same run: headless
// Chromium at 375×667 with touch under Lighthouse's mobile throttling (150 ms round trip, 1.6 Mbit/s
// down, 750 kbit/s up, 4× CPU slowdown, cache off). Each run opens the start page, waits until the
// first screen's entry (家庭共济 / hello) is on screen, taps it with the touchscreen at once, as an
// impatient citizen would, and waits until the next screen's content is on screen. Times are from the
// start of navigation; bytes are what crossed the wire (Network.loadingFinished), not body lengths.
// The functions handed to page.evaluate / addInitScript run in the page, with the browser's globals.
/// <reference lib="dom" />
/* global window, document, location, innerHeight, NodeFilter, addEventListener, requestAnimationFrame */
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { chromium } = require('playwright-core');
const freePort = require('../scripts/lib/free-port');

const RUNS = 5;
const RUN_TIMEOUT_MS = 30000;
const THROTTLE = {
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
  cpu: 4,
};

/** What "on screen" means for each build: text a person reads, inside the viewport. */
const TARGETS = {
  app: { first: '家庭共济', next: '请选择一位测试人员登录' },
  hello: { first: 'hello', next: 'second page' },
};

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** A plain static server on loopback (no compression, like the earlier measurement); /api goes to the platform. */
function serve(dir, apiPort) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url || '/', 'http://x');
    if (url.pathname.startsWith('/api/') && apiPort) {
      const up = http.request(
        { host: '127.0.0.1', port: apiPort, method: req.method, path: req.url, headers: req.headers },
        (r) => {
          res.writeHead(r.statusCode || 502, r.headers);
          r.pipe(res);
        },
      );
      up.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      req.pipe(up);
      return;
    }
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(dir, rel);
    if (!file.startsWith(path.resolve(dir)) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${/** @type {import('net').AddressInfo} */ (server.address()).port}/`, server }),
    ),
  );
}

async function startPlatform(root) {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-first-'));
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['mock/server/main.ts'], {
    cwd: root,
    env: { ...process.env, MOCK_HOST: '127.0.0.1', MOCK_PORT: String(port), MOCK_DB: path.join(dir, 'p.db') },
    stdio: 'ignore',
  });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
    } catch {
      /* starting */
    }
    if (i > 150) throw new Error('mock platform did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    port,
    stop() {
      child.kill('SIGTERM');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Runs in the page from its first script on: marks when the texts are on screen, on each frame.
function instrument({ first, next }) {
  /** @type {{ first: number, at: { x: number, y: number } | null, tap: number, next: number }} */
  const marks = { first: 0, at: null, tap: 0, next: 0 };
  /** @type {any} */ (window).__bench = marks;
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    return (
      r.width > 0 &&
      r.height > 0 &&
      r.bottom > 0 &&
      r.top < innerHeight &&
      el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
    );
  };
  const find = (text) => {
    if (!document.body) return null;
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const data = n.textContent || '';
      if (data.trim() === text || (text.length > 8 && data.includes(text))) {
        if (n.parentElement && shown(n.parentElement)) return n.parentElement;
      }
    }
    return null;
  };
  addEventListener('touchstart', () => (marks.tap ||= performance.now()), true);
  // Checked in animation frames only: a frame is what gets painted, while a layout read from outside
  // could see the page before its stylesheet has arrived.
  const tick = () => {
    const el = !marks.first && find(first);
    if (el) {
      const r = el.getBoundingClientRect();
      marks.first = performance.now();
      marks.at = { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    if (marks.tap && !marks.next && find(next)) marks.next = performance.now();
    if (!marks.next) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function runOnce(browser, url, target) {
  const context = await browser.newContext({
    viewport: { width: 375, height: 667 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  try {
    await context.addInitScript(instrument, target);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const beforeTap = new Set();
    let tapped = false;
    let bytes = 0;
    let bytesBeforeTap = 0;
    cdp.on('Network.requestWillBeSent', (e) => {
      if (!tapped) beforeTap.add(e.requestId);
    });
    cdp.on('Network.loadingFinished', (e) => {
      bytes += e.encodedDataLength;
      if (beforeTap.has(e.requestId)) bytesBeforeTap += e.encodedDataLength;
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: THROTTLE.latency,
      downloadThroughput: THROTTLE.downloadThroughput,
      uploadThroughput: THROTTLE.uploadThroughput,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE.cpu });
    await page.goto(url, { waitUntil: 'commit', timeout: RUN_TIMEOUT_MS });
    const spot = await page.waitForFunction(() => /** @type {any} */ (window).__bench.at, null, {
      polling: 20,
      timeout: RUN_TIMEOUT_MS,
    });
    const { x, y } = await spot.jsonValue();
    // Requests that start from here on belong to the tap.
    tapped = true;
    await page.touchscreen.tap(x, y);
    await page
      .waitForFunction(() => /** @type {any} */ (window).__bench.next > 0, null, {
        polling: 20,
        timeout: RUN_TIMEOUT_MS,
      })
      .catch(async (e) => {
        const seen = await page.evaluate(
          () =>
            JSON.stringify([
              /** @type {any} */ (window).__bench,
              /** @type {any} */ (window).__hallShell,
              !!document.getElementById('hall-shell'),
              document.querySelector('.hall-shell__status')?.textContent,
            ]) +
            ' ' +
            location.hash,
        );
        throw new Error(`${url}: the next screen never came (${seen}): ${e.message}`);
      });
    const marks = await page.evaluate(() => /** @type {any} */ (window).__bench);
    return { ...marks, bytes, bytesBeforeTap };
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/**
 * Median of RUNS for each build, app and hello-world runs alternating so both meet the same machine load.
 * @param {string} root
 * @param {{ appDir: string, helloDir: string, runs?: number, log?: (line: string) => void }} options
 */
async function measureFirstScreen(root, { appDir, helloDir, runs = RUNS, log = () => undefined }) {
  const platform = await startPlatform(root);
  const app = await serve(appDir, platform.port);
  const hello = await serve(helloDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const results = { app: [], hello: [] };
  try {
    for (let i = 0; i < runs; i++) {
      for (const [name, srv] of [
        ['hello', hello],
        ['app', app],
      ]) {
        const r = await runOnce(browser, srv.url, TARGETS[name]);
        log(`${name} run ${i + 1}: first ${r.first.toFixed(0)} ms, next ${r.next.toFixed(0)} ms, ${r.bytes} B`);
        results[name].push(r);
      }
    }
  } finally {
    await browser.close();
    app.server.close();
    hello.server.close();
    platform.stop();
  }
  const summary = (rs) => ({
    first: median(rs.map((r) => r.first)) / 1000,
    next: median(rs.map((r) => r.next)) / 1000,
    tapToNext: median(rs.map((r) => r.next - r.tap)) / 1000,
    bytes: median(rs.map((r) => r.bytes)),
    bytesBeforeTap: median(rs.map((r) => r.bytesBeforeTap)),
    runs: rs,
  });
  return { app: summary(results.app), hello: summary(results.hello) };
}

module.exports = { measureFirstScreen, serve, THROTTLE, RUNS };
