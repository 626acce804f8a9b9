const MARGIN = 12;

/**
 * How far to scroll so a block from `top` to `bottom` shows inside the visible band: not at all when it
 * already does, the least that brings its bottom in when it fits, else its top to the top of the band.
 */
export function scrollDelta(top: number, bottom: number, bandTop: number, bandBottom: number): number {
  const from = bandTop + MARGIN;
  const to = bandBottom - MARGIN;
  if (top >= from && bottom <= to) return 0;
  if (bottom - top <= to - from && top >= from) return bottom - to;
  return top - from;
}
