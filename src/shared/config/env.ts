// Every TARO_APP_* setting is read here and nowhere else.
import { DEFAULT_PROFILE, isProfileId, type ProfileId } from '@platform/profiles';

export type ApiMode = 'http' | 'offline';

const rawMode = process.env.TARO_APP_API_MODE;
const rawProfile = process.env.TARO_APP_PROFILE;

export const env = {
  /** 'offline' runs the platform rules inside the app (trainer demos with no network). */
  apiMode: (rawMode === 'offline' ? 'offline' : 'http') as ApiMode,
  /** H5 talks to /api on its own origin (the dev server proxies it); mini-programs need a full URL. */
  apiBase: process.env.TARO_APP_API_BASE || (process.env.TARO_ENV === 'h5' ? '' : 'http://127.0.0.1:18080'),
  profileId: (isProfileId(rawProfile) ? rawProfile : DEFAULT_PROFILE) as ProfileId,
};
