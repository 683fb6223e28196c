// The worker protocol: one table of every message between the page and the engine worker, and the checks
// the worker applies before acting on a request. Anything not in the table is answered with an `error`.
//
// page -> worker                                   worker -> page
//   init    {modelUrl?}                              progress {stage, loaded, total}   (while loading)
//   query   {id, text, expert?, consensus?}          ready    {info}                   (after init)
//   batch   {id, texts, route?, cache?}              result   {id, result, elapsedMs?} (query: an object,
//   metrics {id?}                                                                       batch: an array;
//                                                                                       route: true gives
//                                                                                       routing results only;
//                                                                                       elapsedMs: batch time
//                                                                                       in the worker;
//                                                                                       cache: false skips
//                                                                                       the result cache)
//   reset   {id?, metrics?, conversation?, cache?}   metrics  {id?, metrics}           (metrics and reset)
//                                                    error    {id?, code, message}

export const MAX_TEXT_LENGTH = 1_000_000;  // characters; the engine reads 4096 bytes after normalizing
export const MAX_BATCH = 10_000;

const id = (v) => (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length <= 100);
const text = (v) => typeof v === 'string' && v.length <= MAX_TEXT_LENGTH;
const optional = (check) => (v) => v === undefined || check(v);
const bool = (v) => typeof v === 'boolean';
const expertName = (v) => typeof v === 'string' && v.length <= 32;

export const REQUESTS = {
  init: { modelUrl: optional((v) => typeof v === 'string' && v.length <= 2048) },
  query: { id, text, expert: optional((v) => v === null || expertName(v)), consensus: optional(bool) },
  batch: { id, texts: (v) => Array.isArray(v) && v.length <= MAX_BATCH && v.every(text), route: optional(bool),
    cache: optional(bool) },
  metrics: { id: optional(id) },
  reset: { id: optional(id), metrics: optional(bool), conversation: optional(bool), cache: optional(bool) },
};

export const REPLIES = ['progress', 'ready', 'result', 'metrics', 'error'];

/** Returns null for a valid request, or {code, message} saying what is wrong with it. */
export function checkRequest(msg) {
  if (msg === null || typeof msg !== 'object' || Array.isArray(msg)) {
    return { code: 'malformed_message', message: 'a message must be an object with a "type"' };
  }
  const spec = REQUESTS[msg.type];
  if (!spec) return { code: 'unknown_message', message: `unknown message type ${JSON.stringify(String(msg.type)).slice(0, 60)}` };
  for (const [field, valid] of Object.entries(spec)) {
    if (!valid(msg[field])) {
      return { code: 'malformed_message', message: `"${msg.type}" has a missing or invalid "${field}"` };
    }
  }
  return null;
}
