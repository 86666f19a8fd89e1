// A SignalR hub connection (the client from npm, served as /lib/signalr.min.js, global signalR) that reconnects
// by itself and reports its state, so pages survive a 4G drop.

import { currentUser, redirectToLogin } from './api.js';

// Set by the page's own sign-out: the server then closes the page's connections, and the page goes to the login
// by itself; a second navigation from here would cancel the first.
let signingOut = false;

/** Call before POST /api/auth/logout: lost connections no longer send the page to the login. */
export function markSigningOut() {
  signingOut = true;
}

/**
 * Starts a connection to path ('/hubs/broadcast', ...). handlers: { onReconnecting(), onReconnected(), onClosed(error),
 * requireSignIn }. Keeps retrying the first start too (server restarting). Resolves once connected.
 * With requireSignIn (the console, the dashboard), a lost connection asks whether the sign-in still holds: the server
 * closes the connections of a sign-in that ended (logout elsewhere, new password, new role, removed user), and the
 * page then goes to the login instead of reconnecting with rights it no longer has.
 */
export async function connectHub(path, handlers = {}) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(path)
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: context => Math.min(1000 * (context.previousRetryCount + 1), 10000) })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  const checkSignIn = async () => {
    if (!handlers.requireSignIn || signingOut) return;
    try {
      if (await currentUser() === null) redirectToLogin();
    } catch {
      // The server is unreachable: the reconnect goes on and this is asked again at the next loss.
    }
  };
  connection.onreconnecting(() => { handlers.onReconnecting?.(); checkSignIn(); });
  connection.onreconnected(() => handlers.onReconnected?.());
  connection.onclose(error => { handlers.onClosed?.(error); checkSignIn(); });
  for (let attempt = 0; ; attempt++) {
    try {
      await connection.start();
      return connection;
    } catch (error) {
      if (attempt >= 4) throw error;
      await new Promise(resolve => setTimeout(resolve, 1000 * (attempt + 1)));
    }
  }
}

/** The message of a hub error without SignalR's "An unexpected error occurred invoking 'X' on the server. HubException: " prefix. */
export function hubErrorMessage(error) {
  const text = String(error?.message ?? error);
  const marker = 'HubException: ';
  const index = text.indexOf(marker);
  return index >= 0 ? text.slice(index + marker.length) : text;
}
