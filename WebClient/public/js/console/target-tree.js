// The targets tree: district → communes → villages, each area's clusters under it, with checkboxes (checking an
// area targets the whole area), each cluster's live state, and the cancel buttons (huỷ tin đang phát) where the
// user's role may cancel.
import { ApiError } from '../lib/api.js';

const strings = {
  vi: {
    'tree.title': 'Nơi phát',
    'tree.none': 'Chưa chọn nơi phát',
    'tree.selected': 'Đã chọn: {list}',
    'tree.more': '{list} và {count} nơi khác',
    'tree.idle': 'Đang nghỉ',
    'tree.onAir': 'Đang phát: {title} ({kind})',
    'tree.emergency': 'KHẨN CẤP: {title}',
    'tree.kind.live': 'trực tiếp',
    'tree.kind.tts': 'văn bản',
    'tree.kind.file': 'tệp âm thanh',
    'tree.kind.relay': 'tiếp sóng',
    'tree.cancel': 'Huỷ',
    'tree.cancelLabel': 'Huỷ tin đang phát trên {name}',
    'tree.cancelAll': 'Huỷ tất cả trong phạm vi',
    'tree.cancelAllConfirm': 'Dừng mọi tin đang phát trên {count} cụm loa trong phạm vi của bạn?',
    'tree.cancelled': 'Đã huỷ tin đang phát trên {name}.',
    'tree.cancelledAll': 'Đã huỷ mọi tin đang phát trong phạm vi.',
    'tree.cancelFailed': 'Không huỷ được: {message}',
    'tree.noClusters': 'Không có cụm loa nào trong phạm vi của bạn.',
    'tree.area.district': 'Huyện',
    'tree.area.commune': 'Xã',
    'tree.area.village': 'Thôn',
  },
  en: {
    'tree.title': 'Targets',
    'tree.none': 'No target chosen',
    'tree.selected': 'Chosen: {list}',
    'tree.more': '{list} and {count} more',
    'tree.idle': 'Idle',
    'tree.onAir': 'On air: {title} ({kind})',
    'tree.emergency': 'EMERGENCY: {title}',
    'tree.kind.live': 'live',
    'tree.kind.tts': 'text to speech',
    'tree.kind.file': 'audio file',
    'tree.kind.relay': 'relay',
    'tree.cancel': 'Cancel',
    'tree.cancelLabel': 'Cancel what plays on {name}',
    'tree.cancelAll': 'Cancel everything in scope',
    'tree.cancelAllConfirm': 'Stop everything playing on the {count} clusters in your scope?',
    'tree.cancelled': 'Cancelled what played on {name}.',
    'tree.cancelledAll': 'Cancelled everything playing in scope.',
    'tree.cancelFailed': 'Could not cancel: {message}',
    'tree.noClusters': 'There is no cluster in your scope.',
    'tree.area.district': 'District',
    'tree.area.commune': 'Commune',
    'tree.area.village': 'Village',
  },
};

/** What plays on a cluster now (emergency first), from normalized broadcasts; null when idle. */
export function onAirAt(broadcasts, clusterId) {
  let found = null;
  for (const broadcast of broadcasts) {
    if (broadcast.state !== 'onAir' || !broadcast.clustersOnAir.includes(clusterId)) continue;
    if (!found || broadcast.priority === 'emergency') found = broadcast;
  }
  return found;
}

/**
 * Renders the tree into element. context: { api, t, register, areas, clusters, canBroadcast, broadcasts, notify,
 * confirm, onLanguageChanged }. Returns { targets: { get, describe, onChange }, refresh() }.
 */
