// The rule profile the platform enforces, and the platform's "today": instant validation uses the
// same values the platform will check against.
import { create } from 'zustand';
import { todayInChina } from '@domain/dates';
import { isProfileId, PROFILE_CHOICES, resolveProfile, type RuleProfile } from '@domain/profiles';
import { readForRequests } from '@/shared/api/client';
import { resettable } from '@/shared/lib/resets';
import { env } from '@/shared/config/env';
import { getProfile } from './api/getProfile';

interface ProfileState {
  profile: RuleProfile;
  today: string;
  loaded: boolean;
  /** Why a requested profile was not taken, in words for the screen. */
  problem: string | null;
  /** Picks the profile at start-up; an unknown name is refused and the default stays. */
  choose: (id: string) => boolean;
  load: () => Promise<void>;
}

const initial = () => ({ profile: resolveProfile(env.profileId), today: todayInChina(), loaded: false, problem: null });

export const useProfileStore = create<ProfileState>()((set, get) => ({
  ...initial(),
  choose(id) {
    if (!isProfileId(id)) {
      set({
        problem: `没有「${id}」这个规则配置，可选：${PROFILE_CHOICES}。现在按${get().profile.province}规则办理。`,
      });
      return false;
    }
    set({ profile: resolveProfile(id), loaded: false, problem: null });
    return true;
  },
  async load() {
    const { today, ...profile } = await getProfile();
    set({ profile, today, loaded: true });
  },
}));

readForRequests('profile', () => useProfileStore.getState().profile.id);
resettable('device', () => useProfileStore.setState(initial()));
