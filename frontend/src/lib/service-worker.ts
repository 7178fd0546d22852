/**
 * Registers the service worker (the build writes it; the dev server has none, and the refusal is
 * quiet): after the page has loaded, so the first
 * visit downloads nothing more before it is shown; the worker then keeps the app shell in the
 * background.
 */
export function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // no worker (a private window, an old browser): the app works online as before
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

/** The API answers kept for offline use: deleted at logout (a phone is often shared). */
export async function forgetOfflineData() {
  if ('caches' in window) await caches.delete('kehoach-data');
}
