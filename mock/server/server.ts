// HTTP face of the mock platform: fastify parses requests and hands them to the shared router.
// Everything a hostile client could send is answered here in the platform's own refusal format.
import fs from 'fs';
import path from 'path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { createPlatform, type Platform } from '../platform/platform';
import { isProfileId, PROFILE_CHOICES, resolveProfile, type ProfileId, type RuleProfile } from '@domain/profiles';
import { refusals, type Refusal, type Result } from '@domain/errors';
import type { Seed } from '../platform/repo';
import { applySituation, situationById } from '../research/situations';
import { createResearch } from './research/routes';
import { createResearchStore, type StoredSession } from './research/store';
import {
  handleInstitution,
  handleWithProfiles,
  institutionOperationOf,
  operationOf,
  PROFILE_HEADER,
  SESSION_HEADER,
} from '../platform/router';
import { buildSeed } from '../platform/seed';
import { clockOnChinaDate, todayInChina } from '@domain/dates';
import { createSqliteRepo, type SqliteRepo } from './sqliteRepo';
import { isLoopbackOnly, type ServerSettings } from './settings';
import { contentSecurityPolicy, inlineScriptHashes, securityHeaders } from './csp';
import { keyMatches, RESEARCH_KEY_HEADER } from './researchKey';
import { registerCashier } from './cashier/routes';

export interface BuiltServer {
  app: FastifyInstance;
  /** The platform and storage of the default profile. */
  platform: Platform;
  repo: SqliteRepo;
  /** The platform of any profile; each profile keeps its own data. */
  platformFor: (id: ProfileId) => Platform;
  /** The key the research console and API ask for. */
  researchKey: string;
  /** How many research session databases are open now. */
  openSessionSpaces: () => number;
}

export type BuildSettings = Omit<
  ServerSettings,
  | 'host'
  | 'port'
  | 'researchKey'
  | 'sessionIdleMinutes'
  | 'sessionMaxHours'
  | 'rateLimitPerMinute'
  | 'researchIdleSeconds'
> &
  Partial<
    Pick<
      ServerSettings,
      'researchKey' | 'sessionIdleMinutes' | 'sessionMaxHours' | 'rateLimitPerMinute' | 'researchIdleSeconds'
    >
  > & {
    /** Reset without the key is allowed only when nothing but this machine can reach the platform. */
    loopbackOnly?: boolean;
    /** The address it listens on (from the settings). */
    host?: string;
    /** The platform's clock; tests move it to make log-ins run out. */
    now?: () => Date;
    /** Time a client has to send a whole request (default 30 s). */
    requestTimeoutMs?: number;
  };

/** At most this many research session databases stay open (3 file handles each). */
export const MAX_OPEN_SESSION_SPACES = 32;

/** The default profile uses the configured file; the others, the research store and each research
 * session sit beside it, one file each. */
function siblingFile(dbFile: string, suffix: string): string {
  return dbFile === ':memory:' ? dbFile : dbFile.replace(/(\.db)?$/, `-${suffix}.db`);
}

const refusalOf = (r: Result<unknown>): Refusal =>
  r.ok ? { status: 500, code: 'INTERNAL_ERROR', message: '系统繁忙，请稍后再试' } : r.refusal;
const INTERNAL: Refusal = { status: 500, code: 'INTERNAL_ERROR', message: '系统繁忙，请稍后再试' };

export function sendRefusal(reply: FastifyReply, r: Result<unknown> | Refusal) {
  const refusal = 'ok' in r ? refusalOf(r) : r;
  return reply.code(refusal.status).header('cache-control', 'no-store').send(refusal);
}

