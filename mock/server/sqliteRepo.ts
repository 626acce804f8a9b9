// SQLite storage for the HTTP platform, so nothing is lost on restart.
import Database from 'better-sqlite3';
import type { Repo, Seed } from '../platform/repo';
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

const SCHEMA = `
CREATE TABLE IF NOT EXISTS authorizers (id TEXT PRIMARY KEY, data TEXT NOT NULL, balance_fen INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS people (id_number TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (token TEXT PRIMARY KEY, authorizer_id TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS bindings (
  id TEXT PRIMARY KEY, authorizer_id TEXT NOT NULL, relative_id_number TEXT NOT NULL,
  data TEXT NOT NULL, unbound_at TEXT, created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS bindings_by_authorizer ON bindings(authorizer_id);
CREATE INDEX IF NOT EXISTS bindings_by_relative ON bindings(relative_id_number);
CREATE TABLE IF NOT EXISTS payments (
  id TEXT PRIMARY KEY, authorizer_id TEXT NOT NULL, relative_id_number TEXT NOT NULL, year INTEGER NOT NULL,
  data TEXT NOT NULL, UNIQUE (relative_id_number, year));
CREATE TABLE IF NOT EXISTS stored_responses (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, status INTEGER NOT NULL, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS settlements (id TEXT PRIMARY KEY, relative_id_number TEXT NOT NULL, data TEXT NOT NULL, refunded_at TEXT);
CREATE TABLE IF NOT EXISTS ledger (
  id TEXT PRIMARY KEY, authorizer_id TEXT NOT NULL, relative_id_number TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS ledger_by_authorizer ON ledger(authorizer_id);
CREATE INDEX IF NOT EXISTS ledger_by_relative ON ledger(relative_id_number);
CREATE INDEX IF NOT EXISTS payments_by_relative ON payments(relative_id_number);
`;

/** Older files lack lastSeenAt: their sessions count as seen when made, so they end as they should. */
function migrate(db: Database.Database) {
  const columns = db.prepare('PRAGMA table_info(sessions)').all() as { name: string }[];
  if (!columns.some((c) => c.name === 'last_seen_at')) {
    db.exec('ALTER TABLE sessions ADD COLUMN last_seen_at TEXT');
    db.exec('UPDATE sessions SET last_seen_at = created_at');
  }
  db.exec('CREATE INDEX IF NOT EXISTS sessions_by_last_seen ON sessions(last_seen_at)');
}

export interface SqliteRepo extends Repo {
  /** True when the database had no data yet (first start). */
  isEmpty(): boolean;
  close(): void;
}

