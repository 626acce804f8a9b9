import Taro from '@tarojs/taro';

const SESSION_ID = /^[A-Za-z0-9]{4,12}$/;

/** Where a device remembers the research session it was opened for. */
export const SESSION_STORAGE_KEY = 'research-session';

let joined = false;
/** A session was opened on this device since start-up, even one that turned out not to exist. */
export const sessionTried = () => joined;
export const markSessionTried = () => {
  joined = true;
};

/** The session this device was last opened for, if any. */
export const storedSession = (): string | null => (Taro.getStorageSync(SESSION_STORAGE_KEY) as string) || null;

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
