// The web app in Chromium: one query per domain, charts follow the cache, forced expert, consensus,
// malformed input, the worker protocol's errors, and screenshots (build/e2e/*.png) for review.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { artifacts, ask, launch, openApp, site as siteDir, startSite } from './browser.mjs';

let browser;
let site;
let app;
const requests = [];

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  site = await startSite();
  browser = await launch();
  app = await openApp(browser, site.url, { onRequest: (r) => requests.push(r.url()) });
});

after(async () => {
  await browser?.close();
  site?.server.close();
});

const badge = (page) => page.locator('[data-testid="expert-badge"]').first().textContent();

test('one query per domain shows the right expert badge', async () => {
  const cases = {
    tool_use: 'How do I undo my last git commit?',
    mathematics: 'what is 15% of 80',
    coding: 'how do I reverse a linked list in C++',
    language: 'what does the word ephemeral mean',
    reasoning: 'should I rent or buy a house',
    context: 'what was my first question?',
  };
  for (const [domain, q] of Object.entries(cases)) {
    await ask(app.page, q);
    assert.equal(await badge(app.page), domain, q);
    assert.ok((await app.page.locator('[data-testid="answer-text"]').first().textContent()).length > 10);
  }
  const firstQuestion = await app.page.locator('[data-testid="answer-text"]').first().textContent();
  assert.match(firstQuestion, /how do i undo my last git commit/);
});

test('repeated queries raise the cache hits shown by the metrics chart', async () => {
  const { page } = app;
  const hits = async () => Number(await page.locator('#metrics-summary').getAttribute('data-hits'));
  const start = await hits();
  const pointsBefore = await page.evaluate(() => document.querySelectorAll('#chart-hit-rate canvas').length);
  for (let i = 0; i < 3; i++) await ask(page, 'list files sorted by size');
  assert.equal(await hits(), start + 2);
  assert.equal(await page.locator('[data-testid="cache-state"]').textContent(), 'hit');
  assert.ok(pointsBefore >= 1);
  assert.match(await page.locator('#metrics-summary').textContent(), /hits/);
});

test('forcing an expert skips the router', async () => {
  const { page } = app;
  await page.selectOption('#expert-select', 'language');
  await ask(page, 'git push to origin');
  assert.equal(await badge(page), 'language');
  assert.match(await page.locator('[data-testid="confidence"]').textContent(), /100%/);
  await page.selectOption('#expert-select', '');
});

test('consensus mode is shown on the answer', async () => {
  const { page } = app;
  await page.check('#consensus-toggle');
  await ask(page, 'explain recursion with a python example');
  assert.ok(await page.locator('.flag', { hasText: 'consensus' }).count());
  await page.uncheck('#consensus-toggle');
});

test('malformed input: markup is shown as text, whitespace is ignored, huge input is truncated', async () => {
  const { page } = app;
  let dialog = false;
  page.on('dialog', (d) => { dialog = true; d.dismiss(); });
  await ask(page, '<img src=x onerror=alert(1)> what does this html do');
  assert.equal(await page.locator('#answer img').count(), 0);
  assert.match(await page.locator('#answer .asked').textContent(), /<img src=x onerror=alert\(1\)>/);
  await page.fill('#query-input', '    ');
  await page.press('#query-input', 'Enter');
  assert.equal(await page.locator('#query-input').inputValue(), '    ');  // not sent
  await ask(page, 'x'.repeat(20000));
  assert.ok(await page.locator('.flag', { hasText: 'truncated' }).count());
  assert.equal(dialog, false);
});

test('history: arrow up recalls the previous query', async () => {
  const { page } = app;
  await ask(page, 'what is 2+2');
  await page.press('#query-input', 'ArrowUp');
  assert.equal(await page.locator('#query-input').inputValue(), 'what is 2+2');
  await page.fill('#query-input', '');
});

test('the worker answers malformed messages with errors', async () => {
  const replies = await app.page.evaluate(async () => {
    const w = new Worker('src/worker.js', { type: 'module' });
    const got = [];
    const done = new Promise((resolve) => {
      w.onmessage = ({ data }) => {
        if (data.type === 'error' || data.type === 'result') got.push(data);
        if (got.length === 6) resolve();
      };
    });
    w.postMessage('just a string');
    w.postMessage({ type: 'launch_missiles' });
    w.postMessage({ type: 'query', id: 1 });
    w.postMessage({ type: 'batch', id: 2, texts: [1, 2] });
    w.postMessage({ type: 'query', id: 4, text: 'x'.repeat(1_000_001) });  // oversized
    w.postMessage({ type: 'query', id: 3, text: 'hello there, what is 2+2' });
    await done;
    w.terminate();
    return got;
  });
  const byId = Object.fromEntries(replies.map((r) => [r.id ?? r.code, r]));
  assert.equal(replies.filter((r) => r.type === 'error').length, 5);
  assert.equal(byId[4].code, 'malformed_message');
  assert.equal(byId.unknown_message.type, 'error');
  assert.equal(byId[1].code, 'malformed_message');
  assert.equal(byId[2].code, 'malformed_message');
  assert.equal(byId[3].type, 'result');
});

