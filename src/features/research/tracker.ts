// Sends a session's events in small batches. A batch that fails stays queued and is sent again; the
// platform stores each (app start, seq) once, so a resend never doubles an event.
import { ApiError } from '@/shared/api/types';
import type { TrackEvent } from '@/shared/telemetry/track';
import type { ClientEvent } from '@domain/researchEvents';

export interface TrackerOptions {
  send: (events: ClientEvent[]) => Promise<unknown>;
  now?: () => number;
  /** How long to gather events before sending; a step a researcher counts (screen, submit, task) goes at once. */
  batchDelayMs?: number;
  retryDelayMs?: number;
}

const MAX_BATCH = 100;
// Sent at once: each marks a step a researcher counts, and the tab may close right after it.
const AT_ONCE = new Set<string>([
  'screen',
  'submit',
  'next',
  'task_start',
  'task_done',
  'task_give_up',
  'seq_answer',
  'sus_answer',
]);
const MAX_QUEUE = 2000;

export type Tracker = ReturnType<typeof createTracker>;

export function createTracker({ send, now = Date.now, batchDelayMs = 1000, retryDelayMs = 5000 }: TrackerOptions) {
  let queue: ClientEvent[] = [];
  let seq = 0;
  let inFlight: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  // A step that should go at once arrived while a batch was on its way: send again as soon as it lands.
  let urgent = false;

  function schedule(ms: number) {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, ms);
  }

  function flush(): Promise<void> {
    if (inFlight) return inFlight;
    const batch = queue.slice(0, MAX_BATCH);
    if (!batch.length) return Promise.resolve();
    inFlight = send(batch)
      .then(
        () => {
          queue = queue.filter((e) => !batch.includes(e));
        },
        (e) => {
          // The platform refused the batch as such: sending it again would fail the same way.
          if (e instanceof ApiError && e.kind === 'refusal') queue = queue.filter((ev) => !batch.includes(ev));
          else schedule(retryDelayMs);
        },
      )
      .finally(() => {
        inFlight = null;
        const again = urgent;
        urgent = false;
        if (queue.length && again && !stopped) void flush();
        else if (queue.length && !timer) schedule(batchDelayMs);
      });
    return inFlight;
  }

  return {
    /** `at`: when it happened, if that was before the tracker existed. */
    push(e: TrackEvent & { at?: number }) {
      if (stopped) return;
      queue.push({ ...e, seq: ++seq, at: e.at ?? now() });
      // A phone left in a drawer must not grow without end: the oldest are dropped first.
      if (queue.length > MAX_QUEUE) queue = queue.slice(queue.length - MAX_QUEUE);
      if (AT_ONCE.has(e.type)) {
        if (inFlight) urgent = true;
        void flush();
      } else schedule(batchDelayMs);
    },
    flush,
    /**
     * The page is going away: hands every queued event (a batch on its way included, since the platform
     * stores each once) to `sendNow`, a transport that outlives the page. Kept if it could not take them.
     */
    sendAllNow(sendNow: (events: ClientEvent[]) => boolean) {
      const all = queue.slice(0, MAX_BATCH * 2);
      if (all.length && sendNow(all)) queue = queue.filter((e) => !all.includes(e));
    },
    pending: () => queue.length,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
