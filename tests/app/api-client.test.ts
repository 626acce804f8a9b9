// The API client keeps no copy of who is asking: each request reads the log-in, the rule profile and
// the research session from the stores that own them, so it can never fall out of step with them.
import { getMe } from '@/features/auth/api/getMe';
import { listPersonas } from '@/features/auth/api/listPersonas';
import { useAuthStore } from '@/features/auth/store';
import { useProfileStore } from '@/features/profile/store';
import { useResearchStore } from '@/features/research/store';
import { startPlatform } from './harness';

test('each request carries the log-in and profile the stores hold now, and none once they are gone', async () => {
  const h = await startPlatform('zhang');
  const last = () => h.calls[h.calls.length - 1];

  await getMe();
  expect(last()).toMatchObject({
    authorization: `Bearer ${useAuthStore.getState().token}`,
    profile: 'heilongjiang',
  });
  expect(last()?.session).toBeUndefined();

  expect(useProfileStore.getState().choose('hebei')).toBe(true);
  await listPersonas();
  expect(last()?.profile).toBe('hebei');

  useAuthStore.getState().clear();
  await expect(getMe()).rejects.toMatchObject({ kind: 'auth' });
  expect(last()?.authorization).toBeUndefined();
});

test('a research session the platform does not know stops naming itself on requests', async () => {
  const h = await startPlatform();
  await useResearchStore.getState().join('NOSUCH');
  expect(h.calls.find((c) => c.path === '/api/research/sessions/NOSUCH')?.session).toBe('NOSUCH');
  expect(useResearchStore.getState().sessionId).toBeNull();
  await listPersonas();
  expect(h.calls[h.calls.length - 1]?.session).toBeUndefined();
});
