// The app's controller: wires the query form, answer card, score bars, latency, metrics charts and the
// conversation history to the engine worker (EngineClient), persists the session, and registers the
// service worker for offline use and updates.
import { client } from './boot.js';
import { DOMAINS } from './domains.js';
import { registerServiceWorker } from './pwa.js';
import { SessionStore } from './store.js';
import { applyTheme } from './theme.js';
import { AnswerCard } from './ui/answer-card.js';
import { HistoryList } from './ui/history-list.js';
import { MetricsCharts } from './ui/metrics-charts.js';
import { QueryForm } from './ui/query-form.js';
import { ScoreBars } from './ui/score-bars.js';
import { StageLatency } from './ui/stage-latency.js';
import { StatusLine } from './ui/status-line.js';

const $ = (id) => document.getElementById(id);

applyTheme();

const store = new SessionStore();
const status = new StatusLine($('status'));
const form = new QueryForm({
  form: $('query-form'), input: $('query-input'), button: $('send'), expert: $('expert-select'), consensus: $('consensus-toggle'),
});
const answer = new AnswerCard($('answer'));
const scores = new ScoreBars($('scores'), DOMAINS);
const stages = new StageLatency($('stages'));
const history = new HistoryList($('history'));
const charts = new MetricsCharts({
  hitRate: $('chart-hit-rate'), latency: $('chart-latency'), experts: $('chart-experts'), summary: $('metrics-summary'),
}, DOMAINS);

client.addEventListener('progress', (e) => status.progress(e.detail));
client.addEventListener('crash', (e) => {
  status.error(`${e.detail.message}. It restarts with your next question (conversation memory starts fresh).`);
  form.enable(true);
});

function restoreSettings() {
  const { expert, consensus } = store.data.settings;
  if (DOMAINS.includes(expert)) $('expert-select').value = expert;
  $('consensus-toggle').checked = !!consensus;
  for (const id of ['expert-select', 'consensus-toggle']) {
    $(id).addEventListener('change', () => {
      store.data.settings = { expert: $('expert-select').value, consensus: $('consensus-toggle').checked };
      store.save();
    });
  }
}

async function refreshMetrics({ persist = true } = {}) {
  try {
    charts.push(await client.metrics());
    if (!persist) return;
    store.data.timeline = charts.series;
    store.save();
  } catch {
    // a crashed worker is reported by the crash handler
  }
}

async function start() {
  restoreSettings();
  history.show(store.data.history);
  charts.restore(store.data.timeline);
  try {
    const info = await client.start();
    // Replaying the stored questions restores the engine's conversation memory ("what was my first
    // question?" keeps working after a reload); the replay does not count in the metrics.
    if (store.data.history.length) {
      await client.batch(store.data.history.map((h) => h.q));
      await client.reset({ metrics: true, conversation: false });
    }
    status.ready(info);
    form.enable(true);
  } catch (err) {
    status.error(`Could not start the engine: ${err.message}`);
    form.enable(false);
  }
  // After the first load: the service worker's precache downloads the same files, and would compete with
  // the engine's downloads and compilation for the first answer.
  registerServiceWorker({ banner: $('update-banner'), button: $('update-reload') });
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
      store.addExchange({ q: text.slice(0, 2000), domain: r.domain, intent: r.intent, answer: r.answer.slice(0, 500) });
      history.show(store.data.history);
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

$('clear-data').addEventListener('click', async () => {
  store.clear();
  history.show([]);
  charts.clear();
  restoreSettings();
  try {
    await client.reset({ metrics: true, conversation: true, cache: true });
    await refreshMetrics({ persist: false });  // stored again only with the next question
  } catch (err) {
    status.error(`Clearing the engine failed: ${err.message}`);
  }
});

start();
