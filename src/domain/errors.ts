// Every refusal has a stable code, an HTTP status and a plain Chinese message.
import type { FormField } from './types';

/** The form's fields and what the consent screen adds to them. */
export type BindingField = FormField | 'consent' | 'signature' | 'proofs';

export interface FieldError {
  field: BindingField | 'year' | 'bindingId' | 'personaId' | 'requestId';
  code: string;
  message: string;
}

export interface Refusal {
  status: number;
  code: string;
  message: string;
  errors?: FieldError[];
}

export type Result<T> = { ok: true; status: number; data: T } | { ok: false; refusal: Refusal };

export const ok = <T>(data: T, status = 200): Result<T> => ({ ok: true, status, data });

export const refuse = (status: number, code: string, message: string, errors?: FieldError[]): Result<never> => ({
  ok: false,
  refusal: errors ? { status, code, message, errors } : { status, code, message },
});

/** A validation refusal: the first problem names the code, all are listed for the screen. */
export function invalid(errors: [FieldError, ...FieldError[]]): Result<never> {
  return refuse(400, errors[0].code, errors[0].message, errors);
}

/** The one answer to a request that cannot be read, wherever it is given (rules, HTTP, research). */
export const MALFORMED: Refusal = { status: 400, code: 'MALFORMED_REQUEST', message: '请求格式不正确，请刷新后重试' };

