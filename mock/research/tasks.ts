// A study's tasks and the catalog of success criteria the platform checks on its own data, so a
// participant can neither fake a success nor miss one. Labels name people masked: they go into exports.
import { bindingStatus } from '@domain/dates';
import type { Repo } from '../platform/repo';

export interface CriterionContext {
  repo: Repo;
  /** The persona signed in for the session (the authorizer). */
  personaId: string;
  /** When the task started (ISO): only what was done since counts. */
  since: string;
  today: string;
}

export interface Criterion {
  id: string;
  label: string;
  description: string;
  /** Default wording for the participant: names no one, the task card holds the details. */
  instruction: string;
  met: (c: CriterionContext) => boolean;
}

const RELATIVES = [
  { key: 'zhangxiaoming', name: '张小明', masked: '张*明', who: '儿子', them: '他' },
  { key: 'liuguilan', name: '刘桂兰', masked: '刘*兰', who: '母亲', them: '她' },
] as const;

const bindingsOf = (c: CriterionContext, name?: string) =>
  c.repo.bindingsOfAuthorizer(c.personaId).filter((b) => name === undefined || b.relativeName === name);

export const CRITERIA: Criterion[] = [
  {
    id: 'any-binding',
    label: '新增一条生效中的绑定',
    description: '任务开始后，授权人新增了一条生效中的共济绑定（任何使用人）',
    instruction: '请为您的家人办理家庭共济账户绑定。需要的信息在研究人员给您的任务卡上。',
    met: (c) => bindingsOf(c).some((b) => b.createdAt >= c.since && bindingStatus(b, c.today) === '生效中'),
  },
  ...RELATIVES.flatMap((r): Criterion[] => [
    {
      id: `bind-${r.key}`,
      label: `绑定${r.masked}（生效中）`,
      description: `任务开始后，授权人为${r.masked}新增了一条生效中的共济绑定`,
      instruction: `请为您的${r.who}办理家庭共济账户绑定，让${r.them}使用您的医保个人账户。需要的信息在任务卡上。`,
      met: (c) => bindingsOf(c, r.name).some((b) => b.createdAt >= c.since && bindingStatus(b, c.today) === '生效中'),
    },
    {
      id: `pay-${r.key}`,
      label: `为${r.masked}代缴`,
      description: `任务开始后，授权人为${r.masked}代缴了城乡居民医保费`,
      instruction: `请用您的医保个人账户为您的${r.who}代缴今年的城乡居民医保费。`,
      met: (c) => {
        const ids = new Set(bindingsOf(c, r.name).map((b) => b.relativeIdNumber));
        return c.repo.paymentsOfAuthorizer(c.personaId).some((p) => ids.has(p.relativeIdNumber) && p.paidAt >= c.since);
      },
    },
    {
      id: `unbind-${r.key}`,
      label: `解除${r.masked}的绑定`,
      description: `任务开始后，授权人解除了与${r.masked}的共济绑定`,
      instruction: `请解除您与${r.who}的家庭共济绑定。`,
      met: (c) => bindingsOf(c, r.name).some((b) => b.unboundAt !== null && b.unboundAt >= c.since),
    },
  ]),
];

export const criterionById = (id: string) => CRITERIA.find((c) => c.id === id);

export interface StudyTask {
  id: string;
  criterion: string;
  label: string;
  instruction: string;
}

export interface Study {
  name: string;
  tasks: StudyTask[];
  /** The study's own condition labels (e.g. 旧版, 新版); empty: any label, or none. */
  conditions: string[];
  createdAt: string | null;
}

const ANY = criterionById('any-binding')!;
/** A study nobody defined (sessions made straight from the console): one binding task. */
export const DEFAULT_TASKS: StudyTask[] = [
  { id: 't1', criterion: ANY.id, label: '绑定共济账户', instruction: ANY.instruction },
];

export const MAX_STUDY_TASKS = 10;
const LABEL = /^[\p{L}\p{N}\p{P} *_-]{1,30}$/u;
const CONDITION = /^[\p{L}\p{N} _-]{1,24}$/u;
// Instructions are the researcher's words for the participant; an ID or phone number does not belong.
const IDENTITY = /\d{11,}/;

type FieldError = { field: string; code: string; message: string };

/** A study definition from the console, or its field errors. */
export function readStudy(
  b: Record<string, unknown>,
): { tasks: StudyTask[]; conditions: string[] } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const tasks: StudyTask[] = [];
  if (!Array.isArray(b.tasks) || b.tasks.length < 1 || b.tasks.length > MAX_STUDY_TASKS) {
    errors.push({ field: 'tasks', code: 'TASKS_INVALID', message: `请设置 1 到 ${MAX_STUDY_TASKS} 个任务` });
  } else {
    b.tasks.forEach((t, i) => {
      const where = `第 ${i + 1} 个任务`;
      const task = (typeof t === 'object' && t !== null ? t : {}) as Record<string, unknown>;
      const criterion = typeof task.criterion === 'string' ? criterionById(task.criterion) : undefined;
      if (!criterion)
        return errors.push({ field: 'tasks', code: 'CRITERION_INVALID', message: `${where}：请选择成功标准` });
      const label = typeof task.label === 'string' && task.label.trim() ? task.label.trim() : criterion.label;
      const instruction =
        typeof task.instruction === 'string' && task.instruction.trim()
          ? task.instruction.trim()
          : criterion.instruction;
      if (!LABEL.test(label))
        return errors.push({ field: 'tasks', code: 'TASK_LABEL_INVALID', message: `${where}：名称为 1 到 30 个字` });
      if (instruction.length > 300 || IDENTITY.test(instruction))
        return errors.push({
          field: 'tasks',
          code: 'TASK_INSTRUCTION_INVALID',
          message: `${where}：说明最多 300 个字，且不能含证件号码或手机号码`,
        });
      tasks.push({ id: `t${i + 1}`, criterion: criterion.id, label, instruction });
    });
  }
  const raw = b.conditions ?? [];
  const conditions = Array.isArray(raw) ? raw.map((c) => (typeof c === 'string' ? c.trim() : '')) : null;
  if (
    !conditions ||
    conditions.length > 8 ||
    conditions.some((c) => !CONDITION.test(c)) ||
    new Set(conditions).size !== conditions.length
  )
    errors.push({
      field: 'conditions',
      code: 'CONDITIONS_INVALID',
      message: '条件最多 8 个，各不相同，每个 1 到 24 个字（文字、数字、空格、- 或 _）',
    });
  return errors.length ? { errors } : { tasks, conditions: conditions ?? [] };
}

export const isConditionLabel = (v: string) => v === '' || CONDITION.test(v);
