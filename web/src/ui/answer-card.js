// The answer card: the routed expert as a badge with its confidence, the intent, the answer (as text),
// flags (cached, truncated, invalid UTF-8) and, with consensus, each contributing expert's answer and weight.
import { el, percent } from './dom.js';

export class AnswerCard {
  constructor(root) {
    this.root = root;
  }

  pending(text) {
    this.root.replaceChildren(el('p', { class: 'asked', text }), el('p', { class: 'placeholder', text: 'Thinking…' }));
  }

  error(text, message) {
    this.root.replaceChildren(
      el('p', { class: 'asked', text }),
      el('p', { class: 'error-text', role: 'alert', text: message }),
    );
  }

  show(text, r) {
    const flags = [
      r.cached && el('span', { class: 'flag', text: 'from cache' }),
      r.truncated && el('span', { class: 'flag warn', text: 'truncated to 4096 bytes' }),
      r.invalid_utf8 && el('span', { class: 'flag warn', text: 'invalid characters replaced' }),
      r.consensus && el('span', { class: 'flag', text: 'consensus' }),
    ];
    const head = el('div', { class: 'answer-head' },
      el('span', { class: 'badge', 'data-domain': r.domain, 'data-testid': 'expert-badge', text: r.domain }),
      el('span', { class: 'confidence', 'data-testid': 'confidence', text: `router ${percent(r.confidence)}` }),
      el('span', { class: 'intent', text: r.intent }),
      ...flags);
    const body = [el('p', { class: 'asked', text })];
    if (r.experts.length > 1) {
      body.push(el('p', { class: 'consensus-note', text: 'Combined from these experts, weighted by the router:' }));
      for (const e of r.experts) body.push(this.#contribution(e));
    } else {
      body.push(this.#answerText(r.experts[0]));
    }
    this.root.replaceChildren(head, ...body);
  }

  #answerText(e) {
    const node = el('pre', { class: 'answer-text', 'data-testid': 'answer-text', text: e.answer });
    if (e.abstained) node.classList.add('abstained');
    return node;
  }

  #contribution(e) {
    return el('div', { class: 'contribution', 'data-testid': 'contribution' },
      el('div', { class: 'contribution-head' },
        el('span', { class: 'badge small', 'data-domain': e.domain, text: e.domain }),
        el('span', { class: 'weight', text: `weight ${percent(e.weight)}` }),
        el('span', { class: 'intent', text: e.intent })),
      this.#answerText(e));
  }
}
