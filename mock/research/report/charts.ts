// The study's charts as Apache ECharts options (pure functions of a StudyReport), and their SVG,
// rendered on the server with no DOM. The console and the one-file HTML report show the same SVG.
import * as echarts from 'echarts';
import type { StudyReport } from './model';
import {
  compare,
  defaultComparison,
  DIMENSIONS,
  funnel,
  problems,
  seqDistribution,
  susDistribution,
  taskTimes,
  type Dimension,
} from './figures';

/** Fonts that exist on the machine first (fonts-wqy-microhei), then what a reader's system has. */
export const FONT = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
const BLUE = '#1659c7';
const ORANGE = '#d46b08';
const GREY = '#86909c';
const INK = '#1f2329';

export type ChartId = 'funnel' | 'times' | 'errors' | 'refusals' | 'seq' | 'sus' | 'compare';

export interface Chart {
  id: ChartId;
  title: string;
  /** What the reader should know to read it (method, what counts). */
  caption: string;
  /** null when there is nothing to draw yet: `empty` says so in words. */
  option: echarts.EChartsCoreOption | null;
  empty: string;
  width: number;
  height: number;
}

const secs = (ms: number | null) => (ms === null ? null : Math.round(ms / 100) / 10);
const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);

const base = (): echarts.EChartsCoreOption => ({
  animation: false,
  textStyle: { fontFamily: FONT, color: INK, fontSize: 13 },
  grid: { left: 16, right: 24, top: 40, bottom: 36, containLabel: true },
});

export function funnelChart(report: StudyReport): Chart {
  const f = funnel(report);
  const chart: Chart = {
    id: 'funnel',
    title: '绑定流程漏斗',
    caption: `打开链接的 ${f.base} 个会话中，到达每一步的会话数；灰色为与上一步相比流失的会话。`,
    option: null,
    empty: '还没有参与者打开链接，暂无漏斗。',
    width: 640,
    height: 280,
  };
  if (!f.base) return chart;
  const labels = f.rows.map((r) => r.label);
  chart.option = {
    ...base(),
    legend: { data: ['到达', '流失'], top: 4, textStyle: { fontFamily: FONT } },
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { fontFamily: FONT, fontSize: 13 } },
    xAxis: { type: 'value', max: f.base, minInterval: 1, axisLabel: { fontFamily: FONT } },
    series: [
      {
        name: '到达',
        type: 'bar',
        stack: 'all',
        itemStyle: { color: BLUE },
        data: f.rows.map((r) => r.reached),
        label: {
          show: true,
          position: 'insideLeft',
          color: '#fff',
          fontFamily: FONT,
          formatter: (p: { dataIndex: number }) => {
            const r = f.rows[p.dataIndex]!;
            return r.reached ? `${r.reached}（${pct(r.reached / f.base)}）` : '';
          },
        },
      },
      {
        name: '流失',
        type: 'bar',
        stack: 'all',
        itemStyle: { color: '#e5e6eb' },
        data: f.rows.map((r) => r.dropped),
        label: {
          show: true,
          position: 'insideLeft',
          color: INK,
          fontFamily: FONT,
          formatter: (p: { dataIndex: number }) => {
            const r = f.rows[p.dataIndex]!;
            return r.dropped ? `流失 ${r.dropped}` : '';
          },
        },
      },
    ],
  };
  return chart;
}

