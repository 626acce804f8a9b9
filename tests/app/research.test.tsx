// The app inside a research session: it opens the session's profile and persona, reports what the
// participant does (never what they type), and a failed request loses nothing and doubles nothing.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import IMAGES from '../fixtures/images.json';
import Taro from '@tarojs/taro';
import Bind from '@/pages/bind/index';
import Consent from '@/pages/consent/index';
import Hall from '@/pages/index/index';
import { useAuthStore } from '@/features/auth/store';
import { useBindFormStore, type FormField } from '@/features/binding/formStore';
import { useProfileStore } from '@/features/profile/store';
import { flushResearchEvents, useResearchStore } from '@/features/research/store';
import { createTracker } from '@/features/research/tracker';
import { setTransport } from '@/shared/api/client';
import type { ApiRequest } from '@/shared/api/types';
import { PROFILES } from '@domain/profiles';
import { seedIds } from '../../mock/platform/seed';

// The session runs 河北: its people carry 河北 numbers.
const XIAOMING_ID = seedIds(PROFILES.hebei).zhangXiaoming;
import { bindingsOnPlatform, inputByPlaceholder, startPlatform, TODAY, type, type Harness } from './harness';

const SESSION = {
  id: 'K7M2QP',
  personaId: 'zhang',
  profileId: 'hebei',
  situation: 'submit-error',
  situationLabel: '提交时服务器出错',
};

interface Research {
  h: Harness;
  posted: Record<string, unknown>[];
  /** Requests as they reached the platform, with the session they named. */
  seen: ApiRequest[];
  failEventPosts: (n: number) => void;
}

/** The offline platform behind a stand-in for the research endpoints of the HTTP platform. */
async function research(session: Record<string, unknown> = SESSION): Promise<Research> {
  const h = await startPlatform();
  const posted: Record<string, unknown>[] = [];
  const seen: ApiRequest[] = [];
  let failing = 0;
  setTransport(async (req) => {
    seen.push(req);
    if (req.path === `/api/research/sessions/${SESSION.id}`) return { status: 200, body: session };
    if (req.path === `/api/research/sessions/${SESSION.id}/events`) {
      if (failing > 0) {
        failing--;
        throw new Error('network down');
      }
      const { events } = req.body as { events: Record<string, unknown>[] };
      posted.push(...events);
      return { status: 202, body: { received: events.length, stored: events.length } };
    }
    if (req.path.startsWith('/api/research/'))
      return {
        status: 404,
        body: { code: 'SESSION_NOT_FOUND', message: '没有找到这个研究会话，请向研究人员确认链接或二维码' },
      };
    return h.transport(req);
  });
  return { h, posted, seen, failEventPosts: (n) => (failing = n) };
}

const XIAOMING = {
  name: '张小明',
  idNumber: XIAOMING_ID,
  phone: '13804510011',
  relation: '子女',
  startDate: TODAY,
};
function fill(values: Partial<Record<FormField, string>> = XIAOMING) {
  for (const [k, v] of Object.entries(values)) useBindFormStore.getState().setField(k as FormField, v);
}

afterEach(() => jest.restoreAllMocks());

test('joining a session opens its profile and signs its persona in, and every request names the session', async () => {
  const r = await research();
  await useResearchStore.getState().join(SESSION.id);
  expect(useResearchStore.getState().status).toBe('ready');
  expect(useProfileStore.getState().profile.id).toBe('hebei');
  expect(useAuthStore.getState().me?.name).toBe('张**');
  const logins = r.seen.filter((q) => q.path === '/api/session');
  expect(logins).toHaveLength(1);
  expect(logins[0]?.session).toBe(SESSION.id);
  render(<Hall />);
  expect(await screen.findByText(`研究会话 ${SESSION.id}`)).toBeInTheDocument();
});

test('an unknown session says so plainly and leaves the app in ordinary use', async () => {
  await research();
  await useResearchStore.getState().join('ZZZZZZ');
  render(<Hall />);
  expect(await screen.findByText('没有找到这个研究会话，请向研究人员确认链接或二维码')).toBeInTheDocument();
  expect(useResearchStore.getState().sessionId).toBeNull();
  expect(useAuthStore.getState().token).toBeNull();
});

test('the log records focus and errors by field and code, never what was typed', async () => {
  const r = await research();
  await useResearchStore.getState().join(SESSION.id);
  render(<Bind />);
  await screen.findByText('添加共济使用人');
  fireEvent.focus(await inputByPlaceholder('请输入证件号码'));
  const wrong = XIAOMING_ID.slice(0, 17) + (XIAOMING_ID[17] === '1' ? '2' : '1');
  await type('请输入证件号码', wrong);
  await screen.findByText('证件号码有误，请逐位核对');
  await type('请输入使用人手机号码', '2380451001');
  await screen.findByText(/手机号码/, { selector: '.field__error *' }).catch(() => undefined);
  await act(() => flushResearchEvents());
  expect(r.posted).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ type: 'field_focus', screen: 'bind', field: 'idNumber' }),
      expect.objectContaining({ type: 'validation_error', screen: 'bind', field: 'idNumber', code: 'ID_CHECK' }),
      expect.objectContaining({ type: 'validation_error', screen: 'bind', field: 'phone' }),
    ]),
  );
  // Each problem once, however often the screen re-renders.
  expect(r.posted.filter((e) => e.type === 'validation_error' && e.field === 'idNumber')).toHaveLength(1);
  const text = JSON.stringify(r.posted);
  for (const secret of [wrong, XIAOMING_ID, '2380451001', '张小明']) expect(text).not.toContain(secret);
});

