// In-memory storage: the offline demo inside the app and fast rule tests use it.
import type { Repo, Seed } from './repo';
import type {
  AccountEntry,
  Authorizer,
  Binding,
  Payment,
  Person,
  Session,
  Settlement,
  StoredResponse,
} from '@domain/types';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

/** Everything the memory repo holds, as plain data a device can keep. */
export interface MemoryState {
  authorizers: Authorizer[];
  people: Person[];
  sessions: Session[];
  bindings: Binding[];
  payments: Payment[];
  stored: StoredResponse[];
  /** Absent in data kept by builds before settlements existed. */
  settlements?: Settlement[];
  ledger?: AccountEntry[];
}

/**
 * Where the offline demo keeps its data between launches: a reload, an app kill or a phone lock must
 * not wipe a trainer's demo mid-talk. The app passes the device's storage; tests pass a plain object.
 */
export interface RepoKeeper {
  load(): MemoryState | null;
  save(state: MemoryState): void;
}

export function createMemoryRepo(seed?: Seed, keeper?: RepoKeeper): Repo {
  let authorizers = new Map<string, Authorizer>();
  let people = new Map<string, Person>();
  let sessions = new Map<string, Session>();
  let bindings = new Map<string, Binding>();
  let payments: Payment[] = [];
  let stored = new Map<string, StoredResponse>();
  let settlements = new Map<string, Settlement>();
  let ledger: AccountEntry[] = [];
  let depth = 0;

  const state = (): MemoryState =>
    clone({
      authorizers: [...authorizers.values()],
      people: [...people.values()],
      sessions: [...sessions.values()],
      bindings: [...bindings.values()],
      payments,
      stored: [...stored.values()],
      settlements: [...settlements.values()],
      ledger,
    });
  // Kept after each change, but only once a transaction has committed: a refused step leaves no trace.
  const changed = () => {
    if (keeper && depth === 0) keeper.save(state());
  };
  const load = (s: MemoryState) => {
    authorizers = new Map(s.authorizers.map((a) => [a.id, clone(a)]));
    people = new Map(s.people.map((p) => [p.idNumber, clone(p)]));
    sessions = new Map(s.sessions.map((x) => [x.token, clone(x)]));
    bindings = new Map(s.bindings.map((b) => [b.id, clone(b)]));
    payments = clone(s.payments);
    stored = new Map(s.stored.map((r) => [r.key, clone(r)]));
    settlements = new Map((s.settlements ?? []).map((x) => [x.id, clone(x)]));
    ledger = clone(s.ledger ?? []);
  };

  const repo: Repo = {
    transaction: (fn) => {
      // Roll back on a throw, as SQLite would.
      const snapshot = clone({
        a: [...authorizers],
        b: [...bindings],
        p: payments,
        s: [...stored],
        people: [...people],
        settlements: [...settlements],
        ledger,
      });
      depth++;
      try {
        const result = fn();
        depth--;
        changed();
        return result;
      } catch (e) {
        depth--;
        authorizers = new Map(snapshot.a);
        bindings = new Map(snapshot.b);
        payments = snapshot.p;
        stored = new Map(snapshot.s);
        people = new Map(snapshot.people);
        settlements = new Map(snapshot.settlements);
        ledger = snapshot.ledger;
        throw e;
      }
    },
    reset(s) {
      load({
        authorizers: s.authorizers,
        people: [...s.people, ...s.authorizers],
        sessions: [],
        bindings: s.bindings,
        payments: s.payments,
        stored: [],
        settlements: s.settlements ?? [],
        ledger: s.ledger ?? [],
      });
      changed();
    },
    listAuthorizers: () => [...authorizers.values()].map(clone),
    getAuthorizer: (id) => {
      const a = authorizers.get(id);
      return a ? clone(a) : undefined;
    },
    setBalance: (id, fen) => {
      const a = authorizers.get(id);
      if (a) a.balanceFen = fen;
      changed();
    },
    findPerson: (idNumber) => {
      const p = people.get(idNumber);
      return p ? clone(p) : undefined;
    },
    putSession: (s) => {
      sessions.set(s.token, clone(s));
      changed();
    },
    getSession: (token) => {
      const s = sessions.get(token);
      return s ? clone(s) : undefined;
    },
    deleteSession: (token) => {
      sessions.delete(token);
      changed();
    },
    touchSession: (token, at) => {
      const s = sessions.get(token);
      if (s) s.lastSeenAt = at;
      changed();
    },
    deleteExpiredSessions: (seenBefore, createdBefore) => {
      for (const [token, s] of sessions)
        if (s.lastSeenAt < seenBefore || s.createdAt < createdBefore) sessions.delete(token);
      changed();
    },
    insertBinding: (b) => {
      bindings.set(b.id, clone(b));
      changed();
    },
    getBinding: (id) => {
      const b = bindings.get(id);
      return b ? clone(b) : undefined;
    },
    bindingsOfAuthorizer: (aid) => [...bindings.values()].filter((b) => b.authorizerId === aid).map(clone),
    bindingsOfRelative: (idn) => [...bindings.values()].filter((b) => b.relativeIdNumber === idn).map(clone),
    markUnbound: (id, at) => {
      const b = bindings.get(id);
      if (b) b.unboundAt = at;
      changed();
    },
    insertPayment: (p) => {
      payments.push(clone(p));
      changed();
    },
    paymentsOfAuthorizer: (aid) => payments.filter((p) => p.authorizerId === aid).map(clone),
    findPayment: (idn, year) => {
      const found = payments.find((p) => p.relativeIdNumber === idn && p.year === year);
      return found ? clone(found) : undefined;
    },
    getStored: (key) => stored.get(key),
    putStored: (r) => {
      stored.set(r.key, clone(r));
      changed();
    },
    setPersonAccount: (idNumber, fen) => {
      const p = people.get(idNumber);
      if (p) p.accountFen = fen;
      changed();
    },
    insertSettlement: (x) => {
      settlements.set(x.id, clone(x));
      changed();
    },
    getSettlement: (id) => {
      const x = settlements.get(id);
      return x ? clone(x) : undefined;
    },
    markRefunded: (id, at) => {
      const x = settlements.get(id);
      if (x) x.refundedAt = at;
      changed();
    },
    insertEntry: (e) => {
      ledger.push(clone(e));
      changed();
    },
    entriesOfAuthorizer: (aid) => ledger.filter((e) => e.authorizerId === aid).map(clone),
    entriesOfRelative: (idn) => ledger.filter((e) => e.relativeIdNumber === idn).map(clone),
    paymentsOfRelative: (idn) => payments.filter((p) => p.relativeIdNumber === idn).map(clone),
  };
  const kept = keeper?.load();
  try {
    if (kept) load(kept);
  } catch {
    // Data kept by an older build that no longer fits: start from the seed rather than not at all.
    if (seed) repo.reset(seed);
  }
  if (!kept && seed) repo.reset(seed);
  return repo;
}
