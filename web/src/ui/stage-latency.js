// Per-stage latency of the last query (normalize, features, router, expert, total), as the engine measured it.
import { el, micros } from './dom.js';

export class StageLatency {
  constructor(root) {
    this.root = root;
  }

  show(r, roundTripMs) {
    const s = r.stages_us ?? {};
    const rows = [
      ['normalize', s.normalize], ['features', s.features], ['router', s.router], ['expert', s.expert],
      ['engine total', r.latency_us],
    ];
    const items = [];
    for (const [name, us] of rows) items.push(el('dt', { text: name }), el('dd', { text: us === undefined ? '–' : micros(us) }));
    items.push(el('dt', { text: 'page ↔ worker' }), el('dd', { text: `${roundTripMs.toFixed(1)} ms` }));
    items.push(el('dt', { text: 'cache' }), el('dd', { 'data-testid': 'cache-state', text: r.cached ? 'hit' : 'miss' }));
    // Browsers coarsen timers (5 µs when cross-origin isolated, 100 µs otherwise): single stages often read 0.
    const resolution = globalThis.crossOriginIsolated ? '5 µs' : '100 µs';
    items.push(el('dt', { text: 'timer' }), el('dd', { class: 'note', text: `browser resolution ~${resolution}; benchmarks time batches` }));
    this.root.replaceChildren(...items);
  }
}
