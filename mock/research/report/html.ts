// The one-file study report: inline SVG charts and tables, no script and no external request, so it
// opens the same from a file:// URL on a laptop with no network. A pure function of a StudyReport.
import { renderSvg, studyCharts, type Chart } from './charts';
import {
  counted,
  fieldLabel,
  groupLabel,
  headline,
  OUTCOME_LABELS,
  seqDistribution,
  STATUS_LABELS,
  taskTimes,
  type Dimension,
} from './figures';
import type { StudyReport } from './model';
import { FONT } from './charts';

const esc = (s: unknown) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** 北京时间, as a researcher in China reads a clock: 2026-11-22 09:05. */
export function beijing(iso: string | null): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return '—';
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
const secs = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? '—' : `${(ms / 1000).toFixed(1)} 秒`;
const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);
const pairs = (o: Record<string, number>, label: (k: string) => string = (k) => k) =>
  Object.entries(o)
    .map(([k, n]) => `${label(k)}×${n}`)
    .join('，') || '无';

/** A chart's figure: its SVG, or a plain sentence when there is nothing to draw. */
export function chartFigure(chart: Chart): string {
  const svg = renderSvg(chart);
  return `<figure class="chart" data-chart="${chart.id}">
<figcaption><strong>${esc(chart.title)}</strong><br /><small>${esc(chart.caption)}</small></figcaption>
${svg ? `<div class="chart-scroll">${svg}</div>` : `<p class="empty">${esc(chart.empty)}</p>`}
</figure>`;
}

