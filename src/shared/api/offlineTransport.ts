// The platform's own rules running inside the app: trainer demos work with no network.
import { createPlatform, type Platform } from '@mock/platform/platform';
import { createMemoryRepo } from '@mock/platform/memoryRepo';
import { resolveProfile, type ProfileId } from '@domain/profiles';
import { handleWithProfiles } from '@mock/platform/router';
import { buildSeed } from '@mock/platform/seed';
import { todayInChina } from '@domain/dates';
import type { Transport } from './types';

export function offlineTransport(defaultProfile: ProfileId, now: () => Date = () => new Date()): Transport {
  const platforms = new Map<ProfileId, Platform>();
  let n = 0;
  // Counted ids, not random ones: a demo looks the same every time it is run.
  const newId = () => `demo${(++n).toString().padStart(6, '0')}`;
  const platformFor = (id: ProfileId) => {
    let platform = platforms.get(id);
    if (!platform) {
      const profile = resolveProfile(id);
      const repo = createMemoryRepo(buildSeed(profile, todayInChina(now())));
      platform = createPlatform({ repo, profile, now, newId, allowReset: true });
      platforms.set(id, platform);
    }
    return platform;
  };
  return async (req) => handleWithProfiles(platformFor, defaultProfile, req);
}
