// /dashboard: every cluster and receiver in the signed-in user's scope, live, and the audit log.
import './dashboard-strings.js';
import { api, ApiError, currentUser, redirectToLogin } from '../lib/api.js';
import { connectHub, markSigningOut } from '../lib/hub.js';
import { applyTo, currentLanguage, onLanguageChanged, setLanguage, t } from '../lib/i18n.js';
import { AuditLog } from './audit-log.js';
import { ClusterBoard } from './cluster-board.js';
import { DistrictState } from './district-state.js';
import { ReceiverAdmin } from './receiver-admin.js';

// The hub pushes receiver status every 5 s, but not whether a device's control connection closed: ask as often.
const receiverRefreshMilliseconds = 5000;
const levelRenderMilliseconds = 250;

const byId = id => document.getElementById(id);
const state = new DistrictState();
const errorBox = byId('error');
let board = new ClusterBoard(byId('clusters'), state);

function showError(message) {
  errorBox.textContent = message ?? '';
  errorBox.hidden = !message;
}

function handleFailure(error) {
  if (error instanceof ApiError && error.status === 401) {
    redirectToLogin();
    return;
  }

  showError(error instanceof ApiError ? error.userMessage : String(error?.message ?? error));
}

const audit = new AuditLog({
  form: byId('audit-filters'),
  from: byId('audit-from'),
  to: byId('audit-to'),
  action: byId('audit-action'),
  user: byId('audit-user'),
  actions: byId('audit-actions'),
  area: byId('audit-area'),
  reset: byId('audit-reset'),
  csv: byId('audit-csv'),
  list: byId('audit-list'),
  summary: byId('audit-summary'),
  previous: byId('audit-previous'),
  next: byId('audit-next'),
}, state, showError);

function render() {
  const counts = state.counts();
  byId('count-online').textContent = String(counts.online);
  byId('count-offline').textContent = String(counts.offline);
  byId('count-on-air').textContent = String(counts.onAir);
  byId('no-clusters').hidden = state.clusters.size > 0;
  board.render();
}

async function reload() {
  await state.load();
  audit.renderAreas();
  render();
}

async function refreshReceivers() {
  try {
    await state.refreshReceivers();
    render();
  } catch (error) {
    handleFailure(error);
  }
}

async function connect() {
  const banner = byId('connection');
  const connection = await connectHub('/hubs/broadcast', {
    onReconnecting: () => { banner.hidden = false; },
    onReconnected: () => { banner.hidden = true; reload().catch(handleFailure); },
    onClosed: () => { banner.hidden = false; },
    requireSignIn: true,
  });
  connection.on('BroadcastChanged', message => { state.applyBroadcastChange(message); render(); });
  connection.on('ReceiverStatus', message => {
    if (state.applyReceiverStatus(message)) render(); else refreshReceivers();
  });
  connection.on('ClusterLevels', message => state.applyLevels(message));
  return connection;
}

async function main() {
  applyTo(document);
  byId('language').addEventListener('click', () => setLanguage(currentLanguage() === 'vi' ? 'en' : 'vi'));
  onLanguageChanged(() => { render(); board.rebuild(); audit.renderAreas(); audit.load(audit.page); });
  byId('logout').addEventListener('click', async () => {
    markSigningOut();
    try { await api.post('/api/auth/logout'); } finally { redirectToLogin(); }
  });

  let user;
  try {
    user = await currentUser();
  } catch (error) {
    handleFailure(error);
    return;
  }

  if (!user) {
    redirectToLogin();
    return;
  }

  byId('user-name').textContent = t('dashboard.signedInAs', { name: user.displayName });
  if (user.role === 'admin') {
    const admin = new ReceiverAdmin({
      confirmDialog: byId('confirm-dialog'),
      confirmMessage: byId('confirm-message'),
      secretDialog: byId('secret-dialog'),
      secretTitle: byId('secret-title'),
      secretId: byId('secret-id'),
      secretCode: byId('secret-code'),
      secretLinks: byId('secret-links'),
      copy: byId('secret-copy'),
    }, refreshReceivers, showError);
    board = new ClusterBoard(byId('clusters'), state, admin);
  }

  try {
    await reload();
  } catch (error) {
    handleFailure(error);
  }

  audit.apply();
  setInterval(refreshReceivers, receiverRefreshMilliseconds);
  setInterval(() => board.renderLevels(), levelRenderMilliseconds);
  try {
    window.vanyenDashboard.connection = await connect();
  } catch {
    byId('connection').hidden = false;
  }
}

window.vanyenDashboard = { state, connection: null };
main();
