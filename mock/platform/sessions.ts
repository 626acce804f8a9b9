// Log-in, log-out and the account: a session ends after a while without requests, after a longer
// while in all, and at once on log-out. Ended sessions are deleted, not kept.
import { ok, refusals } from '@domain/errors';
import { meView, personaView, relativeMeView, relativePersonaView } from '@domain/views';
import { isObject, type Context } from './context';
import { RELATIVE_PERSONAS, relativePersonaIdNumber } from './seed';

export function sessionOperations(ctx: Context) {
  const { repo, profile, now, newId, signedInPerson, today } = ctx;
  const relativeOf = (personaId: string) => {
    const idNumber = relativePersonaIdNumber(profile, personaId);
    return idNumber ? repo.findPerson(idNumber) : undefined;
  };
  function purgeExpiredSessions() {
    const { seenAfter, createdAfter } = ctx.liveSince();
    repo.deleteExpiredSessions(seenAfter, createdAfter);
  }

  return {
    /** Deletes every session that has run out (at each log-in, and from the server now and then). */
    purgeExpiredSessions,

    /** Authorizers first (their ids never change), then the relatives who can log in. */
    personas: () =>
      ok([
        ...repo.listAuthorizers().map((a) => personaView(a, repo.bindingsOfAuthorizer(a.id), today())),
        ...RELATIVE_PERSONAS.flatMap(({ id, label }) => {
          const p = relativeOf(id);
          return p ? [relativePersonaView(id, label, p, repo.bindingsOfRelative(p.idNumber), today())] : [];
        }),
      ]),

    login(body: unknown) {
      if (!isObject(body) || typeof body.personaId !== 'string') return refusals.malformed();
      const a = repo.getAuthorizer(body.personaId);
      const relative = a ? undefined : relativeOf(body.personaId);
      if (!a && !relative) return refusals.personaNotFound();
      purgeExpiredSessions();
      const token = newId() + newId();
      const at = now().toISOString();
      // A relative's session keeps their persona id where an authorizer's keeps theirs.
      repo.putSession({ token, authorizerId: body.personaId, createdAt: at, lastSeenAt: at });
      return ok({ token, me: a ? meView(a) : relativeMeView(body.personaId, relative!) }, 201);
    },

    logout(token: string | undefined) {
      const who = signedInPerson(token);
      if (!who.ok) return who.refusal;
      repo.deleteSession(token ?? '');
      return ok({ loggedOut: true });
    },

    me(token: string | undefined) {
      const who = signedInPerson(token);
      if (!who.ok) return who.refusal;
      return ok(who.role === 'authorizer' ? meView(who.authorizer) : relativeMeView(who.personaId, who.person));
    },
  };
}
