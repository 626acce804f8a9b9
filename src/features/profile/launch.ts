/** The profile named at start-up: the launch query (mini-programs) or the page URL (H5). */
export function requestedProfile(query?: Record<string, unknown>): string | undefined {
  if (query && typeof query.profile === 'string' && query.profile) return query.profile;
  if (process.env.TARO_ENV === 'h5' && typeof location !== 'undefined') {
    const fromSearch = new URLSearchParams(location.search).get('profile');
    if (fromSearch) return fromSearch;
    const hashQuery = location.hash.split('?')[1];
    if (hashQuery) return new URLSearchParams(hashQuery).get('profile') ?? undefined;
  }
  return undefined;
}
