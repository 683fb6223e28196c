// The WebAssembly engine in Node 20: load, answer, metrics, malformed calls, fixed memory.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load, DOMAINS, site, knowledgeBytes } from './load-engine.mjs';

const engine = await load();

test('loads and describes the model', () => {
  assert.equal(engine.variant, 'simd');
  assert.equal(Object.keys(engine.info.experts).length, 6);
});

test('answers with every field of the contract', () => {
  const r = engine.query('How do I undo my last git commit?');
  for (const k of ['query', 'domain', 'confidence', 'scores', 'intent', 'answer', 'consensus', 'experts', 'cached', 'truncated', 'latency_us']) {
    assert.ok(k in r, `missing ${k}`);
  }
  assert.equal(r.domain, 'tool_use');
  assert.deepEqual(Object.keys(r.scores), DOMAINS);
  assert.ok(Math.abs(Object.values(r.scores).reduce((a, b) => a + b) - 1) < 1e-4);
});

test('routes one clear query per domain', () => {
  const cases = {
    reasoning: 'should I rent or buy a house',
    coding: 'how do I reverse a linked list in C++',
    language: 'what does the word ephemeral mean',
    mathematics: 'what is 15% of 80',
    tool_use: 'how do I list hidden files in a directory',
    context: 'what was my first question?',
  };
  for (const [domain, q] of Object.entries(cases)) assert.equal(engine.query(q).domain, domain, q);
});

test('cache hits on repeats; forced expert and consensus options work', () => {
  engine.reset({ cache: true });
  engine.query('sort a list of tuples by the second element');
  assert.equal(engine.query('Sort a list of tuples by the second element').cached, true);
  assert.equal(engine.query('sort a list of tuples by the second element', { cache: false }).cached, false);
  const forced = engine.query('git push', { expert: 'language' });
  assert.equal(forced.domain, 'language');
  assert.equal(forced.confidence, 1);
  assert.equal(engine.query('git push', { consensus: true }).consensus, true);
});

test('conversation memory works across calls', () => {
  engine.reset();
  engine.query('how do I list hidden files');
  engine.query('my name is Ada');
  assert.match(engine.query('what was my first question?').answer, /list hidden files/);
  assert.match(engine.query("what's my name?").answer, /Ada/);
});

test('metrics count queries, hits and misses', () => {
  engine.reset({ cache: true });
  engine.query('what is 2+2');
  engine.query('what is 2+2');
  engine.query('');
  const m = engine.metrics();
  assert.equal(m.queries, 3);
  assert.equal(m.errors, 1);
  assert.equal(m.cache.hits, 1);
  assert.equal(m.cache.misses, 1);
  assert.ok(m.latency_us.total.count === 2);
});

test('malformed calls return errors, never throw', () => {
  assert.equal(engine.query('').error.code, 'empty_query');
  assert.equal(engine.query(' \n\t ').error.code, 'empty_query');
  assert.equal(engine.query(42).error.code, 'invalid_argument');
  assert.equal(engine.query(null).error.code, 'invalid_argument');
  assert.equal(engine.query('x', { expert: 'wizard' }).error.code, 'invalid_argument');
  assert.equal(engine.batch('not an array').error.code, 'invalid_argument');
});

test('hostile input: huge, invalid UTF-16, NUL, emoji, right-to-left', () => {
  const huge = engine.query('a'.repeat(1 << 20));
  assert.equal(huge.truncated, true);
  assert.equal(huge.query.length, 4096);
  const lone = engine.query('bad \uD800 surrogate');  // lone surrogate: encoded as U+FFFD
  assert.ok(!lone.error);
  assert.equal(engine.query('nul\0inside').query, 'nul inside');
  assert.ok(!engine.query('😀 🚀 عربى עברית').error);
});

test('batch answers in order', () => {
  const rs = engine.batch(['what is 2+2', 'git status', 'define ubiquitous']);
  assert.equal(rs.length, 3);
  assert.equal(rs[0].query, 'what is 2+2');
  assert.equal(rs[2].query, 'define ubiquitous');
});

