// Web-side benchmarks, printed as a Markdown section for BENCHMARKS.md:
//   - sizes of the engine (wasm + JS glue), raw and gzip
//   - SIMD vs scalar WebAssembly build, whole queries, in Node 20 (same run, same queries)
//   - in Chromium: navigation to first answer (cold, then warm from the service worker), page <-> worker round
//     trip over >= 1,000 queries (one per message, and timed in batches), and the batch API
// Usage: node scripts/bench_web.mjs [--quick]
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { load, devQueries, site } from '../tests/web/load-engine.mjs';
import { launch, openApp, startSite } from '../e2e/browser.mjs';

const quick = process.argv.includes('--quick');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const lines = [];
const out = (s = '') => lines.push(s);

// Sizes
const size = (f) => { const b = readFileSync(path.join(site, f)); return { raw: b.length, gz: gzipSync(b, { level: 9 }).length }; };
const wasm = size('engine/engine.wasm');
const glue = size('engine/engine.mjs');
const api = size('src/engine.js');
const model = size('models/kimi.safetensors');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
out('### Download size');
out('');
out('| file | raw | gzip -9 |');
out('| --- | --- | --- |');
out(`| engine.wasm (SIMD) | ${kb(wasm.raw)} | ${kb(wasm.gz)} |`);
out(`| engine.mjs (Emscripten glue) | ${kb(glue.raw)} | ${kb(glue.gz)} |`);
out(`| src/engine.js (API) | ${kb(api.raw)} | ${kb(api.gz)} |`);
out(`| **wasm + JS** | **${kb(wasm.raw + glue.raw + api.raw)}** | **${kb(wasm.gz + glue.gz + api.gz)}** |`);
out(`| model (kimi.safetensors, int8 embeddings) | ${kb(model.raw)} | ${kb(model.gz)} |`);
out('');

// SIMD vs scalar in Node, interleaved rounds so both see the same machine state.
const queries = devQueries().map((r) => r.q);
const simd = await load();
const scalar = await load({ variant: 'scalar' });
const rounds = quick ? 3 : 15;
const perQuery = { simd: [], scalar: [] };
for (let r = 0; r < rounds; r++) {
  for (const [name, engine] of [['simd', simd], ['scalar', scalar]]) {
    const t0 = performance.now();
    for (const q of queries) engine.query(q, { cache: false });
    perQuery[name].push((performance.now() - t0) * 1000 / queries.length);
  }
}
const ms = median(perQuery.simd), mc = median(perQuery.scalar);
out('### SIMD128 vs scalar WebAssembly build (Node 20, whole queries, cache off)');
out('');
out(`${queries.length} dev queries per round, ${rounds} interleaved rounds; median of per-round means.`);
out('');
out('| build | µs per query | queries/s |');
out('| --- | --- | --- |');
out(`| SIMD128 kernels | ${ms.toFixed(2)} | ${Math.round(1e6 / ms).toLocaleString('en')} |`);
out(`| scalar kernels | ${mc.toFixed(2)} | ${Math.round(1e6 / mc).toLocaleString('en')} |`);
out(`| **speedup** | **${(mc / ms).toFixed(2)}×** | |`);
out('');

// WebAssembly vs native, same queries (build/data/dev.jsonl when assembled), same run: whole queries through
// the batch API (compact records, cache off), and single query() calls with their JSON result.
const nativePath = process.argv.find((a) => a.startsWith('--native='))?.slice('--native='.length);
const native = nativePath ? JSON.parse(readFileSync(nativePath, 'utf8')) : null;
const benchQueries = native
  ? readFileSync(native.queries.file, 'utf8').trim().split('\n').map((l) => JSON.parse(l).q)
  : queries;
