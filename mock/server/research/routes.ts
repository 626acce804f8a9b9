// Research sessions over HTTP: the researcher console's API, the app's event log, and the fault
// injection that sits in front of a session's own platform.
import fs from 'fs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import QRCode from 'qrcode';
import { readEventBatch } from '@domain/researchEvents';
import { decideFault, SUBMITS, type FaultKind } from '../../research/faults';
import { faultsFor, readFaults, situationById, SITUATIONS, type Faults } from '../../research/situations';
import { eventsCsv, summarizeSession, summarizeStudy, summaryCsv } from '../../research/summary';
import {
  buildStudyReport,
  progressOf,
  splitAttempts,
  taskRuns,
  type SessionAnnotations,
} from '../../research/report/build';
import {
  CRITERIA,
  criterionById,
  DEFAULT_TASKS,
  isConditionLabel,
  readStudy,
  type StudyTask,
} from '../../research/tasks';
import type { Repo } from '../../platform/repo';
import { todayInChina } from '@domain/dates';
import { handle, operationOf, type ApiRequest, type ApiResponse } from '../../platform/router';
import type { Platform } from '../../platform/platform';
import { isProfileId, profileSummaries } from '@domain/profiles';
import { MALFORMED } from '@domain/errors';
import { cspHeader, inlineScriptHashes } from '../csp';
import type { ResearchStore, StoredSession } from './store';

