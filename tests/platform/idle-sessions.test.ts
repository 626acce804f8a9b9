// A research session's database is closed once unused for a while, and reopened, data intact, on
// the participant's next request.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { call, login, startPlatform, xiaoming } from './helpers';

test('an idle session database is closed, then reopened with its data', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idle-sessions-'));
  const s = await startPlatform({ dbFile: path.join(dir, 'p.db'), researchIdleSeconds: 1 });
  try {
    const created = await call(s, 'POST', '/api/research/sessions', {
      body: { study: 'idle', participant: 'P1', personaId: 'zhang', profileId: 'heilongjiang', situation: 'normal' },
    });
    const id = created.body.id as string;
    const token = (await call(s, 'POST', '/api/session', { session: id, body: { personaId: 'zhang' } })).body.token;
    expect((await call(s, 'POST', '/api/bindings', { session: id, token, body: xiaoming() })).status).toBe(201);
    expect(s.openSessionSpaces()).toBe(1);
    await new Promise((r) => setTimeout(r, 3500));
    expect(s.openSessionSpaces()).toBe(0);
    const list = await call(s, 'GET', '/api/bindings', { session: id, token });
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    expect(s.openSessionSpaces()).toBe(1);
  } finally {
    await s.app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 20_000);

test('sessions that ran out are deleted by the server even if no one logs in again', async () => {
  let clock = new Date('2026-11-22T02:00:00Z');
  const s = await startPlatform({ now: () => clock, researchIdleSeconds: 1 });
  try {
    const t = await login(s, 'zhang');
    clock = new Date(clock.getTime() + 31 * 60_000);
    await new Promise((r) => setTimeout(r, 2500));
    expect(s.repo.getSession(t)).toBeUndefined();
  } finally {
    await s.app.close();
  }
}, 20_000);