test("a field error counts once per mistake (the issue's sequences), at leaving the field or 下一步", async () => {
  const r = await research();
  await useResearchStore.getState().join(SESSION.id);
  render(<Bind />);
  await screen.findByText('添加共济使用人');
  const errorsOf = (field: string) =>
    r.posted.filter((e) => e.type === 'validation_error' && e.field === field).map((e) => e.code);
  const id = await inputByPlaceholder('请输入证件号码');
  const wrong = XIAOMING_ID.slice(0, 17) + (XIAOMING_ID[17] === '1' ? '2' : '1');
  // ID_CHECK shown on leaving the field: one mistake.
  fireEvent.input(id, { target: { value: wrong } });
  fireEvent.blur(id);
  await screen.findByText('证件号码有误，请逐位核对');
  // A backspace shows ID_LENGTH for the momentary 17 digits; leaving the field then is the same mistake.
  fireEvent.input(id, { target: { value: wrong.slice(0, 17) } });
  fireEvent.blur(id);
  fireEvent.input(id, { target: { value: XIAOMING_ID } });
  fireEvent.blur(id);
  // 下一步 with the phone empty: PHONE_REQUIRED; the first keystroke shows PHONE_INVALID, which is the same mistake.
  fireEvent.click(screen.getByText('下一步：阅读授权协议'));
  await screen.findByText('请填写使用人手机号码');
  const phone = await inputByPlaceholder('请输入使用人手机号码');
  fireEvent.input(phone, { target: { value: '1' } });
  await screen.findByText('手机号码应为 1 开头的 11 位数字');
  fireEvent.blur(phone);
  fireEvent.input(phone, { target: { value: '13804510011' } });
  fireEvent.blur(phone);
  // Corrected, then wrong again: a second, distinct mistake.
  fireEvent.input(id, { target: { value: wrong } });
  fireEvent.blur(id);
  fireEvent.click(screen.getByText('下一步：阅读授权协议'));
  await act(() => flushResearchEvents());
  expect(errorsOf('idNumber')).toEqual(['ID_CHECK', 'ID_CHECK']);
  expect(errorsOf('phone')).toEqual(['PHONE_REQUIRED']);
  // 下一步 is logged as itself, not as a submit.
  expect(r.posted.filter((e) => e.type === 'next')).toHaveLength(2);
  expect(r.posted.filter((e) => e.type === 'submit')).toHaveLength(0);
});

test('consent read time, the submit, a failed request and the retry are logged; the form survives and binds once', async () => {
  const r = await research();
  await useResearchStore.getState().join(SESSION.id);
  jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
  useBindFormStore.getState().setSignature(IMAGES.png);
  fill();
  render(<Consent />);
  await screen.findByText(useProfileStore.getState().profile.consent.promiseTitle);
  fireEvent.click(screen.getByRole('checkbox'));
  // The platform is reached, but the answer is lost on the way back.
  r.h.failNext((q) => q.path === '/api/bindings' && q.method === 'POST', true);
  fireEvent.click(screen.getByText(useProfileStore.getState().profile.consent.buttonLabel).closest('button')!);
  expect(await screen.findByText(/网络连接失败或响应超时，您填写的内容已保留/)).toBeInTheDocument();
  expect(useBindFormStore.getState().values).toMatchObject({
    name: '张小明',
    idNumber: XIAOMING_ID,
    phone: '13804510011',
  });
  fireEvent.click(await screen.findByText('重新提交'));
  await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/result/index' }));
  expect(await bindingsOnPlatform(r.h)).toHaveLength(1);
  await act(() => flushResearchEvents());
  const types = r.posted.map((e) => `${e.type}:${e.action ?? e.field ?? ''}`);
  expect(types).toEqual(
    expect.arrayContaining(['consent_read:consent', 'submit:bind', 'request_failed:createBinding']),
  );
  expect(types.filter((t) => t === 'submit:bind')).toHaveLength(2);
  expect(r.posted.find((e) => e.type === 'consent_read')!.ms).toEqual(expect.any(Number));
});

test('events that could not be sent are sent later, each once, in order', async () => {
  const sent: { seq: number }[][] = [];
  let fail = 2;
  jest.useFakeTimers();
  try {
    const t = createTracker({
      send: async (events) => {
        if (fail-- > 0) throw new Error('offline');
        sent.push(events.map((e) => ({ seq: e.seq })));
      },
      batchDelayMs: 100,
      retryDelayMs: 1000,
    });
    t.push({ type: 'screen', screen: 'bind' });
    t.push({ type: 'field_focus', screen: 'bind', field: 'name' });
    await jest.advanceTimersByTimeAsync(150);
    expect(sent).toHaveLength(0);
    t.push({ type: 'submit', action: 'next' });
    await jest.advanceTimersByTimeAsync(3000);
    expect(t.pending()).toBe(0);
    expect(sent.flat().map((e) => e.seq)).toEqual([1, 2, 3]);
    t.stop();
  } finally {
    jest.useRealTimers();
  }
});

