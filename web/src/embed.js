// The embeddable widget: a compact query box, the expert badge and the answer, plus the postMessage API:
//   parent -> widget  {kimi: "query", id, text}
//   widget -> parent  {kimi: "ready"}, {kimi: "result", id, result}, {kimi: "height", height}
// Replies go only to the asking window and origin. ?origins=https://a.example,https://b.example restricts
// who may ask (others get nothing); ?theme=light|dark picks the scheme. Malformed messages are ignored
// with a console warning.
import { EngineClient } from './client.js';
import { MAX_TEXT_LENGTH } from './protocol.js';
import { applyTheme } from './theme.js';
import { AnswerCard } from './ui/answer-card.js';

const params = new URLSearchParams(location.search);
applyTheme(params.get('theme'));
const allowed = (params.get('origins') ?? '').split(',').map((s) => s.trim()).filter(Boolean);

const input = document.getElementById('embed-input');
const button = document.getElementById('embed-send');
const status = document.getElementById('embed-status');
const card = new AnswerCard(document.getElementById('embed-answer'));
const client = new EngineClient();

// Announcements go to the allowed origins only (or anyone when no list is given: "ready" and the height
// reveal nothing).
function announce(message) {
  if (window.parent === window) return;
  for (const origin of allowed.length ? allowed : ['*']) window.parent.postMessage(message, origin);
}

async function ask(text) {
  card.pending(text);
  try {
    const result = await client.query(text);
    if (result.error) card.error(text, result.error.message);
    else card.show(text, result);
    return result;
  } catch (err) {
    card.error(text, `The engine failed: ${err.message}`);
    return { error: { code: err.code ?? 'engine_error', message: err.message } };
  }
}

function validQuery(msg) {
  return msg.kimi === 'query' && (typeof msg.id === 'string' || typeof msg.id === 'number') &&
    typeof msg.text === 'string' && msg.text.length <= MAX_TEXT_LENGTH;
}

window.addEventListener('message', async (event) => {
  const msg = event.data;
  if (event.source === window || !event.source) return;
  if (allowed.length && !allowed.includes(event.origin)) {
    console.warn(`kimi widget: ignoring a message from ${event.origin}, which is not in ?origins=`);
    return;
  }
  if (!msg || typeof msg !== 'object' || !validQuery(msg)) {
    console.warn('kimi widget: ignoring a malformed message; expected {kimi: "query", id, text}');
    return;
  }
  const result = await ask(msg.text);
  // An opaque origin ("null", e.g. a sandboxed or file: page) cannot be named as a target.
  event.source.postMessage({ kimi: 'result', id: msg.id, result }, event.origin === 'null' ? '*' : event.origin);
});

document.getElementById('embed-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = input.value;
  if (!text.trim()) return;
  input.value = '';
  ask(text);
});

new ResizeObserver(() => announce({ kimi: 'height', height: Math.ceil(document.documentElement.scrollHeight) }))
  .observe(document.body);

client.start().then(() => {
  status.textContent = '';
  input.disabled = false;
  button.disabled = false;
  announce({ kimi: 'ready' });
}, (err) => {
  status.dataset.state = 'error';
  status.textContent = `Could not start: ${err.message}`;
});
