// Domain types shared by the mock platform (HTTP and in-process) and the app.

export const RELATIONS = ['配偶', '父母', '子女', '兄弟姐妹', '祖父母', '外祖父母', '孙子女', '外孙子女'] as const;
export type Relation = (typeof RELATIONS)[number];

export const ID_TYPES = ['居民身份证', '港澳台居民居住证', '外国人永久居留身份证'] as const;
export type IdType = (typeof ID_TYPES)[number];

/** The binding form's fields, in the order the screen shows them. */
export const FORM_FIELDS = ['name', 'idType', 'idNumber', 'phone', 'relation', 'startDate', 'endDate'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export type InsuranceType = '职工医保' | '城乡居民医保';
export type InsuranceStatus = '正常参保' | '暂停参保' | '未参保';
export type BindingStatus = '未生效' | '生效中' | '已到期' | '已解绑';

/** Money is kept in 分 (integer) everywhere so sums never drift. */
export type Fen = number;

export interface Person {
  name: string;
  idType: IdType;
  idNumber: string;
  phone: string;
  /** 6-digit code of the 统筹区 where the person is insured. */
  regionCode: string;
  regionName: string;
  insuranceType: InsuranceType;
  status: InsuranceStatus;
  /**
   * The person's own personal account (个人账户) in 分, for someone insured as 职工医保 who is not a
   * persona (an authorizer's own account is `Authorizer.balanceFen`). 城乡居民医保 has no such account.
   */
  accountFen?: Fen;
}

export interface Authorizer extends Person {
  id: string;
  /** One line shown on the persona picker, e.g. 余额充足. */
  label: string;
  balanceFen: Fen;
}

export interface Binding {
  id: string;
  authorizerId: string;
  relativeName: string;
  relativeIdType: IdType;
  relativeIdNumber: string;
  relativePhone: string;
  relation: Relation;
  startDate: string;
  endDate: string | null;
  createdAt: string;
  unboundAt: string | null;
  signature: string | null;
  proofs: string[];
}

export interface Payment {
  id: string;
  authorizerId: string;
  bindingId: string;
  relativeIdNumber: string;
  year: number;
  amountFen: Fen;
  paidAt: string;
  balanceAfterFen: Fen;
}

export interface Session {
  token: string;
  authorizerId: string;
  createdAt: string;
  /** The last request made with it; a session idle too long ends. */
  lastSeenAt: string;
}

export interface StoredResponse {
  key: string;
  fingerprint: string;
  status: number;
  body: unknown;
}

/** What a 定点医药机构 bills, line by line (生活用品 is never paid by 医保 money). */
export const LINE_CATEGORIES = ['药品', '医疗器械', '医用耗材', '诊疗', '生活用品'] as const;
export type LineCategory = (typeof LINE_CATEGORIES)[number];

export const INSTITUTION_KINDS = ['定点零售药店', '定点医疗机构'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

/** A hospital bill is for an outpatient/emergency visit or a stay. */
export const VISIT_TYPES = ['门(急)诊', '住院'] as const;
export type VisitType = (typeof VISIT_TYPES)[number];

export interface Institution {
  name: string;
  kind: InstitutionKind;
  /** 6-digit 统筹区 code where the institution is. */
  regionCode: string;
  visitType: VisitType | null;
}

export interface SettlementLine {
  category: LineCategory;
  name: string;
  amountFen: Fen;
}

/** One authorizer's share of a settlement. */
export interface MutualAidShare {
  authorizerId: string;
  bindingId: string;
  amountFen: Fen;
}

/** A bill settled for a person at a 定点医药机构; the institution's settlement id is its id. */
export interface Settlement {
  id: string;
  relativeIdNumber: string;
  relativeName: string;
  institution: Institution;
  lines: SettlementLine[];
  totalFen: Fen;
  fundFen: Fen;
  ownAccountFen: Fen;
  mutualAid: MutualAidShare[];
  cashFen: Fen;
  /** Why 共济 paid nothing or less than the bill's share it may pay (codes, see settlement.ts). */
  notes: string[];
  settledAt: string;
  refundedAt: string | null;
}

/** A movement on an authorizer's personal account caused by a relative's settlement or its refund. */
export interface AccountEntry {
  id: string;
  authorizerId: string;
  bindingId: string;
  relativeIdNumber: string;
  settlementId: string;
  kind: '共济结算' | '退费';
  institutionName: string;
  /** Always positive: 共济结算 takes it out, 退费 puts it back. */
  amountFen: Fen;
  balanceAfterFen: Fen;
  at: string;
}
