// H5: the participant's side of a study, over the app in its own React root (the research chunk
// only): the task's instruction and 开始任务, a small bar with 完成 / 放弃 while it runs, the SEQ after
// each task and the SUS at the end. Answers are numbers only; the platform judges success itself.
import { useEffect, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { SEQ, SUS } from '@domain/questionnaires';
import { confirmAction } from '@/shared/ui/confirm';
import { useCareModeStore } from '@/shared/ui/careMode';
import { taskPhase, useResearchStore } from './store';
import './taskPanel.scss';

const RUNNING_CLASS = 'research-task-running';
const ENDED_POLL_MS = 5000;

function Choice({ n, chosen, onChoose, label }: { n: number; chosen: boolean; onChoose: () => void; label: string }) {
  return (
    <button
      type='button'
      className={`rtask-choice ${chosen ? 'rtask-choice--on' : ''}`}
      aria-pressed={chosen}
      aria-label={label}
      onClick={onChoose}
    >
      {n}
    </button>
  );
}

function SeqForm({ task }: { task: number }) {
  const [value, setValue] = useState<number | null>(null);
  const scale = Array.from({ length: SEQ.max - SEQ.min + 1 }, (_, i) => SEQ.min + i);
  return (
    <div className='rtask-card' role='dialog' aria-modal='true' aria-labelledby='rtask-seq-q'>
      <p className='rtask-kicker'>任务 {task} 已结束</p>
      <h2 id='rtask-seq-q' className='rtask-title'>
        {SEQ.question}
      </h2>
      <div className='rtask-scale' role='group' aria-label='1 到 7 分'>
        {scale.map((n) => (
          <Choice
            key={n}
            n={n}
            chosen={value === n}
            onChoose={() => setValue(n)}
            label={`${n} 分${n === SEQ.min ? `，${SEQ.minLabel}` : n === SEQ.max ? `，${SEQ.maxLabel}` : ''}`}
          />
        ))}
      </div>
      <div className='rtask-ends' aria-hidden>
        <span>
          {SEQ.min} {SEQ.minLabel}
        </span>
        <span>
          {SEQ.max} {SEQ.maxLabel}
        </span>
      </div>
      <button
        type='button'
        className='rtask-button rtask-button--primary'
        aria-disabled={value === null}
        onClick={() => value !== null && useResearchStore.getState().answerSeq(value)}
      >
        {value === null ? '请选择 1 到 7 分' : '确定'}
      </button>
    </div>
  );
}

function SusForm() {
  const [answers, setAnswers] = useState<(number | null)[]>(() => SUS.items.map(() => null));
  const missing = answers.filter((a) => a === null).length;
  return (
    <div className='rtask-card rtask-card--long' role='dialog' aria-modal='true' aria-labelledby='rtask-sus-t'>
      <h2 id='rtask-sus-t' className='rtask-title'>
        最后，请回答 10 个问题
      </h2>
      <p className='rtask-text'>{SUS.intro}</p>
      <p className='rtask-legend'>
        {SUS.labels.map((l, i) => (
          <span key={l}>
            {i + 1} {l}
          </span>
        ))}
      </p>
      {SUS.items.map((item, i) => (
        <fieldset key={item} className='rtask-item'>
          <legend className='rtask-text'>
            {i + 1}. {item}
          </legend>
          <div className='rtask-scale rtask-scale--five'>
            {SUS.labels.map((label, k) => (
              <Choice
                key={label}
                n={k + 1}
                chosen={answers[i] === k + 1}
                label={`${k + 1} 分，${label}`}
                onChoose={() => setAnswers((a) => a.map((v, j) => (j === i ? k + 1 : v)))}
              />
            ))}
          </div>
        </fieldset>
      ))}
      <button
        type='button'
        className='rtask-button rtask-button--primary'
        aria-disabled={missing > 0}
        onClick={() => missing === 0 && useResearchStore.getState().answerSus(answers as number[])}
      >
        {missing > 0 ? `还有 ${missing} 题未选` : '提交'}
      </button>
    </div>
  );
}

function TaskPanel() {
  const state = useResearchStore();
  const care = useCareModeStore((s) => s.on);
  const phase = taskPhase(state);
  const p = state.progress;
  const total = state.tasks.length;

  // While a task runs, pages keep room at their foot for the bar, so it covers none of their buttons.
  useEffect(() => {
    document.body.classList.toggle(RUNNING_CLASS, phase === 'running');
    return () => document.body.classList.remove(RUNNING_CLASS);
  }, [phase]);

  // The researcher's 结束 reaches the participant within a few seconds.
  const waiting = phase === 'running' || phase === 'brief' || phase === 'seq' || phase === 'sus';
  useEffect(() => {
    if (!waiting) return undefined;
    const timer = setInterval(() => void useResearchStore.getState().checkEnded(), ENDED_POLL_MS);
    return () => clearInterval(timer);
  }, [waiting]);

  if (phase === 'none') return null;
  const wrap = `rtask ${care ? 'rtask--care' : ''}`;

  if (phase === 'running' && p?.currentTask) {
    const task = p.currentTask;
    const giveUp = async () => {
      if (await confirmAction('放弃这个任务？', '放弃后将进入下一步，本任务不能再继续。', '放弃任务', '继续做'))
        useResearchStore.getState().endTask('give_up');
    };
    return (
      <div className={`${wrap} rtask-bar`} role='region' aria-label='研究任务'>
        <span className='rtask-bar__name'>
          任务 {task}/{total}
        </span>
        <button
          type='button'
          className='rtask-button rtask-button--small rtask-button--primary'
          onClick={() => useResearchStore.getState().endTask('done')}
        >
          完成
        </button>
        <button type='button' className='rtask-button rtask-button--small' onClick={() => void giveUp()}>
          放弃
        </button>
      </div>
    );
  }

  let body;
  if (phase === 'brief' && p?.nextTask) {
    const task = state.tasks[p.nextTask - 1];
    body = (
      <div className='rtask-card' role='dialog' aria-modal='true' aria-labelledby='rtask-brief-t'>
        <p className='rtask-kicker'>
          任务 {p.nextTask}/{total}
        </p>
        <h2 id='rtask-brief-t' className='rtask-title'>
          {task?.label}
        </h2>
        <p className='rtask-text'>{task?.instruction}</p>
        <p className='rtask-hint'>点「开始任务」后开始。做完了点屏幕下方的「完成」；做不下去可以点「放弃」。</p>
        <button
          type='button'
          className='rtask-button rtask-button--primary'
          onClick={() => useResearchStore.getState().startTask()}
        >
          开始任务
        </button>
      </div>
    );
  } else if (phase === 'seq' && p?.seqPending) body = <SeqForm key={p.seqPending} task={p.seqPending} />;
  else if (phase === 'sus') body = <SusForm />;
  else
    body = (
      <div className='rtask-card' role='dialog' aria-modal='true' aria-labelledby='rtask-end-t'>
        <h2 id='rtask-end-t' className='rtask-title'>
          {phase === 'ended' ? '研究人员已结束本次任务' : '全部任务已完成'}
        </h2>
        <p className='rtask-text'>感谢您的参与！请把手机交还给研究人员。</p>
      </div>
    );
  return <div className={`${wrap} rtask-cover`}>{body}</div>;
}

let root: Root | null = null;

/** Once per page load, when a session with tasks has been opened. */
export function mountTaskPanel(): void {
  if (root || typeof document === 'undefined') return;
  const host = document.createElement('div');
  host.id = 'research-task-panel';
  document.body.appendChild(host);
  root = createRoot(host);
  root.render(<TaskPanel />);
}