export function timesChart(report: StudyReport): Chart {
  const rows = taskTimes(report);
  const any = rows.some((r) => r.points.length || r.unfinished.length);
  const chart: Chart = {
    id: 'times',
    title: '任务用时',
    caption:
      '每个点是一位参与者成功完成任务的用时（秒）；横线为中位数，竖线为 95% 置信区间（对数用时的 t 区间，即几何平均数的区间）。三角为放弃、未达成或被结束的尝试，不计入区间。',
    option: null,
    empty: '还没有完成或放弃的任务，暂无用时。',
    width: 640,
    height: 320,
  };
  if (!any) return chart;
  const ci = rows
    .map((r, i) => [i, secs(r.estimate.low), secs(r.estimate.high), secs(r.estimate.median)])
    .filter((d) => d[3] !== null);
  chart.option = {
    ...base(),
    legend: { data: ['成功用时', '中位数与 95% 区间', '放弃/结束'], top: 4, textStyle: { fontFamily: FONT } },
    xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { fontFamily: FONT, interval: 0 } },
    yAxis: { type: 'value', name: '秒', min: 0, axisLabel: { fontFamily: FONT } },
    series: [
      {
        name: '成功用时',
        type: 'scatter',
        symbolSize: 10,
        itemStyle: { color: BLUE, opacity: 0.65 },
        data: rows.flatMap((r, i) => r.points.map((p) => [i, secs(p.ms)])),
      },
      {
        name: '放弃/结束',
        type: 'scatter',
        symbol: 'triangle',
        symbolSize: 11,
        itemStyle: { color: GREY, opacity: 0.8 },
        data: rows.flatMap((r, i) => r.unfinished.map((p) => [i, secs(p.ms)])),
      },
      {
        name: '中位数与 95% 区间',
        type: 'custom',
        itemStyle: { color: ORANGE },
        encode: { x: 0, y: [1, 2, 3] },
        data: ci,
        renderItem: (
          _params: unknown,
          api: { value: (i: number) => number; coord: (p: number[]) => number[]; size: (p: number[]) => number[] },
        ) => {
          const x = api.value(0);
          const [cx = 0, mid = 0] = api.coord([x, api.value(3)]);
          const band = api.size([1, 0])[0] ?? 40;
          const w = Math.min(36, band * 0.45);
          const children: unknown[] = [
            {
              type: 'line',
              shape: { x1: cx - w / 2, y1: mid, x2: cx + w / 2, y2: mid },
              style: { stroke: ORANGE, lineWidth: 3 },
            },
          ];
          const low = api.value(1);
          const high = api.value(2);
          if (Number.isFinite(low) && Number.isFinite(high)) {
            const [, lo = 0] = api.coord([x, low]);
            const [, hi = 0] = api.coord([x, high]);
            const cap = w / 3;
            for (const line of [
              { x1: cx, y1: lo, x2: cx, y2: hi },
              { x1: cx - cap, y1: lo, x2: cx + cap, y2: lo },
              { x1: cx - cap, y1: hi, x2: cx + cap, y2: hi },
            ])
              children.push({ type: 'line', shape: line, style: { stroke: ORANGE, lineWidth: 1.5 } });
          }
          return { type: 'group', children };
        },
      },
    ],
  };
  return chart;
}

function barsOf(
  id: 'errors' | 'refusals',
  title: string,
  caption: string,
  empty: string,
  rows: { label: string; n: number }[],
): Chart {
  const chart: Chart = {
    id,
    title,
    caption,
    option: null,
    empty,
    width: 640,
    height: Math.max(160, 60 + rows.length * 36),
  };
  if (!rows.length) return chart;
  chart.option = {
    ...base(),
    grid: { left: 16, right: 40, top: 16, bottom: 16, containLabel: true },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label), axisLabel: { fontFamily: FONT } },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { fontFamily: FONT } },
    series: [
      {
        type: 'bar',
        data: rows.map((r) => r.n),
        itemStyle: { color: id === 'errors' ? ORANGE : '#b42318' },
        label: { show: true, position: 'right', fontFamily: FONT },
        barMaxWidth: 28,
      },
    ],
  };
  return chart;
}

export function errorsChart(report: StudyReport): Chart {
  return barsOf(
    'errors',
    '各字段的填写错误',
    '每个字段上不同错误的次数（改正过程中的按键不重复计数）。',
    '没有字段错误。',
    problems(report).errors.map((e) => ({ label: e.label, n: e.n })),
  );
}

export function refusalsChart(report: StudyReport): Chart {
  return barsOf(
    'refusals',
    '平台拒绝（按代码）',
    '平台按规则拒绝的请求次数，单独计数，不算作字段错误。',
    '没有平台拒绝。',
    problems(report).refusals.map((r) => ({ label: r.code, n: r.n })),
  );
}

const TASK_COLOURS = [BLUE, ORANGE, '#0b6b3a', '#7e3af2', GREY];

export function seqChart(report: StudyReport): Chart {
  const rows = seqDistribution(report);
  const chart: Chart = {
    id: 'seq',
    title: '单项易用性（SEQ）',
    caption: '每个任务后的单项易用性问题：1 = 非常困难，7 = 非常容易。图例中为各任务的中位数。',
    option: null,
    empty: '还没有 SEQ 回答。',
    width: 640,
    height: 300,
  };
  if (!rows.some((r) => r.n)) return chart;
  const name = (r: (typeof rows)[number]) => `${r.label}（n=${r.n}，中位数 ${r.median ?? '—'}）`;
  chart.option = {
    ...base(),
    color: TASK_COLOURS,
    legend: { top: 4, textStyle: { fontFamily: FONT } },
    xAxis: {
      type: 'category',
      name: '评分：1 非常困难 … 7 非常容易',
      nameLocation: 'middle',
      nameGap: 28,
      data: ['1', '2', '3', '4', '5', '6', '7'],
      axisLabel: { fontFamily: FONT },
    },
    yAxis: { type: 'value', name: '人数', minInterval: 1, axisLabel: { fontFamily: FONT } },
    series: rows.map((r) => ({ name: name(r), type: 'bar', data: r.counts, barMaxWidth: 24 })),
  };
  return chart;
}

