// What the app reads of the platform's 共济 history. Identity data arrives masked.

/** 共济结算: a relative's bill; 退费: money returned to the account; 代缴: a premium paid for a relative. */
export type UsageKind = '共济结算' | '退费' | '代缴';

export interface UsageEntry {
  id: string;
  kind: UsageKind;
  /** When it was paid, ISO 8601. */
  at: string;
  /** The person it was for (stable across bindings), for the filter. */
  relativeKey: string;
  relativeName: string;
  relation: string;
  institution: string;
  /** What left (or, for 退费, came back to) the authorizer's personal account, in 分, always ≥ 0. */
  amountFen: number;
  balanceAfterFen: number;
}

export interface GrantEntry {
  id: string;
  authorizerName: string;
  relation: string;
  startDate: string;
  endDate: string | null;
  unboundAt: string | null;
  status: '未生效' | '生效中' | '已到期' | '已解绑';
  usage: UsageEntry[];
}
