// What the platform sends about 共济 in use: the institution's 结算单, the authorizer's 共济使用明细 and
// the relative's 授权我的. Names and ID numbers are masked; a relative never sees the authorizer's balance.
import { bindingStatus, chinaDayOf } from './dates';
import { maskIdNumber, maskName } from './mask';
import { formatYuan } from './money';
import { SETTLEMENT_NOTES, type SettlementNote } from './settlement';
import type { AccountEntry, Binding, BindingStatus, Fen, Institution, Payment, Settlement } from './types';

export interface SettlementView {
  id: string;
  status: '已结算' | '已退费';
  settledAt: string;
  refundedAt: string | null;
  relative: { name: string; idNumber: string };
  institution: Institution;
  lines: { category: string; name: string; amountFen: Fen; amountYuan: string }[];
  totalFen: Fen;
  totalYuan: string;
  fundFen: Fen;
  fundYuan: string;
  ownAccountFen: Fen;
  ownAccountYuan: string;
  mutualAidFen: Fen;
  mutualAidYuan: string;
  /** Whose account paid, in paying order (masked). */
  mutualAid: { authorizerName: string; amountFen: Fen; amountYuan: string }[];
  cashFen: Fen;
  cashYuan: string;
  notes: { code: SettlementNote; message: string }[];
}

export function settlementView(s: Settlement, nameOf: (authorizerId: string) => string): SettlementView {
  const mutualAidFen = s.mutualAid.reduce((n, m) => n + m.amountFen, 0);
  return {
    id: s.id,
    status: s.refundedAt ? '已退费' : '已结算',
    settledAt: s.settledAt,
    refundedAt: s.refundedAt,
    relative: { name: maskName(s.relativeName), idNumber: maskIdNumber(s.relativeIdNumber) },
    institution: s.institution,
    lines: s.lines.map((l) => ({ ...l, amountYuan: formatYuan(l.amountFen) })),
    totalFen: s.totalFen,
    totalYuan: formatYuan(s.totalFen),
    fundFen: s.fundFen,
    fundYuan: formatYuan(s.fundFen),
    ownAccountFen: s.ownAccountFen,
    ownAccountYuan: formatYuan(s.ownAccountFen),
    mutualAidFen,
    mutualAidYuan: formatYuan(mutualAidFen),
    mutualAid: s.mutualAid.map((m) => ({
      authorizerName: maskName(nameOf(m.authorizerId)),
      amountFen: m.amountFen,
      amountYuan: formatYuan(m.amountFen),
    })),
    cashFen: s.cashFen,
    cashYuan: formatYuan(s.cashFen),
    notes: s.notes
      .filter((c): c is SettlementNote => c in SETTLEMENT_NOTES)
      .map((code) => ({ code, message: SETTLEMENT_NOTES[code] })),
  };
}

export type UsageKind = '共济结算' | '退费' | '代缴';

/** One movement, as the relative may see it (no balance: that is the authorizer's own business). */
export interface UsageItem {
  id: string;
  kind: UsageKind;
  at: string;
  /** 北京时间 day and month, YYYY-MM-DD and YYYY-MM. */
  date: string;
  month: string;
  bindingId: string;
  /** The institution, or for 代缴 what was paid. */
  institutionName: string;
  /** 'out' leaves the authorizer's account (共济结算, 代缴); 'in' returns to it (退费). */
  direction: 'out' | 'in';
  amountFen: Fen;
  amountYuan: string;
  settlementId: string | null;
  /** 代缴's premium year. */
  year: number | null;
}

/** One movement on the authorizer's own account. */
export interface UsageEntry extends UsageItem {
  relativeName: string;
  relation: string;
  balanceAfterFen: Fen;
  balanceAfterYuan: string;
}

export interface UsageTotals {
  count: number;
  /** 共济结算 and 代缴 together. */
  outFen: Fen;
  outYuan: string;
  /** 退费 returned. */
  inFen: Fen;
  inYuan: string;
  /** What the account is down by over the list: out − in. */
  netFen: Fen;
  netYuan: string;
}

export interface UsageView {
  filter: { relative: string | null; month: string | null };
  /** The relatives who appear in the account's history (for the filter), each named by a binding id. */
  relatives: { bindingId: string; name: string; relation: string }[];
  /** Months with movements, newest first (for the filter). */
  months: string[];
  items: UsageEntry[];
  totals: UsageTotals;
}

const newestFirst = <T extends { at: string; id: string }>(a: T, b: T) =>
  a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.id < b.id ? 1 : -1;

