// 1,000 research sessions on a platform allowed only 256 open files: each session's database is
// closed when it falls out of use, and reopened, data intact, when its participant comes back.
import { spawn, type ChildProcess } from 'child_process';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';

const root = path.resolve(__dirname, '../..');
const KEY = 'many-sessions-key-0001';
const SESSIONS = 1000;

/** A port nothing listens on now (the platform runs in its own process, so it must be told one). */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

let child: ChildProcess;
let dir: string;
let base: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'many-sessions-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = spawn('bash', ['-c', 'ulimit -n 256 && exec node_modules/.bin/tsx mock/server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      MOCK_HOST: '127.0.0.1',
      MOCK_PORT: String(port),
      MOCK_DB: path.join(dir, 'p.db'),
      MOCK_TODAY: '2026-11-22',
      MOCK_RESEARCH_KEY: KEY,
      MOCK_RATE_LIMIT: '100000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* starting */
    }
    if (i > 150 || child.exitCode !== null) throw new Error('platform did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
}, 60_000);

afterAll(() => {
  child?.kill('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
});

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(base + url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

test(`${SESSIONS} sessions, each logged in to and used, under ulimit -n 256`, async () => {
  // The limit really is in force on the platform's process.
  const limits = fs.readFileSync(`/proc/${child.pid}/limits`, 'utf8');
  expect(limits).toMatch(/Max open files\s+256\s/);

  const ids: string[] = [];
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < SESSIONS) {
      const n = next++;
      const created = await post(
        '/api/research/sessions',
        { study: 'many', participant: `P${n}`, personaId: 'zhang', profileId: 'heilongjiang', situation: 'normal' },
        { 'x-research-key': KEY },
      );
      if (created.status !== 201) {
        failures.push(`create ${n}: ${created.status}`);
        continue;
      }
      const id = ((await created.json()) as { id: string }).id;
      ids.push(id);
      const login = await post('/api/session', { personaId: 'zhang' }, { 'x-research-session': id });
      if (login.status !== 201) failures.push(`login ${id}: ${login.status} ${await login.text()}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  expect(failures.slice(0, 5)).toEqual([]);
  expect(ids).toHaveLength(SESSIONS);

  // The first session, long since closed, opens again with its data; so does a profile never opened yet.
  const first = ids[0] ?? '';
  const login = await post('/api/session', { personaId: 'zhang' }, { 'x-research-session': first });
  expect(login.status).toBe(201);
  const personas = await fetch(`${base}/api/personas`, { headers: { 'x-rule-profile': 'fujian' } });
  expect(personas.status).toBe(200);
  // Every session's database file was made and is still there.
  expect(fs.readdirSync(dir).filter((f) => /^p-session-[A-Z2-9]{6}\.db$/.test(f))).toHaveLength(SESSIONS);
}, 180_000);