export interface ResearchDeps {
  store: ResearchStore;
  /** The platform holding this session's own data. */
  platformOf: (s: StoredSession) => Platform;
  /** That platform's storage, where task success criteria are checked. */
  repoOf: (s: StoredSession) => Repo;
  /** Researchers' notes, tags and exclusions per session (kept by the console); none when absent. */
  annotationsOf?: (sessionId: string) => SessionAnnotations | undefined;
  /** Persona ids and their picker lines (masked), from the default profile. */
  personas: () => { id: string; name: string; label: string }[];
  /** How long a "timeout" fault holds the answer: longer than the app waits. */
  faultHoldMs: number;
  /** The platform's clock (a pinned date in demos and tests). */
  now: () => Date;
  /** Where participants open the app (`npm start -- --lan`); the console falls back to its own address. */
  appUrl?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const refusal = (
  status: number,
  code: string,
  message: string,
  errors?: { field: string; code: string; message: string }[],
) => ({
  status,
  body: errors ? { code, message, errors } : { code, message },
});
const NOT_FOUND = refusal(404, 'SESSION_NOT_FOUND', '没有找到这个研究会话，请向研究人员确认链接或二维码');
const UNAVAILABLE = { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后重试' };

const STUDY = /^[\p{L}\p{N} _-]{1,40}$/u;
const PARTICIPANT = /^[A-Za-z0-9_-]{1,24}$/;

export function createResearch(deps: ResearchDeps) {
  const { store } = deps;

  const effectiveFaults = (s: StoredSession): Faults => faultsFor(situationById(s.situation)!, s.faults);
  const tasksOf = (study: string): StudyTask[] => store.getStudy(study)?.tasks ?? DEFAULT_TASKS;

  /**
   * After the platform did something in the session: is the running task's criterion now met on its
   * own data? Then the platform writes task_success itself: a participant cannot fake it. An attempt
   * in which no task was started (an old app) checks its first task from the attempt's start.
   */
  function checkTaskSuccess(s: StoredSession) {
    const tasks = tasksOf(s.study);
    const events = store.events(s.id);
    const attempts = splitAttempts(events);
    const latest = attempts[attempts.length - 1]!;
    const runs = taskRuns(latest, tasks.length);
    const anyStart = latest.some((e) => e.type === 'task_start');
    const run = anyStart
      ? runs.find((r) => r.outcome === 'in_progress')
      : runs[0]?.outcome === 'not_started'
        ? runs[0]
        : undefined;
    if (!run) return;
    const task = tasks[run.task - 1];
    const criterion = task && criterionById(task.criterion);
    const resetAt = [...events].reverse().find((e) => e.type === 'session_reset' || e.type === 'session_start')?.at;
    const since = run.start?.at ?? resetAt ?? s.createdAt;
    const met = criterion?.met({
      repo: deps.repoOf(s),
      personaId: s.personaId,
      since,
      today: todayInChina(deps.now()),
    });
    if (met) store.record(s.id, { type: 'task_success', task: run.task });
  }

  /** The session's report (one session or a whole study), with the console's annotations. */
  function reportOf(study: string, list: StoredSession[]) {
    return buildStudyReport({
      study,
      tasks: tasksOf(study),
      sessions: list.map((s) => ({
        info: sessionView(s),
        events: store.events(s.id),
        annotations: deps.annotationsOf?.(s.id),
      })),
      now: deps.now(),
    });
  }

  function sessionView(s: StoredSession) {
    const situation = situationById(s.situation)!;
    return {
      id: s.id,
      study: s.study,
      participant: s.participant,
      personaId: s.personaId,
      profileId: s.profileId,
      situation: s.situation,
      situationLabel: situation.label,
      condition: s.condition,
      faults: effectiveFaults(s),
      createdAt: s.createdAt,
      /** Open in a mini-program (DevTools 编译模式 / 体验版 QR) or after `#` in the H5 app. */
      appPath: `/pages/index/index?session=${s.id}`,
    };
  }

  /** With what the participant's app needs to show (its tasks, where it stands) and the summary. */
  const withSummary = (s: StoredSession) => {
    const events = store.events(s.id);
    const tasks = tasksOf(s.study);
    return {
      ...sessionView(s),
      tasks: tasks.map(({ id, label, instruction }) => ({ id, label, instruction })),
      progress: progressOf(events, tasks.length),
      summary: summarizeSession(events),
    };
  };

  /** A platform request made by the app inside a session: faults first, then the session's own data. */
  async function handleInSession(sessionId: string, req: ApiRequest): Promise<ApiResponse> {
    const s = store.getSession(sessionId);
    if (!s) return NOT_FOUND;
    const faults = effectiveFaults(s);
    const op = operationOf(req.method, req.path);
    let fault: FaultKind = null;
    if (op) {
      const n = store.countRequest(s.id, SUBMITS.has(op));
      fault = decideFault(faults, s.id, op, n.requestNo, n.submitNo);
    }
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    const logged = {
      type: 'api' as const,
      action: op ?? 'unknown',
      fault: fault ?? (faults.latencyMs > 0 ? ('latency' as const) : undefined),
    };
    if (fault === 'error') {
      store.record(s.id, { ...logged, status: 503, code: UNAVAILABLE.code });
      return { status: 503, body: UNAVAILABLE };
    }
    // The session fixes the rule profile; whatever the app asks for is ignored.
    const res = handle(deps.platformOf(s), { ...req, profile: undefined });
    if (op === 'reset' && res.status === 200) store.markReset(s.id);
    const code = res.status >= 400 ? (res.body as { code?: string } | null)?.code : undefined;
    store.record(s.id, { ...logged, status: res.status, code });
    if (op && SUBMITS.has(op) && res.status >= 200 && res.status < 300) checkTaskSuccess(s);
    // Done, but answered too late: the app must recover by retrying, and the retry must not double it.
    if (fault === 'timeout') await sleep(deps.faultHoldMs);
    return res;
  }

  function readNewSession(b: Record<string, unknown>) {
    const errors: { field: string; code: string; message: string }[] = [];
    const study = typeof b.study === 'string' ? b.study.trim() : '';
    const participant = typeof b.participant === 'string' ? b.participant.trim() : '';
    if (!STUDY.test(study))
      errors.push({
        field: 'study',
        code: 'STUDY_INVALID',
        message: '研究名称为 1 到 40 个字，只用文字、数字、空格、- 或 _',
      });
    if (!PARTICIPANT.test(participant)) {
      errors.push({
        field: 'participant',
        code: 'PARTICIPANT_INVALID',
        message: '参与者编号为 1 到 24 位字母、数字、- 或 _（如 P01），请勿填写姓名',
      });
    }
    if (!deps.personas().some((p) => p.id === b.personaId))
      errors.push({ field: 'personaId', code: 'PERSONA_INVALID', message: '请选择测试身份' });
    if (!isProfileId(b.profileId))
      errors.push({ field: 'profileId', code: 'PROFILE_INVALID', message: '请选择省份规则' });
    if (typeof b.situation !== 'string' || !situationById(b.situation))
      errors.push({ field: 'situation', code: 'SITUATION_INVALID', message: '请选择情境' });
    const faults = readFaults(b.faults);
    if (typeof faults === 'string') errors.push({ field: 'faults', code: 'FAULTS_INVALID', message: faults });
    const condition =
      b.condition === undefined || b.condition === null
        ? ''
        : typeof b.condition === 'string'
          ? b.condition.trim()
          : null;
    const allowed = STUDY.test(study) ? store.getStudy(study)?.conditions : undefined;
    if (condition === null || !isConditionLabel(condition) || (allowed?.length && !allowed.includes(condition)))
      errors.push({
        field: 'condition',
        code: 'CONDITION_INVALID',
        message: allowed?.length
          ? `请选择条件：${allowed.join('、')}`
          : '条件为 1 到 24 个字（文字、数字、空格、- 或 _），可不填',
      });
    const [first] = errors;
    if (first) return { errors, first };
    return {
      session: {
        study,
        participant,
        personaId: b.personaId as string,
        profileId: b.profileId as string,
        situation: b.situation as string,
        faults: faults as Partial<Faults>,
        condition: condition ?? '',
      },
    };
  }

  function register(app: FastifyInstance, consoleFile: string) {
    const send = (reply: FastifyReply, r: { status: number; body: unknown }) =>
      reply.code(r.status).header('cache-control', 'no-store').send(r.body);
    const session = (id: string) => store.getSession(id.toUpperCase());
    const download = (reply: FastifyReply, name: string, type: string, content: string) =>
      reply
        .header('content-type', `${type}; charset=utf-8`)
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(content);
    const MALFORMED_REPLY = { status: MALFORMED.status, body: MALFORMED };
    const isObject = (v: unknown): v is Record<string, unknown> =>
      typeof v === 'object' && v !== null && !Array.isArray(v);

    app.get('/research', async (_req, reply) => {
      const html = await fs.promises.readFile(consoleFile, 'utf8');
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-security-policy', cspHeader(inlineScriptHashes(html)))
        .send(html);
    });

    app.get('/api/research/options', async () => ({
      appUrl: deps.appUrl ?? null,
      personas: deps.personas(),
      profiles: profileSummaries(),
      situations: SITUATIONS.map(({ id, label, description }) => ({
        id,
        label,
        description,
        faults: faultsFor(situationById(id)!),
      })),
      criteria: CRITERIA.map(({ id, label, description, instruction }) => ({ id, label, description, instruction })),
      defaultTasks: DEFAULT_TASKS,
    }));

    app.get('/api/research/studies', async () =>
      store.studies().map((r) => {
        const study = store.getStudy(r.name);
        return {
          name: r.name,
          tasks: study?.tasks ?? DEFAULT_TASKS,
          conditions: study?.conditions ?? [],
          sessions: r.sessions,
          createdAt: r.created_at,
        };
      }),
    );

    app.post('/api/research/studies', async (req, reply) => {
      if (!isObject(req.body)) return send(reply, MALFORMED_REPLY);
      const name = typeof req.body.name === 'string' ? req.body.name.trim() : '';
      const read = readStudy(req.body);
      const errors = 'errors' in read ? [...read.errors] : [];
      if (!STUDY.test(name))
        errors.unshift({
          field: 'name',
          code: 'STUDY_INVALID',
          message: '研究名称为 1 到 40 个字，只用文字、数字、空格、- 或 _',
        });
      const [first] = errors;
      if (first) return send(reply, refusal(400, first.code, first.message, errors));
      if ('errors' in read) return send(reply, MALFORMED_REPLY);
      // Once a participant has started a task, the tasks they were given are what the data means.
      const started = store.sessionsOfStudy(name).some((x) => store.events(x.id).some((e) => e.type === 'task_start'));
      if (started)
        return send(
          reply,
          refusal(409, 'STUDY_IN_USE', `研究「${name}」已有参与者开始任务，任务不能再修改；请另建一个研究`),
        );
      store.putStudy(name, read.tasks, read.conditions);
      const sessions = store.sessionsOfStudy(name).length;
      return send(reply, { status: 201, body: { name, tasks: read.tasks, conditions: read.conditions, sessions } });
    });

    app.get('/api/research/qr.svg', async (req, reply) => {
      const text = (req.query as Record<string, unknown>).text;
      if (typeof text !== 'string' || !text.trim() || text.length > 500) return send(reply, MALFORMED_REPLY);
      const svg = await QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
      return reply.header('content-type', 'image/svg+xml').header('cache-control', 'no-store').send(svg);
    });

    app.post('/api/research/sessions', async (req, reply) => {
      if (!isObject(req.body)) return send(reply, MALFORMED_REPLY);
      const read = readNewSession(req.body);
      const first = read.errors?.[0];
      if (read.errors && first) return send(reply, refusal(400, first.code, first.message, read.errors));
      if (!read.session) return send(reply, MALFORMED_REPLY);
      return send(reply, { status: 201, body: sessionView(store.createSession(read.session)) });
    });

    app.get('/api/research/sessions', async (req) => {
      const study = (req.query as Record<string, unknown>).study;
      const list = typeof study === 'string' && study ? store.sessionsOfStudy(study) : store.allSessions();
      return list.map(withSummary);
    });

    app.get('/api/research/sessions/:id', async (req, reply) => {
      const s = session((req.params as { id: string }).id);
      return s ? send(reply, { status: 200, body: withSummary(s) }) : send(reply, NOT_FOUND);
    });

    app.post('/api/research/sessions/:id/faults', async (req, reply) => {
      const s = session((req.params as { id: string }).id);
      if (!s) return send(reply, NOT_FOUND);
      if (!isObject(req.body)) return send(reply, MALFORMED_REPLY);
      const faults = readFaults(req.body);
      if (typeof faults === 'string') return send(reply, refusal(400, 'FAULTS_INVALID', faults));
      store.setFaults(s.id, faults);
      const updated = store.getSession(s.id);
      return send(reply, updated ? { status: 200, body: sessionView(updated) } : NOT_FOUND);
    });

    app.post('/api/research/sessions/:id/reset', async (req, reply) => {
      const s = session((req.params as { id: string }).id);
      if (!s) return send(reply, NOT_FOUND);
      deps.platformOf(s).reset();
      store.markReset(s.id);
      return send(reply, { status: 200, body: { reset: true } });
    });

    app.post('/api/research/sessions/:id/end', async (req, reply) => {
      const s = session((req.params as { id: string }).id);
      if (!s) return send(reply, NOT_FOUND);
      const before = progressOf(store.events(s.id), tasksOf(s.study).length);
      // Pressed twice, it ends once.
      if (before.status !== 'ended') store.record(s.id, { type: 'session_end', task: before.currentTask ?? undefined });
      return send(reply, {
        status: 200,
        body: { ended: true, progress: progressOf(store.events(s.id), tasksOf(s.study).length) },
      });
    });

    app.post('/api/research/sessions/:id/events', async (req, reply) => {
      const s = session((req.params as { id: string }).id);
      if (!s) return send(reply, NOT_FOUND);
      const batch = readEventBatch(req.body);
      if (typeof batch === 'string') return send(reply, refusal(400, 'EVENTS_INVALID', batch));
      // The app's clock may be off; its events are placed on the platform's clock.
      const offset = deps.now().getTime() - batch.sentAt;
      const stored = store.recordClientEvents(s.id, batch.clientId, offset, batch.events);
      return send(reply, { status: 202, body: { received: batch.events.length, stored } });
    });

    const exportsOf = (list: StoredSession[]) =>
      list.map((s) => ({ info: sessionView(s), events: store.events(s.id) }));

    app.get('/api/research/sessions/:id/:file', async (req, reply) => {
      const { id, file } = req.params as { id: string; file: string };
      const s = session(id);
      if (!s) return send(reply, NOT_FOUND);
      return exportFile(reply, `session-${s.id}`, s.study, [s], file);
    });

    app.get('/api/research/studies/:study/:file', async (req, reply) => {
      const { study, file } = req.params as { study: string; file: string };
      const list = store.sessionsOfStudy(study);
      if (!list.length) return send(reply, refusal(404, 'STUDY_NOT_FOUND', `研究「${study}」还没有会话`));
      return exportFile(reply, `study-${encodeURIComponent(study)}`, study, list, file);
    });

    function exportFile(reply: FastifyReply, base: string, study: string, list: StoredSession[], file: string) {
      const items = exportsOf(list);
      const withSummaries = items.map((i) => ({ ...i, summary: summarizeSession(i.events) }));
      if (file === 'report.json') return send(reply, { status: 200, body: reportOf(study, list) });
      if (file === 'export.json') {
        const body = {
          study: summarizeStudy(withSummaries.map((i) => i.summary)),
          tasks: tasksOf(study).map(({ id, label, criterion }) => ({ id, label, criterion })),
          sessions: withSummaries.map(({ info, summary, events }) => ({ ...info, summary, events })),
        };
        return download(reply, `${base}.json`, 'application/json', JSON.stringify(body, null, 2));
      }
      if (file === 'events.csv') return download(reply, `${base}-events.csv`, 'text/csv', eventsCsv(items));
      if (file === 'summary.csv')
        return download(
          reply,
          `${base}-summary.csv`,
          'text/csv',
          summaryCsv(
            reportOf(study, list),
            items.map((i) => i.info),
          ),
        );
      return send(
        reply,
        refusal(404, 'ROUTE_NOT_FOUND', '没有这个导出文件，可选：report.json、export.json、events.csv、summary.csv'),
      );
    }
  }

  return { handleInSession, register, reportOf };
}
