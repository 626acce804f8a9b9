import type { Binding, BindingStatus } from './types';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Today in 北京时间 (UTC+8) as YYYY-MM-DD, whatever the machine's own time zone is. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * A clock pinned to one 北京时间 date that still ticks through the day, so records keep their order.
 * The time of day is taken in UTC+8: taken in UTC it would roll into the next China day after 16:00 UTC.
 */
export function clockOnChinaDate(day: string, realNow: () => Date = () => new Date()): () => Date {
  return () => {
    const chinaTimeOfDay = new Date(realNow().getTime() + 8 * 3600_000).toISOString().slice(11, 23);
    return new Date(`${day}T${chinaTimeOfDay}+08:00`);
  };
}

/** Year, month and day of YYYY-MM-DD (NaN for a part that is missing). */
function ymd(date: string): [number, number, number] {
  const [y = NaN, m = NaN, d = NaN] = date.split('-').map(Number);
  return [y, m, d];
}

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE_RE.test(value)) return false;
  const [y, m, d] = ymd(value);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Adds whole days to YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = ymd(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The authorization runs from the start date up to, not including, the end date: that is why the
 * end date may not be the start date (the period would be empty).
 */
export function bindingStatus(b: Pick<Binding, 'startDate' | 'endDate' | 'unboundAt'>, today: string): BindingStatus {
  if (b.unboundAt) return '已解绑';
  if (b.startDate > today) return '未生效';
  if (b.endDate && b.endDate <= today) return '已到期';
  return '生效中';
}

export function isActiveStatus(status: BindingStatus): boolean {
  return status === '未生效' || status === '生效中';
}

/** YYYY-MM-DD as people read it on a Chinese government screen: 2026年11月23日. */
export function chineseDate(date: string): string {
  if (!isIsoDate(date)) return date;
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The 北京时间 day of a timestamp, as YYYY-MM-DD. */
export const chinaDayOf = (timestamp: string): string => todayInChina(new Date(timestamp));

/** 授权期限 in words: from the start, to the end date, open-ended, or ended early by 解除绑定. */
export function periodText(b: { startDate: string; endDate: string | null; unboundAt?: string | null }): string {
  const from = `${chineseDate(b.startDate)}起`;
  if (b.unboundAt) return `${from}，已于${chineseDate(chinaDayOf(b.unboundAt))}解除`;
  return b.endDate ? `${from}，至${chineseDate(b.endDate)}止` : `${from}，长期有效`;
}
