// A real fastify platform on an in-memory (or given) SQLite database, driven through HTTP inject.
import { buildServer, type BuiltServer } from '../../mock/server/server';
import type { ProfileId } from '@domain/profiles';
import { SEED_IDS } from '../../mock/platform/seed';
import { contractProblems } from './contract';

export const TODAY = '2026-11-22';

export interface Options {
  /** Where it listens (127.0.0.2 stands in for a LAN address); loopback 127.0.0.1 by default. */
  host?: string;
  profileId?: ProfileId;
  premiumFen?: number;
  memberLimit?: number;
  dbFile?: string;
  faultHoldMs?: number;
  /** The platform's clock (default: a fixed day, TODAY); tests move it to let log-ins run out. */
  now?: () => Date;
  /** Log-ins and submits per client per minute (default: high enough not to get in a test's way). */
  rateLimitPerMinute?: number;
  sessionIdleMinutes?: number;
  sessionMaxHours?: number;
  /** As if listening on loopback only (reset needs no key); default true. */
  loopbackOnly?: boolean;
  staticDir?: string;
  requestTimeoutMs?: number;
  allowReset?: boolean;
  researchIdleSeconds?: number;
}

export const RESEARCH_KEY = 'test-research-key-0001';

export interface Platform extends BuiltServer {
  base: string;
}

const open = new Set<BuiltServer>();
// Closed here too, so a failed assertion before a test's own close() cannot keep jest from exiting.
afterAll(async () => {
  await Promise.all([...open].map((s) => s.app.close()));
});

/** A platform listening on a free loopback port; close it with `s.app.close()`. */
export async function startPlatform(opts: Options = {}): Promise<Platform> {
  const built = await buildServer({
    dbFile: opts.dbFile ?? ':memory:',
    profileId: opts.profileId ?? 'heilongjiang',
    premiumFen: opts.premiumFen,
    memberLimit: opts.memberLimit,
    fixedToday: TODAY,
    allowReset: opts.allowReset ?? true,
    faultHoldMs: opts.faultHoldMs,
    now: opts.now,
    researchKey: RESEARCH_KEY,
    rateLimitPerMinute: opts.rateLimitPerMinute ?? 100_000,
    sessionIdleMinutes: opts.sessionIdleMinutes,
    sessionMaxHours: opts.sessionMaxHours,
    loopbackOnly: opts.loopbackOnly ?? true,
    staticDir: opts.staticDir,
    requestTimeoutMs: opts.requestTimeoutMs,
    researchIdleSeconds: opts.researchIdleSeconds,
    host: opts.host,
  });
  open.add(built);
  built.app.addHook('onClose', async () => {
    open.delete(built);
  });
  const host = opts.host ?? '127.0.0.1';
  await built.app.listen({ host, port: 0 });
  const address = built.app.server.address() as { port: number };
  return { ...built, base: `http://${host}:${address.port}` };
}

export interface Reply<T = any> {
  status: number;
  body: T;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  raw?: string;
  profile?: string;
  /** Research session id, sent as x-research-session. */
  session?: string;
  /** Gives up like an app whose request timed out. */
  signal?: AbortSignal;
  /** The researcher key to send; by default the right one on /api/research/ routes, false for none. */
  key?: string | false;
  /** Content-Type to send instead of application/json (null: none). */
  contentType?: string | null;
  headers?: Record<string, string>;
}

export async function call<T = any>(
  s: Platform,
  method: string,
  url: string,
  opts: CallOptions = {},
): Promise<Reply<T>> {
  const key = opts.key ?? (url.startsWith('/api/research/') ? RESEARCH_KEY : false);
  const body = opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  const contentType = opts.contentType === undefined ? 'application/json' : opts.contentType;
  const res = await fetch(s.base + url, {
    method,
    headers: {
      ...(contentType && body !== undefined ? { 'content-type': contentType } : {}),
      ...(key ? { 'x-research-key': key } : {}),
      ...opts.headers,
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.profile ? { 'x-rule-profile': opts.profile } : {}),
      ...(opts.session ? { 'x-research-session': opts.session } : {}),
    },
    body: contentType === null && body !== undefined ? new Blob([body]) : body,
    signal: opts.signal,
  });
  const text = await res.text();
  const answerType = res.headers.get('content-type') ?? '';
  const json = answerType.includes('json');
  const reply = { status: res.status, body: json && text ? JSON.parse(text) : (text as unknown as T) };
  const problems = await contractProblems({
    method,
    url,
    status: reply.status,
    contentType: answerType,
    body: reply.body,
    inResearchSession: Boolean(opts.session),
  });
  if (problems.length) throw new Error(`The answer breaks mock/openapi.yaml:\n${problems.join('\n')}`);
  return reply;
}

export async function login(s: Platform, personaId: string, profile?: string): Promise<string> {
  const r = await call(s, 'POST', '/api/session', { body: { personaId }, profile });
  if (r.status !== 201) throw new Error(`login ${personaId}: ${r.status}`);
  return r.body.token;
}

let n = 0;
export const requestId = () => `test-${Date.now()}-${++n}`;

export const xiaoming = (extra: Record<string, unknown> = {}) => ({
  requestId: requestId(),
  name: '张小明',
  idType: '居民身份证',
  idNumber: SEED_IDS.zhangXiaoming,
  phone: '13804510011',
  relation: '子女',
  startDate: TODAY,
  endDate: '',
  consent: true,
  ...extra,
});

export const bind = (s: Platform, token: string, body: unknown, profile?: string) =>
  call(s, 'POST', '/api/bindings', { token, body, profile });
export const list = async (s: Platform, token: string, profile?: string) =>
  (await call<any[]>(s, 'GET', '/api/bindings', { token, profile })).body;
export const balance = async (s: Platform, token: string) =>
  (await call(s, 'GET', '/api/me', { token })).body.balanceYuan as string;
