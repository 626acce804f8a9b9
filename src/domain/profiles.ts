// Rule profiles: every rule that differs by province is data here (domain.md, "Other provinces").
// Numbers come from public service guides; several are unconfirmed and are settings on purpose.
import type { InstitutionKind, LineCategory, Relation, VisitType } from './types';
import { RELATIONS } from './types';

export type ProfileId = 'heilongjiang' | 'hebei' | 'shanxi' | 'zhejiang' | 'henan' | 'fujian';

export interface RuleProfile {
  id: ProfileId;
  province: string;
  appName: string;
  /** 2-digit province prefix of 统筹区 codes; relatives must be insured inside it. */
  provincePrefix: string;
  relations: readonly Relation[];
  memberLimit: number;
  premiumFen: number;
  /** The authorizer's balance must reach this; `inclusive` false means it must exceed it. */
  balanceThreshold: { fen: number; inclusive: boolean };
  oneAuthorizerPerRelative: boolean;
  proofKinds: readonly string[];
  signatureRequired: boolean;
  consent: { title: string; tickLabel: string; buttonLabel: string; promiseTitle: string };
  /**
   * What the province's screens call things: `hall` is the page the service sits on, `hub` the
   * service itself (tile, card and page title), `path` the menu path from the channel's home.
   */
  menu: {
    channel: string;
    path: readonly string[];
    hall: string;
    hub: string;
    bind: string;
    records: string;
    pay: string;
  };
  hotline: string;
  /** How a relative's bill is split when they pay with the shared account (settlement.ts). */
  settlement: SettlementRules;
}

export interface SettlementRules {
  /** Where 共济 pays: per kind of 定点医药机构, the visit types (hospitals only) and the line categories. */
  mutualAidScope: readonly {
    kind: InstitutionKind;
    visitTypes: readonly VisitType[] | null;
    categories: readonly LineCategory[];
  }[];
  /** Lines no 医保 money pays (fund, own account, 共济): the person pays them in cash. */
  cashOnly: readonly LineCategory[];
  /**
   * What counts as local for 共济: 'province' = the institution and the relative are both insured in
   * the profile's province; 'region' = the institution is in the relative's own 统筹区. Otherwise it
   * is 异地 and 共济 pays nothing.
   */
  localArea: 'province' | 'region';
  /** The relative's own personal account (职工医保 only) pays before 共济; false: 共济 first, then it. */
  ownAccountFirst: boolean;
  /**
   * Several authorizers with 生效中 bindings: who pays first. 'earliestBinding' = the binding with the
   * earliest start date, ties broken by the earlier 办理 (createdAt); each pays up to its balance.
   */
  payerOrder: 'earliestBinding';
}

/** 黑龙江: 门(急)诊 and 住院 at 省内定点医疗机构; 药品、医疗器械、医用耗材 at 省内定点零售药店; never 生活用品. */
const IN_PROVINCE_SCOPE: SettlementRules = {
  mutualAidScope: [
    { kind: '定点医疗机构', visitTypes: ['门(急)诊', '住院'], categories: ['药品', '医疗器械', '医用耗材', '诊疗'] },
    { kind: '定点零售药店', visitTypes: null, categories: ['药品', '医疗器械', '医用耗材'] },
  ],
  cashOnly: ['生活用品'],
  localArea: 'province',
  ownAccountFirst: false,
  payerOrder: 'earliestBinding',
};

const ALL = RELATIONS;
const CORE: readonly Relation[] = ['配偶', '父母', '子女'];

const base = {
  premiumFen: 40000,
  balanceThreshold: { fen: 40000, inclusive: true },
  oneAuthorizerPerRelative: false,
  proofKinds: [] as string[],
  signatureRequired: false,
  hotline: '12393',
  settlement: IN_PROVINCE_SCOPE,
};

