// The mock platform's settings, read from the environment in this one place.
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
}

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
  };
}
