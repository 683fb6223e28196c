// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core, the site served from
// build/web on a free port, and collected page errors.
import { chromium } from 'playwright-core';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../scripts/serve.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const site = path.join(root, 'build/web');
export const artifacts = path.join(root, 'build/e2e');

export const LAUNCH = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
};

export async function startSite(dir = site) {
  return serve(dir, 0);
}

export async function launch() {
  return chromium.launch(LAUNCH);
}

/** Opens the app and waits until the engine is ready. Collects console errors and page errors. */
export async function openApp(browser, url, { colorScheme = 'light', viewport, onRequest } = {}) {
  const context = await browser.newContext({ colorScheme, viewport });
  if (onRequest) context.on('request', onRequest);  // every request of the pages and their workers
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  await page.goto(url);
  await page.waitForSelector('#status[data-state="ready"]', { timeout: 30_000 });
  return { context, page, problems };
}

export async function ask(page, text) {
  const before = await page.locator('#metrics-summary').getAttribute('data-queries');
  await page.fill('#query-input', text);
  await page.press('#query-input', 'Enter');
  await page.waitForFunction((prev) => {
    const s = document.querySelector('#metrics-summary');
    return s.dataset.queries && s.dataset.queries !== prev && !document.querySelector('#answer .placeholder');
  }, before, { timeout: 10_000 });
}
