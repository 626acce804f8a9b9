// How a relative's bill at a 定点医药机构 is split: 统筹基金 (as the institution reports it), then the
// relative's own personal account and 共济 in the profile's order, then cash. Pure: the HTTP platform,
// the offline platform and the app's screens share it.
import { bindingStatus } from './dates';
import type { FieldError } from './errors';
import type { SettlementRules } from './profiles';
import {
  INSTITUTION_KINDS,
  LINE_CATEGORIES,
  VISIT_TYPES,
  type Binding,
  type Fen,
  type Institution,
  type SettlementLine,
} from './types';

/**
 * Why 共济 paid nothing, or not the whole share it may pay. These are successful settlements (the fund,
 * the own account and cash still pay), each with a stable code and a plain reason for the 结算单.
 */
export const SETTLEMENT_NOTES = {
  MUTUAL_AID_OUT_OF_AREA: '异地就医结算不使用共济账户，共济账户未支付',
  MUTUAL_AID_CASH_ONLY_LINES: '生活用品不属于医保支付范围，须个人现金支付',
  MUTUAL_AID_OUT_OF_SCOPE: '部分项目不在共济账户支付范围内，须个人支付',
  MUTUAL_AID_NO_BINDING: '该参保人没有共济授权，共济账户未支付',
  MUTUAL_AID_NOT_STARTED: '共济授权尚未生效，共济账户未支付',
  MUTUAL_AID_ENDED: '共济授权已到期或已解除，共济账户未支付',
  MUTUAL_AID_BALANCE_SHORT: '授权人个人账户余额不足，其余部分由个人现金支付',
  MUTUAL_AID_NOT_NEEDED: '个人账户已支付全部个人负担，共济账户未支付',
} as const;
export type SettlementNote = keyof typeof SETTLEMENT_NOTES;

export const MAX_LINES = 50;
/** 100 万元: no single bill at a 定点医药机构 comes near it. */
export const MAX_AMOUNT_FEN = 100_000_000;
const SETTLEMENT_ID = /^[A-Za-z0-9_-]{8,64}$/;
const REGION = /^\d{6}$/;
/** The card's number; whether it belongs to an insured person is the records' question. */
const CARD_NUMBER = /^[0-9A-Z]{15,18}$/;

export interface SettlementRequest {
  settlementId: string;
  relative: { idNumber: string; name: string };
  institution: Institution;
  lines: SettlementLine[];
  totalFen: Fen;
  fundFen: Fen;
}

export type SettlementField =
  | 'settlementId'
  | 'relative.idNumber'
  | 'relative.name'
  | 'institution.name'
  | 'institution.kind'
  | 'institution.regionCode'
  | 'institution.visitType'
  | 'lines'
  | 'total'
  | 'fund';

