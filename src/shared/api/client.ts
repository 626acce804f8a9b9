// The one API client. Screens never see transports, status codes or raw bodies: they get data or an
// ApiError with a plain message.
import type { FieldError } from '@domain/errors';
import { env } from '../config/env';
import { track, type TrackEvent } from '../telemetry/track';
import { operationOf } from '@domain/api';
import { httpTransport } from './httpTransport';
import type { offlineTransport as OfflineTransport } from './offlineTransport';
import { ApiError, SERVER_BUSY, type Transport } from './types';

function defaultTransport(): Transport {
  // Compared here, not through env.apiMode, because webpack drops the whole branch (and the platform
  // code it requires) only when the build-time constant sits right in the condition.
  if (process.env.TARO_APP_API_MODE === 'offline') {
    const { offlineTransport } = require('./offlineTransport') as { offlineTransport: typeof OfflineTransport };
    return offlineTransport(env.profileId, undefined, env.situation || undefined);
  }
  return httpTransport(env.apiBase, env.apiTimeoutMs);
}

let transport: Transport | null = null;

export function setTransport(t: Transport | null): void {
  transport = t;
}

type RequestPart = 'token' | 'profile' | 'session';
const readers: { [P in RequestPart]?: () => string | null | undefined } = {};

/**
 * The stores that own the log-in, the rule profile and the research session tell the client where to
 * read them, so the client never keeps a copy of its own that could fall out of step.
 */
export function readForRequests(part: RequestPart, read: () => string | null | undefined): void {
  readers[part] = read;
}

const apiToken = () => readers.token?.() ?? null;
/** The rule profile every request is made under. */
export const apiProfile = () => readers.profile?.() ?? env.profileId;
/** The research session every request belongs to (its own data, faults and log), if any. */
export const apiSession = () => readers.session?.() ?? undefined;

interface RefusalBody {
  code?: unknown;
  message?: unknown;
  errors?: unknown;
}

export async function apiRequest<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  transport ??= defaultTransport();
  // Failures of the research log itself are not steps the participant took.
  const report = (e: TrackEvent) => {
    if (!path.startsWith('/api/research/')) track(e);
  };
  let res;
  try {
    const token = apiToken();
    res = await transport({
      method,
      path,
      body,
      profile: apiProfile(),
      session: apiSession(),
      authorization: token ? `Bearer ${token}` : undefined,
    });
  } catch {
    report({ type: 'request_failed', action: operationOf(method, path), code: 'NETWORK' });
    throw new ApiError('network', 0, 'NETWORK', '网络连接失败或响应超时，您填写的内容已保留，请检查网络后重试');
  }
  if (res.status >= 200 && res.status < 300) return res.body as T;
  const b = (res.body ?? {}) as RefusalBody;
  const code = typeof b.code === 'string' ? b.code : 'UNKNOWN';
  if (res.status >= 500 || typeof b.message !== 'string') {
    report({ type: 'request_failed', action: operationOf(method, path), code });
    throw new ApiError('server', res.status, code, SERVER_BUSY);
  }
  report({ type: 'refusal', action: operationOf(method, path), code });
  const errors = Array.isArray(b.errors) ? (b.errors as FieldError[]) : [];
  throw new ApiError(res.status === 401 ? 'auth' : 'refusal', res.status, code, b.message, errors);
}
