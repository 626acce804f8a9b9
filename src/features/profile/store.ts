// The rule profile the platform enforces, and the platform's "today": instant validation uses the
// same values the platform will check against.
import { create } from 'zustand';
import { todayInChina } from '@platform/dates';
import { resolveProfile, type RuleProfile } from '@platform/profiles';
import { env } from '@/shared/config/env';
import { getProfile } from './api/getProfile';

interface ProfileState {
  profile: RuleProfile;
  today: string;
  loaded: boolean;
  load: () => Promise<void>;
}

const initial = () => ({ profile: resolveProfile(env.profileId), today: todayInChina(), loaded: false });

export const useProfileStore = create<ProfileState>()((set) => ({
  ...initial(),
  async load() {
    const { today, ...profile } = await getProfile();
    set({ profile, today, loaded: true });
  },
}));

export const resetProfileStore = () => useProfileStore.setState(initial());