export function createTargetTree(element, context) {
  const { api, t } = context;
  context.register(strings);
  const changeListeners = new Set();
  const clustersByArea = new Map();
  for (const cluster of context.clusters) {
    if (!clustersByArea.has(cluster.areaId)) clustersByArea.set(cluster.areaId, []);
    clustersByArea.get(cluster.areaId).push(cluster);
  }
  const clusterRows = new Map();
  const names = new Map();

  const tools = document.createElement('div');
  tools.className = 'tree-tools';
  const summary = document.createElement('p');
  summary.className = 'target-summary';
  summary.setAttribute('aria-live', 'polite');
  tools.append(summary);
  let cancelAll = null;
  if (context.canBroadcast && context.clusters.length > 0) {
    cancelAll = document.createElement('button');
    cancelAll.type = 'button';
    cancelAll.className = 'danger cancel-all';
    cancelAll.dataset.i18n = 'tree.cancelAll';
    cancelAll.textContent = t('tree.cancelAll');
    cancelAll.addEventListener('click', () => cancelEverything());
    tools.append(cancelAll);
  }

  const list = document.createElement('ul');
  list.className = 'tree';
  list.append(areaItem(context.areas));
  element.replaceChildren(tools, list);
  if (context.clusters.length === 0) {
    const empty = document.createElement('p');
    empty.dataset.i18n = 'tree.noClusters';
    empty.textContent = t('tree.noClusters');
    element.append(empty);
  }

  function checkbox(kind, id, name) {
    const label = document.createElement('label');
    label.className = 'tree-label';
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.dataset[kind] = String(id);
    input.addEventListener('change', onToggle);
    const text = document.createElement('span');
    text.textContent = name;
    label.append(input, text);
    return label;
  }

  function areaItem(area) {
    names.set('area-' + area.id, area.name);
    const item = document.createElement('li');
    item.className = `tree-area area-${String(area.kind).toLowerCase()}`;
    item.dataset.areaId = String(area.id);
    item.append(checkbox('areaId', area.id, area.name));
    const children = document.createElement('ul');
    for (const cluster of clustersByArea.get(area.id) ?? []) children.append(clusterItem(cluster));
    for (const child of area.children ?? []) children.append(areaItem(child));
    if (children.children.length > 0) item.append(children);
    return item;
  }

  function clusterItem(cluster) {
    names.set('cluster-' + cluster.id, cluster.name);
    const item = document.createElement('li');
    item.className = 'tree-cluster';
    item.dataset.clusterId = String(cluster.id);
    const row = document.createElement('div');
    row.className = 'cluster-row';
    row.append(checkbox('clusterId', cluster.id, cluster.name));
    const state = document.createElement('span');
    state.className = 'cluster-state';
    state.id = `cluster-state-${cluster.id}`;
    const line = document.createElement('div');
    line.className = 'cluster-line';
    line.append(state);
    let cancel = null;
    if (context.canBroadcast) {
      cancel = document.createElement('button');
      cancel.type = 'button';
      cancel.className = 'danger small cancel-cluster';
      cancel.hidden = true;
      cancel.addEventListener('click', () => cancelOn([cluster.id], cluster.name));
      line.append(cancel);
    }
    item.append(row, line);
    clusterRows.set(cluster.id, { item, state, cancel, cluster });
    return item;
  }

  // An area checked covers everything under it: those boxes show checked and are disabled.
  function onToggle() {
    const walk = (item, covered) => {
      const input = item.querySelector(':scope > label > input, :scope > .cluster-row > label > input');
      if (input) {
        if (covered) {
          if (!input.disabled) input.dataset.own = String(input.checked);
          input.checked = true;
          input.disabled = true;
        } else if (input.disabled) {
          input.disabled = false;
          input.checked = input.dataset.own === 'true';
        }
      }
      const nowCovered = covered || (input?.checked && item.classList.contains('tree-area'));
      for (const child of item.querySelectorAll(':scope > ul > li')) walk(child, nowCovered);
    };
    for (const item of list.querySelectorAll(':scope > li')) walk(item, false);
    summary.textContent = describe();
    for (const fn of [...changeListeners]) fn(get());
  }

  function get() {
    const areaIds = [];
    const clusterIds = [];
    for (const input of list.querySelectorAll('input[type=checkbox]:checked:not(:disabled)')) {
      if (input.dataset.areaId) areaIds.push(Number(input.dataset.areaId));
      else clusterIds.push(Number(input.dataset.clusterId));
    }
    return { clusterIds, areaIds };
  }

  function describe() {
    const { clusterIds, areaIds } = get();
    const chosen = [...areaIds.map(id => names.get('area-' + id)), ...clusterIds.map(id => names.get('cluster-' + id))];
    if (chosen.length === 0) return t('tree.none');
    const shown = chosen.slice(0, 3).join(', ');
    return t('tree.selected', { list: chosen.length > 3 ? t('tree.more', { list: shown, count: chosen.length - 3 }) : shown });
  }

  function refresh() {
    const all = context.broadcasts.all();
    for (const { state, cancel, cluster, item } of clusterRows.values()) {
      const playing = onAirAt(all, cluster.id);
      const emergency = playing?.priority === 'emergency';
      state.textContent = !playing ? t('tree.idle')
        : emergency ? t('tree.emergency', { title: playing.title })
          : t('tree.onAir', { title: playing.title, kind: t('tree.kind.' + playing.sourceKind) });
      item.classList.toggle('on-air', Boolean(playing));
      item.classList.toggle('emergency', emergency);
      item.dataset.broadcastId = playing?.id ?? '';
      if (cancel) {
        cancel.hidden = !playing || !context.canCancel(playing);
        cancel.textContent = t('tree.cancel');
        cancel.setAttribute('aria-label', t('tree.cancelLabel', { name: cluster.name }));
      }
    }
  }

  async function cancelOn(clusterIds, name) {
    try {
      await api.post('/api/clusters/cancel', { clusterIds });
      context.notify(name ? t('tree.cancelled', { name }) : t('tree.cancelledAll'), 'success');
    } catch (error) {
      context.notify(t('tree.cancelFailed', { message: error instanceof ApiError ? error.userMessage : String(error) }), 'error');
    }
  }

  async function cancelEverything() {
    const ids = context.clusters.map(cluster => cluster.id);
    if (await context.confirm(t('tree.cancelAllConfirm', { count: ids.length }))) await cancelOn(ids, null);
  }

  context.broadcasts.onChange(refresh);
  context.onLanguageChanged(() => { refresh(); summary.textContent = describe(); });
  refresh();
  summary.textContent = describe();

  return {
    targets: {
      get,
      describe,
      onChange(fn) { changeListeners.add(fn); return () => changeListeners.delete(fn); },
    },
    refresh,
  };
}
