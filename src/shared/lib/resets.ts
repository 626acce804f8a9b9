// Each store says how it returns to its start, so a demo reset and a test's fresh start never keep a
// list of stores that could miss one.

/**
 * `person`: what the person using the app did (log-in, what was typed, lists fetched, the tour).
 * `device`: how this device is set up (rule profile, 关怀模式, research session).
 */
export type ResetScope = 'person' | 'device';

const resets: { scope: ResetScope; reset: () => void }[] = [];

/** Registers a store's reset; returns it, so the store can export it as well. */
export function resettable(scope: ResetScope, reset: () => void): () => void {
  resets.push({ scope, reset });
  return reset;
}

/** Returns every store of these scopes (all of them by default) to its start. */
export function resetStores(scopes: readonly ResetScope[] = ['person', 'device']): void {
  for (const r of resets) if (scopes.includes(r.scope)) r.reset();
}
