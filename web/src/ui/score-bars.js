// Bars for the six router probabilities of the last answer.
import { el, percent } from './dom.js';

export class ScoreBars {
  constructor(root, domains) {
    this.root = root;
    this.rows = new Map();
    for (const d of domains) {
      const fill = el('span', { class: 'bar-fill', 'data-domain': d });
      const value = el('span', { class: 'bar-value', text: '–' });
      const meter = el('span', { class: 'bar', role: 'meter', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': '0', 'aria-label': d }, fill);
      root.append(el('div', { class: 'bar-row' }, el('span', { class: 'bar-label', text: d }), meter, value));
      this.rows.set(d, { fill, value, meter });
    }
  }

  show(scores) {
    for (const [d, row] of this.rows) {
      const p = scores[d] ?? 0;
      row.fill.style.width = `${(100 * p).toFixed(1)}%`;
      row.value.textContent = percent(p);
      row.meter.setAttribute('aria-valuenow', (100 * p).toFixed(0));
    }
  }
}
