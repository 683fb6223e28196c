// Renders web/icons/icon.svg to the PNG sizes the manifest and browsers use (Chromium via playwright-core,
// so no image tool is needed). Run after changing the SVG:  node scripts/make_icons.mjs
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launch, root } from '../e2e/browser.mjs';

const svg = readFileSync(path.join(root, 'web/icons/icon.svg'), 'utf8');
const targets = [
  { file: 'icon-192.png', size: 192, pad: 0 },
  { file: 'icon-512.png', size: 512, pad: 0 },
  { file: 'maskable-512.png', size: 512, pad: 0.1 },  // safe zone: content inside the central 80%
  { file: 'apple-touch-icon.png', size: 180, pad: 0 },
];

const browser = await launch();
try {
  const page = await browser.newPage();
  for (const { file, size, pad } of targets) {
    await page.setViewportSize({ width: size, height: size });
    const inset = Math.round(size * pad);
    await page.setContent(`<html><body style="margin:0;background:${pad ? '#2f6fdf' : 'transparent'}">
      <div style="position:absolute;inset:${inset}px">${svg.replace('<svg ', '<svg width="100%" height="100%" ')}</div></body></html>`);
    await page.screenshot({ path: path.join(root, 'web/icons', file), omitBackground: pad === 0 });
    console.log(`web/icons/${file} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