test('the worker routes a batch with {route: true}: compact results in order, cache: false honoured, bad flags rejected', async () => {
  const replies = await app.page.evaluate(async () => {
    const w = new Worker('src/worker.js', { type: 'module' });
    const got = {};
    const done = new Promise((resolve) => {
      w.onmessage = ({ data }) => {
        if (data.type === 'error' || data.type === 'result') got[data.id] = data;
        if (Object.keys(got).length === 6) resolve();
      };
    });
    w.postMessage({ type: 'batch', id: 1, texts: ['what is 15% of 80', 'git undo last commit', ''], route: true });
    w.postMessage({ type: 'batch', id: 2, texts: ['what is 15% of 80'] });
    w.postMessage({ type: 'batch', id: 3, texts: ['x'], route: 'yes' });
    w.postMessage({ type: 'batch', id: 4, texts: ['git undo last commit'], route: true, cache: false });
    w.postMessage({ type: 'batch', id: 5, texts: ['git undo last commit'], route: true });
    w.postMessage({ type: 'batch', id: 6, texts: ['x'], route: true, cache: 'no' });
    await done;
    w.terminate();
    return got;
  });
  const routed = replies[1].result;
  assert.equal(routed.length, 3);
  assert.equal(routed[0].domain, 'mathematics');
  assert.equal(routed[1].domain, 'tool_use');
  assert.equal(routed[2].error.code, 'empty_query');
  assert.equal(routed[0].answer, undefined);  // routing only
  assert.ok(typeof replies[1].elapsedMs === 'number' && replies[1].elapsedMs >= 0, 'a batch reply says how long the engine took');
  assert.equal(replies[2].result[0].domain, 'mathematics');
  assert.ok(replies[2].result[0].answer.includes('12'));  // the plain batch answers
  assert.equal(replies[3].code, 'malformed_message');
  // Batch 1 cached the query; batch 4 (cache: false) neither reads the cache nor disturbs it; batch 5 reads it.
  assert.equal(replies[4].result[0].cached, false);
  assert.equal(replies[4].result[0].domain, 'tool_use');
  assert.equal(replies[5].result[0].cached, true);
  assert.equal(replies[6].code, 'malformed_message');
});

test('the app makes no request to any other origin', async () => {
  assert.ok(requests.length > 0);
  const origin = new URL(site.url).origin;
  const foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, []);
});

test('a corrupt model download shows a clear error instead of a broken app', async () => {
  // A copy of the site with one flipped byte in the model, served as is: Chromium does not reliably let
  // Playwright intercept a dedicated worker's fetches, so routing the download made this test flaky.
  const dir = mkdtempSync(path.join(tmpdir(), 'kimi-corrupt-'));
  cpSync(siteDir, dir, { recursive: true, dereference: true });
  const modelPath = path.join(dir, 'models/kimi.safetensors');
  const body = readFileSync(modelPath);
  body[body.length - 100] ^= 0xff;
  writeFileSync(modelPath, body);
  const corrupt = await startSite(dir);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto(corrupt.url);
    await page.waitForSelector('#status[data-state="error"]', { timeout: 30_000 });
    assert.match(await page.locator('#status').textContent(), /model download is corrupt/);
    assert.equal(await page.isDisabled('#query-input'), true);
  } finally {
    await context.close();
    corrupt.server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('no page errors; screenshots in light, dark and phone width', async () => {
  await app.page.screenshot({ path: path.join(artifacts, 'app-light.png'), fullPage: true });
  const dark = await openApp(browser, site.url, { colorScheme: 'dark', viewport: { width: 390, height: 844 } });
  await ask(dark.page, 'How do I undo my last git commit?');
  await dark.page.screenshot({ path: path.join(artifacts, 'app-dark-phone.png'), fullPage: true });
  const overflow = await dark.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `horizontal overflow of ${overflow}px at phone width`);
  await dark.context.close();
  assert.deepEqual(app.problems, []);
  assert.deepEqual(dark.problems, []);
});
