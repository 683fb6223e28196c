// The app's controller: wires the query form, answer card, score bars, latency and metrics charts to the
// engine worker through EngineClient.
import { EngineClient } from './client.js';
import { DOMAINS } from './domains.js';
import { AnswerCard } from './ui/answer-card.js';
import { MetricsCharts } from './ui/metrics-charts.js';
import { QueryForm } from './ui/query-form.js';
import { ScoreBars } from './ui/score-bars.js';
import { StageLatency } from './ui/stage-latency.js';
import { StatusLine } from './ui/status-line.js';

const $ = (id) => document.getElementById(id);

const status = new StatusLine($('status'));
const form = new QueryForm({
  form: $('query-form'), input: $('query-input'), button: $('send'), expert: $('expert-select'), consensus: $('consensus-toggle'),
});
const answer = new AnswerCard($('answer'));
const scores = new ScoreBars($('scores'), DOMAINS);
const stages = new StageLatency($('stages'));
const charts = new MetricsCharts({
  hitRate: $('chart-hit-rate'), latency: $('chart-latency'), experts: $('chart-experts'), summary: $('metrics-summary'),
}, DOMAINS);
const client = new EngineClient();

client.addEventListener('progress', (e) => status.progress(e.detail));
client.addEventListener('crash', (e) => {
  status.error(`${e.detail.message}. It restarts with your next question (conversation memory starts fresh).`);
  form.enable(true);
});

async function start() {
  try {
    status.ready(await client.start());
    form.enable(true);
  } catch (err) {
    status.error(`Could not start the engine: ${err.message}`);
    form.enable(false);
  }
}

async function refreshMetrics() {
  try {
    charts.push(await client.metrics());
  } catch {
    // a crashed worker is reported by the crash handler
  }
}

form.addEventListener('ask', async (e) => {
  const { text, expert, consensus } = e.detail;
  answer.pending(text);
  const t0 = performance.now();
  try {
    const r = await client.query(text, { expert, consensus });
    const roundTrip = performance.now() - t0;
    if (r.error) {
      answer.error(text, r.error.message);
    } else {
      answer.show(text, r);
      scores.show(r.scores);
      stages.show(r, roundTrip);
    }
    status.ready(client.info);
  } catch (err) {
    answer.error(text, `The engine failed: ${err.message}`);
  }
  refreshMetrics();
});

$('reset-metrics').addEventListener('click', async () => {
  try {
    await client.reset();
    charts.clear();
    await refreshMetrics();
  } catch (err) {
    status.error(`Reset failed: ${err.message}`);
  }
});

start();
