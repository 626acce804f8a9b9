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