export function usageItem(e: AccountEntry | Payment): UsageItem {
  const at = 'paidAt' in e ? e.paidAt : e.at;
  const date = chinaDayOf(at);
  const base = { id: e.id, at, date, month: date.slice(0, 7), bindingId: e.bindingId };
  if ('paidAt' in e)
    return {
      ...base,
      kind: '代缴',
      institutionName: `城乡居民医保费（${e.year}年度）`,
      direction: 'out',
      amountFen: e.amountFen,
      amountYuan: formatYuan(e.amountFen),
      settlementId: null,
      year: e.year,
    };
  return {
    ...base,
    kind: e.kind,
    institutionName: e.institutionName,
    direction: e.kind === '退费' ? 'in' : 'out',
    amountFen: e.amountFen,
    amountYuan: formatYuan(e.amountFen),
    settlementId: e.settlementId,
    year: null,
  };
}

export function usageTotals(items: UsageItem[]): UsageTotals {
  const outFen = items.filter((i) => i.direction === 'out').reduce((n, i) => n + i.amountFen, 0);
  const inFen = items.filter((i) => i.direction === 'in').reduce((n, i) => n + i.amountFen, 0);
  return {
    count: items.length,
    outFen,
    outYuan: formatYuan(outFen),
    inFen,
    inYuan: formatYuan(inFen),
    netFen: outFen - inFen,
    netYuan: formatYuan(outFen - inFen),
  };
}

/** The authorizer's 共济使用明细: every settlement, refund and 代缴 on their account, newest first. */
export function usageView(
  entries: (AccountEntry | Payment)[],
  bindings: Binding[],
  filter: { relativeIdNumber: string | null; relative: string | null; month: string | null },
): UsageView {
  const bindingOf = new Map(bindings.map((b) => [b.id, b]));
  const all = entries
    .map((e) => {
      const b = bindingOf.get(e.bindingId);
      const item = usageItem(e);
      return {
        ...item,
        relativeName: maskName(b?.relativeName ?? ''),
        relation: b?.relation ?? '',
        balanceAfterFen: e.balanceAfterFen,
        balanceAfterYuan: formatYuan(e.balanceAfterFen),
        relativeIdNumber: e.relativeIdNumber,
      };
    })
    .sort(newestFirst);
  const relatives = new Map<string, { bindingId: string; name: string; relation: string }>();
  for (const e of all) {
    const b = bindingOf.get(e.bindingId);
    if (b && !relatives.has(b.relativeIdNumber))
      relatives.set(b.relativeIdNumber, { bindingId: b.id, name: maskName(b.relativeName), relation: b.relation });
  }
  const items = all
    .filter((e) => !filter.relativeIdNumber || e.relativeIdNumber === filter.relativeIdNumber)
    .filter((e) => !filter.month || e.month === filter.month)
    .map(({ relativeIdNumber: _hidden, ...e }) => e);
  return {
    filter: { relative: filter.relative, month: filter.month },
    relatives: [...relatives.values()],
    months: [...new Set(all.map((e) => e.month))],
    items,
    totals: usageTotals(items),
  };
}

export interface GrantView {
  bindingId: string;
  authorizerName: string;
  authorizerIdNumber: string;
  /** The relation the authorizer declared: the relative is the authorizer's 父母, 子女, … */
  relation: string;
  status: BindingStatus;
  startDate: string;
  endDate: string | null;
  unboundAt: string | null;
  used: UsageTotals;
  items: UsageItem[];
}

export interface AuthorizedMeView {
  me: { name: string; idNumber: string; insuranceType: string };
  grants: GrantView[];
  /** Over every grant. */
  totals: UsageTotals;
}

/** 授权我的: who authorizes this person, and what each authorization has paid for them. */
export function authorizedMeView(
  me: { name: string; idNumber: string; insuranceType: string },
  bindings: Binding[],
  entries: (AccountEntry | Payment)[],
  authorizerOf: (id: string) => { name: string; idNumber: string } | undefined,
  today: string,
): AuthorizedMeView {
  const items = entries.map(usageItem).sort(newestFirst);
  const grants = [...bindings]
    .sort((x, y) => (x.createdAt < y.createdAt ? 1 : -1))
    .map((b) => {
      const a = authorizerOf(b.authorizerId);
      const mine = items.filter((i) => i.bindingId === b.id);
      return {
        bindingId: b.id,
        authorizerName: maskName(a?.name ?? ''),
        authorizerIdNumber: maskIdNumber(a?.idNumber ?? ''),
        relation: b.relation,
        status: bindingStatus(b, today),
        startDate: b.startDate,
        endDate: b.endDate,
        unboundAt: b.unboundAt,
        used: usageTotals(mine),
        items: mine,
      };
    });
  return {
    me: { name: maskName(me.name), idNumber: maskIdNumber(me.idNumber), insuranceType: me.insuranceType },
    grants,
    totals: usageTotals(items.filter((i) => bindings.some((b) => b.id === i.bindingId))),
  };
}