export function createSqliteRepo(file: string): SqliteRepo {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // With WAL this cannot corrupt the file; a power cut may lose the last commits, which a mock can afford.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  migrate(db);

  const q = {
    authorizers: db.prepare('SELECT data, balance_fen FROM authorizers ORDER BY rowid'),
    authorizer: db.prepare('SELECT data, balance_fen FROM authorizers WHERE id = ?'),
    setBalance: db.prepare('UPDATE authorizers SET balance_fen = ? WHERE id = ?'),
    person: db.prepare('SELECT data FROM people WHERE id_number = ?'),
    putSession: db.prepare(
      'INSERT OR REPLACE INTO sessions (token, authorizer_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)',
    ),
    session: db.prepare(
      'SELECT token, authorizer_id AS authorizerId, created_at AS createdAt, last_seen_at AS lastSeenAt FROM sessions WHERE token = ?',
    ),
    deleteSession: db.prepare('DELETE FROM sessions WHERE token = ?'),
    touchSession: db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token = ?'),
    deleteExpired: db.prepare('DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?'),
    insertBinding: db.prepare(
      'INSERT INTO bindings (id, authorizer_id, relative_id_number, data, unbound_at, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    binding: db.prepare('SELECT data, unbound_at FROM bindings WHERE id = ?'),
    bindingsOfAuthorizer: db.prepare('SELECT data, unbound_at FROM bindings WHERE authorizer_id = ? ORDER BY rowid'),
    bindingsOfRelative: db.prepare('SELECT data, unbound_at FROM bindings WHERE relative_id_number = ? ORDER BY rowid'),
    markUnbound: db.prepare('UPDATE bindings SET unbound_at = ? WHERE id = ?'),
    insertPayment: db.prepare(
      'INSERT INTO payments (id, authorizer_id, relative_id_number, year, data) VALUES (?, ?, ?, ?, ?)',
    ),
    paymentsOfAuthorizer: db.prepare('SELECT data FROM payments WHERE authorizer_id = ? ORDER BY rowid'),
    payment: db.prepare('SELECT data FROM payments WHERE relative_id_number = ? AND year = ?'),
    stored: db.prepare('SELECT key, fingerprint, status, body FROM stored_responses WHERE key = ?'),
    putStored: db.prepare('INSERT INTO stored_responses (key, fingerprint, status, body) VALUES (?, ?, ?, ?)'),
    count: db.prepare('SELECT COUNT(*) AS n FROM authorizers'),
    putPerson: db.prepare('UPDATE people SET data = ? WHERE id_number = ?'),
    insertSettlement: db.prepare(
      'INSERT INTO settlements (id, relative_id_number, data, refunded_at) VALUES (?, ?, ?, ?)',
    ),
    settlement: db.prepare('SELECT data, refunded_at FROM settlements WHERE id = ?'),
    markRefunded: db.prepare('UPDATE settlements SET refunded_at = ? WHERE id = ?'),
    insertEntry: db.prepare('INSERT INTO ledger (id, authorizer_id, relative_id_number, data) VALUES (?, ?, ?, ?)'),
    entriesOfAuthorizer: db.prepare('SELECT data FROM ledger WHERE authorizer_id = ? ORDER BY rowid'),
    entriesOfRelative: db.prepare('SELECT data FROM ledger WHERE relative_id_number = ? ORDER BY rowid'),
    paymentsOfRelative: db.prepare('SELECT data FROM payments WHERE relative_id_number = ? ORDER BY rowid'),
  };

  type Row = { data: string; balance_fen?: number; unbound_at?: string | null };
  const toAuthorizer = (r: Row | undefined): Authorizer | undefined =>
    r ? { ...(JSON.parse(r.data) as Authorizer), balanceFen: r.balance_fen! } : undefined;
  const toBinding = (r: Row): Binding => ({ ...(JSON.parse(r.data) as Binding), unboundAt: r.unbound_at ?? null });

  const insertBinding = (b: Binding) =>
    q.insertBinding.run(b.id, b.authorizerId, b.relativeIdNumber, JSON.stringify(b), b.unboundAt, b.createdAt);
  const insertPayment = (p: Payment) =>
    q.insertPayment.run(p.id, p.authorizerId, p.relativeIdNumber, p.year, JSON.stringify(p));

  const insertSettlement = (x: Settlement) =>
    q.insertSettlement.run(x.id, x.relativeIdNumber, JSON.stringify(x), x.refundedAt);
  const insertEntry = (e: AccountEntry) =>
    q.insertEntry.run(e.id, e.authorizerId, e.relativeIdNumber, JSON.stringify(e));

  const reset = db.transaction((seed: Seed) => {
    db.exec(
      'DELETE FROM authorizers; DELETE FROM people; DELETE FROM sessions; DELETE FROM bindings; DELETE FROM payments; DELETE FROM stored_responses; DELETE FROM settlements; DELETE FROM ledger;',
    );
    const putA = db.prepare('INSERT INTO authorizers (id, data, balance_fen) VALUES (?, ?, ?)');
    const putP = db.prepare('INSERT OR REPLACE INTO people (id_number, data) VALUES (?, ?)');
    for (const a of seed.authorizers) putA.run(a.id, JSON.stringify(a), a.balanceFen);
    for (const p of [...seed.people, ...seed.authorizers]) putP.run(p.idNumber, JSON.stringify(p));
    seed.bindings.forEach(insertBinding);
    seed.payments.forEach(insertPayment);
    (seed.settlements ?? []).forEach(insertSettlement);
    (seed.ledger ?? []).forEach(insertEntry);
  });

  // One wrapper made once (db.transaction builds a new one per call otherwise).
  const inTransaction = db.transaction((fn: () => unknown) => fn());

  return {
    transaction: <T>(fn: () => T): T => inTransaction.immediate(fn) as T,
    reset: (seed) => reset(seed),
    isEmpty: () => (q.count.get() as { n: number }).n === 0,
    close: () => db.close(),
    listAuthorizers: () => (q.authorizers.all() as Row[]).map((r) => toAuthorizer(r)!),
    getAuthorizer: (id) => toAuthorizer(q.authorizer.get(id) as Row | undefined),
    setBalance: (id, fen) => void q.setBalance.run(fen, id),
    findPerson: (idNumber) => {
      const r = q.person.get(idNumber) as Row | undefined;
      return r ? (JSON.parse(r.data) as Person) : undefined;
    },
    putSession: (s: Session) => void q.putSession.run(s.token, s.authorizerId, s.createdAt, s.lastSeenAt),
    getSession: (token) => q.session.get(token) as Session | undefined,
    deleteSession: (token) => void q.deleteSession.run(token),
    touchSession: (token, at) => void q.touchSession.run(at, token),
    deleteExpiredSessions: (seenBefore, createdBefore) => void q.deleteExpired.run(seenBefore, createdBefore),
    insertBinding: (b) => void insertBinding(b),
    getBinding: (id) => {
      const r = q.binding.get(id) as Row | undefined;
      return r ? toBinding(r) : undefined;
    },
    bindingsOfAuthorizer: (id) => (q.bindingsOfAuthorizer.all(id) as Row[]).map(toBinding),
    bindingsOfRelative: (idNumber) => (q.bindingsOfRelative.all(idNumber) as Row[]).map(toBinding),
    markUnbound: (id, at) => void q.markUnbound.run(at, id),
    insertPayment: (p) => void insertPayment(p),
    paymentsOfAuthorizer: (id) => (q.paymentsOfAuthorizer.all(id) as Row[]).map((r) => JSON.parse(r.data) as Payment),
    findPayment: (idNumber, year) => {
      const r = q.payment.get(idNumber, year) as Row | undefined;
      return r ? (JSON.parse(r.data) as Payment) : undefined;
    },
    getStored: (key) => {
      const r = q.stored.get(key) as { key: string; fingerprint: string; status: number; body: string } | undefined;
      return r ? { ...r, body: JSON.parse(r.body) } : undefined;
    },
    putStored: (r: StoredResponse) => void q.putStored.run(r.key, r.fingerprint, r.status, JSON.stringify(r.body)),
    setPersonAccount: (idNumber, fen) => {
      const r = q.person.get(idNumber) as Row | undefined;
      if (r) q.putPerson.run(JSON.stringify({ ...(JSON.parse(r.data) as Person), accountFen: fen }), idNumber);
    },
    insertSettlement: (x) => void insertSettlement(x),
    getSettlement: (id) => {
      const r = q.settlement.get(id) as { data: string; refunded_at: string | null } | undefined;
      return r ? { ...(JSON.parse(r.data) as Settlement), refundedAt: r.refunded_at } : undefined;
    },
    markRefunded: (id, at) => void q.markRefunded.run(at, id),
    insertEntry: (e) => void insertEntry(e),
    entriesOfAuthorizer: (id) =>
      (q.entriesOfAuthorizer.all(id) as Row[]).map((r) => JSON.parse(r.data) as AccountEntry),
    entriesOfRelative: (idn) => (q.entriesOfRelative.all(idn) as Row[]).map((r) => JSON.parse(r.data) as AccountEntry),
    paymentsOfRelative: (idn) => (q.paymentsOfRelative.all(idn) as Row[]).map((r) => JSON.parse(r.data) as Payment),
  };
}