function taskTable(report: StudyReport): string {
  const times = taskTimes(report);
  const seq = seqDistribution(report);
  const rows = times
    .map((t, i) => {
      const e = t.estimate;
      const ci = e.low === null || e.high === null ? '—' : `${secs(e.low)} – ${secs(e.high)}`;
      return `<tr><td>${esc(t.label)}</td><td>${esc(report.tasks[i]?.instruction)}</td>
<td>${t.rate.successes} / ${t.rate.finished}（${pct(t.rate.rate)}）</td><td>${secs(e.median)}</td><td>${ci}</td>
<td>${seq[i]?.median ?? '—'}</td></tr>`;
    })
    .join('');
  return `<div class="scroll"><table><thead><tr><th>任务</th><th>说明</th><th>成功 / 结束</th><th>中位用时</th>
<th>95% 区间</th><th>SEQ 中位数</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function sessionTable(report: StudyReport): string {
  if (!report.sessions.length) return '<p class="empty">本研究还没有会话。</p>';
  const rows = report.sessions
    .map(
      (s) => `<tr class="${s.excluded ? 'excluded' : ''}"><td>${esc(s.session)}</td><td>${esc(s.participant)}</td>
<td>${esc(groupLabel('condition', s.condition))}</td><td>${esc(groupLabel('situation', s.situation))}</td>
<td>${esc(groupLabel('profile', s.profile))}</td><td>${s.excluded ? '<strong>已排除</strong>' : esc(STATUS_LABELS[s.status])}</td>
<td>${s.attempts}</td><td>${s.susScore ?? '—'}</td><td>${esc(s.tags.join('、') || '—')}</td>
<td class="wrap">${s.notes.map((n) => `<div>${esc(beijing(n.at))} ${esc(n.text)}</div>`).join('') || '—'}</td></tr>`,
    )
    .join('');
  return `<div class="scroll"><table><thead><tr><th>会话</th><th>参与者</th><th>条件</th><th>情境</th><th>省份</th>
<th>状态</th><th>尝试</th><th>SUS</th><th>标签</th><th>研究人员笔记</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function attemptTable(report: StudyReport): string {
  if (!report.attempts.length) return '<p class="empty">还没有任务尝试。</p>';
  const excluded = new Set(report.sessions.filter((s) => s.excluded).map((s) => s.session));
  const label = (task: string) => report.tasks.find((t) => t.id === task)?.label ?? task;
  const rows = report.attempts
    .map((a) => {
      const marks = [a.latest ? '' : '重置前', excluded.has(a.session) ? '已排除' : ''].filter(Boolean).join('，');
      return `<tr class="${marks ? 'excluded' : ''}"><td>${esc(a.participant)}</td><td>${a.attempt}${marks ? `（${marks}）` : ''}</td>
<td>${esc(label(a.task))}</td><td>${esc(OUTCOME_LABELS[a.outcome])}</td><td>${secs(a.timeOnTaskMs)}</td>
<td class="wrap">${esc(pairs(a.errorsByField, fieldLabel))}</td><td class="wrap">${esc(pairs(a.refusalsByCode))}</td><td>${a.submits}</td>
<td>${a.nexts}</td><td>${a.backNavigations}</td><td>${a.seq ?? '—'}</td><td>${esc(beijing(a.startedAt))}</td></tr>`;
    })
    .join('');
  return `<div class="scroll"><table><thead><tr><th>参与者</th><th>尝试</th><th>任务</th><th>结果</th><th>用时</th>
<th>字段错误</th><th>平台拒绝</th><th>提交</th><th>下一步</th><th>返回</th><th>SEQ</th><th>开始（北京时间）</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.6 ${FONT};color:#1f2329;background:#f2f4f7}
header{background:#1659c7;color:#fff;padding:16px 24px}
header h1{margin:0;font-size:22px}
header p{margin:4px 0 0;opacity:.92}
main{max-width:1040px;margin:0 auto;padding:16px 24px 48px;display:grid;gap:16px}
section{background:#fff;border-radius:10px;padding:16px 20px;min-width:0}
h2{font-size:18px;margin:0 0 10px}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(130px,1fr));gap:12px;margin:0;padding:0;list-style:none}
.figures li{background:#f2f4f7;border-radius:8px;padding:10px 12px}
.figures b{display:block;font-size:22px}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,460px),1fr));gap:16px}
figure.chart{margin:0;min-width:0}
figure.chart svg{display:block;max-width:100%;height:auto}
.chart-scroll{overflow-x:auto}
@media (max-width:600px){figure.chart svg{max-width:none;width:560px}}
figcaption small{color:#4e5969}
.empty{color:#4e5969;background:#f7f8fa;border:1px dashed #c9cdd4;border-radius:8px;padding:24px 12px;text-align:center}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e5e6eb;vertical-align:top;white-space:nowrap}
th{color:#4e5969}
td.wrap{white-space:normal;min-width:8em}
tr.excluded td{color:#86909c}
.note{color:#4e5969;font-size:14px}
@media (max-width:600px){main{padding:12px}section{padding:12px}header{padding:12px}}
@media print{body{background:#fff}section{break-inside:avoid}}
`;

/** The whole report as one HTML file. `compare` picks the two groups; by default the first pair found. */
export function studyReportHtml(report: StudyReport, pick?: { by: Dimension; a: string; b: string }): string {
  const h = headline(report);
  const { sessions } = counted(report);
  const charts = studyCharts(report, pick).map(chartFigure).join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:" />
<title>研究报告 · ${esc(report.study)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>研究报告：${esc(report.study)}</h1>
<p>家庭共济可用性研究 · 生成于 ${esc(beijing(report.generatedAt))}（北京时间）</p></header>
<main>
<section aria-labelledby="overview"><h2 id="overview">概览</h2>
<ul class="figures">
<li>计入的会话<b>${sessions.length}</b></li>
<li>已排除<b>${h.excluded}</b></li>
<li>任务成功率<b>${pct(h.rate)}</b><small>${h.successes} / ${h.finished} 个已结束的任务</small></li>
<li>成功用时中位数<b>${secs(h.medianTimeMs)}</b></li>
</ul>
<p class="note">研究人员排除的会话不计入任何数字和图表；每个会话按最近一次尝试计算，重置前的尝试保留在下方的尝试表中并注明。</p>
</section>
<section aria-labelledby="tasks"><h2 id="tasks">任务</h2>${taskTable(report)}</section>
<section aria-labelledby="charts"><h2 id="charts">图表</h2><div class="charts">
${charts}
</div></section>
<section aria-labelledby="sessions"><h2 id="sessions">会话</h2>${sessionTable(report)}</section>
<section aria-labelledby="attempts"><h2 id="attempts">任务尝试</h2>${attemptTable(report)}</section>
<section aria-labelledby="method"><h2 id="method">计算方法</h2>
<p class="note">任务用时从参与者按「开始任务」起，到成功、「放弃」或研究人员「结束」为止。成功率 = 成功的任务 ÷ 已结束（成功、未达成、放弃或被结束）的任务；进行中或未开始的不计入。用时的中位数与 95% 置信区间只用成功的尝试；区间为对数用时的 t 区间（几何平均数的区间，适合偏态的用时和小样本）。字段错误按每次不同的错误计数，平台拒绝单独计数。SUS 按标准公式计分（奇数题得分减 1，偶数题 5 减得分，总和乘 2.5）。</p>
</section>
</main>
</body>
</html>
`;
}
