// The installable, offline app: manifest and icons, offline after the first visit (network off AND server
// stopped, then a full reload), a negative control, the update flow, and persistence across reloads.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ask, launch, openApp, site, startSite } from './browser.mjs';

let browser;
let tmp;

before(async () => {
  browser = await launch();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'kimi-pwa-'));
});

after(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

// A private copy of the site (the update test rewrites its sw.js) served on its own port.
async function privateSite(name) {
  const dir = path.join(tmp, name);
  cpSync(site, dir, { recursive: true });
  return { dir, ...(await startSite(dir)) };
}

async function stop(server) {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

async function waitForController(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
}

function pngSize(bytes) {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('manifest fields and icons', async () => {
  const manifest = JSON.parse(readFileSync(path.join(site, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.name && manifest.short_name && manifest.theme_color && manifest.start_url && manifest.scope);
  const sizes = new Set();
  for (const icon of manifest.icons.filter((i) => i.type === 'image/png')) {
    const bytes = readFileSync(path.join(site, icon.src));
    const { width, height } = pngSize(bytes);
    assert.equal(`${width}x${height}`, icon.sizes, icon.src);
    sizes.add(icon.sizes);
  }
  assert.ok(sizes.has('192x192') && sizes.has('512x512'));
  assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'));
  const s = await startSite();
  const page = await browser.newPage();
  await page.goto(s.url);
  const href = await page.getAttribute('link[rel="manifest"]', 'href');
  const res = await page.request.get(new URL(href, s.url).href);
  assert.equal(res.headers()['content-type'], 'application/manifest+json');
  await page.close();
  await stop(s.server);
});

test('works offline after the first visit: network off and server stopped, full reload', async () => {
  const s = await privateSite('offline');
  const { context, page } = await openApp(browser, s.url);
  await waitForController(page);
  await ask(page, 'how do I list hidden files');
  await context.setOffline(true);
  await stop(s.server);
  await page.reload();
  await page.waitForSelector('#status[data-state="ready"]', { timeout: 30_000 });
  await ask(page, 'How do I undo my last git commit?');
  assert.equal(await page.locator('[data-testid="expert-badge"]').first().textContent(), 'tool_use');
  await context.close();
});

test('negative control: a fresh profile offline cannot load the app', async () => {
  const s = await privateSite('control');
  const context = await browser.newContext();
  await context.setOffline(true);
  const page = await context.newPage();
  await assert.rejects(page.goto(s.url), /ERR_INTERNET_DISCONNECTED|net::/);
  await context.close();
  await stop(s.server);
});

test('update flow: a new version waits, the page offers a reload, the old cache is deleted', async () => {
  const s = await privateSite('update');
  const { context, page } = await openApp(browser, s.url);
  await waitForController(page);
  const oldCaches = await page.evaluate(() => caches.keys());
  assert.equal(oldCaches.filter((k) => k.startsWith('kimi-')).length, 1);
  // Publish a new version: same files, different cache version.
  const swFile = path.join(s.dir, 'sw.js');
  writeFileSync(swFile, readFileSync(swFile, 'utf8').replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "$1next"'));
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  await page.waitForSelector('#update-banner:not([hidden])', { timeout: 30_000 });
  await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), page.click('#update-reload')]);
  await page.waitForSelector('#status[data-state="ready"]', { timeout: 30_000 });
  await page.waitForFunction(async () => (await caches.keys()).filter((k) => k.startsWith('kimi-')).length === 1, null, { timeout: 10_000 });
  const newCaches = (await page.evaluate(() => caches.keys())).filter((k) => k.startsWith('kimi-'));
  assert.equal(newCaches.length, 1);
  assert.ok(newCaches[0].endsWith('next'), newCaches[0]);
  assert.notEqual(newCaches[0], oldCaches[0]);
  await context.close();
  await stop(s.server);
});

test('history, settings and the metrics timeline persist across a reload; clear data empties them', async () => {
  const s = await startSite();
  const { context, page } = await openApp(browser, s.url);
  await ask(page, 'my name is Ada');
  await ask(page, 'what is 15% of 80');
  await page.check('#consensus-toggle');
  await page.reload();
  await page.waitForSelector('#status[data-state="ready"]');
  assert.equal(await page.locator('[data-testid="history-item"]').count(), 2);
  assert.equal(await page.isChecked('#consensus-toggle'), true);
  await page.uncheck('#consensus-toggle');
  const points = await page.evaluate(() => JSON.parse(localStorage.getItem('kimi.session.v1')).timeline.t.length);
  assert.equal(points, 2);
  await ask(page, "what's my name?");  // the engine's memory was restored by replaying the history
  assert.match(await page.locator('[data-testid="answer-text"]').first().textContent(), /Ada/);
  await page.click('#clear-data');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="history-item"]').length === 0);
  assert.equal(await page.evaluate(() => localStorage.getItem('kimi.session.v1')), null);
  await context.close();
  await stop(s.server);
});
