// HTTP face of the mock platform: fastify parses requests and hands them to the shared router.
import fs from 'fs';
import path from 'path';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { createPlatform, type Platform } from '../core/platform';
import { resolveProfile, type ProfileId } from '../core/profiles';
import { handleWithProfiles, PROFILE_HEADER } from '../core/router';
import { buildSeed } from '../core/seed';
import { clockOnChinaDate, todayInChina } from '../core/dates';
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

/** The default profile uses the configured file; the others sit beside it, one file each. */
function dbFileFor(settings: Pick<ServerSettings, 'dbFile' | 'profileId'>, id: ProfileId): string {
  if (settings.dbFile === ':memory:' || id === settings.profileId) return settings.dbFile;
  return settings.dbFile.replace(/(\.db)?$/, `-${id}.db`);
}

export async function buildServer(settings: Omit<ServerSettings, 'host' | 'port'>): Promise<BuiltServer> {
  const now = settings.fixedToday ? clockOnChinaDate(settings.fixedToday) : () => new Date();

  const spaces = new Map<ProfileId, { platform: Platform; repo: SqliteRepo }>();
  function spaceFor(id: ProfileId) {
    let space = spaces.get(id);
    if (!space) {
      const file = dbFileFor(settings, id);
      if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
      const repo = createSqliteRepo(file);
      const profile = resolveProfile(id, { premiumFen: settings.premiumFen, memberLimit: settings.memberLimit });
      if (repo.isEmpty()) repo.reset(buildSeed(profile, todayInChina(now())));
      space = { repo, platform: createPlatform({ repo, profile, now, allowReset: settings.allowReset }) };
      spaces.set(id, space);
    }
    return space;
  }
  const platformFor = (id: ProfileId) => spaceFor(id).platform;
  const main = spaceFor(settings.profileId);

  const app = Fastify({ logger: false, bodyLimit: 2 * 1024 * 1024 });
  app.addHook('onClose', async () => {
    for (const s of spaces.values()) s.repo.close();
  });

  // Bodies are parsed here so that any malformed one becomes a clean 400 and never reaches the rules.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.setErrorHandler((err: FastifyError, _req, reply) => {
    const status = err.statusCode && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 413) return reply.code(413).send({ code: 'BODY_TOO_LARGE', message: '提交的内容过大' });
    if (status >= 500) console.error('[mock platform]', err);
    return reply.code(status).send(status >= 500 ? { code: 'INTERNAL_ERROR', message: '系统繁忙，请稍后再试' } : MALFORMED);
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
    const res = handleWithProfiles(platformFor, settings.profileId, {
      method: req.method,
      path: req.url.split('?')[0],
      authorization: req.headers.authorization,
      profile: typeof profileHeader === 'string' ? profileHeader : undefined,
      body,
    });
    return reply.code(res.status).header('cache-control', 'no-store').send(res.body);
  });

  if (settings.staticDir) {
    const root = path.resolve(settings.staticDir);
    await app.register((await import('@fastify/static')).default, { root, index: 'index.html' });
  }
  return { app, platform: main.platform, repo: main.repo, platformFor };
}