export function susChart(report: StudyReport): Chart {
  const d = susDistribution(report);
  const chart: Chart = {
    id: 'sus',
    title: '系统可用性量表（SUS）',
    caption: `SUS 总分（0–100，标准计分）的分布；n=${d.n}${d.mean === null ? '' : `，平均 ${d.mean.toFixed(1)}，中位数 ${d.median}`}。常见的平均水平约为 68 分。`,
    option: null,
    empty: '还没有 SUS 回答。',
    width: 640,
    height: 280,
  };
  if (!d.n) return chart;
  chart.option = {
    ...base(),
    xAxis: {
      type: 'category',
      name: 'SUS 分数',
      nameLocation: 'middle',
      nameGap: 28,
      data: d.bins.map((b) => b.label),
      axisLabel: { fontFamily: FONT, interval: 0 },
    },
    yAxis: { type: 'value', name: '人数', minInterval: 1, axisLabel: { fontFamily: FONT } },
    series: [
      {
        type: 'bar',
        data: d.bins.map((b) => b.n),
        itemStyle: { color: BLUE },
        barCategoryGap: '10%',
        label: {
          show: true,
          position: 'top',
          fontFamily: FONT,
          formatter: (p: { value: number }) => (p.value ? String(p.value) : ''),
        },
      },
    ],
  };
  return chart;
}

export function compareChart(report: StudyReport, pick?: { by: Dimension; a: string; b: string }): Chart {
  const chosen = pick ?? defaultComparison(report);
  const dimension = DIMENSIONS.find((d) => d.id === chosen?.by);
  const chart: Chart = {
    id: 'compare',
    title: dimension ? `按${dimension.label}对比` : '条件对比',
    caption: '两组的任务成功率（左）和成功用时的中位数（右，秒），按任务并排。',
    option: null,
    empty: '所有会话的条件、情境和省份规则都相同，暂无可对比的两组。',
    width: 640,
    height: 320,
  };
  if (!chosen) return chart;
  const groups = compare(report, chosen.by, chosen.a, chosen.b);
  if (groups.some((g) => !g.sessions)) return chart;
  const tasks = report.tasks.map((t) => t.label);
  const names = groups.map((g) => `${g.label}（${g.sessions} 个会话）`);
  chart.option = {
    ...base(),
    color: [BLUE, ORANGE],
    legend: { top: 4, data: names, textStyle: { fontFamily: FONT } },
    grid: [
      { left: 16, width: '42%', top: 56, bottom: 16, containLabel: true },
      { right: 16, width: '42%', top: 56, bottom: 16, containLabel: true },
    ],
    xAxis: [
      { type: 'category', gridIndex: 0, data: tasks, axisLabel: { fontFamily: FONT, interval: 0 } },
      { type: 'category', gridIndex: 1, data: tasks, axisLabel: { fontFamily: FONT, interval: 0 } },
    ],
    yAxis: [
      { type: 'value', gridIndex: 0, name: '成功率 %', min: 0, max: 100, axisLabel: { fontFamily: FONT } },
      { type: 'value', gridIndex: 1, name: '中位用时 秒', min: 0, axisLabel: { fontFamily: FONT } },
    ],
    series: groups.flatMap((g, k) => [
      {
        name: names[k],
        type: 'bar',
        xAxisIndex: 0,
        yAxisIndex: 0,
        barMaxWidth: 28,
        data: g.tasks.map((t) => (t.rate.rate === null ? null : Math.round(t.rate.rate * 100))),
        label: { show: true, position: 'top', fontFamily: FONT, formatter: '{c}%' },
      },
      {
        name: names[k],
        type: 'bar',
        xAxisIndex: 1,
        yAxisIndex: 1,
        barMaxWidth: 28,
        data: g.tasks.map((t) => secs(t.medianTimeMs)),
        label: { show: true, position: 'top', fontFamily: FONT },
      },
    ]),
  };
  return chart;
}

export function studyCharts(report: StudyReport, pick?: { by: Dimension; a: string; b: string }): Chart[] {
  return [
    funnelChart(report),
    timesChart(report),
    errorsChart(report),
    refusalsChart(report),
    seqChart(report),
    susChart(report),
    compareChart(report, pick),
  ];
}

/** On a phone-width chart the legend wraps to two lines: the plot starts lower to leave it room. */
function narrowed(chart: Chart): echarts.EChartsCoreOption {
  const o = chart.option!;
  if (chart.width >= 480 || !o.legend) return o;
  const lower = (g: Record<string, unknown>) => ({ ...g, top: 72 });
  return { ...o, grid: Array.isArray(o.grid) ? o.grid.map(lower) : lower(o.grid as Record<string, unknown>) };
}

/** The chart as an SVG string (no DOM); a chart with nothing to draw has none. */
export function renderSvg(chart: Chart): string | null {
  if (!chart.option) return null;
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: chart.width, height: chart.height });
  try {
    instance.setOption(narrowed(chart));
    return instance.renderToSVGString();
  } finally {
    // A live instance keeps a timer running and the process from exiting.
    instance.dispose();
  }
}
