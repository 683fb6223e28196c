// EngineClient against failing workers: a crash or a hang fails the requests in flight (no hang) and the
// next request starts a fresh worker.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startSite } from './browser.mjs';

let browser;
let site;

before(async () => {
  site = await startSite();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  site?.server.close();
});

// A page of the site where /src/flaky-worker.js crashes (or hangs) the first `failures` times it is loaded,
// then is the real worker.
async function pageWithFlakyWorker(mode, failures = 1) {
  // No service worker here: its fetches would bypass the route below.
  const page = await browser.newPage({ serviceWorkers: 'block' });
  let loads = 0;
  await page.route('**/src/flaky-worker.js', async (route) => {
    loads += 1;
    const body = loads <= failures
      ? (mode === 'crash' ? "self.onmessage = () => { throw new Error('boom'); };" : 'self.onmessage = () => { for (;;) {} };')
      : "import './worker.js';";
    await route.fulfill({ contentType: 'text/javascript', headers: { 'cache-control': 'no-store', 'cross-origin-embedder-policy': 'require-corp', 'cross-origin-resource-policy': 'same-origin' }, body });
  });
  await page.goto(`${site.url}index.html`);
  return page;
}

for (const mode of ['crash', 'hang']) {
  test(`a worker ${mode} fails the request cleanly and the client recovers`, async () => {
    const page = await pageWithFlakyWorker(mode);
    const outcome = await page.evaluate(async () => {
      const { EngineClient } = await import('./src/client.js');
      const client = new EngineClient({ workerUrl: new URL('./src/flaky-worker.js', location.href), timeouts: { init: 3000 } });
      const crashes = [];
      client.addEventListener('crash', (e) => crashes.push(e.detail.message));
      const t0 = performance.now();
      let first;
      try {
        await client.query('how do i list files');
        first = 'answered';
      } catch (err) {
        first = `${err.code}: ${err.message}`;
      }
      const failedAfterMs = performance.now() - t0;
      const second = await client.query('how do i list files');
      return { first, failedAfterMs, second: second.domain, crashes };
    });
    assert.match(outcome.first, /^worker_failed: /);
    assert.ok(outcome.failedAfterMs < 10_000, `failed after ${outcome.failedAfterMs} ms`);
    assert.equal(outcome.second, 'tool_use');
    assert.equal(outcome.crashes.length, 1);
    await page.close();
  });
}