const passes = quick ? 2 : 15;
// The machine is shared and its speed drifts over seconds to minutes, so the native batch API is measured
// here too, between the WebAssembly passes (kimi-bench --batch-passes: a warm-up and 3 passes, median), and
// the ratio is the median of the per-round ratios: both sides of each ratio come from the same moment.
const nativeBench = path.join(path.dirname(site), 'native/kimi-bench');
const nativePass = () => {
  const { batch_qps: r } = JSON.parse(execFileSync(nativeBench, ['--queries', native.queries.file, '--batch-passes', '3'], { encoding: 'utf8' }));
  return median(r);
};
const wasmBatch = { simd: [], scalar: [] };
const nativeBatch = [];
const pairedRatios = [];
for (let p = 0; p < passes; p++) {
  if (native) nativeBatch.push(nativePass());
  for (const [name, engine] of [['simd', simd], ['scalar', scalar]]) {
    const t0 = performance.now();
    const res = engine.routeBatch(benchQueries, { cache: false });
    wasmBatch[name].push(benchQueries.length / ((performance.now() - t0) / 1000));
    if (res.length !== benchQueries.length) throw new Error('routeBatch lost queries');
  }
  if (native) pairedRatios.push(nativeBatch[p] / wasmBatch.simd[p]);
}
const single = [];
for (let p = 0; p < Math.max(1, passes / 3); p++) {
  for (const q of benchQueries) {
    const t0 = performance.now();
    simd.query(q, { cache: false });
    single.push((performance.now() - t0) * 1000);
  }
}
const hitSet = benchQueries.slice(0, 800);
simd.reset({ cache: true });
simd.routeBatch(hitSet);
const hits = [];
for (let p = 0; p < passes; p++) {
  const t0 = performance.now();
  simd.routeBatch(hitSet);
  hits.push(hitSet.length / ((performance.now() - t0) / 1000));
}
const qpsSimd = median(wasmBatch.simd), qpsScalar = median(wasmBatch.scalar);
out('### WebAssembly in Node 20 vs native (same queries, same run)');
out('');
out(`${benchQueries.length} queries, ${passes} passes; batch API = \`engine.routeBatch\` (12-byte records, cache off); median pass.`);
out('');
out('| measure | queries/s | µs per query |');
out('| --- | --- | --- |');
const row = (label, qps) => out(`| ${label} | ${Math.round(qps).toLocaleString('en')} | ${(1e6 / qps).toFixed(2)} |`);
if (native) row('native `Engine::query_batch`, cache off (measured between the WASM passes)', median(nativeBatch));
row('WASM SIMD128 `routeBatch`, cache off', qpsSimd);
row('WASM scalar `routeBatch`, cache off', qpsScalar);
row('WASM SIMD128 `routeBatch`, all cache hits', median(hits));
out(`| WASM \`query()\` one call each (JSON result), p50 / p95 | | ${pct(single, 0.5).toFixed(2)} / ${pct(single, 0.95).toFixed(2)} |`);
out('');
if (native) out(`**WASM / native time per query: ${median(pairedRatios).toFixed(2)}×** (target ≤ 2×; median of ${pairedRatios.length} rounds, each a native pass and a WASM pass back to back; per-round range ${Math.min(...pairedRatios).toFixed(2)}–${Math.max(...pairedRatios).toFixed(2)}×). `);
out(`SIMD128 over scalar (batch): **${(qpsSimd / qpsScalar).toFixed(2)}×**.`);
out('');

// fastText's own WebAssembly build (npm fasttext.wasm.js, MIT) on the same queries: the browser-side peer.
// Model: the compact fastText router bench.sh trained on our training split (--fasttext-model=PATH).
const ftPath = process.argv.find((a) => a.startsWith('--fasttext-model='))?.slice('--fasttext-model='.length);
if (ftPath) {
  const { getFastTextModule, getFastTextClass } = await import('fasttext.wasm.js');
  const { pathToFileURL } = await import('node:url');
  const FastText = await getFastTextClass({ getFastTextModule });
  const model = await new FastText().loadModel(pathToFileURL(path.resolve(ftPath)).href);
  // Same text preparation as scripts/bench_accuracy.py and the native peer.
  const prep = (q) => q.replace(/[\s\S]/g, (ch) => {
    const c = ch.codePointAt(0);
    if (c >= 0x80 || /[A-Za-z0-9]/.test(ch)) return c < 0x80 ? ch.toLowerCase() : ch;
    if (c < 0x20 || /\s/.test(ch)) return ' ';
    return ` ${ch} `;
  });
  const ftRates = [];
  for (let p = 0; p < passes; p++) {
    const t0 = performance.now();
    for (const q of benchQueries) model.predict(prep(q), 1, 0).delete?.();
    ftRates.push(benchQueries.length / ((performance.now() - t0) / 1000));
  }
  const kimiRouter = median(wasmBatch.simd);
  out('### fastText WebAssembly (npm fasttext.wasm.js) in Node 20, same queries');
  out('');
  out('| router | queries/s | µs per query |');
  out('| --- | --- | --- |');
  row('fastText WASM `predict` (k = 1), one call each', median(ftRates));
  row('kimi WASM SIMD128 `routeBatch` (router + expert intent)', kimiRouter);
  out('');
  out(`**kimi / fastText throughput in WebAssembly: ${(kimiRouter / median(ftRates)).toFixed(2)}×** (fastText model: ${path.basename(ftPath)}, ${(readFileSync(ftPath).length / 1048576).toFixed(1)} MiB).`);
  out('');
}

