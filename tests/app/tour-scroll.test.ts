// How far a tour step scrolls on arrival: not at all when the words and the frame already show.
import { scrollDelta } from '@/features/tour/scrollDelta';

test('a step already on screen does not move the page', () => {
  expect(scrollDelta(100, 400, 40, 667)).toBe(0);
});

test('a step below the fold comes up just far enough to show its frame', () => {
  // 12 px of margin at the bottom of the band.
  expect(scrollDelta(500, 760, 40, 667)).toBe(760 - 655);
});

test('a step taller than the screen, or above it, shows from its words down', () => {
  expect(scrollDelta(900, 1700, 40, 667)).toBe(900 - 52);
  expect(scrollDelta(-300, -100, 40, 667)).toBe(-300 - 52);
});
