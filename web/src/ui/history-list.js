// The conversation so far, newest first: each question with the expert that answered it and the answer's
// first line. Restored from storage after a reload.
import { el } from './dom.js';

export class HistoryList {
  constructor(root) {
    this.root = root;
  }

  show(history) {
    if (!history.length) {
      this.root.replaceChildren(el('li', { class: 'placeholder', text: 'Nothing asked yet.' }));
      return;
    }
    const items = [...history].reverse().map((h) => el('li', { class: 'history-item', 'data-testid': 'history-item' },
      el('span', { class: 'badge small', 'data-domain': h.domain, text: h.domain }),
      el('span', { class: 'history-q', text: h.q }),
      el('span', { class: 'history-a', text: (h.answer ?? '').split('\n')[0] })));
    this.root.replaceChildren(...items);
  }
}
