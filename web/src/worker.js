// The engine worker: one engine per worker, answering the requests of protocol.js from one table of actions
// inside one try/catch. Requests that arrive while the engine loads wait for it.
import { loadEngine } from './engine.js';
import { checkRequest } from './protocol.js';

let engine = null;
let loading = null;

function start(modelUrl) {
  loading ??= loadEngine({ modelUrl, onProgress: (p) => postMessage({ type: 'progress', ...p }) })
    .then((e) => {
      engine = e;
      postMessage({ type: 'ready', info: e.info });
      return e;
    })
    .catch((err) => {
      loading = null;  // a later init may retry
      throw err;
    });
  return loading;
}

const actions = {
  init: (msg) => start(msg.modelUrl),
  query: async (msg) => {
    const e = engine ?? (await start());
    const result = e.query(msg.text, { expert: msg.expert ?? undefined, consensus: msg.consensus });
    postMessage({ type: 'result', id: msg.id, result });
  },
  batch: async (msg) => {
    const e = engine ?? (await start());
    // route: routing only ({domain, confidence, intent, cached, abstained} per text), the fast bulk path.
    // cache: false neither reads nor fills the result cache (default: both, like query).
    // elapsedMs: the engine's own time for the batch inside the worker (no messaging), for measurements.
    const options = { cache: msg.cache !== false };
    const t0 = performance.now();
    const result = msg.route ? e.routeBatch(msg.texts, options) : e.batch(msg.texts, options);
    postMessage({ type: 'result', id: msg.id, result, elapsedMs: performance.now() - t0 });
  },
  metrics: async (msg) => {
    const e = engine ?? (await start());
    postMessage({ type: 'metrics', id: msg.id, metrics: e.metrics() });
  },
  reset: async (msg) => {
    const e = engine ?? (await start());
    e.reset({ metrics: msg.metrics !== false, conversation: msg.conversation !== false, cache: msg.cache === true });
    postMessage({ type: 'metrics', id: msg.id, metrics: e.metrics() });
  },
};

self.onmessage = async ({ data }) => {
  const problem = checkRequest(data);
  const id = data && typeof data === 'object' ? data.id : undefined;
  if (problem) {
    postMessage({ type: 'error', id, ...problem });
    return;
  }
  try {
    await actions[data.type](data);
  } catch (err) {
    postMessage({ type: 'error', id, code: err.code ?? 'engine_error', message: String(err.message ?? err) });
  }
};
