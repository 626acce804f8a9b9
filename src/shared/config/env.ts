// Every TARO_APP_* setting is read here, with the one exception noted below.
import { DEFAULT_PROFILE, isProfileId, type ProfileId } from '@domain/profiles';

// TARO_APP_API_MODE ('offline' runs the platform rules inside the app, for trainer demos with no
// network) is the one exception: shared/api/client.ts compares it in place so webpack can drop the
// offline platform from online builds.
const rawProfile = process.env.TARO_APP_PROFILE;

export const env = {
  /**
   * H5 talks to /api on its own origin (the dev server proxies it); mini-programs need a full URL. The
   * offline demo talks to no server, so its build carries no address at all.
   */
  apiBase:
    process.env.TARO_APP_API_MODE === 'offline'
      ? ''
      : process.env.TARO_APP_API_BASE || (process.env.TARO_ENV === 'h5' ? '' : 'http://127.0.0.1:18080'),
  profileId: (isProfileId(rawProfile) ? rawProfile : DEFAULT_PROFILE) as ProfileId,
  /** The profile named at build time, valid or not: the app refuses an unknown one on screen. */
  requestedProfile: rawProfile || '',
  /**
   * The offline demo starts from this research situation (e.g. purchase-history: 刘桂兰 has used 共济),
   * and 重置演示 returns to it; empty: the plain seed.
   */
  situation: process.env.TARO_APP_SITUATION || '',
  /** How long a request may take before the app says so and offers a retry. */
  apiTimeoutMs: Number(process.env.TARO_APP_API_TIMEOUT_MS) > 0 ? Number(process.env.TARO_APP_API_TIMEOUT_MS) : 10000,
};
