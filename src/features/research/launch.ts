import Taro from '@tarojs/taro';
import { setTrackSink, type TrackEvent } from '@/shared/telemetry/track';

const SESSION_ID = /^[A-Za-z0-9]{4,12}$/;

/** Where a device remembers the research session it was opened for. */
export const SESSION_STORAGE_KEY = 'research-session';

let joined = false;
/** A session was opened on this device since start-up, even one that turned out not to exist. */
export const sessionTried = () => joined;
export const markSessionTried = () => {
  joined = true;
};

/** The page the user is on, as the log names it (pages/bind/index or packages/family/bind/index → bind). */
export function currentScreen(): string | undefined {
  const path = Taro.getCurrentInstance()?.router?.path ?? '';
  return /\/([a-z]+)\/index(?:\?|$)/.exec(path)?.[1];
}

const MAX_HELD = 200;
let held: (TrackEvent & { at: number })[] = [];

/**
 * A device opened for a session records from its first screen on, while the research code is still
 * on its way (an H5 chunk, a mini-program subpackage): steps are kept here until it takes them.
 */
export function holdResearchEvents(): void {
  held = [];
  setTrackSink((e) => {
    if (held.length < MAX_HELD) held.push({ ...e, screen: e.screen ?? currentScreen(), at: Date.now() });
  });
}

/** The steps kept so far, once; the research store records them first. */
export function takeHeldEvents(): (TrackEvent & { at: number })[] {
  const out = held;
  held = [];
  return out;
}

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
