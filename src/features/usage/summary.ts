// The 共济使用明细 filters and totals, computed from the history the platform sent, so a filter
// change shows at once and needs no request (and works the same offline).
import { chinaDayOf } from '@domain/dates';
import type { UsageEntry } from './types';

export interface UsageFilter {
  /** relativeKey, or '' for everyone. */
  relative: string;
  /** YYYY-MM in 北京时间, or '' for every month. */
  month: string;
}

export const NO_FILTER: UsageFilter = { relative: '', month: '' };

export const monthOf = (e: Pick<UsageEntry, 'at'>) => chinaDayOf(e.at).slice(0, 7);

/** 2026-11 → 2026年11月 */
export const monthLabel = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;

export const applyFilter = (entries: readonly UsageEntry[], f: UsageFilter) =>
  entries.filter((e) => (!f.relative || e.relativeKey === f.relative) && (!f.month || monthOf(e) === f.month));

export interface UsageTotals {
  /** Paid out of the account: 共济结算 and 代缴. */
  paidFen: number;
  paidCount: number;
  /** Returned to the account by 退费. */
  refundedFen: number;
  refundedCount: number;
  /** What the account gave in the end. */
  netFen: number;
}

export function totalsOf(entries: readonly UsageEntry[]): UsageTotals {
  let paidFen = 0;
  let paidCount = 0;
  let refundedFen = 0;
  let refundedCount = 0;
  for (const e of entries) {
    if (e.kind === '退费') {
      refundedFen += e.amountFen;
      refundedCount += 1;
    } else {
      paidFen += e.amountFen;
      paidCount += 1;
    }
  }
  return { paidFen, paidCount, refundedFen, refundedCount, netFen: paidFen - refundedFen };
}

/**
 * The relatives in the history, in the order first met, each once (one person may have had two
 * bindings). Masked names can look alike (two 张** 子女): the later one is numbered to tell them apart.
 */
export function relativesOf(entries: readonly UsageEntry[]): { key: string; label: string }[] {
  const seen = new Map<string, string>();
  const labels = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.relativeKey)) continue;
    const base = `${e.relativeName}（${e.relation}）`;
    let label = base;
    for (let n = 2; labels.has(label); n++) label = `${base}${n}`;
    labels.add(label);
    seen.set(e.relativeKey, label);
  }
  return [...seen].map(([key, label]) => ({ key, label }));
}

/** Months with entries, newest first. */
export const monthsOf = (entries: readonly UsageEntry[]) => [...new Set(entries.map(monthOf))].sort().reverse();