// Chromium: first answer and round trips.
const siteServer = await startSite();
const browser = await launch();
try {
  const firstAnswer = async (page) => {
    const t0 = Date.now();
    await page.goto(siteServer.url);
    await page.waitForSelector('#status[data-state="ready"]', { timeout: 30_000 });
    await page.fill('#query-input', 'how do I undo my last git commit?');
    await page.press('#query-input', 'Enter');
    await page.waitForSelector('[data-testid="expert-badge"]', { timeout: 10_000 });
    return Date.now() - t0;
  };
  const cold = [];
  const warm = [];
  for (let i = 0; i < (quick ? 1 : 5); i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    cold.push(await firstAnswer(page));
    // Warm: the service worker controls the page and has everything in its cache.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    warm.push(await firstAnswer(page));
    await context.close();
  }
  const { page, context } = await openApp(browser, siteServer.url);
  const n = quick ? 200 : 2000;
  const rt = await page.evaluate(async ({ count, dev }) => {
    const { EngineClient } = await import('./src/client.js');
    const client = new EngineClient();
    await client.start();
    const single = [];
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      await client.query(`round trip ${i % 50} how do i list files`);
      single.push(performance.now() - t0);
    }
    const batches = [];
    for (let b = 0; b < 20; b++) {
      const t0 = performance.now();
      for (let i = 0; i < 50; i++) await client.query(`batch ${b} item ${i}`);
      batches.push((performance.now() - t0) / 50);
    }
    const t0 = performance.now();
    await client.batch(Array.from({ length: 1000 }, (_, i) => `batched query ${i}`));
    const batchApi = (performance.now() - t0) / 1000;
    window.benchClient = client;  // the routing rounds below use it
    return { single, batches, batchApi, isolated: crossOriginIsolated };
  }, { count: n, dev: benchQueries });
  // Routing batches of the dev queries through the worker protocol (compact results, no answers), each round
  // right after a native pass (see nativePass above).
  // The cache is off on both sides (as in the native pass), and the first rounds, while V8 still runs the
  // module's baseline code and tiers it up in the background, are reported apart rather than paired.
  const warmupRounds = quick ? 1 : 4;
  const routeRates = [], workerRates = [], workerRatios = [], warmupUs = [];
  for (let p = 0; p < warmupRounds + (quick ? 2 : 15); p++) {
    const nativeQps = native && p >= warmupRounds ? nativePass() : 0;
    const r = await page.evaluate(async (dev) => {
      const client = window.benchClient;
      const t1 = performance.now();
      const res = await client.batch(dev, { route: true, cache: false });
      if (res.length !== dev.length) throw new Error('route batch lost queries');
      return { route: dev.length / ((performance.now() - t1) / 1000), worker: dev.length / (client.lastBatchMs / 1000) };
    }, benchQueries);
    if (p < warmupRounds) {
      warmupUs.push(1e6 / r.worker);
      continue;
    }
    routeRates.push(r.route);
    workerRates.push(r.worker);
    if (native) workerRatios.push(nativeQps / r.worker);
  }
  rt.routeQps = median(routeRates);
  rt.workerQps = median(workerRates);
  await context.close();
  out('### Chromium (headless, module worker)');
  out('');
  out(`| measure | median | p95 | n |`);
  out('| --- | --- | --- | --- |');
  out(`| navigation → first answer, cold (new profile) | ${median(cold)} ms | ${pct(cold, 0.95)} ms | ${cold.length} |`);
  out(`| navigation → first answer, warm (service-worker cache) | ${median(warm)} ms | ${pct(warm, 0.95)} ms | ${warm.length} |`);
  out(`| page ↔ worker round trip, one query per message | ${(median(rt.single) * 1000).toFixed(0)} µs | ${(pct(rt.single, 0.95) * 1000).toFixed(0)} µs | ${rt.single.length} |`);
  out(`| same, timed in batches of 50 sequential queries (mean per query) | ${(median(rt.batches) * 1000).toFixed(0)} µs | ${(pct(rt.batches, 0.95) * 1000).toFixed(0)} µs | ${rt.batches.length} batches |`);
  out(`| batch API: 1,000 queries in one message (per query) | ${(rt.batchApi * 1000).toFixed(1)} µs | | 1000 |`);
  out(`| routing batch (\`{type: 'batch', route: true, cache: false}\`), ${benchQueries.length} dev queries per message (per query) | ${(1e6 / rt.routeQps).toFixed(2)} µs | | ${Math.round(rt.routeQps).toLocaleString('en')} queries/s |`);
  out(`| same batch, engine time inside the worker (\`elapsedMs\` of the reply: no messaging) | ${(1e6 / rt.workerQps).toFixed(2)} µs | | ${Math.round(rt.workerQps).toLocaleString('en')} queries/s |`);
  out(`| same, the first ${warmupRounds} rounds after start (V8 tiering up; not in the ratio) | ${warmupUs.map((u) => u.toFixed(2)).join(', ')} µs | | |`);
  out('');
  if (native) {
    out(`**WASM in Chromium's worker / native time per query: ${median(workerRatios).toFixed(2)}×** (the engine's routing batch inside the worker, median of ${workerRatios.length} rounds, each right after a native pass; per-round range ${Math.min(...workerRatios).toFixed(2)}–${Math.max(...workerRatios).toFixed(2)}×; `);
    out(`the message round trip and structured clone of ${benchQueries.length} texts and results add ${((1e6 / rt.routeQps) - (1e6 / rt.workerQps)).toFixed(2)} µs per query).`);
  }
  out('');
  out(`Timer: crossOriginIsolated = ${rt.isolated} (served with COOP/COEP by scripts/serve.mjs, so performance.now() has ~5 µs resolution).`);
} finally {
  await browser.close();
  siteServer.server.close();
}
console.log(lines.join('\n'));
