// The one JS entry to the kimi engine (WebAssembly), for the web worker and for Node 20.
//
//   const engine = await loadEngine({ wasmBinary?, modelBytes?, knowledge? });
//   engine.query('how do I undo my last git commit?', { expert?, consensus? })  // -> the CLI's JSON object
//   engine.batch(texts), engine.metrics(), engine.reset()
//
// In a browser, inputs that are not given are fetched from the site (engine/, models/). In Node, pass them
// all (Node's fetch cannot read files). Strings cross into the module through its fixed heap: the text is
// encoded straight into the engine's input buffer and the JSON result decoded from its output buffer.

import { DOMAINS } from './domains.js';

export { DOMAINS };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Smallest module using a SIMD instruction (v128.const): engines without SIMD128 reject it.
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 22, 1, 20, 0,
  253, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 11]);

export function simdSupported() {
  try {
    return WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

function siteUrl(path) {
  return new URL(`../${path}`, import.meta.url).href;
}

async function fetchBytes(url, label, onProgress) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not download ${label} (${url}): HTTP ${response.status}`);
  const total = Number(response.headers.get('content-length')) || 0;
  if (!response.body || !onProgress) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onProgress({ stage: label, loaded, total });
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.length;
  }
  return bytes;
}

// The six domains' knowledge plus the language expert's phrasebook and dictionary.
export const KNOWLEDGE_FILES = [...DOMAINS, 'phrasebook', 'dictionary'];

// As UTF-8 bytes: the engine parses and checks them (a bad file is a knowledge_invalid error naming it), so the
// worker does not parse ~0.5 MB of JSON only to serialize it again.
async function fetchKnowledge() {
  const entries = await Promise.all(KNOWLEDGE_FILES.map(async (d) => {
    const url = siteUrl(`models/knowledge/${d}.json`);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`could not download the ${d} knowledge file (${url}): HTTP ${response.status}`);
    return [d, new Uint8Array(await response.arrayBuffer())];
  }));
  return Object.fromEntries(entries);
}

// The model's expected size and SHA-256 come from models/model.json (written by scripts/build.sh); a download
// that does not match is refused before the engine sees it.
async function fetchVerifiedModel(url, onProgress) {
  const manifestUrl = new URL('model.json', url).href;
  const [manifest, bytes] = await Promise.all([
    fetch(manifestUrl).then((response) => {
      if (!response.ok) throw new Error(`could not download the model manifest (${manifestUrl}): HTTP ${response.status}`);
      return response.json();
    }),
    fetchBytes(url, 'model', onProgress),
  ]);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  if (bytes.length !== manifest.bytes || hex !== manifest.sha256) {
    const err = new Error(`the model download is corrupt: got ${bytes.length} bytes with SHA-256 ${hex.slice(0, 16)}…, ` +
      `expected ${manifest.bytes} bytes with SHA-256 ${String(manifest.sha256).slice(0, 16)}…. Reload to try again.`);
    err.code = 'model_corrupt';
    throw err;
  }
  return bytes;
}

// ErrorCode values of engine/include/kimi/kimi.h, in order.
const ERROR_NAMES = ['ok', 'invalid_argument', 'empty_query', 'io', 'model_corrupt', 'model_mismatch', 'knowledge_invalid'];

function errorResult(code, message) {
  return { error: { code, message } };
}

/**
 * Loads the engine. Options: wasmBinary (bytes), modelBytes (bytes), knowledge ({domain: parsed JSON or its
 * UTF-8 bytes, plus phrasebook and dictionary}),
 * modelUrl (browser), variant ('simd' | 'scalar'; default: simd when supported), onProgress({stage, loaded, total}).
 */
export async function loadEngine(options = {}) {
  const variant = options.variant ?? (simdSupported() ? 'simd' : 'scalar');
  const moduleName = variant === 'simd' ? 'engine' : 'engine-scalar';
  const onProgress = options.onProgress;
  const { default: createKimiModule } = await import(`../engine/${moduleName}.mjs`);
  const [wasmBinary, modelBytes, knowledge] = await Promise.all([
    options.wasmBinary ?? fetchBytes(siteUrl(`engine/${moduleName}.wasm`), 'engine', onProgress),
    options.modelBytes ?? fetchVerifiedModel(options.modelUrl ?? siteUrl('models/kimi.safetensors'), onProgress),
    options.knowledge ?? fetchKnowledge(),
  ]);
  for (const d of KNOWLEDGE_FILES) {
    if (!knowledge[d]) throw new Error(`knowledge for '${d}' is missing`);
  }
  let abortMessage = null;
  const mod = await createKimiModule({
    wasmBinary,
    print: () => {},
    printErr: (s) => { abortMessage = s; },
    onAbort: (what) => { abortMessage = String(what); },
  });
  return new Engine(mod, modelBytes, knowledge, variant, () => abortMessage);
}

class Engine {
  #mod;
  #heap;
  #input;
  #inputCapacity;
  #lastAbort;

  constructor(mod, modelBytes, knowledge, variant, lastAbort) {
    this.#mod = mod;
    this.#lastAbort = lastAbort;
    this.variant = variant;
    this.#heap = mod.HEAPU8;  // fixed memory (no growth): this view never detaches
    const toFree = [];
    const put = (bytes) => {
      const ptr = mod._kimi_alloc(bytes.length);
      if (!ptr) throw new Error(`the engine's fixed memory cannot hold ${bytes.length} more bytes`);
      toFree.push(ptr);
      this.#heap.set(bytes, ptr);
      return ptr;
    };
    try {
      const modelPtr = put(modelBytes);
      const texts = KNOWLEDGE_FILES.map((d) => (knowledge[d] instanceof Uint8Array ? knowledge[d] : encoder.encode(JSON.stringify(knowledge[d]))));
      const ptrs = texts.map(put);
      const table = put(new Uint8Array(new Uint32Array(ptrs).buffer));
      const lens = put(new Uint8Array(new Uint32Array(texts.map((t) => t.length)).buffer));
      const status = mod._kimi_load(modelPtr, modelBytes.length, table, lens);
      const out = this.#readOutput(mod._kimi_output_length());
      if (status !== 0) {
        const err = new Error(out.error?.message ?? `engine load failed (code ${status})`);
        err.code = out.error?.code ?? 'load_failed';
        throw err;
      }
      this.info = { ...out, variant };
    } finally {
      for (const p of toFree) mod._kimi_free(p);
    }
    this.#input = mod._kimi_input_buffer();
    this.#inputCapacity = mod._kimi_input_capacity();
  }

  // UTF-8 of text into heap[start, end), returning {read, written} like TextEncoder.encodeInto. ASCII text
  // (most queries) is copied by this loop and anything else goes to encodeInto: in a browser worker one
  // encodeInto call plus the heap subarray it needs costs about a microsecond, several times the loop's cost
  // for a typical query (BENCHMARKS.md, "Speed").
  #encode(text, start, end) {
    const heap = this.#heap;
    const n = text.length;
    if (n <= end - start) {
      let i = 0;
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0x80) break;
        heap[start + i] = c;
      }
      if (i === n) return { read: n, written: n };
    }
    return encoder.encodeInto(text, heap.subarray(start, end));
  }

  #readOutput(length) {
    const ptr = this.#mod._kimi_output();
    return JSON.parse(decoder.decode(this.#heap.subarray(ptr, ptr + length)));
  }

  #call(fn) {
    try {
      return fn();
    } catch (e) {
      const detail = this.#lastAbort() ?? e.message;
      return errorResult('engine_failure', `the engine stopped: ${detail}`);
    }
  }

  /** One query: returns the result object of DESIGN.md (or {error:{code,message}}), synchronously. */
  query(text, options = {}) {
    if (typeof text !== 'string') return errorResult('invalid_argument', 'the query must be a string');
    let expert = -1;
    if (options.expert !== undefined && options.expert !== null && options.expert !== '') {
      expert = DOMAINS.indexOf(options.expert);
      if (expert < 0) return errorResult('invalid_argument', `unknown expert '${options.expert}': use one of ${DOMAINS.join(', ')}`);
    }
    return this.#call(() => {
      const { read, written } = this.#encode(text, this.#input, this.#input + this.#inputCapacity);
      const len = this.#mod._kimi_query(written, expert, options.consensus ? 1 : 0, options.cache === false ? 0 : 1);
      const result = this.#readOutput(len);
      if (read < text.length && !result.error) result.truncated = true;
      return result;
    });
  }

  /** Many queries in one call: an array of results, in order. */
  batch(texts, options = {}) {
    if (!Array.isArray(texts)) return errorResult('invalid_argument', 'batch needs an array of strings');
    return texts.map((t) => this.query(t, options));
  }

  /**
   * Routes many queries: [{domain, confidence, intent, cached, abstained}] or {error} entries, in order.
   * Routing only (router, experts, intents; no answer text, no conversation turn), and the results cross
   * the boundary as 12-byte records, not JSON: the fast path for bulk routing and the benchmarks.
   */
  routeBatch(texts, options = {}) {
    if (!Array.isArray(texts)) return errorResult('invalid_argument', 'routeBatch needs an array of strings');
    let expert = -1;
    if (options.expert !== undefined && options.expert !== null && options.expert !== '') {
      expert = DOMAINS.indexOf(options.expert);
      if (expert < 0) return errorResult('invalid_argument', `unknown expert '${options.expert}': use one of ${DOMAINS.join(', ')}`);
    }
    const mod = this.#mod;
    const capacity = mod._kimi_batch_capacity();
    const out = [];
    return this.#call(() => {
      let i = 0;
      while (i < texts.length) {
        // Pack as many texts as fit the input buffer (each: u32 length + UTF-8 bytes).
        let pos = 0;
        let count = 0;
        const view = new DataView(this.#heap.buffer);
        while (i + count < texts.length && count < capacity) {
          const t = texts[i + count];
          if (typeof t !== 'string') return errorResult('invalid_argument', `routeBatch: item ${i + count} is not a string`);
          if (pos + 4 >= this.#inputCapacity) break;
          const { read, written } = this.#encode(t, this.#input + pos + 4, this.#input + this.#inputCapacity);
          if (read < t.length && count > 0) break;  // does not fit after the others: next call
          view.setUint32(this.#input + pos, written, true);
          pos += 4 + written;
          count += 1;
        }
        const n = mod._kimi_query_batch(count, pos, expert, options.consensus ? 1 : 0, options.cache === false ? 0 : 1);
        const rec = mod._kimi_records();
        for (let k = 0; k < n; k++) {
          const r = rec + 12 * k;
          const code = this.#heap[r];
          if (code !== 0) {
            out.push(errorResult(ERROR_NAMES[code] ?? 'engine_failure', 'see query() for the message'));
            continue;
          }
          const domain = DOMAINS[this.#heap[r + 1]];
          const intentIndex = view.getUint16(r + 8, true);
          out.push({
            domain,
            confidence: view.getFloat32(r + 4, true),
            intent: intentIndex === 0xffff ? null : this.info.experts[domain].intent_ids[intentIndex],
            cached: (this.#heap[r + 2] & 1) !== 0,
            abstained: (this.#heap[r + 2] & 2) !== 0,
          });
        }
        if (n === 0) return errorResult('engine_failure', 'routeBatch: the engine accepted no query');
        i += n;
      }
      return out;
    });
  }

  metrics() {
    return this.#call(() => this.#readOutput(this.#mod._kimi_metrics()));
  }

  /** Resets metrics and conversation memory (and the cache with {cache: true}). */
  reset({ metrics = true, conversation = true, cache = false } = {}) {
    this.#mod._kimi_reset((metrics ? 1 : 0) | (conversation ? 2 : 0) | (cache ? 4 : 0));
  }
}
