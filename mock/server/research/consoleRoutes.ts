// The researcher console's own API: the study list with its figures, live session status, notes,
// tags, exclusion and deletion of (pilot) sessions, the charts, and the one-file HTML report. All of it
// sits under /api/research/, behind the researcher key (server.ts).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { profileSummaries } from '@domain/profiles';
import { MALFORMED } from '@domain/errors';
import { situationById } from '../../research/situations';
import type { StudyReport } from '../../research/report/model';
import { renderSvg, studyCharts } from '../../research/report/charts';
import {
  defaultComparison,
  DIMENSIONS,
  groupLabel,
  groupsOf,
  headline,
  STATUS_LABELS,
  type Dimension,
} from '../../research/report/figures';
import { studyReportHtml } from '../../research/report/html';
import { readNote, readTags, type Annotations } from './annotations';
import type { ResearchStore, StoredSession } from './store';

export interface ConsoleDeps {
  store: ResearchStore;
  annotations: Annotations;
  reportOf: (study: string, list: StoredSession[]) => StudyReport;
  personas: () => { id: string; name: string; label: string }[];
  /** Drops a deleted session's own platform data, when the server can. */
  forgetSessionData?: (id: string) => void;
}

const refusal = (status: number, code: string, message: string) => ({ status, body: { code, message } });
const NOT_FOUND = refusal(404, 'SESSION_NOT_FOUND', '没有找到这个研究会话，请向研究人员确认链接或二维码');
const MALFORMED_REPLY = { status: MALFORMED.status, body: MALFORMED };
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function registerConsole(app: FastifyInstance, deps: ConsoleDeps) {
  const { store, annotations } = deps;
  const send = (reply: FastifyReply, r: { status: number; body: unknown }) =>
    reply.code(r.status).header('cache-control', 'no-store').send(r.body);
  const session = (id: string) => store.getSession(id.toUpperCase());
  const studyNotFound = (study: string) => refusal(404, 'STUDY_NOT_FOUND', `研究「${study}」还没有会话`);
  const provinces = new Map<string, string>(profileSummaries().map((p) => [p.id, p.province]));

  /** How a researcher reads the session: masked persona, province and situation by name. */
  function labelsOf(s: StoredSession) {
    const p = deps.personas().find((x) => x.id === s.personaId);
    return {
      persona: p ? p.name : '（未知身份）',
      personaLine: p ? `${p.name} ${p.label}` : '（未知身份）',
      province: provinces.get(s.profileId) ?? s.profileId,
      situation: situationById(s.situation)?.label ?? s.situation,
    };
  }

  app.get('/api/research/console/studies', async () =>
    store.studies().map((r) => {
      const list = store.sessionsOfStudy(r.name);
      const h = headline(deps.reportOf(r.name, list));
      return { ...h, study: r.name, createdAt: r.created_at };
    }),
  );

  app.get('/api/research/studies/:study/live', async (req, reply) => {
    const { study } = req.params as { study: string };
    const list = store.sessionsOfStudy(study);
    const report = deps.reportOf(study, list);
    const byId = new Map(list.map((s) => [s.id, s]));
    return send(reply, {
      status: 200,
      body: {
        study,
        headline: headline(report),
        tasks: report.tasks,
        sessions: report.sessions.map((row) => {
          const s = byId.get(row.session)!;
          const latest = report.attempts.filter((a) => a.session === row.session && a.latest);
          return {
            ...row,
            notes: annotations.notesOf(row.session),
            statusLabel:
              row.status === 'in_task' && row.currentTask
                ? `任务 ${row.currentTask} 进行中`
                : STATUS_LABELS[row.status],
            labels: { ...labelsOf(s), condition: row.condition },
            outcomes: latest.map((a) => ({ task: a.task, outcome: a.outcome, timeOnTaskMs: a.timeOnTaskMs })),
          };
        }),
      },
    });
  });

  app.get('/api/research/studies/:study/charts', async (req, reply) => {
    const { study } = req.params as { study: string };
    const query = req.query as Record<string, unknown>;
    const report = deps.reportOf(study, store.sessionsOfStudy(study));
    const fallback = defaultComparison(report);
    const by = DIMENSIONS.some((d) => d.id === query.by) ? (query.by as Dimension) : (fallback?.by ?? 'condition');
    const groups = groupsOf(report, by);
    const pickOf = (v: unknown, other: string | undefined) =>
      typeof v === 'string' && groups.includes(v) && v !== other ? v : groups.find((g) => g !== other);
    const a = pickOf(query.a, undefined);
    const b = pickOf(query.b, a);
    const pick = a !== undefined && b !== undefined && a !== b ? { by, a, b } : undefined;
    const charts = studyCharts(report, pick ?? (query.by ? { by, a: a ?? '', b: b ?? '' } : undefined));
    // Drawn at the width the console has for them, so a phone's labels stay readable.
    const width = typeof query.width === 'string' && /^\d{3,4}$/.test(query.width) ? Number(query.width) : null;
    if (width) for (const c of charts) c.width = Math.min(960, Math.max(300, width));
    return send(reply, {
      status: 200,
      body: {
        comparison: {
          by,
          a: pick?.a ?? null,
          b: pick?.b ?? null,
          dimensions: DIMENSIONS.map((d) => ({
            ...d,
            groups: groupsOf(report, d.id).map((value) => ({ value, label: groupLabel(d.id, value) })),
          })),
        },
        charts: charts.map((c) => ({
          id: c.id,
          title: c.title,
          caption: c.caption,
          empty: c.empty,
          svg: renderSvg(c),
        })),
      },
    });
  });

  const html = (reply: FastifyReply, name: string, content: string) =>
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'no-store')
      .send(content);

  app.get('/api/research/studies/:study/report.html', async (req, reply) => {
    const { study } = req.params as { study: string };
    const list = store.sessionsOfStudy(study);
    if (!list.length) return send(reply, studyNotFound(study));
    return html(reply, `study-${encodeURIComponent(study)}-report.html`, studyReportHtml(deps.reportOf(study, list)));
  });

  app.get('/api/research/sessions/:id/report.html', async (req, reply) => {
    const s = session((req.params as { id: string }).id);
    if (!s) return send(reply, NOT_FOUND);
    return html(reply, `session-${s.id}-report.html`, studyReportHtml(deps.reportOf(s.study, [s])));
  });

  app.post('/api/research/sessions/:id/notes', async (req, reply) => {
    const s = session((req.params as { id: string }).id);
    if (!s) return send(reply, NOT_FOUND);
    if (!isObject(req.body)) return send(reply, MALFORMED_REPLY);
    const read = readNote(req.body.text);
    if ('error' in read) return send(reply, refusal(400, 'NOTE_INVALID', read.error));
    return send(reply, { status: 201, body: annotations.addNote(s.id, read.text) });
  });

  app.delete('/api/research/sessions/:id/notes/:note', async (req, reply) => {
    const { id, note } = req.params as { id: string; note: string };
    const s = session(id);
    if (!s) return send(reply, NOT_FOUND);
    const n = /^\d{1,12}$/.test(note) ? Number(note) : NaN;
    if (!Number.isFinite(n) || !annotations.deleteNote(s.id, n))
      return send(reply, refusal(404, 'NOTE_NOT_FOUND', '没有这条笔记'));
    return send(reply, { status: 200, body: { deleted: true } });
  });

  app.put('/api/research/sessions/:id/tags', async (req, reply) => {
    const s = session((req.params as { id: string }).id);
    if (!s) return send(reply, NOT_FOUND);
    if (!isObject(req.body)) return send(reply, MALFORMED_REPLY);
    const read = readTags(req.body.tags);
    if ('error' in read) return send(reply, refusal(400, 'TAGS_INVALID', read.error));
    return send(reply, { status: 200, body: { tags: annotations.setTags(s.id, read.tags) } });
  });

  app.put('/api/research/sessions/:id/excluded', async (req, reply) => {
    const s = session((req.params as { id: string }).id);
    if (!s) return send(reply, NOT_FOUND);
    if (!isObject(req.body) || typeof req.body.excluded !== 'boolean')
      return send(reply, refusal(400, 'EXCLUDED_INVALID', '请说明是否排除：excluded 为 true 或 false'));
    return send(reply, { status: 200, body: { excluded: annotations.setExcluded(s.id, req.body.excluded) } });
  });

  app.delete('/api/research/sessions/:id', async (req, reply) => {
    const s = session((req.params as { id: string }).id);
    if (!s) return send(reply, NOT_FOUND);
    store.deleteSession(s.id);
    annotations.forget(s.id);
    deps.forgetSessionData?.(s.id);
    return send(reply, { status: 200, body: { deleted: true } });
  });
}