test('memory stays fixed: 2,000 mixed queries do not grow the heap', () => {
  const before = engine.info && engine.metrics();
  assert.ok(before);
  for (let i = 0; i < 2000; i++) {
    engine.query(`query ${i} ${'x'.repeat(i % 300)} how do i sort`);
    if (i % 100 === 0) engine.query('\uFFFF'.repeat(5000));
  }
  // ALLOW_MEMORY_GROWTH=0: the engine would fail (error result) rather than grow; no errors means it fit.
  const m = engine.metrics();
  assert.equal(m.errors, before.errors);
});

test('a corrupt model is refused with a clear error', async () => {
  const good = readFileSync(path.join(site, 'models/kimi.safetensors'));
  await assert.rejects(load({ modelBytes: good.subarray(0, 1000) }), (e) => e.code === 'model_corrupt' && /corrupt/.test(e.message));
  const flipped = Buffer.from(good);
  flipped[3] = 0x7f;  // header length far beyond the file
  await assert.rejects(load({ modelBytes: flipped }), /header length/);
});

test("knowledge as the files' bytes (the browser's form) loads the same engine; a bad file is named", async () => {
  const fromBytes = await load({ knowledge: knowledgeBytes() });
  for (const q of ['how do I undo my last git commit?', 'what does ephemeral mean', 'solve 2x + 7 = 3']) {
    const a = engine.query(q, { cache: false }), b = fromBytes.query(q, { cache: false });
    assert.equal(b.domain, a.domain);
    assert.equal(b.intent, a.intent);
    assert.equal(b.answer, a.answer);
  }
  const broken = knowledgeBytes();
  broken.reasoning = broken.reasoning.subarray(0, 100);  // cut mid-file: not JSON any more
  await assert.rejects(load({ knowledge: broken }), (e) => e.code === 'knowledge_invalid' && /reasoning/.test(e.message));
});

test('routeBatch: routing agrees with query(), in order, across many calls', () => {
  const texts = [];
  for (let i = 0; i < 5000; i++) texts.push(`query number ${i}: how do I ${i % 2 ? 'undo a git commit' : 'solve 2x + 3 = 7'}`);
  texts[17] = '';  // an empty query is an error entry, not a failure of the batch
  texts[4200] = 'z'.repeat(300000);  // longer than the input buffer: still answered (truncated)
  // Non-ASCII text (copied by TextEncoder, ASCII by a loop): accents, a lone surrogate, ASCII then non-ASCII.
  texts[5] = 'traduis « bonne nuit » en español, s’il te plaît';
  texts[6] = 'git commit \uD800 undo';
  texts[7] = 'how do i undo a git commit '.repeat(20) + 'ünd weiter?';
  texts[4201] = 'é'.repeat(200000);
  const out = engine.routeBatch(texts, { cache: false });
  assert.equal(out.length, texts.length);
  assert.equal(out[17].error.code, 'empty_query');
  for (const i of [0, 1, 2, 5, 6, 7, 999, 4096, 4200, 4201, 4999]) {
    const one = engine.query(texts[i], { cache: false });
    assert.equal(out[i].domain, one.domain, `item ${i}`);
    assert.equal(out[i].intent, one.intent, `item ${i}`);
    assert.ok(Math.abs(out[i].confidence - one.confidence) < 1e-6, `item ${i}`);
  }
  // The engine read exactly these characters (its normalized query is the lowercased text).
  assert.equal(engine.query(texts[5], { cache: false }).query, texts[5]);
  assert.equal(engine.query(texts[7], { cache: false }).query, texts[7].trim());
  assert.equal(engine.query(texts[999], { cache: false }).query, texts[999].toLowerCase());
  assert.equal(engine.routeBatch('not an array').error.code, 'invalid_argument');
  assert.equal(engine.routeBatch([1, 2]).error.code, 'invalid_argument');
  assert.equal(engine.routeBatch(['x'], { expert: 'nope' }).error.code, 'invalid_argument');
});
