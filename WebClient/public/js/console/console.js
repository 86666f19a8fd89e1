// The announcer's console shell: who is signed in, the targets tree, the broadcast hub, and the panels as tabs.
//
// Every panel module (js/console/panels/<name>.js, listed in panels.js) exports default
// { id, titleKey, mount(element, context) }. The context it gets:
//   api, t, register                 from js/lib (api.js, i18n.js)
//   user                             the GET /api/auth/me body ({ id, username, displayName, role, scopeAreaId, createdAt })
//   areas                            GET /api/areas: the caller's scope area with its children (AreaNode tree)
//   clusters                         GET /api/clusters: every cluster in scope
//   targets                          { get() -> { clusterIds, areaIds }, describe() -> string, onChange(fn) -> unsubscribe }
//   hub                              the connected /hubs/broadcast HubConnection (signalR)
//   onBroadcastChanged(fn)           fn(payload) for every BroadcastChanged push; returns unsubscribe
//   notify(message, kind)            kind 'info' | 'success' | 'error': a visible, aria-live message
//   confirm(message) -> Promise<boolean>   an accessible in-page dialog
// Added members:
//   onReceiverStatus(fn)             fn(payload) for every ReceiverStatus push ({ at, receivers: [...] }); returns unsubscribe
//   broadcasts                       { all() -> normalized broadcasts (state/priority/sourceKind camelCase), onChange(fn) -> unsubscribe }
//   canBroadcast                     the user's role may broadcast and cancel in scope (announcer, admin)
//   canCancel(broadcast)             canBroadcast, and the broadcast was started within the user's scope
//   onLanguageChanged(fn)            re-render dynamic text after the language switch; returns unsubscribe
import { api, ApiError, currentUser, redirectToLogin } from '../lib/api.js';
import { register, t, setLanguage, currentLanguage, applyTo, onLanguageChanged } from '../lib/i18n.js';
import { connectHub, markSigningOut } from '../lib/hub.js';
import { panelNames } from './panels.js';
import { createTargetTree } from './target-tree.js';
import { startEmergencyBanner } from '../lib/emergency-banner.js';

register({
  vi: {
    'console.heading': 'Bàn phát thanh',
    'console.skip': 'Tới bảng điều khiển',
    'console.loading': 'Đang tải…',
    'console.signOut': 'Đăng xuất',
    'console.panels': 'Chức năng',
    'console.loadFailed': 'Không tải được bàn phát thanh: {message}',
    'console.hubFailed': 'Không nối được kênh trực tiếp của máy chủ: trạng thái sẽ không tự cập nhật.',
    'console.reconnecting': 'Mất kết nối, đang nối lại…',
    'console.reconnected': 'Đã kết nối lại.',
    'console.disconnected': 'Mất kết nối tới máy chủ. Tải lại trang để thử lại.',
    'console.noPanels': 'Chưa có chức năng nào.',
    'console.role.viewer': 'người xem',
    'console.role.announcer': 'phát thanh viên',
    'console.role.approver': 'người duyệt',
    'console.role.admin': 'quản trị',
    'console.userLine': '{name} ({role})',
    'confirm.title': 'Xác nhận',
    'confirm.yes': 'Đồng ý',
    'confirm.no': 'Không',
    'notify.close': 'Đóng thông báo',
  },
  en: {
    'console.heading': 'Announcer console',
    'console.skip': 'Skip to the controls',
    'console.loading': 'Loading…',
    'console.signOut': 'Sign out',
    'console.panels': 'Controls',
    'console.loadFailed': 'The console could not load: {message}',
    'console.hubFailed': 'The live channel to the server is down: states will not update by themselves.',
    'console.reconnecting': 'Connection lost, reconnecting…',
    'console.reconnected': 'Reconnected.',
    'console.disconnected': 'Disconnected from the server. Reload the page to try again.',
    'console.noPanels': 'No controls yet.',
    'console.role.viewer': 'viewer',
    'console.role.announcer': 'announcer',
    'console.role.approver': 'approver',
    'console.role.admin': 'administrator',
    'console.userLine': '{name} ({role})',
    'confirm.title': 'Please confirm',
    'confirm.yes': 'Yes',
    'confirm.no': 'No',
    'notify.close': 'Close the message',
  },
});

