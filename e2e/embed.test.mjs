// The embeddable widget from other origins: a parent page on another port queries it by postMessage and
// gets the result; a parent on a disallowed origin gets nothing; malformed messages are ignored with a
// warning; the widget fits 360x480 and reports its height.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, startSite } from './browser.mjs';

let browser;
let widget;   // the kimi site
let parents;  // other origins (other ports)
let tmp;

// A parent page that embeds the widget and records every message it receives from it.
function parentHtml(src) {
  return `<!doctype html><meta charset="utf-8"><title>parent</title>
<iframe id="w" src="${src}" width="360" height="480"></iframe>
<script>
  window.received = [];
  window.addEventListener('message', (e) => { if (e.source === document.getElementById('w').contentWindow) window.received.push({ origin: e.origin, data: e.data }); });
  window.ask = (msg) => document.getElementById('w').contentWindow.postMessage(msg, '*');
</script>`;
}

before(async () => {
  browser = await launch();
  widget = await startSite();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'kimi-embed-'));
  writeFileSync(path.join(tmp, 'open.html'), parentHtml(`${widget.url}embed.html?theme=dark`));
  parents = [await startSite(tmp), await startSite(tmp)];
  const allowedOrigin = new URL(parents[0].url).origin;
  writeFileSync(path.join(tmp, 'restricted.html'), parentHtml(`${widget.url}embed.html?origins=${encodeURIComponent(allowedOrigin)}`));
});

after(async () => {
  await browser?.close();
  widget?.server.close();
  for (const p of parents ?? []) p.server.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function openParent(server, file) {
  const page = await browser.newPage();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(`${server.url}${file}`);
  return { page, warnings };
}

const waitFor = (page, kind, id) => page.waitForFunction(([k, i]) => window.received.some((m) => m.data?.kimi === k && (i === undefined || m.data.id === i)), [kind, id], { timeout: 30_000 });

test('a parent on another origin queries the widget and gets the result', async () => {
  const { page } = await openParent(parents[0], 'open.html');
  await waitFor(page, 'ready');
  await page.evaluate(() => window.ask({ kimi: 'query', id: 7, text: 'How do I undo my last git commit?' }));
  await waitFor(page, 'result', 7);
  const reply = await page.evaluate(() => window.received.find((m) => m.data.kimi === 'result'));
  assert.equal(reply.origin, new URL(widget.url).origin);
  assert.equal(reply.data.result.domain, 'tool_use');
  assert.match(reply.data.result.answer, /git reset/);
  await waitFor(page, 'height');
  const heights = await page.evaluate(() => window.received.filter((m) => m.data.kimi === 'height').map((m) => m.data.height));
  assert.ok(heights.every((h) => Number.isInteger(h) && h > 0));
  await page.close();
});

test('the ?origins= allowlist: the listed origin is answered, another origin gets nothing', async () => {
  const allowed = await openParent(parents[0], 'restricted.html');
  await waitFor(allowed.page, 'ready');
  await allowed.page.evaluate(() => window.ask({ kimi: 'query', id: 'a', text: 'what is 15% of 80' }));
  await waitFor(allowed.page, 'result', 'a');
  await allowed.page.close();

  const denied = await openParent(parents[1], 'restricted.html');
  const frame = denied.page.frameLocator('#w');
  await frame.locator('#embed-input:not([disabled])').waitFor({ timeout: 30_000 });  // widget is running
  await denied.page.evaluate(() => window.ask({ kimi: 'query', id: 'b', text: 'what is 15% of 80' }));
  await denied.page.waitForTimeout(1500);
  const got = await denied.page.evaluate(() => window.received.map((m) => m.data.kimi));
  assert.deepEqual(got, []);  // not even "ready" or "height": they only go to allowed origins
  await denied.page.close();
});

test('malformed messages are ignored with a console warning', async () => {
  const { page } = await openParent(parents[0], 'open.html');
  const frameWarnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') frameWarnings.push(m.text()); });
  await waitFor(page, 'ready');
  await page.evaluate(() => {
    window.ask('a string');
    window.ask({ kimi: 'query', text: 'no id' });
    window.ask({ kimi: 'query', id: 1, text: 42 });
    window.ask({ kimi: 'explode', id: 2 });
    window.ask({ kimi: 'query', id: 9, text: 'x'.repeat(1_000_001) });  // oversized
  });
  await page.evaluate(() => window.ask({ kimi: 'query', id: 3, text: 'what does ephemeral mean' }));
  await waitFor(page, 'result', 3);
  const results = await page.evaluate(() => window.received.filter((m) => m.data.kimi === 'result').map((m) => m.data.id));
  assert.deepEqual(results, [3]);
  assert.ok(frameWarnings.filter((w) => w.includes('malformed')).length >= 5, frameWarnings.join('\n'));
  await page.close();
});

test('the widget fits 360x480 and can be used directly', async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 480 } });
  await page.goto(`${widget.url}embed.html`);
  await page.locator('#embed-input:not([disabled])').waitFor({ timeout: 30_000 });
  await page.fill('#embed-input', 'translate good morning to french');
  await page.press('#embed-input', 'Enter');
  await page.waitForSelector('[data-testid="expert-badge"]');
  assert.equal(await page.locator('[data-testid="expert-badge"]').textContent(), 'language');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `horizontal overflow ${overflow}px`);
  await page.screenshot({ path: path.resolve('build/e2e/embed.png') });
  await page.close();
});
