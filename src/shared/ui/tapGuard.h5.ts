// H5: the same pause as tapGuard.ts, but only for what a double tap looks like: a second tap at the
// same spot, quickly after a first one made on the page before, with nothing typed in between. A tap
// elsewhere on the new page, a tap after typing, or a key press goes through at once.
let settleMs = 600;
const DOUBLE_TAP_MS = 400;
const SAME_SPOT_PX = 48;
let shownAt = 0;
type Tap = { t: number; x: number; y: number };
let previous: Tap | null = null;
let current: Tap | null = null;

if (typeof document !== 'undefined') {
  // Capture phase: noted before any handler of the app runs. detail 0 means a key press, not a finger.
  document.addEventListener(
    'click',
    (e) => {
      if (e.detail === 0) {
        current = null;
        return;
      }
      previous = current;
      current = { t: Date.now(), x: e.clientX, y: e.clientY };
    },
    true,
  );
  // Typing between two taps means they were meant one by one.
  const forget = () => {
    current = null;
  };
  document.addEventListener('input', forget, true);
  document.addEventListener('keydown', forget, true);
}

export const pageAppeared = () => {
  shownAt = Date.now();
};

export const settling = () => {
  if (!current || !previous || Date.now() - shownAt >= settleMs) return false;
  const quick = current.t - previous.t < DOUBLE_TAP_MS && previous.t <= shownAt;
  return quick && Math.hypot(current.x - previous.x, current.y - previous.y) < SAME_SPOT_PX;
};

export const setTapSettle = (ms: number) => {
  settleMs = ms;
};
