// 居民身份证号码 per GB 11643-1999: 6-digit region + 8-digit birth date + 3-digit sequence + check
// character by ISO 7064 MOD 11-2. 港澳台居民居住证 and the 2023 外国人永久居留身份证 share the form.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits. */
export function checkChar(first17: string): string {
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + Number(first17.charAt(i)) * weight, 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/** Appends the right check character to 17 digits (used to build seed data). */
export function withCheckChar(first17: string): string {
  return first17 + checkChar(first17);
}

export function isValidDate(yyyymmdd: string): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export type IdNumberProblem = 'empty' | 'length' | 'format' | 'region' | 'birth' | 'check';

/**
 * Checks an 18-character number of the GB 11643 form. `regionRule` tells which region codes fit the
 * document type. `today` is YYYY-MM-DD, so a birth date in the future is refused.
 */
export function checkGb11643(
  raw: string,
  regionRule: (region: string) => boolean,
  today: string,
): IdNumberProblem | null {
  const id = raw.toUpperCase();
  if (!id) return 'empty';
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  if (!regionRule(id.slice(0, 6))) return 'region';
  const birth = id.slice(6, 14);
  if (!isValidDate(birth) || birth < '18900101' || birth > today.replace(/-/g, '')) return 'birth';
  if (checkChar(id.slice(0, 17)) !== id[17]) return 'check';
  return null;
}

const HMT_REGIONS = new Set(['810000', '820000', '830000']);

export const regionRules = {
  resident: (r: string) => /^[1-6]\d{5}$/.test(r) && !HMT_REGIONS.has(r),
  hmt: (r: string) => HMT_REGIONS.has(r),
  foreigner: (r: string) => /^9\d{5}$/.test(r),
};

/** The 2017 外国人永久居留身份证: 3 letters (nationality) + 12 digits. */
export function isOldForeignerPermit(raw: string): boolean {
  return /^[A-Z]{3}\d{12}$/.test(raw.toUpperCase());
}

/**
 * The same number with another province's 2-digit region prefix, check character recomputed: each
 * rule profile's test people carry ID numbers of that province.
 */
export function inProvince(idNumber: string, prefix: string): string {
  return withCheckChar(prefix + idNumber.slice(2, 17));
}
