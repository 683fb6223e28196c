// The page's side of the worker protocol: ids, a pending map, lazy start, timeouts, and a restart when the
// worker crashes or hangs (the requests in flight fail with a clear error; nothing waits forever).

const DEFAULT_TIMEOUT_MS = { init: 60_000, query: 10_000, batch: 60_000, metrics: 10_000, reset: 10_000 };

export class EngineClient extends EventTarget {
  #worker = null;
  #pending = new Map();
  #nextId = 1;
  #ready = null;

  constructor({ workerUrl = new URL('./worker.js', import.meta.url), modelUrl, timeouts = {} } = {}) {
    super();
    this.workerUrl = workerUrl;
    this.modelUrl = modelUrl;
    this.timeouts = { ...DEFAULT_TIMEOUT_MS, ...timeouts };
    this.info = null;
  }

  /** Starts the worker and loads the engine (once; again after a crash). Resolves with the model info. */
  start() {
    if (this.#ready) return this.#ready;
    const worker = new Worker(this.workerUrl, { type: 'module' });
    this.#worker = worker;
    worker.onmessage = ({ data }) => this.#onMessage(data);
    worker.onerror = (e) => {
      e.preventDefault?.();
      this.#fail(worker, `the engine worker crashed${e.message ? `: ${e.message}` : ''}`);
    };
    this.#ready = new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.#fail(worker, 'the engine took too long to load'), this.timeouts.init);
      this.#pending.set('init', {
        resolve: (info) => { clearTimeout(timer); resolve(info); },
        reject: (err) => { clearTimeout(timer); reject(err); },
      });
    });
    worker.postMessage({ type: 'init', modelUrl: this.modelUrl });
    return this.#ready;
  }

  query(text, { expert, consensus } = {}) {
    return this.#request('query', { text, expert: expert || undefined, consensus: !!consensus });
  }

  /**
   * Many queries in one message; {route: true} returns routing results only (no answers), much faster;
   * {cache: false} neither reads nor fills the result cache.
   */
  batch(texts, { route = false, cache = true } = {}) {
    return this.#request('batch', { texts, ...(route && { route: true }), ...(!cache && { cache: false }) });
  }

  metrics() {
    return this.#request('metrics', {});
  }

  /** Resets metrics and conversation memory by default; the result cache only with {cache: true}. */
  reset({ metrics = true, conversation = true, cache = false } = {}) {
    return this.#request('reset', { metrics, conversation, cache });
  }

  /** Stops the worker; pending requests fail. The next request starts a new one. */
  terminate(reason = 'the engine worker was stopped') {
    if (this.#worker) this.#fail(this.#worker, reason);
  }

  async #request(type, payload) {
    await this.start();
    const id = this.#nextId++;
    const worker = this.#worker;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.#fail(worker, `no answer from the engine within ${this.timeouts[type] / 1000} s`), this.timeouts[type]);
      this.#pending.set(id, {
        resolve: (v) => { clearTimeout(timer); resolve(v); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
      worker.postMessage({ type, id, ...payload });
    });
  }

  #settle(id, fn) {
    const p = this.#pending.get(id);
    if (!p) return;
    this.#pending.delete(id);
    fn(p);
  }

  #onMessage(msg) {
    switch (msg?.type) {
      case 'progress':
        this.dispatchEvent(new CustomEvent('progress', { detail: msg }));
        break;
      case 'ready':
        this.info = msg.info;
        this.#settle('init', (p) => p.resolve(msg.info));
        break;
      case 'result':
        if (typeof msg.elapsedMs === 'number') this.lastBatchMs = msg.elapsedMs;  // engine time of the last batch
        this.#settle(msg.id, (p) => p.resolve(msg.result));
        break;
      case 'metrics':
        this.#settle(msg.id, (p) => p.resolve(msg.metrics));
        break;
      case 'error': {
        const err = Object.assign(new Error(msg.message), { code: msg.code });
        if (msg.id === undefined || msg.id === null) this.#settle('init', (p) => p.reject(err));
        this.#settle(msg.id, (p) => p.reject(err));
        if (!this.info && msg.id === undefined) this.#ready = null;  // a failed load may be retried
        break;
      }
      default:
        break;
    }
  }

  // Fails everything in flight on `worker`, terminates it and lets the next request start a fresh one.
  #fail(worker, message) {
    if (worker !== this.#worker) return;
    worker.terminate();
    this.#worker = null;
    this.#ready = null;
    const err = Object.assign(new Error(message), { code: 'worker_failed' });
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const p of pending) p.reject(err);
    this.dispatchEvent(new CustomEvent('crash', { detail: { message } }));
  }
}
