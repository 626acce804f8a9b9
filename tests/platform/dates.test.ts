import { clockOnChinaDate, todayInChina } from '@domain/dates';

test('today is the 北京时间 date, whatever the machine clock says', () => {
  expect(todayInChina(new Date('2026-11-22T15:59:59Z'))).toBe('2026-11-22');
  expect(todayInChina(new Date('2026-11-22T16:00:00Z'))).toBe('2026-11-23');
});

test('a clock pinned to a date stays on it at every hour of the real day', () => {
  for (const real of [
    '2026-11-22T00:00:00Z',
    '2026-11-22T15:59:59Z',
    '2026-11-22T16:00:00Z',
    '2026-11-22T23:59:59Z',
    '2027-03-01T18:47:00Z',
  ]) {
    const now = clockOnChinaDate('2026-11-22', () => new Date(real));
    expect(todayInChina(now())).toBe('2026-11-22');
  }
});

test('a pinned clock still ticks, so records made later sort later', () => {
  let real = new Date('2026-11-22T10:00:00Z').getTime();
  const now = clockOnChinaDate('2026-11-22', () => new Date(real));
  const first = now().toISOString();
  real += 1500;
  expect(now().toISOString() > first).toBe(true);
});
