// Parent side of the embed protocol: wait for {kimi:"ready"}, send {kimi:"query", id, text}, read
// {kimi:"result", id, result}, and size the frame from {kimi:"height"}. Set WIDGET_ORIGIN to the widget's
// origin when it is served from another site.
const frame = document.getElementById('kimi');
const log = document.getElementById('log');
const WIDGET_ORIGIN = new URL(frame.src, location.href).origin;
let nextId = 1;

window.addEventListener('message', (event) => {
  if (event.origin !== WIDGET_ORIGIN || event.source !== frame.contentWindow) return;
  const msg = event.data;
  if (msg?.kimi === 'ready') document.getElementById('ask').disabled = false;
  if (msg?.kimi === 'height') frame.height = String(Math.min(800, Math.max(200, msg.height)));
  if (msg?.kimi === 'result') log.textContent = `${msg.result.domain}: ${msg.result.answer ?? msg.result.error?.message}`;
});

document.getElementById('ask').addEventListener('click', () => {
  frame.contentWindow.postMessage({ kimi: 'query', id: nextId++, text: 'how do I list hidden files?' }, WIDGET_ORIGIN);
});
