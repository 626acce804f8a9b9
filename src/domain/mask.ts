// Identity data is shown masked on every screen after entry (domain.md, "Identity data").

/** 230102198001011234 → 2301**********1234 */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return id.replace(/./g, '*');
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

/** 张建国 → 张**, 艾力·买买提 → 艾*·*** */
export function maskName(name: string): string {
  const chars = Array.from(name);
  return chars.map((c, i) => (i === 0 || c === '·' ? c : '*')).join('');
}

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string): string {
  if (phone.length !== 11) return phone.replace(/./g, '*');
  return phone.slice(0, 3) + '****' + phone.slice(-4);
}