/** state/priority/sourceKind in camelCase whether from REST ("onAir") or a hub push ("OnAir"). */
export function normalizeBroadcast(broadcast) {
  const camel = value => (typeof value === 'string' && value.length > 0 ? value[0].toLowerCase() + value.slice(1) : value);
  return {
    ...broadcast,
    state: camel(broadcast.state),
    priority: camel(broadcast.priority),
    sourceKind: camel(broadcast.sourceKind),
    clusterIds: broadcast.clusterIds ?? [],
    clustersOnAir: broadcast.clustersOnAir ?? [],
  };
}

function listeners() {
  const set = new Set();
  return {
    add(fn) { set.add(fn); return () => set.delete(fn); },
    emit(value) {
      for (const fn of [...set]) {
        try { fn(value); } catch (error) { console.error(error); }
      }
    },
  };
}

const notifications = document.getElementById('notifications');

/** Shows a message for a while; errors stay until closed and are announced assertively. */
function notify(message, kind = 'info') {
  const item = document.createElement('div');
  item.className = `notice notice-${kind}`;
  item.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  const text = document.createElement('span');
  text.textContent = message;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'notice-close';
  close.textContent = '×';
  close.setAttribute('aria-label', t('notify.close'));
  close.addEventListener('click', () => item.remove());
  item.append(text, close);
  notifications.append(item);
  if (kind !== 'error') setTimeout(() => item.remove(), 8000);
  while (notifications.children.length > 4) notifications.firstElementChild.remove();
}

const dialog = document.getElementById('confirm-dialog');
let pendingConfirm = null;

/** An in-page modal dialog (focus moves into it, Escape answers no); resolves true only for "yes". */
function confirmDialog(message) {
  if (pendingConfirm) pendingConfirm(false);
  document.getElementById('confirm-message').textContent = message;
  dialog.returnValue = '';
  const opener = document.activeElement;
  return new Promise(resolve => {
    pendingConfirm = answer => {
      pendingConfirm = null;
      if (dialog.open) dialog.close();
      opener?.focus?.();
      resolve(answer);
    };
    dialog.showModal();
    document.getElementById('confirm-no').focus();
  });
}
dialog.addEventListener('close', () => pendingConfirm?.(dialog.returnValue === 'yes'));

function showHubState(key) {
  document.getElementById('hub-state').textContent = key ? t(key) : '';
}

async function loadPanels(context) {
  const loaded = await Promise.all(panelNames.map(async name => {
    try {
      const module = await import('./panels/' + name + '.js');
      const panel = module.default;
      if (!panel?.id || !panel.titleKey || typeof panel.mount !== 'function') throw new Error('not a panel module');
      return panel;
    } catch (error) {
      console.warn(`console: panel '${name}' skipped:`, error);
      return null;
    }
  }));
  return loaded.filter(panel => panel !== null);
}

function buildTabs(panels, context) {
  const tabs = document.getElementById('tabs');
  const area = document.getElementById('panel-area');
  const buttons = [];
  const select = (index, focus) => {
    buttons.forEach((button, i) => {
      const selected = i === index;
      button.setAttribute('aria-selected', String(selected));
      button.tabIndex = selected ? 0 : -1;
      document.getElementById(button.getAttribute('aria-controls')).hidden = !selected;
    });
    if (focus) buttons[index].focus();
    try { sessionStorage.setItem('vanyen.console.tab', panels[index].id); } catch { /* not remembered */ }
  };
  panels.forEach((panel, index) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.id = `tab-${panel.id}`;
    button.className = `tab tab-${panel.id}`;
    button.setAttribute('role', 'tab');
    button.setAttribute('aria-controls', `panel-${panel.id}`);
    button.dataset.i18n = panel.titleKey;
    button.textContent = t(panel.titleKey);
    button.addEventListener('click', () => select(index, false));
    button.addEventListener('keydown', event => {
      const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
      if (step) { event.preventDefault(); select((index + step + panels.length) % panels.length, true); }
      if (event.key === 'Home') { event.preventDefault(); select(0, true); }
      if (event.key === 'End') { event.preventDefault(); select(panels.length - 1, true); }
    });
    tabs.append(button);
    buttons.push(button);

    const element = document.createElement('section');
    element.id = `panel-${panel.id}`;
    element.className = `panel panel-${panel.id}`;
    element.setAttribute('role', 'tabpanel');
    element.setAttribute('aria-labelledby', button.id);
    element.tabIndex = 0;
    element.hidden = true;
    area.append(element);
    try {
      panel.mount(element, context);
      // Panels register their strings when mounted: the tab's title can be looked up now.
      button.textContent = t(panel.titleKey);
      applyTo(element);
    } catch (error) {
      console.warn(`console: panel '${panel.id}' failed to mount:`, error);
      element.textContent = String(error?.message ?? error);
    }
  });
  if (panels.length === 0) {
    area.textContent = t('console.noPanels');
    return;
  }
  let remembered = null;
  try { remembered = sessionStorage.getItem('vanyen.console.tab'); } catch { remembered = null; }
  const first = Math.max(0, panels.findIndex(panel => panel.id === remembered));
  select(first, false);
}

