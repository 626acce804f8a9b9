// Research sessions and their event log, in SQLite beside the platform's data.
import { randomInt } from 'crypto';
import Database from 'better-sqlite3';
import { EVENT_DETAILS, type ClientEvent, type ResearchEvent } from '@domain/researchEvents';
import type { SessionInfo } from '../../research/summary';
import type { Faults } from '../../research/situations';
import type { Study, StudyTask } from '../../research/tasks';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS research_sessions (
  id TEXT PRIMARY KEY, study TEXT NOT NULL, participant TEXT NOT NULL, persona_id TEXT NOT NULL,
  profile_id TEXT NOT NULL, situation TEXT NOT NULL, faults TEXT NOT NULL, created_at TEXT NOT NULL,
  request_no INTEGER NOT NULL DEFAULT 0, submit_no INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS research_sessions_by_study ON research_sessions(study, created_at);
CREATE TABLE IF NOT EXISTS research_events (
  n INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL, client_id TEXT, client_seq INTEGER,
  at TEXT NOT NULL, type TEXT NOT NULL, screen TEXT, field TEXT, action TEXT, code TEXT, status INTEGER,
  ms INTEGER, fault TEXT, UNIQUE (session_id, client_id, client_seq));
CREATE INDEX IF NOT EXISTS research_events_by_session ON research_events(session_id, at, n);
CREATE TABLE IF NOT EXISTS research_studies (
  name TEXT PRIMARY KEY, tasks TEXT NOT NULL, conditions TEXT NOT NULL, created_at TEXT NOT NULL);
`;

// Columns added after the first release: a database made before gets them on opening.
const ADDED_COLUMNS: [table: string, column: string, type: string][] = [
  ['research_sessions', 'condition', "TEXT NOT NULL DEFAULT ''"],
  ['research_events', 'task', 'INTEGER'],
  ['research_events', 'item', 'INTEGER'],
  ['research_events', 'value', 'INTEGER'],
];

export interface StoredSession extends SessionInfo {
  /** What the researcher set on top of the situation's own faults. */
  faults: Partial<Faults>;
  requestNo: number;
  submitNo: number;
  /** The study's own condition label, or ''. */
  condition: string;
}

// Letters and digits that cannot be misread when a researcher reads a code aloud.
const CODE_CHARS = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const newSessionId = () => Array.from({ length: 6 }, () => CODE_CHARS[randomInt(CODE_CHARS.length)]).join('');

interface Row {
  id: string;
  study: string;
  participant: string;
  persona_id: string;
  profile_id: string;
  situation: string;
  faults: string;
  created_at: string;
  request_no: number;
  submit_no: number;
  condition: string;
}

const toSession = (r: Row): StoredSession => ({
  id: r.id,
  study: r.study,
  participant: r.participant,
  personaId: r.persona_id,
  profileId: r.profile_id,
  situation: r.situation,
  faults: JSON.parse(r.faults),
  createdAt: r.created_at,
  requestNo: r.request_no,
  submitNo: r.submit_no,
  condition: r.condition ?? '',
});

const EVENT_COLUMNS = ['type', 'at', ...EVENT_DETAILS] as const;

function toEvent(r: Record<string, unknown>): ResearchEvent {
  const e: Record<string, unknown> = {};
  for (const c of EVENT_COLUMNS) if (r[c] !== null && r[c] !== undefined) e[c] = r[c];
  return e as unknown as ResearchEvent;
}

export type ResearchStore = ReturnType<typeof createResearchStore>;

export function createResearchStore(file: string, now: () => Date) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // With WAL this cannot corrupt the file; a power cut may lose the last commits, which a mock can afford.
  db.pragma('synchronous = NORMAL');
  db.exec(SCHEMA);
  for (const [table, column, type] of ADDED_COLUMNS) {
    const has = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).some((c) => c.name === column);
    if (!has) db.exec(`ALTER TABLE ${table} ADD COLUMN "${column}" ${type}`);
  }
  const q = {
    insertSession: db.prepare(
      `INSERT INTO research_sessions (id, study, participant, persona_id, profile_id, situation, faults, created_at, condition)
       VALUES (@id, @study, @participant, @personaId, @profileId, @situation, @faults, @createdAt, @condition)`,
    ),
    getSession: db.prepare('SELECT * FROM research_sessions WHERE id = ?'),
    sessionsOfStudy: db.prepare('SELECT * FROM research_sessions WHERE study = ? ORDER BY created_at, id'),
    allSessions: db.prepare('SELECT * FROM research_sessions ORDER BY created_at DESC, id LIMIT 500'),
    setFaults: db.prepare('UPDATE research_sessions SET faults = ? WHERE id = ?'),
    countRequest: db.prepare(
      'UPDATE research_sessions SET request_no = request_no + 1, submit_no = submit_no + ? WHERE id = ? RETURNING request_no, submit_no',
    ),
    resetCounters: db.prepare('UPDATE research_sessions SET request_no = 0, submit_no = 0 WHERE id = ?'),
    insertEvent: db.prepare(
      `INSERT OR IGNORE INTO research_events (session_id, client_id, client_seq, at, type, screen, field, action, code, status, ms, fault, task, item, value)
       VALUES (@sessionId, @clientId, @clientSeq, @at, @type, @screen, @field, @action, @code, @status, @ms, @fault, @task, @item, @value)`,
    ),
    getStudy: db.prepare('SELECT * FROM research_studies WHERE name = ?'),
    putStudy: db.prepare(
      `INSERT INTO research_studies (name, tasks, conditions, created_at) VALUES (@name, @tasks, @conditions, @createdAt)
       ON CONFLICT(name) DO UPDATE SET tasks = excluded.tasks, conditions = excluded.conditions`,
    ),
    studyNames: db.prepare(
      `SELECT name, MIN(created_at) AS created_at, SUM(sessions) AS sessions FROM (
         SELECT study AS name, created_at, 1 AS sessions FROM research_sessions
         UNION ALL SELECT name, created_at, 0 FROM research_studies)
       GROUP BY name ORDER BY MAX(created_at) DESC LIMIT 200`,
    ),
    events: db.prepare('SELECT * FROM research_events WHERE session_id = ? ORDER BY at, n'),
  };

  function record(
    sessionId: string,
    e: Omit<ResearchEvent, 'at'> & { at?: string },
    client?: { id: string; seq: number },
  ): boolean {
    const row = {
      sessionId,
      clientId: client?.id ?? null,
      clientSeq: client?.seq ?? null,
      at: e.at ?? now().toISOString(),
      type: e.type,
      screen: e.screen ?? null,
      field: e.field ?? null,
      action: e.action ?? null,
      code: e.code ?? null,
      status: e.status ?? null,
      ms: e.ms ?? null,
      fault: e.fault ?? null,
      task: e.task ?? null,
      item: e.item ?? null,
      value: e.value ?? null,
    };
    return q.insertEvent.run(row).changes === 1;
  }

  return {
    createSession(
      info: Omit<StoredSession, 'id' | 'createdAt' | 'requestNo' | 'submitNo' | 'condition'> & { condition?: string },
    ): StoredSession {
      return db.transaction(() => {
        let id = newSessionId();
        while (q.getSession.get(id)) id = newSessionId();
        const createdAt = now().toISOString();
        q.insertSession.run({
          ...info,
          id,
          createdAt,
          faults: JSON.stringify(info.faults),
          condition: info.condition ?? '',
        });
        record(id, { type: 'session_start', at: createdAt });
        return toSession(q.getSession.get(id) as Row);
      })();
    },
    getSession(id: string): StoredSession | undefined {
      const row = q.getSession.get(id) as Row | undefined;
      return row && toSession(row);
    },
    sessionsOfStudy: (study: string) => (q.sessionsOfStudy.all(study) as Row[]).map(toSession),
    allSessions: () => (q.allSessions.all() as Row[]).map(toSession),
    setFaults(id: string, faults: Partial<Faults>) {
      q.setFaults.run(JSON.stringify(faults), id);
      record(id, { type: 'faults_changed' });
    },
    /** Numbers this request among the session's faultable ones; the counts before it are returned. */
    countRequest(id: string, isSubmit: boolean): { requestNo: number; submitNo: number } {
      const r = q.countRequest.get(isSubmit ? 1 : 0, id) as { request_no: number; submit_no: number };
      return { requestNo: r.request_no - 1, submitNo: r.submit_no - (isSubmit ? 1 : 0) };
    },
    markReset(id: string) {
      db.transaction(() => {
        q.resetCounters.run(id);
        record(id, { type: 'session_reset' });
      })();
    },
    record,
    /** Stores a batch from the app once: a resent batch adds nothing. Returns how many were new. */
    recordClientEvents(sessionId: string, clientId: string, offsetMs: number, events: ClientEvent[]): number {
      return db.transaction(() => {
        let added = 0;
        for (const { seq, at, ...rest } of events) {
          if (record(sessionId, { ...rest, at: new Date(at + offsetMs).toISOString() }, { id: clientId, seq })) added++;
        }
        return added;
      })();
    },
    events: (id: string) => (q.events.all(id) as Record<string, unknown>[]).map(toEvent),
    /** A study someone defined, or undefined (then it has the default task). */
    getStudy(name: string): Study | undefined {
      const r = q.getStudy.get(name) as
        { name: string; tasks: string; conditions: string; created_at: string } | undefined;
      return (
        r && {
          name: r.name,
          tasks: JSON.parse(r.tasks) as StudyTask[],
          conditions: JSON.parse(r.conditions) as string[],
          createdAt: r.created_at,
        }
      );
    },
    putStudy(name: string, tasks: StudyTask[], conditions: string[]) {
      q.putStudy.run({
        name,
        tasks: JSON.stringify(tasks),
        conditions: JSON.stringify(conditions),
        createdAt: now().toISOString(),
      });
    },
    /** Studies defined or used by a session, newest first, with their session counts. */
    studies: () => q.studyNames.all() as { name: string; created_at: string; sessions: number }[],
    /** Removes a session and its log for good (the console's delete of a pilot session). */
    deleteSession(id: string): boolean {
      return db.transaction(() => {
        db.prepare('DELETE FROM research_events WHERE session_id = ?').run(id);
        return db.prepare('DELETE FROM research_sessions WHERE id = ?').run(id).changes === 1;
      })();
    },
    /** The same database, for the console's own tables (annotations.ts). */
    database: db,
    close: () => db.close(),
  };
}
