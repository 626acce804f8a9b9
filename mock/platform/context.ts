// What every part of the platform shares: storage, the rule profile, the clock, new ids, the log-in
// check and the once-per-request-id helper. Plain TypeScript: it also runs inside the app (offline).
import { todayInChina } from '@domain/dates';
import { invalid, ok, refusals, type FieldError, type Result } from '@domain/errors';
import type { RuleProfile } from '@domain/profiles';
import type { Authorizer, Person } from '@domain/types';
import type { Repo, Seed } from './repo';
import { relativePersonaIdNumber } from './seed';

export interface PlatformOptions {
  repo: Repo;
  profile: RuleProfile;
  /** Clock; a fixed one makes demos and tests behave the same every day. */
  now?: () => Date;
  newId?: () => string;
  allowReset?: boolean;
  /** The data a reset returns to; a research session's situation changes it. */
  seed?: (today: string) => Seed;
  /** A log-in ends after this long without a request (default 30 minutes). */
  sessionIdleMs?: number;
  /** …and after this long in all (default 12 hours). */
  sessionMaxMs?: number;
}

export const DEFAULT_SESSION_IDLE_MS = 30 * 60_000;
export const DEFAULT_SESSION_MAX_MS = 12 * 3600_000;
/** lastSeenAt is written at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 30_000;

function randomId(): string {
  const bytes = new Uint8Array(12);
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (c?.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function readRequestId(body: Record<string, unknown>): string | FieldError {
  const id = body.requestId;
  if (typeof id === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(id)) return id;
  return { field: 'requestId', code: 'REQUEST_ID_INVALID', message: '请求编号缺失或格式不正确，请刷新后重试' };
}

export type Context = ReturnType<typeof createContext>;

export function createContext(opts: PlatformOptions) {
  const { repo, profile } = opts;
  const now = opts.now ?? (() => new Date());
  const newId = opts.newId ?? randomId;
  const idleMs = opts.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS;
  const maxMs = opts.sessionMaxMs ?? DEFAULT_SESSION_MAX_MS;
  const today = () => todayInChina(now());

  /** The earliest lastSeenAt and createdAt a live session may have now. */
  function liveSince() {
    const t = now().getTime();
    return { seenAfter: new Date(t - idleMs).toISOString(), createdAfter: new Date(t - maxMs).toISOString() };
  }

  /**
   * The live session of a token, or why not: no session, or one that has run out. A run-out session keeps
   * answering SESSION_EXPIRED (so every request the app had in flight says the same) until the next
   * log-in on this platform deletes it with all the others that ran out.
   */
  function signedInPerson(
    token: string | undefined,
  ):
    | { ok: true; role: 'authorizer'; authorizer: Authorizer; person: Person }
    | { ok: true; role: 'relative'; personaId: string; person: Person }
    | { ok: false; refusal: Result<never> } {
    const session = token ? repo.getSession(token) : undefined;
    if (!session || !token) return { ok: false, refusal: refusals.unauthenticated() };
    const { seenAfter, createdAfter } = liveSince();
    if (session.lastSeenAt < seenAfter || session.createdAt < createdAfter)
      return { ok: false, refusal: refusals.sessionExpired() };
    const authorizer = repo.getAuthorizer(session.authorizerId);
    // A relative's session names their persona; the person is read from the records each time.
    const relativeId = authorizer ? undefined : relativePersonaIdNumber(profile, session.authorizerId);
    const relative = relativeId ? repo.findPerson(relativeId) : undefined;
    if (!authorizer && !relative) return { ok: false, refusal: refusals.unauthenticated() };
    const at = now();
    if (at.getTime() - Date.parse(session.lastSeenAt) >= TOUCH_EVERY_MS) repo.touchSession(token, at.toISOString());
    if (authorizer) return { ok: true, role: 'authorizer', authorizer, person: authorizer };
    return { ok: true, role: 'relative', personaId: session.authorizerId, person: relative as Person };
  }

  /** The logged-in authorizer, or why not; a relative is refused: binding, unbinding and 代缴 are not theirs. */
  function signedIn(
    token: string | undefined,
  ): { ok: true; authorizer: Authorizer } | { ok: false; refusal: Result<never> } {
    const who = signedInPerson(token);
    if (!who.ok) return who;
    if (who.role === 'relative') return { ok: false, refusal: refusals.relativeNotAllowed() };
    return { ok: true, authorizer: who.authorizer };
  }

  /** What every submit checks first, in this order: a live log-in, an object body, a well-formed request id. */
  function submission(
    token: string | undefined,
    body: unknown,
  ):
    | { ok: true; authorizer: Authorizer; body: Record<string, unknown>; requestId: string }
    | { ok: false; refusal: Result<never> } {
    const who = signedIn(token);
    if (!who.ok) return who;
    if (!isObject(body)) return { ok: false, refusal: refusals.malformed() };
    const requestId = readRequestId(body);
    if (typeof requestId !== 'string') return { ok: false, refusal: invalid([requestId]) };
    return { ok: true, authorizer: who.authorizer, body, requestId };
  }

  /**
   * Runs `fn` once per (authorizer, requestId). A repeat with the same body answers with `current`
   * of what was stored, i.e. the record as it stands now, not as it was; other content is refused.
   */
  function once<T>(
    authorizerId: string,
    requestId: string,
    fingerprint: string,
    fn: () => Result<T>,
    current: (stored: T) => T = (s) => s,
  ): Result<T> {
    return repo.transaction(() => {
      const key = `${authorizerId}:${requestId}`;
      const stored = repo.getStored(key);
      if (stored) {
        return stored.fingerprint === fingerprint
          ? ok(current(stored.body as T), stored.status)
          : refusals.requestReused();
      }
      const result = fn();
      if (result.ok) repo.putStored({ key, fingerprint, status: result.status, body: result.data });
      return result;
    });
  }

  return { repo, profile, opts, now, newId, today, liveSince, signedIn, signedInPerson, submission, once };
}