export const refusals = {
  malformed: () => refuse(MALFORMED.status, MALFORMED.code, MALFORMED.message),
  unauthenticated: () => refuse(401, 'UNAUTHENTICATED', '登录已失效，请重新登录'),
  sessionExpired: () => refuse(401, 'SESSION_EXPIRED', '登录已超时，请重新登录'),
  unsupportedMediaType: () => refuse(415, 'UNSUPPORTED_MEDIA_TYPE', '请求内容须为 JSON 格式，请刷新后重试'),
  tooManyRequests: () => refuse(429, 'TOO_MANY_REQUESTS', '操作太频繁，请稍等一分钟再试'),
  bodyTooLarge: () => refuse(413, 'BODY_TOO_LARGE', '提交的内容过大'),
  headersTooLarge: () => refuse(431, 'HEADERS_TOO_LARGE', '请求头过大，请刷新后重试'),
  requestTimeout: () => refuse(408, 'REQUEST_TIMEOUT', '请求超时，请检查网络后重试'),
  researchKeyRequired: () => refuse(401, 'RESEARCH_KEY_REQUIRED', '请输入研究人员密钥'),
  resetNeedsKey: () => refuse(401, 'RESEARCH_KEY_REQUIRED', '重置数据需要研究人员密钥'),
  notFound: () => refuse(404, 'NOT_FOUND', '未找到这条授权记录'),
  routeNotFound: () => refuse(404, 'ROUTE_NOT_FOUND', '没有这项服务'),
  personaNotFound: () => refuse(404, 'PERSONA_NOT_FOUND', '没有这位测试人员，请重新选择'),
  selfBinding: () =>
    refuse(422, 'SELF_BINDING', '不能把自己添加为共济使用人', [
      { field: 'idNumber', code: 'SELF_BINDING', message: '不能把自己添加为共济使用人' },
    ]),
  notInsured: () =>
    refuse(422, 'NOT_INSURED', '该使用人未参加基本医疗保险，暂不能绑定', [
      { field: 'idNumber', code: 'NOT_INSURED', message: '该使用人未参加基本医疗保险，暂不能绑定' },
    ]),
  paused: () =>
    refuse(422, 'INSURANCE_PAUSED', '该使用人处于暂停参保状态，暂不能使用共济账户', [
      { field: 'idNumber', code: 'INSURANCE_PAUSED', message: '该使用人处于暂停参保状态，暂不能使用共济账户' },
    ]),
  nameMismatch: () =>
    refuse(422, 'NAME_ID_MISMATCH', '姓名与证件号码不一致，请核对后重新填写', [
      { field: 'name', code: 'NAME_ID_MISMATCH', message: '姓名与证件号码不一致，请核对后重新填写' },
    ]),
  otherRegion: (province: string) =>
    refuse(422, 'OTHER_REGION', `该使用人不在${province}参保，暂不能绑定`, [
      { field: 'idNumber', code: 'OTHER_REGION', message: `该使用人不在${province}参保，暂不能绑定` },
    ]),
  balanceTooLow: (needYuan: string, inclusive: boolean) =>
    refuse(422, 'BALANCE_TOO_LOW', `您的个人账户余额${inclusive ? '不足' : '未超过'} ${needYuan} 元，暂不能办理`),
  memberLimit: (limit: number) => refuse(409, 'MEMBER_LIMIT', `每位授权人最多绑定 ${limit} 位共济使用人，已达上限`),
  alreadyBound: () =>
    refuse(409, 'ALREADY_BOUND', '您已为这位使用人办理过授权，不能重复绑定', [
      { field: 'idNumber', code: 'ALREADY_BOUND', message: '您已为这位使用人办理过授权，不能重复绑定' },
    ]),
  relativeHasAuthorizer: () =>
    refuse(409, 'RELATIVE_HAS_AUTHORIZER', '这位使用人已由其他家庭成员授权，只能有一位授权人', [
      {
        field: 'idNumber',
        code: 'RELATIVE_HAS_AUTHORIZER',
        message: '这位使用人已由其他家庭成员授权，只能有一位授权人',
      },
    ]),
  spouseAlreadyBound: () =>
    refuse(409, 'SPOUSE_ALREADY_BOUND', '您已绑定一位配偶，不能再绑定第二位配偶', [
      { field: 'relation', code: 'SPOUSE_ALREADY_BOUND', message: '您已绑定一位配偶，不能再绑定第二位配偶' },
    ]),
  requestReused: () => refuse(409, 'REQUEST_ID_REUSED', '请求编号已用于另一份申请，请刷新后重试'),
  alreadyUnbound: () => refuse(409, 'ALREADY_UNBOUND', '这条授权已经解除'),
  bindingExpired: () => refuse(409, 'BINDING_EXPIRED', '这条授权已经到期，无需解除'),
  bindingNotActive: () => refuse(409, 'BINDING_NOT_ACTIVE', '这条授权未生效或已结束，不能代缴'),
  notResident: () => refuse(422, 'NOT_RESIDENT_INSURANCE', '这位使用人参加的是职工医保，无需代缴城乡居民医保费'),
  alreadyPaid: (year: number) => refuse(409, 'PREMIUM_ALREADY_PAID', `这位使用人 ${year} 年度的居民医保费已经缴纳`),
  unknownProfile: (name: string, known: string) =>
    refuse(400, 'UNKNOWN_PROFILE', `没有「${name}」这个规则配置，可选：${known}`),
  resetDisabled: () => refuse(403, 'RESET_DISABLED', '当前环境不允许重置数据'),
  relativeNotAllowed: () =>
    refuse(403, 'RELATIVE_NOT_ALLOWED', '您是共济使用人，可以查看“授权我的”；绑定、解除绑定和代缴须由授权人本人办理'),
  settleNotInsured: () => refuse(422, 'SETTLE_NOT_INSURED', '该参保人未参加基本医疗保险，不能使用医保结算'),
  settlePaused: () => refuse(422, 'INSURANCE_PAUSED', '该参保人处于暂停参保状态，不能使用医保结算，共济账户也不能支付'),
  credentialMismatch: () =>
    refuse(422, 'NAME_ID_MISMATCH', '医保电子凭证的姓名与证件号码不一致（人卡不一致），不能结算'),
  settlementNotFound: () => refuse(404, 'SETTLEMENT_NOT_FOUND', '没有找到这笔结算'),
  settlementIdReused: () =>
    refuse(409, 'SETTLEMENT_ID_REUSED', '这个结算流水号已用于另一笔结算，内容不同，不能重复使用'),
  alreadyRefunded: () => refuse(409, 'ALREADY_REFUNDED', '这笔结算已经退费，不能重复退费'),
  filterInvalid: (field: 'month' | 'relative', message: string) =>
    refuse(400, field === 'month' ? 'MONTH_INVALID' : 'RELATIVE_FILTER_INVALID', message),
};
