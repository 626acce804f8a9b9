// The mock platform as a child process on loopback, for the load benches: its own database in a
// temporary folder and a pinned day. One bench client stands for many phones, so the rate limiter
// still runs but is set where it counts without refusing.
const http = require('http');
const os = require('os');
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const freePort = require('../scripts/lib/free-port');

/** The relative every bench binds (a bind body without its start date and request id). */
const XIAOMING = {
  name: '张小明',
  idType: '居民身份证',
  idNumber: '230102200306081016',
  phone: '13804510011',
  relation: '子女',
  endDate: '',
  consent: true,
};

const healthy = (port) =>
  new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/api/health' }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
  });

/**
 * @param {string} root
 * @param {{ today: string; key: string; env?: Record<string, string> }} opts
 * @returns {Promise<{ port: number; stop: () => void }>} once the platform answers
 */
async function startPlatform(root, { today, key, env = {} }) {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-platform-'));
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['mock/server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      MOCK_HOST: '127.0.0.1',
      MOCK_PORT: String(port),
      MOCK_DB: path.join(dir, 'p.db'),
      MOCK_TODAY: today,
      MOCK_RESEARCH_KEY: key,
      MOCK_RATE_LIMIT: '100000000',
      ...env,
    },
    stdio: 'ignore',
  });
  const stop = () => {
    child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; !(await healthy(port)); i++) {
    if (i > 100) {
      stop();
      throw new Error('mock platform did not start');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { port, stop };
}

module.exports = { startPlatform, XIAOMING };
