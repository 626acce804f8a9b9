// Field rules of the binding form. The app runs them as the user types; the platform runs the same
// code before it looks at anyone's records.
import { checkGb11643, isOldForeignerPermit, regionRules, type IdNumberProblem } from './idcard';
import { isIsoDate } from './dates';
import type { FieldError } from './errors';
import type { RuleProfile } from './profiles';
import { ID_TYPES, type FormField, type IdType, type Relation } from './types';

/** One string per field of FORM_FIELDS, two of them narrowed to their lists. */
export interface BindingForm extends Record<FormField, string> {
  idType: IdType;
  relation: Relation | '';
}

export interface ValidationContext {
  today: string;
  profile: Pick<RuleProfile, 'relations'>;
}

const LAST_DATE = '2099-12-31';
const HAN = '[\\u3400-\\u9fff\\uf900-\\ufaff]';
const CHINESE_NAME = new RegExp(`^${HAN}+(·${HAN}+)*$`);
const LATIN_NAME = /^[A-Za-z]+([ ·'-][A-Za-z]+)*$/;

/** What people really type: stray spaces, a lower-case x, other middle dots. */
export function normalizeForm(form: BindingForm): BindingForm {
  return {
    ...form,
    name: form.name
      .trim()
      .replace(/[•・．.\u2027\u30fb]/g, '·')
      .replace(/\s+/g, form.idType === '外国人永久居留身份证' ? ' ' : ''),
    idNumber: form.idNumber.replace(/\s+/g, '').toUpperCase(),
    phone: form.phone.replace(/[\s-]+/g, ''),
    startDate: form.startDate.trim(),
    endDate: form.endDate.trim(),
  };
}

const ID_MESSAGES: Record<IdNumberProblem, [string, string]> = {
  empty: ['ID_REQUIRED', '请填写证件号码'],
  length: ['ID_LENGTH', '证件号码应为 18 位'],
  format: ['ID_FORMAT', '证件号码只能是数字，最后一位可以是 X'],
  region: ['ID_REGION', '证件号码的前 6 位与所选证件类型不符'],
  birth: ['ID_BIRTH', '证件号码中的出生日期不正确'],
  check: ['ID_CHECK', '证件号码有误，请逐位核对'],
};

export function validateName(name: string, idType: IdType): FieldError | null {
  if (!name) return { field: 'name', code: 'NAME_REQUIRED', message: '请填写使用人姓名' };
  const chars = Array.from(name).length;
  const fits = CHINESE_NAME.test(name) || (idType === '外国人永久居留身份证' && LATIN_NAME.test(name));
  if (!fits)
    return {
      field: 'name',
      code: 'NAME_INVALID',
      message: '请填写证件上的姓名，只能是汉字，少数民族姓名可用「·」分隔',
    };
  if (chars < 2 || chars > 30) return { field: 'name', code: 'NAME_LENGTH', message: '姓名应为 2 到 30 个字' };
  return null;
}

export function validateIdNumber(idNumber: string, idType: IdType, today: string): FieldError | null {
  let problem: IdNumberProblem | null;
  if (idType === '外国人永久居留身份证' && idNumber.length === 15) {
    problem = isOldForeignerPermit(idNumber) ? null : 'format';
    if (problem)
      return { field: 'idNumber', code: 'ID_FORMAT', message: '15 位永久居留证号码应为 3 个字母加 12 位数字' };
    return null;
  }
  const rule =
    idType === '港澳台居民居住证'
      ? regionRules.hmt
      : idType === '外国人永久居留身份证'
        ? regionRules.foreigner
        : regionRules.resident;
  problem = checkGb11643(idNumber, rule, today);
  if (!problem) return null;
  const [code, message] = ID_MESSAGES[problem];
  return { field: 'idNumber', code, message };
}

export function validatePhone(phone: string): FieldError | null {
  if (!phone) return { field: 'phone', code: 'PHONE_REQUIRED', message: '请填写使用人手机号码' };
  if (!/^1\d{10}$/.test(phone))
    return { field: 'phone', code: 'PHONE_INVALID', message: '手机号码应为 1 开头的 11 位数字' };
  return null;
}

export function validateRelation(relation: string, ctx: ValidationContext): FieldError | null {
  if (!relation) return { field: 'relation', code: 'RELATION_REQUIRED', message: '请选择与本人关系' };
  if (relation === '配偶的父母')
    return { field: 'relation', code: 'RELATION_NOT_ALLOWED', message: '配偶的父母不属于可共济的近亲属' };
  if (!(ctx.profile.relations as readonly string[]).includes(relation))
    return { field: 'relation', code: 'RELATION_NOT_ALLOWED', message: `只能绑定${ctx.profile.relations.join('、')}` };
  return null;
}

export function validateStartDate(startDate: string, today: string): FieldError | null {
  if (!startDate) return { field: 'startDate', code: 'START_REQUIRED', message: '请选择授权开始日期' };
  if (!isIsoDate(startDate) || startDate > LAST_DATE)
    return { field: 'startDate', code: 'START_INVALID', message: '授权开始日期不正确' };
  if (startDate < today) return { field: 'startDate', code: 'START_BEFORE_TODAY', message: '授权开始日期不能早于今天' };
  return null;
}

export function validateEndDate(endDate: string, startDate: string): FieldError | null {
  if (!endDate) return null;
  if (!isIsoDate(endDate) || endDate > LAST_DATE)
    return { field: 'endDate', code: 'END_INVALID', message: '授权终止日期不正确' };
  if (!isIsoDate(startDate)) return null;
  if (endDate === startDate)
    return { field: 'endDate', code: 'END_SAME_AS_START', message: '授权终止日期不能与开始日期是同一天' };
  if (endDate < startDate)
    return { field: 'endDate', code: 'END_BEFORE_START', message: '授权终止日期不能早于开始日期' };
  return null;
}

/** All field problems, in the order the fields appear on the screen. */
export function validateBindingForm(raw: BindingForm, ctx: ValidationContext): FieldError[] {
  return validateNormalizedForm(normalizeForm(raw), ctx);
}

/** The same, for a form already through normalizeForm (so a submit normalizes it once). */
export function validateNormalizedForm(form: BindingForm, ctx: ValidationContext): FieldError[] {
  const idTypeError: FieldError | null = (ID_TYPES as readonly string[]).includes(form.idType)
    ? null
    : { field: 'idType', code: 'ID_TYPE_INVALID', message: '请选择证件类型' };
  const idType = idTypeError ? '居民身份证' : form.idType;
  return [
    validateName(form.name, idType),
    idTypeError,
    validateIdNumber(form.idNumber, idType, ctx.today),
    validatePhone(form.phone),
    validateRelation(form.relation, ctx),
    validateStartDate(form.startDate, ctx.today),
    validateEndDate(form.endDate, form.startDate),
  ].filter((e): e is FieldError => e !== null);
}
