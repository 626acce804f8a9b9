// In-memory storage: the offline demo inside the app and fast rule tests use it.
import type { Repo, Seed } from './repo';
import type { Authorizer, Binding, Payment, Person, Session, StoredResponse } from '@domain/types';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

export function createMemoryRepo(seed?: Seed): Repo {
  let authorizers = new Map<string, Authorizer>();
  let people = new Map<string, Person>();
  let sessions = new Map<string, Session>();
  let bindings = new Map<string, Binding>();
  let payments: Payment[] = [];
  let stored = new Map<string, StoredResponse>();

  const repo: Repo = {
    transaction: (fn) => {
      // Roll back on a throw, as SQLite would.
      const snapshot = clone({ a: [...authorizers], b: [...bindings], p: payments, s: [...stored] });
      try {
        return fn();
      } catch (e) {
        authorizers = new Map(snapshot.a);
        bindings = new Map(snapshot.b);
        payments = snapshot.p;
        stored = new Map(snapshot.s);
        throw e;
      }
    },
    reset(s) {
      authorizers = new Map(s.authorizers.map((a) => [a.id, clone(a)]));
      people = new Map([...s.people, ...s.authorizers].map((p) => [p.idNumber, clone(p)]));
      bindings = new Map(s.bindings.map((b) => [b.id, clone(b)]));
      payments = clone(s.payments);
      sessions = new Map();
      stored = new Map();
    },
    listAuthorizers: () => [...authorizers.values()].map(clone),
    getAuthorizer: (id) => {
      const a = authorizers.get(id);
      return a ? clone(a) : undefined;
    },
    setBalance: (id, fen) => {
      const a = authorizers.get(id);
      if (a) a.balanceFen = fen;
    },
    findPerson: (idNumber) => {
      const p = people.get(idNumber);
      return p ? clone(p) : undefined;
    },
    putSession: (s) => void sessions.set(s.token, clone(s)),
    getSession: (token) => {
      const s = sessions.get(token);
      return s ? clone(s) : undefined;
    },
    deleteSession: (token) => void sessions.delete(token),
    touchSession: (token, at) => {
      const s = sessions.get(token);
      if (s) s.lastSeenAt = at;
    },
    deleteExpiredSessions: (seenBefore, createdBefore) => {
      for (const [token, s] of sessions)
        if (s.lastSeenAt < seenBefore || s.createdAt < createdBefore) sessions.delete(token);
    },
    insertBinding: (b) => void bindings.set(b.id, clone(b)),
    getBinding: (id) => {
      const b = bindings.get(id);
      return b ? clone(b) : undefined;
    },
    bindingsOfAuthorizer: (aid) => [...bindings.values()].filter((b) => b.authorizerId === aid).map(clone),
    bindingsOfRelative: (idn) => [...bindings.values()].filter((b) => b.relativeIdNumber === idn).map(clone),
    markUnbound: (id, at) => {
      const b = bindings.get(id);
      if (b) b.unboundAt = at;
    },
    insertPayment: (p) => void payments.push(clone(p)),
    paymentsOfAuthorizer: (aid) => payments.filter((p) => p.authorizerId === aid).map(clone),
    findPayment: (idn, year) => {
      const found = payments.find((p) => p.relativeIdNumber === idn && p.year === year);
      return found ? clone(found) : undefined;
    },
    getStored: (key) => stored.get(key),
    putStored: (r) => void stored.set(r.key, clone(r)),
  };
  if (seed) repo.reset(seed);
  return repo;
}
