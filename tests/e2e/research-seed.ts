// A small study as it would look after a morning of sessions, made over HTTP as the app and the
// console make it: two conditions, field mistakes, a platform refusal, give-ups, SEQ and SUS answers,
// a pilot. Task 1 (bind) really binds on each session's platform, which records the success itself;
// the app's clock is set back so the time on task is a believable minute or two.
import { BASE, RESEARCH_KEY, TODAY } from './helpers';

const key = { 'x-research-key': RESEARCH_KEY, 'content-type': 'application/json' };
async function call<T = any>(method: string, route: string, body?: unknown, headers = {}): Promise<T> {
  const res = await fetch(BASE + route, {
    method,
    headers: { ...key, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await res.json()) as T;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Outcome = 'success' | 'gave_up' | 'open';
interface Person {
  participant: string;
  condition: string;
  situation: string;
  /** Task 1 (bind): outcome and seconds; task 2 (unbind): outcome. */
  bind: [Outcome, number];
  unbind?: Outcome;
  mistakes?: string[];
  seq: number[];
  sus?: number[];
}

const PEOPLE: Person[] = [
  { participant: 'PILOT', condition: '旧版', situation: 'normal', bind: ['gave_up', 420], seq: [1] },
  {
    participant: 'P01',
    condition: '旧版',
    situation: 'normal',
    bind: ['success', 96],
    unbind: 'success',
    mistakes: ['phone'],
    seq: [5, 6],
    sus: [4, 2, 4, 2, 4, 2, 4, 2, 4, 2],
  },
  {
    participant: 'P02',
    condition: '旧版',
    situation: 'normal',
    bind: ['gave_up', 210],
    mistakes: ['idNumber', 'phone'],
    seq: [2],
  },
  {
    participant: 'P03',
    condition: '旧版',
    situation: 'normal',
    bind: ['success', 148],
    unbind: 'success',
    mistakes: ['idNumber'],
    seq: [4, 5],
    sus: [3, 3, 4, 2, 3, 3, 4, 2, 3, 2],
  },
  {
    participant: 'P04',
    condition: '新版',
    situation: 'normal',
    bind: ['success', 52],
    unbind: 'success',
    seq: [7, 7],
    sus: [5, 1, 5, 1, 5, 2, 5, 1, 5, 1],
  },
  {
    participant: 'P05',
    condition: '新版',
    situation: 'normal',
    bind: ['success', 71],
    unbind: 'success',
    mistakes: ['phone'],
    seq: [6, 6],
    sus: [4, 1, 5, 2, 4, 1, 5, 2, 4, 2],
  },
  {
    participant: 'P06',
    condition: '新版',
    situation: 'relative-not-insured',
    bind: ['gave_up', 130],
    seq: [3],
  },
  { participant: 'P07', condition: '新版', situation: 'normal', bind: ['success', 64], unbind: 'open', seq: [6] },
  { participant: 'P08', condition: '旧版', situation: 'normal', bind: ['open', 0], seq: [] },
];

const RELATIVE = {
  name: '张小明',
  idType: '居民身份证',
  idNumber: '230102200306081016',
  phone: '13804510011',
  relation: '子女',
  endDate: '',
  consent: true,
};

/** Seeds the study; returns its session ids by participant, and the pilot's id excluded. */
export async function seedRealisticStudy(study: string) {
  await call('POST', '/api/research/studies', {
    name: study,
    conditions: ['旧版', '新版'],
    tasks: [
      { criterion: 'bind-zhangxiaoming', label: '绑定张*明', instruction: '请为您的儿子办理家庭共济账户绑定。' },
      { criterion: 'unbind-zhangxiaoming', label: '解除张*明的绑定', instruction: '请解除您与儿子的家庭共济绑定。' },
    ],
  });
  const ids: Record<string, string> = {};
  for (const p of PEOPLE) {
    const s = await call('POST', '/api/research/sessions', {
      study,
      participant: p.participant,
      personaId: 'zhang',
      profileId: 'heilongjiang',
      situation: p.situation,
      condition: p.condition,
    });
    ids[p.participant] = s.id;
  }
  await Promise.all(
    PEOPLE.map(async (p, n) => {
      const id = ids[p.participant]!;
      if (p.bind[0] === 'open') return;
      let seq = 0;
      // The app's clock runs `behind` ms late: its events land that far in the past.
      const post = (events: Record<string, unknown>[], behind = 0) =>
        call(`POST`, `/api/research/sessions/${id}/events`, {
          clientId: `seed-${id}`,
          sentAt: Date.now(),
          events: events.map((e, i) => ({ seq: ++seq, at: Date.now() - behind + i, ...e })),
        });
      const inSession = { 'x-research-session': id };
      const [outcome, seconds] = p.bind;
      const ms = seconds * 1000;
      await post([{ type: 'screen', screen: 'index' }], ms + 5000);
      await post([{ type: 'task_start', task: 1 }], ms);
      await post([{ type: 'screen', screen: 'family' }], ms * 0.9);
      await post([{ type: 'screen', screen: 'bind' }], ms * 0.8);
      await post(
        (p.mistakes ?? []).map((field) => ({ type: 'validation_error', field })),
        ms * 0.6,
      );
      const { token } = await call('POST', '/api/session', { personaId: 'zhang' }, inSession);
      const auth = { ...inSession, authorization: `Bearer ${token}` };
      if (outcome === 'gave_up') {
        if (p.situation === 'relative-not-insured') {
          await post(
            [{ type: 'next' }, { type: 'screen', screen: 'consent' }, { type: 'submit', action: 'bind' }],
            ms * 0.3,
          );
          await call('POST', '/api/bindings', { ...RELATIVE, requestId: `seed-${id}`, startDate: TODAY }, auth);
        }
        await post([{ type: 'task_give_up', task: 1 }]);
        await post([{ type: 'seq_answer', task: 1, value: p.seq[0] }]);
        return;
      }
      await post([{ type: 'next' }, { type: 'screen', screen: 'consent' }], ms * 0.4);
      await post(
        [
          { type: 'consent_read', ms: 12000 },
          { type: 'submit', action: 'bind' },
        ],
        1000,
      );
      const bound = await call(
        'POST',
        '/api/bindings',
        { ...RELATIVE, requestId: `seed-${id}`, startDate: TODAY },
        auth,
      );
      await post([
        { type: 'screen', screen: 'result' },
        { type: 'task_done', task: 1 },
        { type: 'seq_answer', task: 1, value: p.seq[0] },
      ]);
      if (!p.unbind) return;
      await post([
        { type: 'task_start', task: 2 },
        { type: 'screen', screen: 'records' },
      ]);
      if (p.unbind === 'open') return;
      // Unbinding is quick: a second or three, in parallel across participants.
      await sleep(1000 + (n % 3) * 800);
      await post([{ type: 'submit', action: 'unbind' }]);
      await call('POST', `/api/bindings/${bound.id}/unbind`, undefined, auth);
      await post([
        { type: 'task_done', task: 2 },
        { type: 'seq_answer', task: 2, value: p.seq[1] },
      ]);
      if (p.sus) await post(p.sus.map((value, k) => ({ type: 'sus_answer', item: k + 1, value })));
    }),
  );
  await call('PUT', `/api/research/sessions/${ids.PILOT}/excluded`, { excluded: true });
  await call('POST', `/api/research/sessions/${ids.P02}/notes`, { text: '在证件号码上反复出错，最后放弃' });
  await call('PUT', `/api/research/sessions/${ids.P02}/tags`, { tags: ['证件号码', '老年'] });
  return ids;
}
