// H5: the same pause as tapGuard.ts, but only for what a double tap looks like: a second tap at the
// same spot, soon after a first one made on the page before. A deliberate tap elsewhere on the new
// page, or a key press, goes through at once.
let settleMs = 600;
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
}

export const pageAppeared = () => {
  shownAt = Date.now();
};

export const settling = () => {
  if (!current || !previous || Date.now() - shownAt >= settleMs) return false;
  const repeat = current.t - previous.t < settleMs && previous.t <= shownAt;
  return repeat && Math.hypot(current.x - previous.x, current.y - previous.y) < SAME_SPOT_PX;
};

export const setTapSettle = (ms: number) => {
  settleMs = ms;
};
