// Service worker registration and the update flow: when a new version is installed and waiting, the page
// shows "Update available — reload"; clicking asks the waiting worker to take over, then reloads.
export async function registerServiceWorker({ banner, button }) {
  if (!('serviceWorker' in navigator)) return null;
  let registration;
  try {
    registration = await navigator.serviceWorker.register('sw.js');
  } catch (err) {
    console.warn(`offline mode unavailable: ${err.message}`);
    return null;
  }
  const offer = (worker) => {
    banner.hidden = false;
    button.onclick = () => worker.postMessage({ type: 'skip-waiting' });
  };
  if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const incoming = registration.installing;
    incoming?.addEventListener('statechange', () => {
      if (incoming.state === 'installed' && navigator.serviceWorker.controller) offer(incoming);
    });
  });
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading || banner.hidden) return;  // first install: nothing to reload
    reloading = true;
    location.reload();
  });
  return registration;
}
