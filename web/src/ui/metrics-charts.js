// Live metrics charts (uPlot, served locally): cache hit rate over time, total latency p50/p95 over time,
// and queries per expert. Each point comes from the engine's own metrics after a query.
import uPlot from '../../vendor/uplot/uPlot.esm.js';
import { micros } from './dom.js';

const MAX_POINTS = 300;
const SHORT = { reasoning: 'reason', coding: 'code', language: 'lang', mathematics: 'math', tool_use: 'tools', context: 'context' };

function css(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

export class MetricsCharts {
  constructor({ hitRate, latency, experts, summary }, domains) {
    this.domains = domains;
    this.summary = summary;
    this.t0 = performance.now();
    this.series = { t: [], hit: [], p50: [], p95: [] };
    const axisStroke = css('--muted');
    const grid = { stroke: css('--grid'), width: 1 };
    const axes = (yLabel, yValues) => [
      { stroke: axisStroke, grid, values: (u, v) => v.map((x) => `${x.toFixed(u.scales.x.max - u.scales.x.min < 10 ? 1 : 0)}s`) },
      { stroke: axisStroke, grid, label: yLabel, size: 56, values: yValues },
    ];
    const base = (root, title) => ({ title, width: Math.max(240, root.clientWidth), height: 150, legend: { show: true }, cursor: { show: true } });
    this.hitChart = new uPlot({
      ...base(hitRate, 'Cache hit rate'),
      scales: { x: { time: false }, y: { range: [0, 100] } },
      axes: axes('%', (u, v) => v.map((x) => `${x}%`)),
      series: [{ label: 't' }, { label: 'hit rate', stroke: css('--accent'), width: 2, value: (u, v) => (v == null ? '–' : `${v.toFixed(1)}%`) }],
    }, [[], []], hitRate);
    this.latencyChart = new uPlot({
      ...base(latency, 'Engine latency'),
      scales: { x: { time: false } },
      axes: axes('µs', (u, v) => v.map((x) => `${x}`)),
      series: [{ label: 't' },
        { label: 'p50', stroke: css('--accent'), width: 2, value: (u, v) => (v == null ? '–' : micros(v)) },
        { label: 'p95', stroke: css('--warn'), width: 2, value: (u, v) => (v == null ? '–' : micros(v)) }],
    }, [[], [], []], latency);
    this.expertChart = new uPlot({
      ...base(experts, 'Queries per expert'),
      scales: { x: { time: false, range: [-0.5, domains.length - 0.5] }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
      axes: [
        { stroke: axisStroke, grid: { show: false }, values: (u, v) => v.map((i) => (Number.isInteger(i) ? SHORT[domains[i]] ?? '' : '')), size: 40 },
        { stroke: axisStroke, grid, size: 40 },
      ],
      series: [{ label: 'expert', value: (u, v) => (v == null ? '–' : domains[v]) },
        { label: 'queries', fill: css('--accent'), stroke: css('--accent'), paths: uPlot.paths.bars({ size: [0.6, 64] }), points: { show: false } }],
    }, [domains.map((_, i) => i), domains.map(() => 0)], experts);
    const fit = new ResizeObserver(() => {
      for (const [chart, root] of [[this.hitChart, hitRate], [this.latencyChart, latency], [this.expertChart, experts]]) {
        chart.setSize({ width: Math.max(240, root.clientWidth), height: 150 });
      }
    });
    for (const r of [hitRate, latency, experts]) fit.observe(r);
  }

  /** Adds a point from a metrics snapshot (the engine's JSON). */
  push(m) {
    const lookups = m.cache.hits + m.cache.misses;
    const s = this.series;
    s.t.push((performance.now() - this.t0) / 1000);
    s.hit.push(lookups ? 100 * m.cache.hits / lookups : 0);
    s.p50.push(m.latency_us.total.p50);
    s.p95.push(m.latency_us.total.p95);
    for (const k of Object.keys(s)) if (s[k].length > MAX_POINTS) s[k].shift();
    this.hitChart.setData([s.t, s.hit]);
    this.latencyChart.setData([s.t, s.p50, s.p95]);
    this.expertChart.setData([this.domains.map((_, i) => i), this.domains.map((d) => m.experts[d])]);
    this.summary.textContent = `${m.queries} queries · cache ${m.cache.hits} hits / ${m.cache.misses} misses` +
      ` (${(100 * m.cache.hit_rate).toFixed(1)}%) · p50 ${micros(m.latency_us.total.p50)}` +
      ` · p95 ${micros(m.latency_us.total.p95)} · consensus ${m.consensus} · errors ${m.errors}`;
    this.summary.dataset.hits = String(m.cache.hits);
    this.summary.dataset.queries = String(m.queries);
  }

  /** Shows a saved timeline ({t, hit, p50, p95}); new points continue after its last time. */
  restore(saved) {
    if (!saved || !Array.isArray(saved.t) || !saved.t.length) return;
    for (const k of Object.keys(this.series)) this.series[k] = Array.isArray(saved[k]) ? saved[k].slice(-MAX_POINTS) : [];
    this.t0 = performance.now() - 1000 * (this.series.t.at(-1) + 1);
    this.hitChart.setData([this.series.t, this.series.hit]);
    this.latencyChart.setData([this.series.t, this.series.p50, this.series.p95]);
  }

  clear() {
    this.t0 = performance.now();
    for (const k of Object.keys(this.series)) this.series[k] = [];
    this.hitChart.setData([[], []]);
    this.latencyChart.setData([[], [], []]);
  }
}
