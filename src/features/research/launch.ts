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

/**
 * The page the user is on, as the log names it (pages/bind/index or packages/family/bind/index → bind);
 * null on a staff page (the session page; a study's brief and questionnaires on mini-programs, which
 * H5 shows over the app), which is no screen of the flow: the platform would refuse a batch naming it.
 */
export function currentScreen(): string | null | undefined {
  const path = Taro.getCurrentInstance()?.router?.path ?? '';
  return path.includes('/staff/') ? null : /\/([a-z]+)\/index(?:\?|$)/.exec(path)?.[1];
}

/** The event with the screen it happened on; null on a staff page (nothing is logged there). */
export function onScreen<E extends TrackEvent>(e: E): E | null {
  const screen = e.screen ?? currentScreen();
  return screen === null ? null : { ...e, screen };
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
    const seen = onScreen(e);
    if (seen && held.length < MAX_HELD) held.push({ ...seen, at: Date.now() });
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