export interface SettlementFieldError {
  field: SettlementField | `lines[${number}]`;
  code: string;
  message: string;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = <T extends string>(list: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (list as readonly string[]).includes(v);

/** 12.5 → 1250 分; undefined for a negative, non-finite, over-large amount or one with more than 2 decimals. */
export function yuanToFen(v: unknown): Fen | undefined {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return undefined;
  const fen = Math.round(v * 100);
  if (Math.abs(v * 100 - fen) > 1e-6 || fen > MAX_AMOUNT_FEN) return undefined;
  return fen;
}

const AMOUNT_MESSAGE = '应为不小于 0 的金额（元），最多两位小数';

/** The institution's request, checked field by field; every problem is listed, nothing is settled. */
export function readSettlementRequest(raw: Record<string, unknown>): SettlementRequest | SettlementFieldError[] {
  const errors: SettlementFieldError[] = [];
  const err = (field: SettlementFieldError['field'], code: string, message: string) =>
    errors.push({ field, code, message });
  const settlementId = raw.settlementId;
  if (typeof settlementId !== 'string' || !SETTLEMENT_ID.test(settlementId))
    err('settlementId', 'SETTLEMENT_ID_INVALID', '结算流水号缺失或格式不正确（8 到 64 位字母、数字、- 或 _）');

  const rel = isObj(raw.relative) ? raw.relative : {};
  const idNumber = typeof rel.idNumber === 'string' ? rel.idNumber.trim().toUpperCase() : '';
  const name = typeof rel.name === 'string' ? rel.name.trim() : '';
  if (!CARD_NUMBER.test(idNumber)) err('relative.idNumber', 'CREDENTIAL_INVALID', '医保电子凭证的证件号码不正确');
  if (!name) err('relative.name', 'CREDENTIAL_NAME_REQUIRED', '医保电子凭证缺少姓名');

  const inst = isObj(raw.institution) ? raw.institution : {};
  const instName = typeof inst.name === 'string' ? inst.name.trim() : '';
  if (!instName || instName.length > 60)
    err('institution.name', 'INSTITUTION_NAME_INVALID', '请填写定点医药机构名称（不超过 60 个字）');
  if (!has(INSTITUTION_KINDS, inst.kind))
    err('institution.kind', 'INSTITUTION_KIND_INVALID', `机构类型应为${INSTITUTION_KINDS.join('或')}`);
  if (typeof inst.regionCode !== 'string' || !REGION.test(inst.regionCode))
    err('institution.regionCode', 'REGION_CODE_INVALID', '统筹区编码应为 6 位数字');
  const hospital = inst.kind === '定点医疗机构';
  const visitType = inst.visitType ?? null;
  if (hospital && !has(VISIT_TYPES, visitType))
    err('institution.visitType', 'VISIT_TYPE_REQUIRED', `医疗机构结算须注明就诊类型：${VISIT_TYPES.join('或')}`);
  if (!hospital && visitType !== null)
    err('institution.visitType', 'VISIT_TYPE_NOT_ALLOWED', '零售药店结算没有就诊类型');

  const lines: SettlementLine[] = [];
  if (!Array.isArray(raw.lines) || raw.lines.length === 0 || raw.lines.length > MAX_LINES) {
    err('lines', 'LINES_REQUIRED', `结算明细应有 1 到 ${MAX_LINES} 项`);
  } else {
    raw.lines.forEach((l: unknown, i) => {
      const line = isObj(l) ? l : {};
      const lineName = typeof line.name === 'string' ? line.name.trim() : '';
      const amountFen = yuanToFen(line.amount);
      if (!has(LINE_CATEGORIES, line.category))
        err(`lines[${i}]`, 'LINE_CATEGORY_INVALID', `第 ${i + 1} 项的类别应为${LINE_CATEGORIES.join('、')}之一`);
      else if (!lineName || lineName.length > 60)
        err(`lines[${i}]`, 'LINE_NAME_INVALID', `第 ${i + 1} 项缺少名称（不超过 60 个字）`);
      else if (amountFen === undefined) err(`lines[${i}]`, 'AMOUNT_INVALID', `第 ${i + 1} 项金额${AMOUNT_MESSAGE}`);
      else lines.push({ category: line.category, name: lineName, amountFen });
    });
  }
  const totalFen = yuanToFen(raw.total);
  const fundFen = yuanToFen(raw.fund);
  if (totalFen === undefined) err('total', 'AMOUNT_INVALID', `医疗费总额${AMOUNT_MESSAGE}`);
  if (fundFen === undefined) err('fund', 'AMOUNT_INVALID', `统筹基金支付${AMOUNT_MESSAGE}`);
  if (!errors.length && totalFen !== undefined && fundFen !== undefined) {
    const sum = lines.reduce((n, l) => n + l.amountFen, 0);
    if (sum !== totalFen) err('total', 'TOTAL_MISMATCH', '医疗费总额与明细金额合计不一致');
    const insured = lines.filter((l) => l.category !== '生活用品').reduce((n, l) => n + l.amountFen, 0);
    if (fundFen > totalFen) err('fund', 'FUND_EXCEEDS_TOTAL', '统筹基金支付不能超过医疗费总额');
    else if (fundFen > insured)
      err('fund', 'FUND_EXCEEDS_COVERED', '统筹基金不支付生活用品，支付金额超过了医保范围内费用');
  }
  if (errors.length || typeof settlementId !== 'string' || totalFen === undefined || fundFen === undefined)
    return errors;
  return {
    settlementId,
    relative: { idNumber, name },
    institution: {
      name: instName,
      kind: inst.kind as Institution['kind'],
      regionCode: inst.regionCode as string,
      visitType: hospital ? (visitType as Institution['visitType']) : null,
    },
    lines,
    totalFen,
    fundFen,
  };
}

/** The field errors in the platform's FieldError shape (the field names are the request's paths). */
export const asFieldErrors = (errors: SettlementFieldError[]) => errors as unknown as FieldError[];

/** Authorizers whose bindings to the relative are 生效中 today, in the order the profile says they pay. */
export function payingBindings(bindings: Binding[], today: string, rules: Pick<SettlementRules, 'payerOrder'>) {
  const active = bindings.filter((b) => bindingStatus(b, today) === '生效中');
  // 'earliestBinding' is the only order published so far; a new one is a new branch here and a profile value.
  if (rules.payerOrder === 'earliestBinding')
    active.sort((x, y) =>
      x.startDate !== y.startDate ? (x.startDate < y.startDate ? -1 : 1) : x.createdAt < y.createdAt ? -1 : 1,
    );
  return active;
}

/** Why no binding pays, when none is 生效中: the closest there is. */
export function noBindingNote(bindings: Binding[], today: string): SettlementNote {
  const statuses = bindings.map((b) => bindingStatus(b, today));
  if (statuses.includes('未生效')) return 'MUTUAL_AID_NOT_STARTED';
  if (statuses.length) return 'MUTUAL_AID_ENDED';
  return 'MUTUAL_AID_NO_BINDING';
}

export interface SplitInput {
  rules: SettlementRules;
  /** The profile's 2-digit province prefix. */
  provincePrefix: string;
  institution: Institution;
  lines: SettlementLine[];
  fundFen: Fen;
  relative: { regionCode: string; ownAccountFen: Fen | null };
  /** In paying order, with each one's balance now. */
  payers: { authorizerId: string; bindingId: string; balanceFen: Fen }[];
  /** Why nobody pays when `payers` is empty. */
  noPayerNote: SettlementNote;
}

export interface Split {
  fundFen: Fen;
  ownAccountFen: Fen;
  mutualAid: { authorizerId: string; bindingId: string; amountFen: Fen }[];
  cashFen: Fen;
  notes: SettlementNote[];
}

export function isLocal(input: Pick<SplitInput, 'rules' | 'provincePrefix' | 'institution' | 'relative'>): boolean {
  const { rules, provincePrefix, institution, relative } = input;
  if (rules.localArea === 'region') return institution.regionCode === relative.regionCode;
  return institution.regionCode.startsWith(provincePrefix) && relative.regionCode.startsWith(provincePrefix);
}

/** The split. Never more than a balance from any account; the parts always add up to the bill. */
export function splitBill(input: SplitInput): Split {
  const { rules, institution, lines, fundFen, relative, payers } = input;
  const notes: SettlementNote[] = [];
  const sum = (ls: SettlementLine[]) => ls.reduce((n, l) => n + l.amountFen, 0);
  const total = sum(lines);
  const cashOnly = lines.filter((l) => rules.cashOnly.includes(l.category));
  const insured = total - sum(cashOnly);
  if (cashOnly.length) notes.push('MUTUAL_AID_CASH_ONLY_LINES');
  // What the person pays themselves on lines 医保 covers, after the fund.
  const selfShare = Math.max(0, insured - fundFen);
  const scope = rules.mutualAidScope.find(
    (s) =>
      s.kind === institution.kind &&
      (s.visitTypes === null || (institution.visitType !== null && s.visitTypes.includes(institution.visitType))),
  );
  const inScope = scope ? sum(lines.filter((l) => scope.categories.includes(l.category))) : 0;
  const outOfScope = insured - inScope;
  if (outOfScope > 0) notes.push('MUTUAL_AID_OUT_OF_SCOPE');
  // The fund pays first against what is in scope; 共济 may pay at most the rest of that.
  const mutualBase = Math.min(selfShare, inScope);

  let ownLeft = relative.ownAccountFen ?? 0;
  let own = 0;
  let rest = selfShare;
  const payOwn = () => {
    const take = Math.min(ownLeft, rest);
    own += take;
    ownLeft -= take;
    rest -= take;
  };
  const mutualAid: Split['mutualAid'] = [];
  const payMutual = () => {
    if (!isLocal(input)) {
      notes.push('MUTUAL_AID_OUT_OF_AREA');
      return;
    }
    // What the own account already paid comes off the part 共济 could pay, out-of-scope lines first.
    let base = Math.min(mutualBase, rest);
    if (base <= 0) {
      if (selfShare > 0 && mutualBase > 0) notes.push('MUTUAL_AID_NOT_NEEDED');
      return;
    }
    if (!payers.length) {
      notes.push(input.noPayerNote);
      return;
    }
    for (const p of payers) {
      const take = Math.min(Math.max(0, p.balanceFen), base);
      if (take > 0) mutualAid.push({ authorizerId: p.authorizerId, bindingId: p.bindingId, amountFen: take });
      base -= take;
      rest -= take;
    }
    if (base > 0) notes.push('MUTUAL_AID_BALANCE_SHORT');
  };
  if (rules.ownAccountFirst) {
    payOwn();
    payMutual();
  } else {
    payMutual();
    payOwn();
  }
  const mutualFen = mutualAid.reduce((n, m) => n + m.amountFen, 0);
  return {
    fundFen,
    ownAccountFen: own,
    mutualAid,
    cashFen: total - fundFen - own - mutualFen,
    notes: [...new Set(notes)],
  };
}
