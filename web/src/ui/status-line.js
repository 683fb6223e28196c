// The status line: loading progress, ready, and errors that say what failed.
export class StatusLine {
  constructor(root) {
    this.root = root;
  }

  progress({ stage, loaded, total }) {
    const kb = (n) => `${Math.round(n / 1024)} KB`;
    this.#set('loading', total ? `Loading ${stage}… ${kb(loaded)} of ${kb(total)}` : `Loading ${stage}… ${kb(loaded)}`);
  }

  ready(info) {
    const variant = info.variant === 'simd' ? 'WebAssembly SIMD' : 'WebAssembly (no SIMD)';
    this.#set('ready', `Ready — ${variant}, cache of ${info.cache_capacity}`);
  }

  error(message) {
    this.#set('error', message);
  }

  #set(state, text) {
    this.root.dataset.state = state;
    this.root.textContent = text;
  }
}