export const PROFILES: Record<ProfileId, RuleProfile> = {
  heilongjiang: {
    ...base,
    id: 'heilongjiang',
    province: '黑龙江',
    appName: '龙江医保',
    provincePrefix: '23',
    relations: ALL,
    memberLimit: 5,
    consent: {
      title: '《共济账户授权协议》',
      tickLabel: '我已阅读并同意《共济账户授权协议》，承诺所填家庭关系真实',
      buttonLabel: '我已阅读并同意，提交',
      promiseTitle: '家庭关系承诺',
    },
    menu: {
      channel: '微信公众号「龙江医保」',
      path: ['服务大厅', '家庭共济', '共济账户绑定'],
      hall: '服务大厅',
      hub: '家庭共济',
      bind: '共济账户绑定',
      records: '共济账户授权记录查询解绑',
      pay: '代缴城乡居民医保费',
    },
  },
  hebei: {
    ...base,
    id: 'hebei',
    province: '河北',
    appName: '河北智慧医保',
    provincePrefix: '13',
    relations: ALL,
    memberLimit: 8,
    signatureRequired: true,
    consent: {
      title: '《个人账户共济承诺书》',
      tickLabel: '我已阅读《个人账户共济承诺书》并签名确认',
      buttonLabel: '签名并提交',
      promiseTitle: '家庭关系承诺',
    },
    menu: {
      channel: '河北智慧医保 小程序',
      path: ['业务办理', '个人账户共济', '添加我的亲属'],
      hall: '业务办理',
      hub: '个人账户共济',
      bind: '添加我的亲属',
      records: '共济亲属管理',
      pay: '居民医保费用缴纳',
    },
  },
  shanxi: {
    ...base,
    id: 'shanxi',
    province: '山西',
    appName: '山西医保',
    provincePrefix: '14',
    relations: CORE,
    memberLimit: 5,
    balanceThreshold: { fen: 100000, inclusive: false },
    consent: {
      title: '《家庭共济告知书》',
      tickLabel: '已阅读家庭成员添加告知书',
      buttonLabel: '确认添加',
      promiseTitle: '家庭关系承诺',
    },
    menu: {
      channel: '山西医保 公众号',
      path: ['服务大厅', '我的医保', '我要办', '家庭账户共济'],
      hall: '服务大厅',
      hub: '家庭账户共济',
      bind: '添加家庭成员',
      records: '家庭成员管理',
      pay: '代缴城乡居民医保费',
    },
  },
  zhejiang: {
    ...base,
    id: 'zhejiang',
    province: '浙江',
    appName: '浙里医保',
    provincePrefix: '33',
    relations: CORE,
    memberLimit: 5,
    proofKinds: ['结婚证', '户口簿'],
    // 历年账户 共济: the relative's own account pays first, 共济 only the rest.
    settlement: { ...IN_PROVINCE_SCOPE, ownAccountFirst: true },
    consent: {
      title: '《历年账户家庭共济备案告知书》',
      tickLabel: '我已阅读告知书，所传证明材料真实有效',
      buttonLabel: '提交备案',
      promiseTitle: '家庭关系证明',
    },
    menu: {
      channel: '浙里办',
      path: ['浙里医保', '我要备案', '历年账户家庭共济'],
      hall: '浙里医保',
      hub: '历年账户家庭共济',
      bind: '新增共济备案',
      records: '共济备案记录',
      pay: '代缴城乡居民医保费',
    },
  },
  henan: {
    ...base,
    id: 'henan',
    province: '河南',
    appName: '河南医保',
    provincePrefix: '41',
    relations: ALL,
    memberLimit: 5,
    oneAuthorizerPerRelative: true,
    consent: {
      title: '《家庭共济协议》',
      tickLabel: '我已阅读并同意《家庭共济协议》',
      buttonLabel: '同意并绑定',
      promiseTitle: '家庭关系承诺',
    },
    menu: {
      channel: '河南医保 小程序',
      path: ['我要办', '家庭共济'],
      hall: '我要办',
      hub: '家庭共济',
      bind: '添加家庭成员',
      records: '我的家庭',
      pay: '代缴城乡居民医保费',
    },
  },
  fujian: {
    ...base,
    id: 'fujian',
    province: '福建',
    appName: '闽政通',
    provincePrefix: '35',
    relations: ALL,
    memberLimit: 5,
    oneAuthorizerPerRelative: true,
    consent: {
      title: '《家庭共济授权协议》',
      tickLabel: '我已阅读并同意《家庭共济授权协议》',
      buttonLabel: '同意并提交',
      promiseTitle: '家庭关系承诺',
    },
    menu: {
      channel: '闽政通 / 福建医疗保障',
      path: ['家庭共济'],
      hall: '服务大厅',
      hub: '家庭共济',
      bind: '添加共济人员',
      records: '共济关系管理',
      pay: '代缴城乡居民医保费',
    },
  },
};

export const DEFAULT_PROFILE: ProfileId = 'heilongjiang';

export function isProfileId(value: unknown): value is ProfileId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(PROFILES, value);
}

export interface ProfileOverrides {
  premiumFen?: number;
  memberLimit?: number;
}

/** A profile with the deployment's settings applied; the balance threshold follows the premium. */
export function resolveProfile(id: ProfileId, overrides: ProfileOverrides = {}): RuleProfile {
  const p = PROFILES[id];
  const premiumFen = overrides.premiumFen ?? p.premiumFen;
  const followsPremium = p.balanceThreshold.fen === p.premiumFen && p.balanceThreshold.inclusive;
  return {
    ...p,
    premiumFen,
    memberLimit: overrides.memberLimit ?? p.memberLimit,
    balanceThreshold: followsPremium ? { fen: premiumFen, inclusive: true } : p.balanceThreshold,
  };
}

/** Names a profile for people: 黑龙江（heilongjiang）、河北（hebei）… */
export const PROFILE_CHOICES = Object.values(PROFILES)
  .map((p) => `${p.province}（${p.id}）`)
  .join('、');

export const profileSummaries = () =>
  Object.values(PROFILES).map((p) => ({ id: p.id, province: p.province, appName: p.appName }));
