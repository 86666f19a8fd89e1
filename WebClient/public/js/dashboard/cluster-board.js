// The cluster cards: one per cluster in scope, with what plays there and who started it, the program level and
// each receiver's state and packet loss. Cards are built once and updated in place (levels change 4× a second).
// For admins, a ReceiverAdmin adds the receiver controls (add, new code, remove).
import { t } from '../lib/i18n.js';

const meterFloorDbfs = -60;

export class ClusterBoard {
  constructor(container, state, admin = null) {
    this.container = container;
    this.state = state;
    this.admin = admin;
    this.cards = new Map();
  }

  /** Rebuilds the card list when clusters came or went, then refreshes every card. */
  render() {
    const ids = [...this.state.clusters.keys()];
    const same = ids.length === this.cards.size && ids.every(id => this.cards.has(id));
    if (!same) {
      this.container.replaceChildren();
      this.cards.clear();
      const sorted = [...this.state.clusters.values()].sort((a, b) => this.state.placeOf(a).localeCompare(this.state.placeOf(b), 'vi') || a.name.localeCompare(b.name, 'vi'));
      for (const cluster of sorted) {
        const card = buildCard(cluster, this.admin);
        this.cards.set(cluster.id, card);
        this.container.append(card.root);
      }
    }

    for (const [clusterId, card] of this.cards) this.update(clusterId, card);
  }

  /** Builds every card again (after a language switch: labels are written when a card is built). */
  rebuild() {
    this.cards.clear();
    this.render();
  }

  /** Only the meters (called at the level push rate). */
  renderLevels() {
    for (const [clusterId, card] of this.cards) updateLevel(card, this.state.levelOf(clusterId));
  }

  update(clusterId, card) {
    const cluster = this.state.clusters.get(clusterId);
    card.name.textContent = cluster.name;
    card.place.textContent = this.state.placeOf(cluster);
    const broadcast = this.state.onAirOn(clusterId);
    card.root.dataset.onAir = broadcast ? 'true' : 'false';
    card.root.classList.toggle('emergency', broadcast?.priority === 'emergency');
    card.status.textContent = broadcast ? t('cluster.onAir') : t('cluster.idle');
    card.title.textContent = broadcast ? broadcast.title : '';
    card.title.hidden = !broadcast;
    card.startedBy.textContent = broadcast ? t('cluster.startedBy', { name: broadcast.createdBy }) : '';
    card.startedBy.hidden = !broadcast;
    card.root.dataset.broadcastId = broadcast?.id ?? '';
    updateLevel(card, this.state.levelOf(clusterId));
    renderReceivers(card.receivers, this.state.receiversOf(clusterId), this.admin);
  }
}

function buildCard(cluster, admin) {
  const root = element('article', 'cluster-card');
  root.dataset.clusterId = String(cluster.id);
  const heading = element('header', 'cluster-heading');
  const name = element('h3', 'cluster-name');
  const place = element('p', 'cluster-place');
  heading.append(name, place);
  const status = element('p', 'cluster-status');
  const title = element('p', 'cluster-title');
  const startedBy = element('p', 'cluster-started-by');
  const levelRow = element('div', 'level-row');
  const meterId = 'level-' + cluster.id;
  const label = element('label', 'level-label');
  label.htmlFor = meterId;
  label.textContent = t('cluster.level');
  const meter = element('meter', 'level');
  meter.id = meterId;
  meter.min = meterFloorDbfs;
  meter.max = 0;
  meter.low = -30;
  meter.high = -6;
  meter.optimum = -20;
  const levelText = element('span', 'level-text');
  levelRow.append(label, meter, levelText);
  const receivers = element('ul', 'receivers');
  root.append(heading, status, title, startedBy, levelRow, receivers);
  if (admin) root.append(admin.addForm(cluster));
  return { root, name, place, status, title, startedBy, meter, levelText, receivers };
}

function updateLevel(card, level) {
  const shown = Math.max(meterFloorDbfs, Math.min(0, level.rms));
  card.meter.value = shown;
  card.meter.dataset.rmsDbfs = String(level.rms);
  card.meter.dataset.peakDbfs = String(level.peak);
  card.levelText.textContent = level.rms <= meterFloorDbfs ? '—' : t('cluster.levelText', { value: Math.round(level.rms) });
}

function renderReceivers(list, receivers, admin) {
  if (receivers.length === 0) {
    const empty = element('li', 'receiver empty');
    empty.textContent = t('cluster.noReceivers');
    list.replaceChildren(empty);
    return;
  }

  list.replaceChildren(...receivers.map(receiver => {
    const playing = receiver.online ? receiver.playingProgramId : null;
    const item = element('li', 'receiver');
    item.dataset.receiverId = String(receiver.id);
    item.dataset.online = receiver.online ? 'true' : 'false';
    item.dataset.playing = playing ?? '';
    const dot = element('span', 'dot');
    dot.setAttribute('aria-hidden', 'true');
    const name = element('span', 'receiver-name');
    name.textContent = receiver.name;
    const kind = element('span', 'receiver-kind');
    kind.textContent = t('receiver.kind.' + receiver.kind);
    const state = element('span', 'receiver-state');
    state.textContent = receiver.online ? t('receiver.online') : receiver.seen ? t('receiver.offline') : t('receiver.never');
    const stats = element('span', 'receiver-stats');
    const parts = [];
    if (receiver.fractionLost != null) parts.push(t('receiver.loss', { value: formatNumber(receiver.fractionLost * 100) }));
    if (receiver.jitterMilliseconds != null) parts.push(t('receiver.jitter', { value: formatNumber(receiver.jitterMilliseconds) }));
    if (playing) parts.unshift(t('receiver.playing'));
    stats.textContent = parts.join(' · ');
    stats.dataset.fractionLost = receiver.fractionLost == null ? '' : String(receiver.fractionLost);
    item.append(dot, name, kind, state, stats);
    if (admin) item.append(admin.rowActions(receiver));
    return item;
  }));
}

function formatNumber(value) {
  return value.toLocaleString(document.documentElement.lang === 'en' ? 'en' : 'vi', { maximumFractionDigits: 1 });
}

function element(tag, className) {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}