async function start() {
  document.getElementById('language').addEventListener('click', () => setLanguage(currentLanguage() === 'vi' ? 'en' : 'vi'));
  applyTo(document);
  const user = await currentUser();
  if (!user) {
    redirectToLogin();
    return;
  }
  const [areas, clusters, initialBroadcasts] = await Promise.all([
    api.get('/api/areas'),
    api.get('/api/clusters'),
    api.get('/api/broadcasts').catch(() => []),
  ]);

  const broadcastChanged = listeners();
  const receiverStatus = listeners();
  const broadcastsChanged = listeners();
  const broadcasts = new Map();
  const absorb = list => {
    for (const item of list ?? []) {
      const broadcast = normalizeBroadcast(item);
      broadcasts.set(broadcast.id, broadcast);
    }
  };
  absorb(initialBroadcasts);

  let hub = null;
  try {
    hub = await connectHub('/hubs/broadcast', {
      onReconnecting: () => showHubState('console.reconnecting'),
      onReconnected: async () => {
        showHubState(null);
        notify(t('console.reconnected'), 'success');
        // Pushes were missed while away: take the server's list again.
        try { broadcasts.clear(); absorb(await api.get('/api/broadcasts')); broadcastsChanged.emit(null); } catch { /* next push updates */ }
      },
      onClosed: error => { if (error) showHubState('console.disconnected'); },
      requireSignIn: true,
    });
    hub.on('BroadcastChanged', payload => {
      const broadcast = normalizeBroadcast(payload);
      broadcasts.set(broadcast.id, broadcast);
      broadcastChanged.emit(payload);
      broadcastsChanged.emit(broadcast);
    });
    hub.on('ReceiverStatus', payload => receiverStatus.emit(payload));
  } catch (error) {
    console.warn('console: hub', error);
    notify(t('console.hubFailed'), 'error');
  }

  const role = String(user.role ?? '').toLowerCase();
  const scopeAreaIds = new Set();
  (function collect(area) { scopeAreaIds.add(area.id); for (const child of area.children ?? []) collect(child); })(areas);
  const context = {
    api, t, register, user, areas, clusters, hub,
    targets: null,
    onBroadcastChanged: fn => broadcastChanged.add(fn),
    onReceiverStatus: fn => receiverStatus.add(fn),
    broadcasts: { all: () => [...broadcasts.values()], onChange: fn => broadcastsChanged.add(fn) },
    canBroadcast: role === 'announcer' || role === 'admin',
    // The server refuses to cancel a program started from a higher scope (a district emergency in a village).
    canCancel: broadcast => (role === 'announcer' || role === 'admin') && scopeAreaIds.has(broadcast.scopeAreaId),
    notify,
    confirm: confirmDialog,
    onLanguageChanged,
  };

  const showUser = () => {
    document.getElementById('user-name').textContent = t('console.userLine', { name: user.displayName || user.username, role: t('console.role.' + role) });
  };
  showUser();
  onLanguageChanged(showUser);
  document.getElementById('sign-out').addEventListener('click', async () => {
    markSigningOut();
    try { await api.post('/api/auth/logout'); } catch { /* the cookie is dropped below anyway */ }
    await hub?.stop();
    location.href = '/login';
  });

  const tree = createTargetTree(document.getElementById('target-tree'), context);
  context.targets = tree.targets;
  startEmergencyBanner(context, document.getElementById('emergency-banner-slot'));

  document.getElementById('console-loading').hidden = true;
  document.getElementById('console-layout').hidden = false;
  const panels = await loadPanels(context);
  buildTabs(panels, context);
  applyTo(document);
  window.vanyenConsole = { ready: true, context, panels: panels.map(panel => panel.id) };
}

start().catch(error => {
  document.getElementById('console-loading').hidden = true;
  const box = document.getElementById('console-error');
  if (error instanceof ApiError && error.status === 401) { redirectToLogin(); return; }
  box.textContent = t('console.loadFailed', { message: error instanceof ApiError ? error.userMessage : String(error?.message ?? error) });
  box.hidden = false;
  window.vanyenConsole = { ready: false, error: String(error?.message ?? error) };
});
