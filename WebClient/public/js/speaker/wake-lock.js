// Keeps the screen on while the page is visible (Screen Wake Lock API): the browser drops the lock whenever the
// page is hidden, so it is asked for again on every return. Browsers without the API (or refusing it) are ignored.

/** Starts holding the screen awake; returns { active() } for the page to show. */
export function keepScreenAwake() {
  let lock = null;

  async function acquire() {
    if (!('wakeLock' in navigator) || document.visibilityState !== 'visible' || (lock && !lock.released)) {
      return;
    }

    try {
      lock = await navigator.wakeLock.request('screen');
    } catch {
      // Battery saver, an insecure page or a refusal: the speaker still plays, the screen may sleep.
      lock = null;
    }
  }

  document.addEventListener('visibilitychange', () => { acquire(); });
  acquire();
  return { active: () => Boolean(lock && !lock.released) };
}
