// Storage the platform needs. Synchronous on purpose: better-sqlite3 and the in-memory store both are,
// so a whole rule check + write runs as one step and a double tap cannot slip in between.
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

export interface Seed {
  authorizers: Authorizer[];
  people: Person[];
  bindings: Binding[];
  payments: Payment[];
  /** Settlements at 定点医药机构 and the account movements they made (a purchase-history situation). */
  settlements?: Settlement[];
  ledger?: AccountEntry[];
}

export interface Repo {
  transaction<T>(fn: () => T): T;
  reset(seed: Seed): void;
  listAuthorizers(): Authorizer[];
  getAuthorizer(id: string): Authorizer | undefined;
  setBalance(authorizerId: string, fen: number): void;
  findPerson(idNumber: string): Person | undefined;
  putSession(session: Session): void;
  getSession(token: string): Session | undefined;
  deleteSession(token: string): void;
  touchSession(token: string, at: string): void;
  /** Deletes sessions last seen before `seenBefore` or created before `createdBefore`. */
  deleteExpiredSessions(seenBefore: string, createdBefore: string): void;
  insertBinding(binding: Binding): void;
  getBinding(id: string): Binding | undefined;
  bindingsOfAuthorizer(authorizerId: string): Binding[];
  bindingsOfRelative(idNumber: string): Binding[];
  markUnbound(id: string, at: string): void;
  insertPayment(payment: Payment): void;
  paymentsOfAuthorizer(authorizerId: string): Payment[];
  findPayment(relativeIdNumber: string, year: number): Payment | undefined;
  getStored(key: string): StoredResponse | undefined;
  putStored(response: StoredResponse): void;
  /** A non-persona 职工医保 person's own personal account. */
  setPersonAccount(idNumber: string, fen: number): void;
  insertSettlement(settlement: Settlement): void;
  getSettlement(id: string): Settlement | undefined;
  markRefunded(id: string, at: string): void;
  insertEntry(entry: AccountEntry): void;
  /** In the order they were made. */
  entriesOfAuthorizer(authorizerId: string): AccountEntry[];
  entriesOfRelative(idNumber: string): AccountEntry[];
  paymentsOfRelative(idNumber: string): Payment[];
}
