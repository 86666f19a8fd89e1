// TEST PAGE ONLY (panel-harness.html): mounts one console panel (?panel=name) with a minimal context — the
// sign-in cookie, targets from a plain cluster checkbox list, the broadcast hub — so the panels can be tested
// before and apart from the console shell. window.vanyenHarness exposes what tests read.
import { api, currentUser, redirectToLogin } from '../lib/api.js';
import { t, register } from '../lib/i18n.js';
import { connectHub } from '../lib/hub.js';

const harness = { ready: false, notices: [], changes: [], error: null };
window.vanyenHarness = harness;

function confirmDialog(message) {
  const dialog = document.getElementById('harness-dialog');
  document.getElementById('harness-dialog-message').textContent = message;
  return new Promise(resolve => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'yes'), { once: true });
    dialog.showModal();
  });
}

async function main() {
  const name = new URLSearchParams(location.search).get('panel') ?? 'tts';
  if (!/^[a-z]+$/.test(name)) throw new Error(`bad panel name ${name}`);
  const user = await currentUser();
  if (!user) { redirectToLogin(); return; }
  const [areas, clusters] = await Promise.all([api.get('/api/areas'), api.get('/api/clusters')]);

  const box = document.getElementById('harness-targets');
  for (const cluster of clusters) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.value = String(cluster.id);
    input.dataset.clusterId = String(cluster.id);
    label.append(input, cluster.name);
    box.append(label);
  }
  const targetListeners = new Set();
  box.addEventListener('change', () => { for (const listener of targetListeners) listener(); });
  const targets = {
    get: () => ({ clusterIds: [...box.querySelectorAll('input:checked')].map(input => Number(input.value)), areaIds: [] }),
    describe: () => [...box.querySelectorAll('input:checked')].map(input => input.parentElement.textContent).join(', '),
    onChange: fn => { targetListeners.add(fn); return () => targetListeners.delete(fn); },
  };

  const changeListeners = new Set();
  let hub = null;
  try {
    hub = await connectHub('/hubs/broadcast');
    hub.on('BroadcastChanged', payload => {
      harness.changes.push(payload);
      for (const listener of changeListeners) listener(payload);
    });
  } catch (error) {
    harness.error = `hub: ${error?.message ?? error}`;
  }

  const notices = document.getElementById('harness-notices');
  const context = {
    api, t, register, user, areas, clusters, targets, hub,
    onBroadcastChanged: fn => { changeListeners.add(fn); return () => changeListeners.delete(fn); },
    notify(message, kind = 'info') {
      harness.notices.push({ message, kind });
      const item = document.createElement('li');
      item.textContent = message;
      item.dataset.kind = kind;
      notices.replaceChildren(item);
    },
    confirm: confirmDialog,
  };

  const { default: panel } = await import(`./panels/${name}.js`);
  document.getElementById('harness-title').textContent = `${t(panel.titleKey)} — trang thử`;
  await panel.mount(document.getElementById('harness-panel'), context);
  harness.ready = true;
}

main().catch(error => {
  harness.error = String(error?.message ?? error);
  document.getElementById('harness-panel').textContent = harness.error;
});
