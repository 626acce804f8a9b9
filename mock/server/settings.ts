// The mock platform's settings, read from the environment in this one place.
import { randomBytes } from 'crypto';
import path from 'path';
import { DEFAULT_PROFILE, isProfileId, PROFILE_CHOICES, type ProfileId } from '@domain/profiles';
import { isIsoDate } from '@domain/dates';

export interface ServerSettings {
  host: string;
  port: number;
  dbFile: string;
  profileId: ProfileId;
  premiumFen?: number;
  memberLimit?: number;
  /** A fixed 北京时间 date (YYYY-MM-DD) for demos that must behave the same every day. */
  fixedToday?: string;
  allowReset: boolean;
  staticDir?: string;
  /** How long a research session's "timeout" fault holds an answer (the app gives up after 10 s). */
  faultHoldMs?: number;
  /** The app's address as participants' phones open it (research links and QR codes); else the console's own. */
  appUrl?: string;
  /** What the research console, the research API and reset ask for (x-research-key). */
  researchKey: string;
  /** True when the key was made up at start: `npm start` prints it. */
  researchKeyGenerated?: boolean;
  /** A citizen's log-in ends after this many minutes without a request… */
  sessionIdleMinutes: number;
  /** …and after this many hours in all. */
  sessionMaxHours: number;
  /** Log-ins and submits per client (IP address) per minute. */
  rateLimitPerMinute: number;
  /** A research session's database is closed after this many seconds without a request. */
  researchIdleSeconds: number;
  /** `npm run bench` only: a bare route with no rules and no database, measured as the ceiling. */
  benchCeiling?: boolean;
}

/** Only these count as "loopback only": any other address, 127.0.0.2 included, is treated as a network. */
export const isLoopbackOnly = (host: string) => ['127.0.0.1', '::1', 'localhost'].includes(host);

export class SettingsError extends Error {}

function positiveInt(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new SettingsError(`${name} 应为正整数，现在是「${raw}」`);
  return n;
}

function httpUrl(name: string, raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SettingsError(`${name} 应为 http(s) 地址，现在是「${raw}」`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new SettingsError(`${name} 应为 http(s) 地址，现在是「${raw}」`);
  return url.href;
}

export function readSettings(env: Record<string, string | undefined> = process.env): ServerSettings {
  const profile = env.MOCK_PROFILE || DEFAULT_PROFILE;
  if (!isProfileId(profile)) {
    throw new SettingsError(`没有「${profile}」这个规则配置，可选：${PROFILE_CHOICES}`);
  }
  const premiumYuan = positiveInt('MOCK_PREMIUM_YUAN', env.MOCK_PREMIUM_YUAN);
  if (env.MOCK_TODAY && !isIsoDate(env.MOCK_TODAY))
    throw new SettingsError(`MOCK_TODAY 应为 YYYY-MM-DD，现在是「${env.MOCK_TODAY}」`);
  const researchKey = env.MOCK_RESEARCH_KEY || undefined;
  if (researchKey !== undefined && !/^[A-Za-z0-9_-]{12,128}$/.test(researchKey))
    throw new SettingsError('MOCK_RESEARCH_KEY 应为 12 到 128 位字母、数字、- 或 _');
  return {
    host: env.MOCK_HOST || '127.0.0.1',
    port: positiveInt('MOCK_PORT', env.MOCK_PORT) ?? 18080,
    dbFile: env.MOCK_DB || path.resolve(__dirname, '../../.data/platform.db'),
    profileId: profile,
    premiumFen: premiumYuan === undefined ? undefined : premiumYuan * 100,
    memberLimit: positiveInt('MOCK_MEMBER_LIMIT', env.MOCK_MEMBER_LIMIT),
    fixedToday: env.MOCK_TODAY || undefined,
    allowReset: env.MOCK_ALLOW_RESET !== 'false',
    staticDir: env.MOCK_STATIC_DIR || undefined,
    faultHoldMs: positiveInt('MOCK_FAULT_HOLD_MS', env.MOCK_FAULT_HOLD_MS),
    appUrl: httpUrl('MOCK_APP_URL', env.MOCK_APP_URL),
    researchKey: researchKey ?? randomBytes(12).toString('base64url'),
    researchKeyGenerated: !researchKey,
    sessionIdleMinutes: positiveInt('MOCK_SESSION_IDLE_MINUTES', env.MOCK_SESSION_IDLE_MINUTES) ?? 30,
    sessionMaxHours: positiveInt('MOCK_SESSION_MAX_HOURS', env.MOCK_SESSION_MAX_HOURS) ?? 12,
    rateLimitPerMinute: positiveInt('MOCK_RATE_LIMIT', env.MOCK_RATE_LIMIT) ?? 30,
    researchIdleSeconds: positiveInt('MOCK_RESEARCH_IDLE_SECONDS', env.MOCK_RESEARCH_IDLE_SECONDS) ?? 60,
    benchCeiling: env.MOCK_BENCH_CEILING === '1',
  };
}
