import fs from 'fs';
import os from 'os';
import path from 'path';
import { bind, list, login, startPlatform, xiaoming } from './helpers';

test('bindings and balances survive a restart on the same database file', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-'));
  const dbFile = path.join(dir, 'platform.db');
  const first = await startPlatform({ dbFile });
  const t = await login(first, 'zhang');
  const created = (await bind(first, t, xiaoming())).body;
  await first.app.close();

  const second = await startPlatform({ dbFile });
  const again = await login(second, 'zhang');
  expect((await list(second, again)).map((b) => b.id)).toEqual([created.id]);
  // The seed is not laid over existing data on a restart.
  expect((await list(second, await login(second, 'wang'))).length).toBe(4);
  await second.app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('reset returns to the seed', async () => {
  const s = await startPlatform();
  const t = await login(s, 'zhang');
  await bind(s, t, xiaoming());
  const r = await fetch(`${s.base}/api/admin/reset`, { method: 'POST' });
  expect(r.status).toBe(200);
  expect(await list(s, await login(s, 'zhang'))).toEqual([]);
  await s.app.close();
});
