// Fills the service worker's precache list and version into <site>/sw.js: every file of the site (but sw.js
// itself and the examples), and a version hashed from their contents, so any change makes a new cache.
//   node scripts/make_sw.mjs build/web
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const site = path.resolve(process.argv[2] ?? 'build/web');
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else files.push(path.relative(site, full).split(path.sep).join('/'));
  }
})(site);
const precache = files.filter((f) => f !== 'sw.js' && !f.startsWith('examples/'));
const hash = createHash('sha256');
for (const f of precache) hash.update(f).update(readFileSync(path.join(site, f)));
const version = hash.digest('hex').slice(0, 12);
const swPath = path.join(site, 'sw.js');
const sw = readFileSync(swPath, 'utf8')
  .replace("'__KIMI_VERSION__'", JSON.stringify(version))
  .replace('__KIMI_PRECACHE__', JSON.stringify(['./', ...precache], null, 2));
writeFileSync(swPath, sw);
console.log(`sw.js: version ${version}, ${precache.length} files precached`);
