// The WebAssembly engine and the native CLI agree on the dev split: same domain, probabilities within 1e-5.
// Also: the scalar-kernel WebAssembly build agrees with the SIMD one (the kernels test, end to end).
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { load, devQueries, root, DOMAINS } from './load-engine.mjs';

const dev = devQueries();
const simd = await load();
const scalar = await load({ variant: 'scalar' });

function nativeResults() {
  const input = dev.map((r) => r.q.replace(/\n/g, ' ')).join('\n') + '\n';
  const out = execFileSync(path.join(root, 'build/native/kimi'), ['--jsonl', '--no-cache'], { input, maxBuffer: 1 << 28 });
  return out.toString().trim().split('\n').map((l) => JSON.parse(l));
}

function maxDiff(a, b) {
  return Math.max(...DOMAINS.map((d) => Math.abs(a.scores[d] - b.scores[d])));
}

test('native and WebAssembly (SIMD) routing agree on every dev query', () => {
  const native = nativeResults();
  assert.equal(native.length, dev.length);
  let worst = 0;
  dev.forEach((row, i) => {
    const w = simd.query(row.q.replace(/\n/g, ' '), { cache: false });
    assert.equal(w.domain, native[i].domain, row.q);
    worst = Math.max(worst, maxDiff(w, native[i]));
  });
  assert.ok(worst <= 1e-5, `largest probability difference ${worst}`);
});

test('SIMD and scalar WebAssembly kernels give the same outputs', () => {
  let worst = 0;
  for (const row of dev) {
    const a = simd.query(row.q, { cache: false });
    const b = scalar.query(row.q, { cache: false });
    assert.equal(a.domain, b.domain);
    assert.equal(a.intent, b.intent);
    worst = Math.max(worst, maxDiff(a, b));
  }
  assert.ok(worst <= 1e-5, `largest probability difference ${worst}`);
});
