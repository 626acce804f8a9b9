// The mock insurance platform's rules. Plain TypeScript with no Node-only imports: the HTTP server,
// the offline demo inside the app and the tests all run this same code. One shared opening (storage,
// profile, clock, ids, log-in check, idempotency), then one part per concern.
import { ok, refusals } from '@domain/errors';
import { bindingOperations } from './bindings';
import { createContext, type PlatformOptions } from './context';
import { paymentOperations } from './payments';
import { buildSeed } from './seed';
import { sessionOperations } from './sessions';
import { settlementOperations } from './settlements';

export type { PlatformOptions } from './context';

export type Platform = ReturnType<typeof createPlatform>;

export function createPlatform(opts: PlatformOptions) {
  const ctx = createContext(opts);
  const { repo, profile, today } = ctx;
  return {
    profile: () => ok({ ...profile, today: today() }),
    ...sessionOperations(ctx),
    ...bindingOperations(ctx),
    ...paymentOperations(ctx),
    ...settlementOperations(ctx),

    /** Back to the seed state (research sessions, trainer demos, tests). */
    reset() {
      if (!opts.allowReset) return refusals.resetDisabled();
      repo.reset(opts.seed ? opts.seed(today()) : buildSeed(profile, today()));
      return ok({ reset: true, today: today() });
    },
  };
}
