import { env } from '@/shared/config/env';

/** The profile named at start-up: launch query (mini-programs), page URL (H5), or the build setting. */
export function requestedProfile(query?: Record<string, unknown>): string | undefined {
  if (query && typeof query.profile === 'string' && query.profile) return query.profile;
  if (process.env.TARO_ENV === 'h5' && typeof location !== 'undefined') {
    const fromSearch = new URLSearchParams(location.search).get('profile');
    if (fromSearch) return fromSearch;
    const hashQuery = location.hash.split('?')[1];
    const fromHash = hashQuery ? new URLSearchParams(hashQuery).get('profile') : null;
    if (fromHash) return fromHash;
  }
  return env.requestedProfile || undefined;
}
