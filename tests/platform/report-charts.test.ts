// The chart builders and the HTML report from hand-built study reports: every number here was worked
// out by hand from tests/platform/report-fixture.ts.
import {
  compareChart,
  errorsChart,
  funnelChart,
  refusalsChart,
  renderSvg,
  seqChart,
  studyCharts,
  susChart,
  timesChart,
} from '../../mock/research/report/charts';
import { compare, counted, funnel, headline, taskTimes } from '../../mock/research/report/figures';
import { studyReportHtml, beijing } from '../../mock/research/report/html';
import { median, tQuantile, timeEstimate } from '../../mock/research/report/stats';
import { attempt, emptyReport, fixtureReport, session } from './report-fixture';

type Series = { name?: string; type: string; data: unknown[] };
const seriesOf = (o: unknown) => (o as { series: Series[] }).series;

describe('statistics', () => {
  test('t quantiles match the printed table', () => {
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.706, 3);
    expect(tQuantile(0.975, 4)).toBeCloseTo(2.776, 3);
    expect(tQuantile(0.975, 9)).toBeCloseTo(2.262, 3);
    expect(tQuantile(0.975, 29)).toBeCloseTo(2.045, 3);
  });

  test('the 95 % interval of task times is the t-interval on log times, back-transformed', () => {
    // ln 10, ln 20, ln 40: mean ln 20, sd ln 2, t(0.975, 2) = 4.303.
    const e = timeEstimate([10_000, 20_000, 40_000]);
    expect(e.median).toBe(20_000);
    expect(e.geometricMean).toBeCloseTo(20_000, 6);
    const half = 4.302653 * (Math.log(2) / Math.sqrt(3));
    expect(e.low).toBeCloseTo(20_000 * Math.exp(-half), 0);
    expect(e.high).toBeCloseTo(20_000 * Math.exp(half), 0);
    expect(e.low! / 1000).toBeCloseTo(3.575, 2);
    expect(e.high! / 1000).toBeCloseTo(111.9, 1);
  });

  test('one time has a median but no interval; none has neither', () => {
    expect(timeEstimate([5000])).toMatchObject({ n: 1, median: 5000, low: null, high: null });
    expect(timeEstimate([])).toMatchObject({ n: 0, median: null, low: null });
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('figures', () => {
  test('the excluded pilot and the attempt before a reset count nowhere', () => {
    const r = fixtureReport();
    const c = counted(r);
    expect(c.sessions.map((s) => s.session)).toEqual(['S1', 'S2', 'S3', 'S4', 'S5']);
    expect(c.attempts.some((a) => a.session === 'S0' || a.timeOnTaskMs === 500_000)).toBe(false);
    // 7 successes of 8 finished tasks (S2's pay not started does not count).
    expect(headline(r)).toMatchObject({ sessions: 5, excluded: 1, successes: 7, finished: 8, medianTimeMs: 30_000 });
  });

  test('excluding a session changes the figures', () => {
    const r = fixtureReport();
    r.sessions.find((s) => s.session === 'S4')!.excluded = true;
    expect(headline(r)).toMatchObject({ sessions: 4, excluded: 2, successes: 7, finished: 7 });
  });
});

describe('chart options', () => {
  test('funnel: reached per step and the drop-off from the step before', () => {
    const f = funnel(fixtureReport());
    expect(f.base).toBe(5);
    expect(f.rows.map((r) => [r.step, r.reached, r.dropped])).toEqual([
      ['family', 5, 0],
      ['bind', 5, 0],
      ['consent', 4, 1],
      ['result', 4, 0],
    ]);
    const [reached, dropped] = seriesOf(funnelChart(fixtureReport()).option);
    expect(reached!.data).toEqual([5, 5, 4, 4]);
    expect(dropped!.data).toEqual([0, 0, 1, 0]);
  });

  test('time on task: success points, gave-up apart, median and CI per task', () => {
    const t = taskTimes(fixtureReport());
    expect(t[0]!.points.map((p) => p.ms).sort((a, b) => a - b)).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(t[0]!.unfinished).toEqual([{ participant: 'P-S4', ms: 90_000, outcome: 'gave_up' }]);
    expect(t[0]!.estimate.median).toBe(30_000);
    // ln 10..80 s: geometric mean 28.28 s, t(0.975, 3) = 3.182.
    expect(t[0]!.estimate.geometricMean! / 1000).toBeCloseTo(28.284, 2);
    const logs = [10, 20, 40, 80].map(Math.log);
    const m = logs.reduce((a, b) => a + b) / 4;
    const sd = Math.sqrt(logs.reduce((a, b) => a + (b - m) ** 2, 0) / 3);
    expect(t[0]!.estimate.low! / 1000).toBeCloseTo(Math.exp(m - 3.182446 * (sd / 2)), 2);
    expect(t[0]!.estimate.high! / 1000).toBeCloseTo(Math.exp(m + 3.182446 * (sd / 2)), 2);

    const [points, unfinished, ci] = seriesOf(timesChart(fixtureReport()).option);
    expect(points!.data).toEqual(
      expect.arrayContaining([
        [0, 20],
        [0, 40],
        [0, 80],
        [0, 10],
        [1, 30],
      ]),
    );
    expect(unfinished!.data).toEqual([[0, 90]]);
    const [bind] = ci!.data as number[][];
    expect(bind![0]).toBe(0);
    expect(bind![3]).toBe(30);
    expect(bind![1]).toBeCloseTo(t[0]!.estimate.low! / 1000, 1);
    expect(bind![2]).toBeCloseTo(t[0]!.estimate.high! / 1000, 1);
  });

  test('errors by field (in words) and refusals by code, apart', () => {
    const errors = errorsChart(fixtureReport()).option as { yAxis: { data: string[] }; series: Series[] };
    expect(errors.yAxis.data).toEqual(['证件号码', '手机号码']);
    expect(errors.series[0]!.data).toEqual([3, 1]);
    const refusals = refusalsChart(fixtureReport()).option as { yAxis: { data: string[] }; series: Series[] };
    expect(refusals.yAxis.data).toEqual(['BALANCE_LOW', 'NOT_INSURED']);
    expect(refusals.series[0]!.data).toEqual([2, 1]);
  });

  test('SEQ counts per answer per task, SUS in bins of ten', () => {
    const [bind, pay] = seriesOf(seqChart(fixtureReport()).option);
    expect(bind!.data).toEqual([0, 1, 0, 0, 2, 1, 1]);
    expect(bind!.name).toContain('中位数 5');
    expect(pay!.data).toEqual([0, 0, 0, 0, 0, 2, 1]);
    const sus = susChart(fixtureReport());
    expect(seriesOf(sus.option)[0]!.data).toEqual([0, 0, 0, 0, 1, 1, 0, 1, 1, 0]);
    expect(sus.caption).toContain('平均 61.9');
  });

  test('two conditions side by side: success rate and median time per task', () => {
    const groups = compare(fixtureReport(), 'condition', 'A', 'B');
    expect(groups.map((g) => g.sessions)).toEqual([3, 2]);
    expect(groups[0]!.tasks.map((t) => [t.rate.successes, t.rate.finished, t.medianTimeMs])).toEqual([
      [3, 3, 40_000],
      [2, 2, 30_000],
    ]);
    expect(groups[1]!.tasks.map((t) => [t.rate.successes, t.rate.finished, t.medianTimeMs])).toEqual([
      [1, 2, 10_000],
      [1, 1, 30_000],
    ]);
    const series = seriesOf(compareChart(fixtureReport()).option);
    expect(series.map((s) => s.data)).toEqual([
      [100, 100],
      [40, 30],
      [50, 100],
      [10, 30],
    ]);
    // By province, by name.
    const byProvince = compareChart(fixtureReport(), { by: 'profile', a: 'heilongjiang', b: 'hebei' });
    expect(byProvince.title).toBe('按省份规则对比');
    expect(seriesOf(byProvince.option)[0]!.name).toBe('黑龙江（3 个会话）');
  });

  test('no data: every chart says so in words and draws nothing', () => {
    for (const c of studyCharts(emptyReport())) {
      expect(c.option).toBeNull();
      expect(renderSvg(c)).toBeNull();
      expect(c.empty).toMatch(/^[\u4e00-\u9fa5]/);
    }
    // One group only: nothing to compare.
    const one = fixtureReport();
    one.sessions = one.sessions.map((s) => ({ ...s, condition: 'A', situation: 'normal', profile: 'heilongjiang' }));
    expect(compareChart(one).option).toBeNull();
  });
});

describe('rendered SVG and the HTML report', () => {
  test('each chart renders to SVG with Chinese labels in a font list ending in sans-serif, text escaped', () => {
    const r = fixtureReport();
    r.tasks[0]!.label = '<b>绑定</b>';
    for (const c of studyCharts(r)) {
      const svg = renderSvg(c)!;
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toMatch(/font-family:'WenQuanYi Micro Hei'[^;"]*sans-serif/);
      expect(svg).not.toContain('<b>');
    }
    expect(renderSvg(funnelChart(r))).toContain('授权协议');
  });

  test('the report holds every chart, the tables, the excluded pilot marked, times in 北京时间, and no script', () => {
    const html = studyReportHtml(fixtureReport());
    for (const id of ['funnel', 'times', 'errors', 'refusals', 'seq', 'sus', 'compare'])
      expect(html).toMatch(new RegExp(`data-chart="${id}">[\\s\\S]*?<svg`));
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(/);
    expect(html).toContain('已排除');
    expect(html).toContain('重置前');
    expect(html).toContain('2026-11-22 09:05 很快');
    expect(beijing('2026-11-21T16:30:00.000Z')).toBe('2026-11-22 00:30');
    expect(html).toContain('88%');
  });

  test('an empty study still makes a report, with the charts replaced by sentences', () => {
    const html = studyReportHtml(emptyReport());
    expect(html).not.toContain('<svg');
    expect(html).toContain('还没有参与者打开链接');
    expect(html).toContain('本研究还没有会话');
  });

  test('a session that never opened the link is not in the funnel base', () => {
    const r = fixtureReport();
    r.sessions.push(session('S9', { status: 'not_opened' }));
    r.attempts.push(attempt('S9', 'bind', { outcome: 'not_started', timeOnTaskMs: null, stepsReached: [] }));
    expect(funnel(r).base).toBe(5);
  });
});
