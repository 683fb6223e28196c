// The query box: Enter sends, ↑/↓ walk the history, an expert can be forced and consensus toggled.
export class QueryForm extends EventTarget {
  #history = [];
  #cursor = 0;

  constructor({ form, input, button, expert, consensus }) {
    super();
    Object.assign(this, { form, input, button, expert, consensus });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.#submit();
    });
    input.addEventListener('keydown', (e) => this.#onKey(e));
  }

  enable(on) {
    this.input.disabled = !on;
    this.button.disabled = !on;
    if (on) this.input.focus();
  }

  #submit() {
    const text = this.input.value;
    if (!text.trim()) return;
    if (this.#history.at(-1) !== text) this.#history.push(text);
    this.#cursor = this.#history.length;
    this.dispatchEvent(new CustomEvent('ask', {
      detail: { text, expert: this.expert.value || undefined, consensus: this.consensus.checked },
    }));
    this.input.value = '';
  }

  #onKey(e) {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    if (!this.#history.length) return;
    e.preventDefault();
    this.#cursor = Math.max(0, Math.min(this.#history.length, this.#cursor + (e.key === 'ArrowUp' ? -1 : 1)));
    this.input.value = this.#history[this.#cursor] ?? '';
  }
}
