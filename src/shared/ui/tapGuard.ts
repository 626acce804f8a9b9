// A finger that taps twice lands its second tap on whatever the next screen has under it: 提交 then
// 继续添加, and 绑定成功 is never seen. Like WeChat's own pages, ignore taps for a moment after a page
// appears. Screen marks the moment; BigButton and tap() ask before acting.
let settleMs = 600;
let shownAt = 0;

export const pageAppeared = () => {
  shownAt = Date.now();
};

/** True while the page that just appeared should not take taps yet. */
export const settling = () => Date.now() - shownAt < settleMs;

/** Screen tests tap right after rendering; they turn the pause off. */
export const setTapSettle = (ms: number) => {
  settleMs = ms;
};
