// Which fault a session's next request meets. Seeded by the session and the request's number, so a
// session replayed request for request meets the same faults: a study stays comparable.
import type { Faults } from './situations';

export type FaultKind = 'error' | 'timeout' | null;

/** Operations a participant's task can be failed on; log-in and the start-up reads always work. */
export const FAULTABLE = new Set([
  'me',
  'listBindings',
  'getBinding',
  'createBinding',
  'unbind',
  'listPayments',
  'pay',
  'mutualAidUsage',
  'authorizedMe',
]);
export const SUBMITS = new Set(['createBinding', 'unbind', 'pay']);

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A number in [0, 1) fixed by the seed text (mulberry32 over an FNV-1a hash). */
export function unitRandom(seed: string): number {
  let t = (hash(seed) + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/**
 * `requestNo` counts the session's faultable requests, `submitNo` its submits (both from 0).
 * A forced submit failure comes first; otherwise one draw decides error, then timeout.
 */
export function decideFault(
  faults: Faults,
  sessionId: string,
  operation: string,
  requestNo: number,
  submitNo: number,
): FaultKind {
  if (!FAULTABLE.has(operation)) return null;
  if (SUBMITS.has(operation) && submitNo < faults.failSubmits) return 'error';
  const r = unitRandom(`${sessionId}:${requestNo}`);
  if (r < faults.errorRate) return 'error';
  if (r < faults.errorRate + faults.timeoutRate) return 'timeout';
  return null;
}
