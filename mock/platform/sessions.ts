// Log-in, log-out and the account: a session ends after a while without requests, after a longer
// while in all, and at once on log-out. Ended sessions are deleted, not kept.
import { ok, refusals } from '@domain/errors';
import { meView, personaView } from '@domain/views';
import { isObject, type Context } from './context';

export function sessionOperations(ctx: Context) {
  const { repo, now, newId, signedIn, today } = ctx;
  function purgeExpiredSessions() {
    const { seenAfter, createdAfter } = ctx.liveSince();
    repo.deleteExpiredSessions(seenAfter, createdAfter);
  }

  return {
    /** Deletes every session that has run out (at each log-in, and from the server now and then). */
    purgeExpiredSessions,

    personas: () => ok(repo.listAuthorizers().map((a) => personaView(a, repo.bindingsOfAuthorizer(a.id), today()))),

    login(body: unknown) {
      if (!isObject(body) || typeof body.personaId !== 'string') return refusals.malformed();
      const a = repo.getAuthorizer(body.personaId);
      if (!a) return refusals.personaNotFound();
      purgeExpiredSessions();
      const token = newId() + newId();
      const at = now().toISOString();
      repo.putSession({ token, authorizerId: a.id, createdAt: at, lastSeenAt: at });
      return ok({ token, me: meView(a) }, 201);
    },

    logout(token: string | undefined) {
      const who = signedIn(token);
      if (!who.ok) return who.refusal;
      repo.deleteSession(token ?? '');
      return ok({ loggedOut: true });
    },

    me(token: string | undefined) {
      const who = signedIn(token);
      return who.ok ? ok(meView(who.authorizer)) : who.refusal;
    },
  };
}
