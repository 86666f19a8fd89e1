// The speaker's device code (receiver id + secret): from a one-tap link (?device=&token=) or the form, remembered
// in localStorage so the page plays again by itself after a power cut.
const storageKey = 'vanyen.speaker.device';

/** The remembered { deviceId, token }, or null. */
export function loadCredentials() {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey) ?? 'null');
    return saved?.token ? { deviceId: String(saved.deviceId ?? ''), token: String(saved.token) } : null;
  } catch {
    return null;
  }
}

/** Remembers the device code (private browsing may refuse: it then lasts for this visit only). */
export function saveCredentials(credentials) {
  try { localStorage.setItem(storageKey, JSON.stringify(credentials)); } catch { /* not remembered */ }
}

/** Forgets the device code. */
export function forgetCredentials() {
  try { localStorage.removeItem(storageKey); } catch { /* nothing to forget */ }
}

/**
 * A device code passed in the address (?device=&token=): remembered, then removed from the address bar so the
 * secret does not stay on screen or in the history. Returns it, or null.
 */
export function takeCredentialsFromAddress() {
  const params = new URLSearchParams(location.search);
  const token = params.get('token');
  if (!token) {
    return null;
  }

  const credentials = { deviceId: params.get('device') ?? '', token };
  saveCredentials(credentials);
  params.delete('token');
  params.delete('device');
  const rest = params.toString();
  history.replaceState(null, '', location.pathname + (rest ? '?' + rest : '') + location.hash);
  return credentials;
}
