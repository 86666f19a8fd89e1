// The REST API from the browser: same-origin JSON with the sign-in cookie, and errors that carry the server's
// problem details (RFC 9457: status, reason code, detail) so pages can show a clear sentence.
import { t } from './i18n.js';

/** A refused or failed request: status (0 when the server is unreachable), reason code and the server's detail. */
export class ApiError extends Error {
  constructor(status, reason, detail) {
    super(detail || reason || `HTTP ${status}`);
    this.status = status;
    this.reason = reason ?? null;
    this.detail = detail ?? null;
  }

  /** The sentence to show the user, in the page's language. */
  get userMessage() {
    if (this.status === 0) return t('error.unreachable');
    if (this.status === 401) return t('error.signedOut');
    if (this.status === 403) return t('error.outOfScope') + (this.detail ? ` (${this.detail})` : '');
    return this.detail || t('error.generic', { status: this.status });
  }
}

async function errorFrom(response) {
  let reason = null;
  let detail = null;
  try {
    const body = await response.json();
    reason = body.reason ?? null;
    detail = body.detail ?? body.title ?? null;
  } catch {
    // Not JSON: the status alone explains it.
  }
  return new ApiError(response.status, reason, detail);
}

/** One request; the body is sent as JSON unless it is FormData. Returns the parsed JSON, text, a Blob or null (204). */
export async function request(method, path, body, { as } = {}) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, 'unreachable', null);
  }
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return null;
  if (as === 'blob') return response.blob();
  if (as === 'text') return response.text();
  const type = response.headers.get('Content-Type') ?? '';
  return type.includes('json') ? response.json() : response.text();
}

export const api = {
  get: (path, options) => request('GET', path, undefined, options),
  post: (path, body, options) => request('POST', path, body, options),
  put: (path, body, options) => request('PUT', path, body, options),
  patch: (path, body, options) => request('PATCH', path, body, options),
  delete: (path, options) => request('DELETE', path, undefined, options),

  /** A multipart upload with progress (fetch has none): onProgress(fraction 0..1). Resolves to the JSON answer. */
  upload(path, formData, onProgress) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', path);
      xhr.withCredentials = true;
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.upload.onprogress = event => { if (event.lengthComputable && onProgress) onProgress(event.loaded / event.total); };
      xhr.onerror = () => reject(new ApiError(0, 'unreachable', null));
      xhr.onload = () => {
        let body = null;
        try { body = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch { body = null; }
        if (xhr.status >= 200 && xhr.status < 300) resolve(body);
        else reject(new ApiError(xhr.status, body?.reason ?? null, body?.detail ?? body?.title ?? null));
      };
      xhr.send(formData);
    });
  },
};

/** Who is signed in (GET /api/auth/me), or null when nobody is; other failures throw. */
export async function currentUser() {
  try {
    return await api.get('/api/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Sends the browser to the sign-in page, coming back to this page afterwards. */
export function redirectToLogin() {
  const back = location.pathname + location.search;
  location.href = '/login?return=' + encodeURIComponent(back);
}
