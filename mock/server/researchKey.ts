// The researcher key: sent as a header, compared in constant time.
import { createHash, timingSafeEqual } from 'crypto';

export const RESEARCH_KEY_HEADER = 'x-research-key';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export function keyMatches(sent: string | string[] | undefined, key: string): boolean {
  return typeof sent === 'string' && sent !== '' && timingSafeEqual(digest(sent), digest(key));
}
