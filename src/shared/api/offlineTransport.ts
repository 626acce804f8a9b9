// The platform's own rules running inside the app: trainer demos work with no network.
import Taro from '@tarojs/taro';
import { createPlatform, type Platform } from '@mock/platform/platform';
import { createMemoryRepo, type MemoryState, type RepoKeeper } from '@mock/platform/memoryRepo';
import { resolveProfile, type ProfileId } from '@domain/profiles';
import { handleWithProfiles } from '@mock/platform/router';
import { buildSeed } from '@mock/platform/seed';
import { applySituation, situationById } from '@mock/research/situations';
import { todayInChina } from '@domain/dates';
import type { Transport } from './types';

// Versioned, so a build that changes the data's shape starts from the seed instead of misreading it.
export const OFFLINE_KEY = 'offline-demo:v1';

/**
 * The demo's data lives in the device's storage until 重置演示: WeChat closes a mini-program in the
 * background while the trainer shows slides, and the demo must be there when it opens again.
 */
function deviceKeeper(profile: ProfileId): RepoKeeper {
  const key = `${OFFLINE_KEY}:${profile}`;
  return {
    load: () => {
      try {
        const raw = Taro.getStorageSync(key) as string;
        return raw ? (JSON.parse(raw) as MemoryState) : null;
      } catch {
        return null;
      }
    },
    save: (state) => {
      try {
        Taro.setStorageSync(key, JSON.stringify(state));
      } catch {
        // Storage full (proof photos are large): the demo goes on in memory rather than stopping.
      }
    },
  };
}

/** Counted ids, not random ones, so a demo looks the same every time; kept, so no id comes twice. */
function keptCounter(): () => string {
  const key = `${OFFLINE_KEY}:ids`;
  let n = Number(Taro.getStorageSync(key)) || 0;
  return () => {
    n += 1;
    try {
      Taro.setStorageSync(key, String(n));
    } catch {
      /* see deviceKeeper */
    }
    return `demo${n.toString().padStart(6, '0')}`;
  };
}

/**
 * `situation` seeds the demo like a research session's (e.g. 'purchase-history': 刘桂兰 has used 共济),
 * and 重置演示 returns to it.
 */
export function offlineTransport(
  defaultProfile: ProfileId,
  now: () => Date = () => new Date(),
  situation?: string,
): Transport {
  const platforms = new Map<ProfileId, Platform>();
  const newId = keptCounter();
  const platformFor = (id: ProfileId) => {
    let platform = platforms.get(id);
    if (!platform) {
      const profile = resolveProfile(id);
      const chosen = situation ? situationById(situation) : undefined;
      const seed = (today: string) =>
        chosen ? applySituation(buildSeed(profile, today), chosen, 'zhang', profile, today) : buildSeed(profile, today);
      const repo = createMemoryRepo(seed(todayInChina(now())), deviceKeeper(id));
      platform = createPlatform({ repo, profile, now, newId, allowReset: true, seed });
      platforms.set(id, platform);
    }
    return platform;
  };
  return async (req) => handleWithProfiles(platformFor, defaultProfile, req);
}
