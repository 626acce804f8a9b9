// Words for the 共济使用明细 filters.
import type { UsageItem, UsageView } from './types';

export interface UsageFilter {
  /** A binding id naming the relative, or '' for everyone. */
  relative: string;
  /** YYYY-MM in 北京时间, or '' for every month. */
  month: string;
}

export const NO_FILTER: UsageFilter = { relative: '', month: '' };

/** 2026-11 → 2026年11月 */
export const monthLabel = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;

/**
 * The relatives to choose from, each once. Masked names can look alike (two 张** 子女): the later one is
 * numbered, so each choice on the picker names one person.
 */
export function relativeChoices(relatives: UsageView['relatives']): { key: string; label: string }[] {
  const labels = new Set<string>();
  return relatives.map((r) => {
    const base = `${r.name}（${r.relation}）`;
    let label = base;
    for (let n = 2; labels.has(label); n++) label = `${base}${n}`;
    labels.add(label);
    return { key: r.bindingId, label };
  });
}

export const sameFilter = (a: UsageFilter, b: UsageFilter) => a.relative === b.relative && a.month === b.month;

/** The settlements whose 退费 is in the list: their own line is marked 已退费, so the two read together. */
export const refundedIn = (items: readonly UsageItem[]) =>
  new Set(items.filter((i) => i.kind === '退费' && i.settlementId).map((i) => i.settlementId));
