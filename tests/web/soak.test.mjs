// Soak of the WebAssembly module in Node: 100,000 mixed queries (dev queries, 64 KiB inputs, invalid UTF-16,
// random characters, empty ones). The linear memory never grows (it cannot: no growth), every call returns a
// result or an error object, no error is lost and the metrics add up.
import test from 'node:test';
import assert from 'node:assert/strict';
import { load, devQueries } from './load-engine.mjs';

const TOTAL = Number(process.env.KIMI_WASM_SOAK ?? 100_000);

test(`${TOTAL.toLocaleString('en')} mixed queries: fixed memory, consistent metrics`, async () => {
  const engine = await load();
  const dev = devQueries().map((r) => r.q);
  const big = 'lorem ipsum dolor '.repeat(3700);  // ~64 KiB
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) >>> 0);
  let errors = 0;
  let bad = 0;
  for (let i = 0; i < TOTAL; i++) {
    const r = next();
    let q;
    switch (r % 10) {
      case 0: q = big + i; break;
      case 1: q = `${dev[r % dev.length]} \uD800 \uDFFF broken`; break;
      case 2: q = String.fromCharCode(...Array.from({ length: r % 200 }, () => next() % 0x10000)); break;
      case 3: q = ' '.repeat(r % 4); break;
      default: q = r % 7 === 0 ? `${dev[r % dev.length]} #${i}` : dev[r % dev.length];
    }
    const res = engine.query(q, { consensus: (r >> 8) % 13 === 0, cache: (r >> 12) % 17 !== 0 });
    if (res.error) errors += 1;
    else if (typeof res.domain !== 'string' || typeof res.answer !== 'string') bad += 1;
    if (res.error && res.error.code === 'engine_failure') assert.fail(res.error.message);
  }
  const m = engine.metrics();
  assert.equal(bad, 0);
  assert.equal(m.queries, TOTAL);
  assert.equal(m.errors, errors);
  assert.equal(m.cache.hits + m.cache.misses + m.cache.bypassed + m.errors, m.queries);
});
