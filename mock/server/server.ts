// HTTP face of the mock platform: fastify parses requests and hands them to the shared router.
import fs from 'fs';
import path from 'path';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { createPlatform, type Platform } from '../platform/platform';
import { resolveProfile, type ProfileId, type RuleProfile } from '@domain/profiles';
import type { Seed } from '../platform/repo';
import { applySituation, situationById } from '../research/situations';
import { createResearch } from './research/routes';
import { createResearchStore, type StoredSession } from './research/store';
import { handleWithProfiles, PROFILE_HEADER, SESSION_HEADER } from '../platform/router';
import { buildSeed } from '../platform/seed';
import { clockOnChinaDate, todayInChina } from '@domain/dates';
import { createSqliteRepo, type SqliteRepo } from './sqliteRepo';
import type { ServerSettings } from './settings';

export interface BuiltServer {
  app: FastifyInstance;
  /** The platform and storage of the default profile. */
  platform: Platform;
  repo: SqliteRepo;
  /** The platform of any profile; each profile keeps its own data. */
  platformFor: (id: ProfileId) => Platform;
}

const MALFORMED = { code: 'MALFORMED_REQUEST', message: '请求格式不正确，请刷新后重试' };

/** The default profile uses the configured file; the others, the research store and each research
 * session sit beside it, one file each. */
function siblingFile(dbFile: string, suffix: string): string {
  return dbFile === ':memory:' ? dbFile : dbFile.replace(/(\.db)?$/, `-${suffix}.db`);
}

export async function buildServer(settings: Omit<ServerSettings, 'host' | 'port'>): Promise<BuiltServer> {
  const now = settings.fixedToday ? clockOnChinaDate(settings.fixedToday) : () => new Date();

  const spaces = new Map<string, { platform: Platform; repo: SqliteRepo }>();
  function openSpace(
    key: string,
    file: string,
    profile: RuleProfile,
    seed: (today: string) => Seed,
    allowReset: boolean,
  ) {
    let space = spaces.get(key);
    if (!space) {
      if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
      const repo = createSqliteRepo(file);
      if (repo.isEmpty()) repo.reset(seed(todayInChina(now())));
      space = { repo, platform: createPlatform({ repo, profile, now, allowReset, seed }) };
      spaces.set(key, space);
    }
    return space;
  }
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
    const situation = situationById(s.situation)!;
    const seed = (today: string) => applySituation(buildSeed(profile, today), situation, s.personaId, profile);
    return openSpace(`session:${s.id}`, siblingFile(settings.dbFile, `session-${s.id}`), profile, seed, true).platform;
  }
  const research = createResearch({
    store,
    platformOf: sessionPlatform,
    personas: () => {
      const r = main.platform.personas();
      return r.ok
        ? (r.data as { id: string; name: string; label: string }[]).map(({ id, name, label }) => ({ id, name, label }))
        : [];
    },
    faultHoldMs: settings.faultHoldMs ?? 15000,
    now,
    appUrl: settings.appUrl,
  });

  const app = Fastify({ logger: false, bodyLimit: 2 * 1024 * 1024 });
  app.addHook('onClose', async () => {
    for (const s of spaces.values()) s.repo.close();
    store.close();
  });

  // Bodies are parsed here so that any malformed one becomes a clean 400 and never reaches the rules.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.setErrorHandler((err: FastifyError, _req, reply) => {
    const status = err.statusCode && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 413) return reply.code(413).send({ code: 'BODY_TOO_LARGE', message: '提交的内容过大' });
    if (status >= 500) console.error('[mock platform]', err);
    return reply
      .code(status)
      .send(status >= 500 ? { code: 'INTERNAL_ERROR', message: '系统繁忙，请稍后再试' } : MALFORMED);
  });

  research.register(app, (raw) => {
    try {
      return typeof raw === 'string' && raw.trim() ? JSON.parse(raw) : undefined;
    } catch {
      return undefined;
    }
  });

  app.all('/api/*', async (req, reply) => {
    let body: unknown;
    const text = typeof req.body === 'string' ? req.body : '';
    if (text.trim()) {
      try {
        body = JSON.parse(text);
      } catch {
        return reply.code(400).send(MALFORMED);
      }
    }
    const profileHeader = req.headers[PROFILE_HEADER];
    const sessionHeader = req.headers[SESSION_HEADER];
    const apiReq = {
      method: req.method,
      path: req.url.replace(/\?.*$/, ''),
      authorization: req.headers.authorization,
      profile: typeof profileHeader === 'string' ? profileHeader : undefined,
      body,
    };
    const res =
      typeof sessionHeader === 'string' && sessionHeader
        ? await research.handleInSession(sessionHeader.toUpperCase(), apiReq)
        : handleWithProfiles(platformFor, settings.profileId, apiReq);
    return reply.code(res.status).header('cache-control', 'no-store').send(res.body);
  });

  if (settings.staticDir) {
    const root = path.resolve(settings.staticDir);
    await app.register((await import('@fastify/static')).default, { root, index: 'index.html' });
  }
  return { app, platform: main.platform, repo: main.repo, platformFor };
}
