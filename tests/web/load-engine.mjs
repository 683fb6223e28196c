// Loads the built WebAssembly engine (build/web) in Node for the tests and benchmarks.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const site = path.join(root, 'build/web');

const { loadEngine, DOMAINS, KNOWLEDGE_FILES } = await import(path.join(site, 'src/engine.js'));
export { DOMAINS };

export function knowledge() {
  return Object.fromEntries(KNOWLEDGE_FILES.map((d) => [d, JSON.parse(readFileSync(path.join(site, `models/knowledge/${d}.json`), 'utf8'))]));
}

// The files' UTF-8 bytes, as the browser worker passes them.
export function knowledgeBytes() {
  return Object.fromEntries(KNOWLEDGE_FILES.map((d) => [d, new Uint8Array(readFileSync(path.join(site, `models/knowledge/${d}.json`)))]));
}

export async function load({ variant = 'simd', modelBytes, knowledge: k } = {}) {
  const name = variant === 'simd' ? 'engine' : 'engine-scalar';
  return loadEngine({
    variant,
    wasmBinary: readFileSync(path.join(site, `engine/${name}.wasm`)),
    modelBytes: modelBytes ?? readFileSync(path.join(site, 'models/kimi.safetensors')),
    knowledge: k ?? knowledge(),
  });
}

export function devQueries() {
  return readFileSync(path.join(root, 'models/data/dev.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
}
