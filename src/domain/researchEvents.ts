// The research event log's vocabulary. Every value is an enum, a code or a number: free text cannot
// be logged, so a name, ID number or phone typed by a participant can never end up in a study file.
import { FORM_FIELDS } from './types';

/** Sent by the app. */
export const CLIENT_EVENT_TYPES = [
  'screen', // a screen was shown
  'back', // the participant went back from a screen
  'field_focus',
  'validation_error', // an error appeared next to a field
  'submit', // 提交: bind, unbind, pay
  'next', // 下一步 on the form (not a submit)
  'refusal', // the platform said no
  'request_failed', // network, timeout or server error
  'consent_read', // time on the consent screen before ticking
  'task_start', // the participant pressed 开始任务 (task)
  'task_done', // the participant pressed 完成 (task); success itself is the platform's word
  'task_give_up', // the participant pressed 放弃 (task)
  'seq_answer', // Single Ease Question after a task (task, value 1–7)
  'sus_answer', // one SUS item at the end (item 1–10, value 1–5)
] as const;

/** Written by the platform itself. */
export const SERVER_EVENT_TYPES = [
  'session_start',
  'session_reset',
  'faults_changed',
  'api',
  // The running task's success criterion was met on the platform's own data (task).
  'task_success',
  // The researcher pressed 结束: the running task (if any) ends, and the session with it.
  'session_end',
  // The 收银台 settled or refunded in the session's data (a trainer's or researcher's step, not the
  // participant's: summaries leave it out).
  'institution',
] as const;

export type ClientEventType = (typeof CLIENT_EVENT_TYPES)[number];
export type EventType = ClientEventType | (typeof SERVER_EVENT_TYPES)[number];

// A screen is named by its page folder (the tracker reads it from the route): usage = 共济使用明细 (the
// authorizer's), granted = 授权我的 (a relative's).
export const SCREENS = [
  'index',
  'login',
  'family',
  'bind',
  'consent',
  'result',
  'records',
  'pay',
  'info',
  'usage',
  'granted',
] as const;
// month: 共济使用明细's month filter (relative is its relative filter, as on 代缴).
export const FIELDS = [...FORM_FIELDS, 'consent', 'signature', 'proofs', 'relative', 'year', 'month'] as const;

export interface ResearchEvent {
  type: EventType;
  /** When it happened, ISO 8601, on the platform's clock. */
  at: string;
  screen?: string;
  field?: string;
  /**
   * What was being done: bind, unbind, pay, or a platform operation (mutualAidUsage, authorizedMe; the
   * 收银台's settle, refund, getSettlement and cards when it works inside a session).
   */
  action?: string;
  /** Refusal or error code, e.g. BALANCE_TOO_LOW. */
  code?: string;
  status?: number;
  ms?: number;
  /** The fault the platform injected into this request, if any. */
  fault?: 'latency' | 'error' | 'timeout';
  /** 1-based task number (task events). */
  task?: number;
  /** 1-based questionnaire item (SUS). */
  item?: number;
  /** A questionnaire answer: a number, never text. */
  value?: number;
}

/** An event's details after its type and time, in the order the log and its CSV file keep them. */
export const EVENT_DETAILS = [
  'screen',
  'field',
  'action',
  'code',
  'status',
  'ms',
  'fault',
  'task',
  'item',
  'value',
] as const;

/** As the app sends it: `at` is the app's own clock, corrected with the batch's `sentAt`. */
export interface ClientEvent {
  seq: number;
  at: number;
  type: ClientEventType;
  screen?: string;
  field?: string;
  action?: string;
  code?: string;
  ms?: number;
  task?: number;
  item?: number;
  value?: number;
}

export interface EventBatch {
  /** One per app start, so a resent batch is recognised and stored once. */
  clientId: string;
  sentAt: number;
  events: ClientEvent[];
}

export const MAX_BATCH = 200;
const CODE = /^[A-Z][A-Z0-9_]{1,47}$/;
const ACTION = /^[a-z][A-Za-z]{1,31}$/;
const CLIENT_ID = /^[A-Za-z0-9_-]{8,64}$/;
const ALLOWED_KEYS = new Set(['seq', 'at', 'type', 'screen', 'field', 'action', 'code', 'ms', 'task', 'item', 'value']);
export const MAX_TASKS = 20;
export const SEQ_RANGE = [1, 7] as const;
export const SUS_ITEMS = 10;
export const SUS_RANGE = [1, 5] as const;
const TASK_EVENTS = new Set(['task_start', 'task_done', 'task_give_up', 'seq_answer']);

const has = <T extends string>(list: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (list as readonly string[]).includes(v);
const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** The batch, or the first problem in plain words (the whole batch is refused, nothing is stored). */
export function readEventBatch(raw: unknown): EventBatch | string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return '事件格式不正确';
  const b = raw as Record<string, unknown>;
  if (typeof b.clientId !== 'string' || !CLIENT_ID.test(b.clientId)) return 'clientId 缺失或格式不正确';
  if (!isInt(b.sentAt, 0, 8.64e15)) return 'sentAt 应为毫秒时间戳';
  if (!Array.isArray(b.events) || b.events.length === 0 || b.events.length > MAX_BATCH)
    return `events 应为 1 到 ${MAX_BATCH} 条`;
  const events: ClientEvent[] = [];
  for (const [i, e] of b.events.entries()) {
    const where = `第 ${i + 1} 条事件`;
    if (typeof e !== 'object' || e === null || Array.isArray(e)) return `${where}格式不正确`;
    const ev = e as Record<string, unknown>;
    const extra = Object.keys(ev).find((k) => !ALLOWED_KEYS.has(k));
    if (extra) return `${where}含有不允许记录的内容「${extra}」`;
    if (!isInt(ev.seq, 0, 1e9)) return `${where}的 seq 不正确`;
    if (!isInt(ev.at, 0, 8.64e15)) return `${where}的时间不正确`;
    if (!has(CLIENT_EVENT_TYPES, ev.type)) return `${where}的类型不正确`;
    if (ev.screen !== undefined && !has(SCREENS, ev.screen)) return `${where}的页面不正确`;
    if (ev.field !== undefined && !has(FIELDS, ev.field)) return `${where}的字段不正确`;
    if (ev.action !== undefined && !(typeof ev.action === 'string' && ACTION.test(ev.action)))
      return `${where}的操作不正确`;
    if (ev.code !== undefined && !(typeof ev.code === 'string' && CODE.test(ev.code))) return `${where}的代码不正确`;
    if (ev.ms !== undefined && !isInt(ev.ms, 0, 86_400_000)) return `${where}的时长不正确`;
    const taskEvent = TASK_EVENTS.has(ev.type);
    if (taskEvent ? !isInt(ev.task, 1, MAX_TASKS) : ev.task !== undefined) return `${where}的任务编号不正确`;
    const sus = ev.type === 'sus_answer';
    if (sus ? !isInt(ev.item, 1, SUS_ITEMS) : ev.item !== undefined) return `${where}的题号不正确`;
    const range = sus ? SUS_RANGE : ev.type === 'seq_answer' ? SEQ_RANGE : null;
    if (range ? !isInt(ev.value, range[0], range[1]) : ev.value !== undefined) return `${where}的答案不正确`;
    events.push(ev as unknown as ClientEvent);
  }
  return { clientId: b.clientId, sentAt: b.sentAt, events };
}
