// What the app reads of the platform's 共济 history (GET /api/mutual-aid/usage and /authorizations).
// Identity data arrives masked; amounts come as 分 and as formatted 元.

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
  amountFen: number;
  amountYuan: string;
}

/** One movement on the authorizer's own account. */
export interface UsageEntry extends UsageItem {
  relativeName: string;
  relation: string;
  balanceAfterFen: number;
  balanceAfterYuan: string;
}

export interface UsageTotals {
  count: number;
  outFen: number;
  outYuan: string;
  inFen: number;
  inYuan: string;
  netFen: number;
  netYuan: string;
}

export interface UsageView {
  filter: { relative: string | null; month: string | null };
  /** Everyone in the account's history, each named by a binding id (the filter's value). */
  relatives: { bindingId: string; name: string; relation: string }[];
  /** Months with movements, newest first. */
  months: string[];
  items: UsageEntry[];
  totals: UsageTotals;
}

export interface GrantView {
  bindingId: string;
  authorizerName: string;
  authorizerIdNumber: string;
  /** The relation the authorizer declared: the relative is the authorizer's 父母, 子女, … */
  relation: string;
  status: '未生效' | '生效中' | '已到期' | '已解绑';
  startDate: string;
  endDate: string | null;
  unboundAt: string | null;
  used: UsageTotals;
  items: UsageItem[];
}

export interface AuthorizedMeView {
  grants: GrantView[];
  totals: UsageTotals;
}