test('outside a session nothing is recorded or sent', async () => {
  const r = await research();
  await useAuthStore.getState().loginAs('zhang');
  render(<Bind />);
  await screen.findByText('添加共济使用人');
  await type('请输入证件号码', '123');
  await screen.findByText(/证件号码/, { selector: '.field__error *' }).catch(() => undefined);
  await act(() => flushResearchEvents());
  expect(r.posted).toEqual([]);
  expect(r.seen.some((q) => q.path.startsWith('/api/research/'))).toBe(false);
});

test('steps taken while the research code is still loading are recorded first, when they happened', async () => {
  const { holdResearchEvents } = await import('@/features/research/launch');
  const { track } = await import('@/shared/telemetry/track');
  const r = await research();
  holdResearchEvents();
  const before = Date.now();
  track({ type: 'screen', screen: 'index' });
  await useResearchStore.getState().join(SESSION.id);
  track({ type: 'screen', screen: 'family' });
  await flushResearchEvents();
  const screens = r.posted.filter((e) => e.type === 'screen');
  expect(screens.map((e) => e.screen)).toEqual(['index', 'family']);
  expect(screens[0]?.at).toBeGreaterThanOrEqual(before);
  expect(screens[0]?.seq).toBeLessThan(screens[1]?.seq as number);
});

test('a token kept from before a 重置 is not trusted: the session signs its persona in afresh', async () => {
  const r = await research();
  Taro.setStorageSync(`session-token:hebei:${SESSION.id}`, 'stale-token-from-before-reset');
  await useResearchStore.getState().join(SESSION.id);
  expect(r.seen.filter((q) => q.path === '/api/session')).toHaveLength(1);
  expect(useAuthStore.getState().token).not.toBe('stale-token-from-before-reset');
  expect(useAuthStore.getState().me?.name).toBe('张**');
});

test('the participant is led through brief, task, SEQ and SUS; every answer is a number in the log', async () => {
  const { taskPhase } = await import('@/features/research/store');
  const r = await research({
    ...SESSION,
    tasks: [
      { id: 't1', label: '绑定', instruction: '请为您的儿子办理绑定。' },
      { id: 't2', label: '代缴', instruction: '请代缴。' },
    ],
    progress: { attempt: 1, status: 'not_opened', currentTask: null, nextTask: 1, seqPending: null, susDone: false },
  });
  await act(() => useResearchStore.getState().join(SESSION.id));
  const phase = () => taskPhase(useResearchStore.getState());
  const steps: string[] = [phase()];
  const store = useResearchStore.getState();
  act(() => store.startTask());
  steps.push(phase());
  act(() => store.endTask('done'));
  steps.push(phase());
  act(() => store.answerSeq(6));
  steps.push(phase());
  act(() => store.startTask());
  act(() => store.endTask('give_up'));
  act(() => store.answerSeq(2));
  steps.push(phase());
  act(() => store.answerSus([4, 2, 5, 1, 4, 2, 5, 2, 4, 2]));
  steps.push(phase());
  expect(steps).toEqual(['brief', 'running', 'seq', 'brief', 'sus', 'thanks']);
  // Each step goes at once; those made while a batch was on its way follow as soon as it lands.
  await waitFor(() => expect(r.posted.filter((e) => e.type === 'sus_answer')).toHaveLength(10));
  const logged = r.posted
    .filter((e) => String(e.type).startsWith('task_') || String(e.type).endsWith('_answer'))
    .map((e) => `${e.type}:${e.task ?? ''}:${e.item ?? ''}:${e.value ?? ''}`);
  expect(logged.slice(0, 7)).toEqual([
    'task_start:1::',
    'task_done:1::',
    'seq_answer:1::6',
    'task_start:2::',
    'task_give_up:2::',
    'seq_answer:2::2',
    'sus_answer::1:4',
  ]);
  expect(logged.filter((l) => l.startsWith('sus_answer'))).toHaveLength(10);
});

test('a page going away hands every queued event to the beacon, and keeps them if it was refused', async () => {
  const sent: number[][] = [];
  const t = createTracker({ send: () => new Promise(() => undefined), batchDelayMs: 60_000 });
  t.push({ type: 'field_focus', screen: 'bind', field: 'name' });
  t.push({ type: 'screen', screen: 'result' });
  t.sendAllNow(() => false);
  expect(t.pending()).toBe(2);
  t.sendAllNow((events) => {
    sent.push(events.map((e) => e.seq));
    return true;
  });
  expect(sent).toEqual([[1, 2]]);
  expect(t.pending()).toBe(0);
  t.stop();
});
