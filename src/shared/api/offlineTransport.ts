// The platform's own rules running inside the app: trainer demos work with no network.
import { createPlatform } from '@platform/platform';
import { createMemoryRepo } from '@platform/memoryRepo';
import { resolveProfile, type ProfileId } from '@platform/profiles';
import { handle } from '@platform/router';
import { buildSeed } from '@platform/seed';
import { todayInChina } from '@platform/dates';
import type { Transport } from './types';

export function offlineTransport(profileId: ProfileId, now: () => Date = () => new Date()): Transport {
  const profile = resolveProfile(profileId);
  let n = 0;
  // Counted ids, not random ones: a demo looks the same every time it is run.
  const newId = () => `demo${(++n).toString().padStart(6, '0')}`;
  const repo = createMemoryRepo(buildSeed(profile, todayInChina(now())));
  const platform = createPlatform({ repo, profile, now, newId, allowReset: true });
  return async (req) => handle(platform, req);
}
