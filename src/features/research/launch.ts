const SESSION_ID = /^[A-Za-z0-9]{4,12}$/;

/** The research session named at start-up: launch query (mini-programs, QR) or the page URL (H5). */
export function requestedSession(query?: Record<string, unknown>): string | undefined {
  let id: string | null | undefined = typeof query?.session === 'string' ? query.session : undefined;
  if (!id && process.env.TARO_ENV === 'h5' && typeof location !== 'undefined') {
    id =
      new URLSearchParams(location.search).get('session') ??
      new URLSearchParams(location.hash.split('?')[1] ?? '').get('session');
  }
  return id && SESSION_ID.test(id) ? id.toUpperCase() : undefined;
}
