import { checkChar, withCheckChar } from '@domain/idcard';
import { maskIdNumber, maskName, maskPhone } from '@domain/mask';
import { validateBindingForm, validateIdNumber, validateName, validatePhone, type BindingForm } from '@domain/validate';
import { PROFILES } from '@domain/profiles';

const TODAY = '2026-11-22';
const id = (first17: string) => withCheckChar(first17);

test('the GB 11643 check character, including X', () => {
  expect(checkChar('11010519491231002')).toBe('X');
  expect(checkChar('44052418800101001')).toBe('4');
  expect(validateIdNumber('11010519491231002X', '居民身份证', TODAY)).toBeNull();
  expect(validateIdNumber('11010519491231002x'.toUpperCase(), '居民身份证', TODAY)).toBeNull();
  expect(validateIdNumber('110105194912310021', '居民身份证', TODAY)?.code).toBe('ID_CHECK');
});

test.each([
  ['', 'ID_REQUIRED'],
  ['23010220030608101', 'ID_LENGTH'],
  ['2301022003060810A6', 'ID_FORMAT'],
  [id('23010220031308101'), 'ID_BIRTH'],
  [id('23010220300101101'), 'ID_BIRTH'],
  [id('81000019900101101'), 'ID_REGION'],
  [id('91000019900101101'), 'ID_REGION'],
])('居民身份证 %s → %s', (value, code) => {
  expect(validateIdNumber(value, '居民身份证', TODAY)?.code).toBe(code);
});

test('港澳台居民居住证 needs 810000, 820000 or 830000', () => {
  for (const r of ['810000', '820000', '830000'])
    expect(validateIdNumber(id(`${r}19900101101`), '港澳台居民居住证', TODAY)).toBeNull();
  expect(validateIdNumber(id('23010219900101101'), '港澳台居民居住证', TODAY)?.code).toBe('ID_REGION');
});

test('外国人永久居留身份证: the 2023 number starts with 9, the 2017 one is 3 letters + 12 digits', () => {
  expect(validateIdNumber(id('91001119900101101'), '外国人永久居留身份证', TODAY)).toBeNull();
  expect(validateIdNumber('USA110090010112', '外国人永久居留身份证', TODAY)).toBeNull();
  expect(validateIdNumber('US1110090010112', '外国人永久居留身份证', TODAY)?.code).toBe('ID_FORMAT');
  expect(validateIdNumber(id('23010219900101101'), '外国人永久居留身份证', TODAY)?.code).toBe('ID_REGION');
});

test('names: Chinese, 2 or more characters, minority names with 「·」', () => {
  expect(validateName('张三', '居民身份证')).toBeNull();
  expect(validateName('阿依古丽·买买提', '居民身份证')).toBeNull();
  expect(validateName('张', '居民身份证')?.code).toBe('NAME_LENGTH');
  expect(validateName('·张三', '居民身份证')?.code).toBe('NAME_INVALID');
  expect(validateName('Zhang San', '居民身份证')?.code).toBe('NAME_INVALID');
  expect(validateName('John Smith', '外国人永久居留身份证')).toBeNull();
  expect(validateName('', '居民身份证')?.code).toBe('NAME_REQUIRED');
});

test('phones: 11 digits starting with 1', () => {
  expect(validatePhone('13804510011')).toBeNull();
  expect(validatePhone('23804510011')?.code).toBe('PHONE_INVALID');
  expect(validatePhone('1380451001')?.code).toBe('PHONE_INVALID');
});

test('what people type is tidied first: spaces, lower-case x, other middle dots', () => {
  const form: BindingForm = {
    name: ' 阿依古丽•买买提 ',
    idType: '居民身份证',
    idNumber: '110105 19491231 002x',
    phone: '138-0451-0011',
    relation: '子女',
    startDate: TODAY,
    endDate: '',
  };
  expect(validateBindingForm(form, { today: TODAY, profile: PROFILES.heilongjiang })).toEqual([]);
});

test('masking', () => {
  expect(maskIdNumber('230102200306081016')).toBe('2301**********1016');
  expect(maskName('张建国')).toBe('张**');
  expect(maskName('阿依古丽·买买提')).toBe('阿***·***');
  expect(maskPhone('13804510011')).toBe('138****0011');
});