/** Node's own answers to broken requests (before fastify sees them), in the same format. */
function rawRefusal(refusal: Refusal): string {
  const body = JSON.stringify(refusal);
  return (
    `HTTP/1.1 ${refusal.status} ${refusal.code}\r\nContent-Type: application/json; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}

/** Log-in and the submits are the requests worth guessing or flooding. */
const LIMITED = new Set(['login', 'createBinding', 'unbind', 'pay']);

export async function buildServer(settings: BuildSettings): Promise<BuiltServer> {
  const now = settings.now ?? (settings.fixedToday ? clockOnChinaDate(settings.fixedToday) : () => new Date());
  const researchKey = settings.researchKey ?? (await import('crypto')).randomBytes(12).toString('base64url');
  const sessionIdleMs = (settings.sessionIdleMinutes ?? 30) * 60_000;
  const sessionMaxMs = (settings.sessionMaxHours ?? 12) * 3600_000;
  const idleCloseMs = (settings.researchIdleSeconds ?? 60) * 1000;
  const requestTimeoutMs = settings.requestTimeoutMs ?? 30_000;

  interface Space {
    platform: Platform;
    repo: SqliteRepo;
    /** Research sessions' spaces are closed when idle and reopened on their next request. */
    closable: boolean;
    usedAt: number;
  }
  const spaces = new Map<string, Space>();
  const closeSpace = (key: string, space: Space) => {
    spaces.delete(key);
    space.repo.close();
  };
  const closableCount = () => [...spaces.values()].filter((s) => s.closable).length;
  function openSpace(
    key: string,
    file: string,
    profile: RuleProfile,
    seed: (today: string) => Seed,
    allowReset: boolean,
  ): Space {
    const found = spaces.get(key);
    if (found) {
      // Most recently used last: the first closable one is the one to close.
      spaces.delete(key);
      spaces.set(key, found);
      found.usedAt = Date.now();
      return found;
    }
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    const closable = key.startsWith('session:') && file !== ':memory:';
    if (closable) {
      for (const [k, s] of spaces) {
        if (closableCount() < MAX_OPEN_SESSION_SPACES) break;
        if (s.closable) closeSpace(k, s);
      }
    }
    const repo = createSqliteRepo(file);
    if (repo.isEmpty()) repo.reset(seed(todayInChina(now())));
    const platform = createPlatform({ repo, profile, now, allowReset, seed, sessionIdleMs, sessionMaxMs });
    const space = { repo, platform, closable, usedAt: Date.now() };
    spaces.set(key, space);
    return space;
  }
  const idleSweep = setInterval(
    () => {
      const before = Date.now() - idleCloseMs;
      for (const [k, s] of spaces) {
        if (s.closable && s.usedAt < before) closeSpace(k, s);
        else s.platform.purgeExpiredSessions();
      }
    },
    Math.min(idleCloseMs, 30_000),
  );
  idleSweep.unref();

  const overrides = { premiumFen: settings.premiumFen, memberLimit: settings.memberLimit };
  function spaceFor(id: ProfileId) {
    const profile = resolveProfile(id, overrides);
    const file = id === settings.profileId ? settings.dbFile : siblingFile(settings.dbFile, id);
    return openSpace(`profile:${id}`, file, profile, (today) => buildSeed(profile, today), settings.allowReset);
  }
  const platformFor = (id: ProfileId) => spaceFor(id).platform;
  const main = spaceFor(settings.profileId);

  // A research session has its own data, seeded for its situation, so participants never meet each other's.
  const store = createResearchStore(siblingFile(settings.dbFile, 'research'), now);
  function sessionPlatform(s: StoredSession): Platform {
    const profile = resolveProfile(s.profileId as ProfileId, overrides);
    const situation = situationById(s.situation);
    const seed = (today: string) => {
      const base = buildSeed(profile, today);
      return situation ? applySituation(base, situation, s.personaId, profile, today) : base;
    };
    return openSpace(`session:${s.id}`, siblingFile(settings.dbFile, `session-${s.id}`), profile, seed, true).platform;
  }
  const research = createResearch({
    store,
    platformOf: sessionPlatform,
    personas: () => {
      const r = main.platform.personas();
      return r.ok ? r.data.map(({ id, name, label }) => ({ id, name, label })) : [];
    },
    faultHoldMs: settings.faultHoldMs ?? 15000,
    now,
    appUrl: settings.appUrl,
  });

  const app = Fastify({
    logger: false,
    bodyLimit: 2 * 1024 * 1024,
    // Only the H5 dev server on this machine forwards for others (X-Forwarded-For); no one else is believed.
    // With `npm start -- --lan` it reaches the platform from the machine's own LAN address, which no
    // other device can send from.
    trustProxy: ['127.0.0.1', '::1', ...(settings.host && !isLoopbackOnly(settings.host) ? [settings.host] : [])],
    // Time to receive a whole request; a slow-loris client is cut off with 408.
    requestTimeout: requestTimeoutMs,
    http: { connectionsCheckingInterval: Math.max(100, Math.min(5_000, requestTimeoutMs / 2)) },
    // A bad URL escape and the like: never fastify's English text, never the path echoed back.
    frameworkErrors: (_err, _req, reply) => {
      void sendRefusal(reply, refusals.malformed());
    },
    // Node answers these before any route runs (a 70 KB header, a request too slow to arrive).
    clientErrorHandler: (err, socket) => {
      const code = (err as NodeJS.ErrnoException).code;
      const refusal =
        code === 'HPE_HEADER_OVERFLOW'
          ? refusalOf(refusals.headersTooLarge())
          : code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? refusalOf(refusals.requestTimeout())
            : refusalOf(refusals.malformed());
      if (socket.writable) socket.end(rawRefusal(refusal));
      else socket.destroy();
    },
  });
  app.addHook('onClose', async () => {
    clearInterval(idleSweep);
    for (const [k, s] of spaces) closeSpace(k, s);
    store.close();
  });

  // Only JSON is read; anything else is a 415 from fastify, answered below. A body that does not parse
  // is a 400 and never reaches the rules.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (!text.trim()) return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(Object.assign(new Error('malformed JSON'), { statusCode: 400, code: 'MALFORMED_JSON' }), undefined);
    }
  });

  app.setErrorHandler((err: { statusCode?: number; code?: string }, req, reply) => {
    // No route takes this method or path: whatever else is wrong with it (a QUERY without a
    // Content-Type, say), the answer is that there is no such service.
    if (req.is404) return sendRefusal(reply, refusals.routeNotFound());
    // The catch-all takes any /api/ path: one that names no operation is not found, whatever its body.
    if (req.routeOptions.url === '/api/*' && !operationOf(req.method, req.url.split('?')[0] ?? ''))
      return sendRefusal(reply, refusals.routeNotFound());
    const status = err.statusCode ?? 500;
    if (status === 415) return sendRefusal(reply, refusals.unsupportedMediaType());
    if (status === 413) return sendRefusal(reply, refusals.bodyTooLarge());
    if (status === 429) return sendRefusal(reply, refusals.tooManyRequests());
    if (status === 408) return sendRefusal(reply, refusals.requestTimeout());
    if (status < 500) return sendRefusal(reply, refusals.malformed());
    console.error('[mock platform]', err);
    return sendRefusal(reply, INTERNAL);
  });
  app.setNotFoundHandler((_req, reply) => sendRefusal(reply, refusals.routeNotFound()));

  const staticRoot = settings.staticDir ? path.resolve(settings.staticDir) : undefined;
  const consoleFile = path.join(__dirname, 'research', 'console.html');
  const cashierFile = path.join(__dirname, 'cashier', 'cashier.html');
  const hashesOf = (file: string) => (fs.existsSync(file) ? inlineScriptHashes(fs.readFileSync(file, 'utf8')) : []);
  const appHashes = staticRoot ? hashesOf(path.join(staticRoot, 'index.html')) : [];
  const headers = securityHeaders({
    contentSecurityPolicy: contentSecurityPolicy([...appHashes, ...hashesOf(consoleFile)]),
    // Served over plain HTTP on a LAN: an upgrade or HSTS would lock phones out.
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
  });

  const hasKey = (req: FastifyRequest) => keyMatches(req.headers[RESEARCH_KEY_HEADER], researchKey);
  const limitedOp = (req: FastifyRequest) =>
    req.method === 'POST' && LIMITED.has(operationOf(req.method, req.url.split('?')[0] ?? '') ?? '');
  // A wrong researcher key counts too, so the key cannot be guessed at speed.
  const wrongKey = (req: FastifyRequest) =>
    req.headers[RESEARCH_KEY_HEADER] !== undefined &&
    (req.url.startsWith('/api/research/') ||
      req.url.startsWith('/api/institution/') ||
      operationOf(req.method, req.url.split('?')[0] ?? '') === 'reset') &&
    !hasKey(req);
  await app.register((await import('@fastify/rate-limit')).default, {
    max: settings.rateLimitPerMinute ?? 30,
    timeWindow: 60_000,
    allowList: (req) => !limitedOp(req) && !wrongKey(req),
    keyGenerator: (req) => req.ip,
    errorResponseBuilder: (_req, ctx) => ({ statusCode: ctx.statusCode }),
  });

  // Researchers' routes need the key; a participant's link reaches only its own session.
  const participantRoute = (method: string, route: string) =>
    (method === 'GET' && route === '/api/research/sessions/:id') ||
    (method === 'POST' && route === '/api/research/sessions/:id/events');
  // preParsing: after the rate limit has counted the request (route-level onRequest), before any body is read.
  app.addHook('preParsing', (req, reply, payload, done) => {
    // An unknown route is a plain 404 for everyone; the key guards what exists.
    const route = req.routeOptions.url ?? '';
    // The 定点医药机构's side (settlement, 退费) is guarded like the research API: the institution is
    // not a citizen, and a citizen's log-in token opens none of it.
    const guarded = route.startsWith('/api/research/') || route.startsWith('/api/institution/');
    if (!guarded || participantRoute(req.method, route) || hasKey(req)) return done(null, payload);
    void sendRefusal(reply, refusals.researchKeyRequired());
  });

  research.register(app, consoleFile);
  registerCashier(app, cashierFile);

  // The institution's routes: the profile header or a research session picks whose data, as for the app.
  // Each is named (not a wildcard), so an unknown institution path is a plain 404 like any other.
  const institutionHandler = async (req: FastifyRequest, reply: FastifyReply) => {
    const urlPath = req.url.split('?')[0] ?? '';
    const sessionHeader = req.headers[SESSION_HEADER];
    const profileHeader = req.headers[PROFILE_HEADER];
    const sessionId = typeof sessionHeader === 'string' && sessionHeader !== '' ? sessionHeader.toUpperCase() : null;
    let platform: Platform;
    if (sessionId) {
      const s = store.getSession(sessionId);
      if (!s) return sendRefusal(reply, { status: 404, code: 'SESSION_NOT_FOUND', message: '没有找到这个研究会话' });
      platform = sessionPlatform(s);
    } else {
      const profile = typeof profileHeader === 'string' ? profileHeader : settings.profileId;
      if (!isProfileId(profile))
        return sendRefusal(
          reply,
          refusals.unknownProfile(/^[A-Za-z0-9_-]{1,20}$/.test(profile) ? profile : '…', PROFILE_CHOICES),
        );
      platform = platformFor(profile);
    }
    const res = handleInstitution(platform, { method: req.method, path: urlPath, body: req.body });
    if (sessionId) {
      const code = res.status >= 400 ? (res.body as { code?: string } | null)?.code : undefined;
      const action = institutionOperationOf(req.method, urlPath) ?? 'unknown';
      store.record(sessionId, { type: 'institution', action, status: res.status, code });
    }
    return reply.code(res.status).header('cache-control', 'no-store').send(res.body);
  };
  app.get('/api/institution/cards', institutionHandler);
  app.post('/api/institution/settlements', institutionHandler);
  app.get('/api/institution/settlements/:id', institutionHandler);
  app.post('/api/institution/settlements/:id/refund', institutionHandler);

  // The bench's ceiling: the same server, parsers, hooks and headers, but no rules and no database.
  if (settings.benchCeiling) {
    app.get('/bench/ceiling', async () => ({ ok: true }));
    app.post('/bench/ceiling', async () => ({ ok: true }));
  }

  // Methods outside these (PROPFIND, QUERY, …) meet the not-found answer, never a body parser.
  app.route({
    method: ['GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'OPTIONS'],
    url: '/api/*',
    handler: async (req, reply) => {
      const profileHeader = req.headers[PROFILE_HEADER];
      const sessionHeader = req.headers[SESSION_HEADER];
      const urlPath = req.url.split('?')[0] ?? '';
      const profile = typeof profileHeader === 'string' ? profileHeader : undefined;
      // Sent but empty is a mistake, not "the default".
      if (profile !== undefined && !isProfileId(profile))
        // Named back only when it looks like a profile id: a refusal never carries arbitrary text back.
        return sendRefusal(
          reply,
          refusals.unknownProfile(/^[A-Za-z0-9_-]{1,20}$/.test(profile) ? profile : '…', PROFILE_CHOICES),
        );
      const inSession = typeof sessionHeader === 'string' && sessionHeader !== '';
      if (operationOf(req.method, urlPath) === 'reset' && !inSession && !settings.loopbackOnly && !hasKey(req))
        return sendRefusal(reply, refusals.resetNeedsKey());
      const apiReq = {
        method: req.method,
        // With its query: the history reads filter by it.
        path: req.url,
        authorization: req.headers.authorization,
        profile,
        body: req.body,
      };
      const res = inSession
        ? await research.handleInSession(sessionHeader.toUpperCase(), apiReq)
        : handleWithProfiles(platformFor, settings.profileId, apiReq);
      return reply.code(res.status).header('cache-control', 'no-store').send(res.body);
    },
  });

  if (staticRoot)
    await app.register((await import('@fastify/static')).default, { root: staticRoot, index: 'index.html' });
  return {
    app,
    platform: main.platform,
    repo: main.repo,
    platformFor,
    researchKey,
    openSessionSpaces: closableCount,
  };
}
