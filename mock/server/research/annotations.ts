// What the researcher adds to a session in the console: timestamped notes, tags, and whether a
// (pilot) session is excluded from the study's figures. Kept in tables of their own beside the event
// log, never in it: a participant's data and answers never carry researcher text.
import type Database from 'better-sqlite3';
import type { SessionAnnotations } from '../../research/report/build';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS research_notes (
  id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL, at TEXT NOT NULL, text TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS research_notes_by_session ON research_notes(session_id, at, id);
CREATE TABLE IF NOT EXISTS research_tags (
  session_id TEXT NOT NULL, tag TEXT NOT NULL, PRIMARY KEY (session_id, tag));
CREATE TABLE IF NOT EXISTS research_exclusions (session_id TEXT PRIMARY KEY, at TEXT NOT NULL);
`;

export const NOTE_MAX = 500;
export const TAG_MAX = 20;
export const TAGS_MAX = 10;

export interface Note {
  id: number;
  at: string;
  text: string;
}

// A note is the researcher's own words; an ID number or a mobile number in it would break the log's
// anonymity, so it is refused with a reason.
const ID_NUMBER = /\d{17}[\dXx]/;
const MOBILE = /(^|\D)1[3-9]\d{9}(\D|$)/;

/** The note's text, or the reason it is refused. */
export function readNote(v: unknown): { text: string } | { error: string } {
  const text = typeof v === 'string' ? v.trim() : '';
  if (!text) return { error: '请输入笔记内容' };
  if ([...text].length > NOTE_MAX) return { error: `笔记最多 ${NOTE_MAX} 个字` };
  if (ID_NUMBER.test(text) || MOBILE.test(text)) return { error: '笔记中请勿记录证件号码或手机号码' };
  return { text };
}

/** The tag list, each tag trimmed and once, or the reason it is refused. */
export function readTags(v: unknown): { tags: string[] } | { error: string } {
  if (!Array.isArray(v)) return { error: '标签须为列表' };
  const tags: string[] = [];
  for (const t of v) {
    if (typeof t !== 'string') return { error: '每个标签须为文字' };
    const tag = t.trim();
    if (!tag || [...tag].length > TAG_MAX || /[,，]/.test(tag))
      return { error: `每个标签 1 到 ${TAG_MAX} 个字，不含逗号` };
    if (!tags.includes(tag)) tags.push(tag);
  }
  if (tags.length > TAGS_MAX) return { error: `每个会话最多 ${TAGS_MAX} 个标签` };
  return { tags };
}

export type Annotations = ReturnType<typeof createAnnotations>;

export function createAnnotations(db: Database.Database, now: () => Date) {
  db.exec(SCHEMA);
  const q = {
    addNote: db.prepare('INSERT INTO research_notes (session_id, at, text) VALUES (?, ?, ?) RETURNING id, at, text'),
    deleteNote: db.prepare('DELETE FROM research_notes WHERE session_id = ? AND id = ?'),
    notes: db.prepare('SELECT id, at, text FROM research_notes WHERE session_id = ? ORDER BY at, id'),
    tags: db.prepare('SELECT tag FROM research_tags WHERE session_id = ? ORDER BY rowid'),
    clearTags: db.prepare('DELETE FROM research_tags WHERE session_id = ?'),
    addTag: db.prepare('INSERT OR IGNORE INTO research_tags (session_id, tag) VALUES (?, ?)'),
    excluded: db.prepare('SELECT at FROM research_exclusions WHERE session_id = ?'),
    exclude: db.prepare('INSERT OR IGNORE INTO research_exclusions (session_id, at) VALUES (?, ?)'),
    include: db.prepare('DELETE FROM research_exclusions WHERE session_id = ?'),
    forgetNotes: db.prepare('DELETE FROM research_notes WHERE session_id = ?'),
  };
  const tagsOf = (id: string) => (q.tags.all(id) as { tag: string }[]).map((r) => r.tag);
  const notesOf = (id: string) => q.notes.all(id) as Note[];

  return {
    addNote: (id: string, text: string): Note => q.addNote.get(id, now().toISOString(), text) as Note,
    deleteNote: (id: string, noteId: number): boolean => q.deleteNote.run(id, noteId).changes === 1,
    notesOf,
    setTags: (id: string, tags: string[]): string[] =>
      db.transaction(() => {
        q.clearTags.run(id);
        for (const t of tags) q.addTag.run(id, t);
        return tagsOf(id);
      })(),
    tagsOf,
    setExcluded(id: string, excluded: boolean): boolean {
      if (excluded) q.exclude.run(id, now().toISOString());
      else q.include.run(id);
      return excluded;
    },
    isExcluded: (id: string) => q.excluded.get(id) !== undefined,
    /** What the study report shows for a session. */
    of(id: string): SessionAnnotations {
      return {
        excluded: q.excluded.get(id) !== undefined,
        tags: tagsOf(id),
        notes: notesOf(id).map(({ at, text }) => ({ at, text })),
      };
    },
    /** Drops everything about a deleted session. */
    forget: (id: string) =>
      db.transaction(() => {
        q.forgetNotes.run(id);
        q.clearTags.run(id);
        q.include.run(id);
      })(),
  };
}
