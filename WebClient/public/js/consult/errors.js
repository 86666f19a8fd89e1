// Hub and API refusals as sentences in the page's language.
import { t } from '../lib/i18n.js';
import { ApiError } from '../lib/api.js';
import { hubErrorMessage } from '../lib/hub.js';

/** The reason code of a hub error "403 Forbidden (not-admitted): …", or null. */
export function hubReason(error) {
  const match = /^\d{3} [A-Za-z ]+\(([a-z-]+)\)/.exec(hubErrorMessage(error));
  return match ? match[1] : null;
}

/** A sentence for the user from an ApiError, a hub error or anything else. */
export function describeError(error) {
  if (error instanceof ApiError) {
    const known = error.reason && t('error.' + error.reason);
    return known && known !== 'error.' + error.reason ? known : error.userMessage;
  }
  const reason = hubReason(error);
  if (reason) {
    const known = t('error.' + reason);
    if (known !== 'error.' + reason) return known;
  }
  const text = hubErrorMessage(error);
  if (/Failed to fetch|WebSocket|Failed to complete negotiation|connection/i.test(text) && !reason) return t('error.unreachable');
  return t('error.hub', { detail: text });
}
