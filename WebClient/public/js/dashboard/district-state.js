// What the dashboard knows of the caller's scope: areas, clusters, receivers with health, broadcasts and the
// clusters' program levels. Loaded from the REST API, then kept live by the broadcast hub's pushes
// (BroadcastChanged, ReceiverStatus, ClusterLevels). The hub speaks the server's enum names (OnAir), the REST API
// camelCase (onAir): both are stored camelCase.
import { api } from '../lib/api.js';

const silenceDbfs = -96;
// A level not refreshed for this long is stale: the cluster went quiet without a last message (hub dropped).
const levelStaleMilliseconds = 1500;

export function camel(text) {
  return text ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

export class DistrictState {
  constructor() {
    this.areas = new Map();
    this.clusters = new Map();
    this.receivers = new Map();
    this.broadcasts = new Map();
    this.levels = new Map();
  }

  /** Everything from the REST API (also after a hub reconnection, to catch up on missed pushes). */
  async load() {
    const [tree, clusters, receivers, broadcasts] = await Promise.all([
      api.get('/api/areas'), api.get('/api/clusters'), api.get('/api/receivers'), api.get('/api/broadcasts'),
    ]);
    this.areas.clear();
    const visit = (node, depth) => {
      this.areas.set(node.id, { id: node.id, parentId: node.parentId, name: node.name, kind: node.kind, depth });
      for (const child of node.children ?? []) visit(child, depth + 1);
    };
    visit(tree, 0);
    this.clusters = new Map(clusters.map(cluster => [cluster.id, cluster]));
    this.applyReceivers(receivers);
    this.broadcasts = new Map(broadcasts.map(view => [view.id, normalizeBroadcast(view)]));
  }

  /** GET /api/receivers again (health of every receiver, including whether its control connection is up). */
  async refreshReceivers() {
    this.applyReceivers(await api.get('/api/receivers'));
  }

  applyReceivers(receivers) {
    const next = new Map();
    for (const receiver of receivers) {
      const health = receiver.health;
      next.set(receiver.id, {
        id: receiver.id,
        clusterId: receiver.clusterId,
        name: receiver.name,
        kind: receiver.kind,
        seen: Boolean(health || receiver.lastSeen),
        // A device (heartbeats over its control connection) whose connection closed is gone, even if its last
        // heartbeat is recent; receivers without heartbeats are judged on their media keepalives alone.
        online: Boolean(health?.online) && !(health.lastHeartbeat && health.controlConnected === false),
        controlConnected: health?.lastHeartbeat ? health.controlConnected : null,
        fractionLost: health?.fractionLost ?? null,
        jitterMilliseconds: health?.jitterMilliseconds ?? null,
        // What the receiver itself says it plays (device heartbeat, speaker page report).
        playingProgramId: health?.playingProgramId ?? null,
      });
    }

    this.receivers = next;
  }

  /** A ReceiverStatus push; returns false when it names a receiver not loaded yet (the caller reloads). */
  applyReceiverStatus(message) {
    let known = true;
    for (const entry of message.receivers ?? []) {
      const receiver = this.receivers.get(entry.receiverId);
      if (!receiver) {
        known = false;
        continue;
      }

      receiver.seen = true;
      receiver.online = entry.online && receiver.controlConnected !== false;
      receiver.fractionLost = entry.fractionLost ?? receiver.fractionLost;
      receiver.jitterMilliseconds = entry.jitterMilliseconds ?? receiver.jitterMilliseconds;
      receiver.playingProgramId = entry.playingProgramId ?? null;
    }

    return known;
  }

  applyBroadcastChange(message) {
    this.broadcasts.set(message.id, normalizeBroadcast(message));
  }

  applyLevels(message) {
    const now = performance.now();
    for (const entry of message.clusters ?? []) {
      this.levels.set(entry.clusterId, { rms: entry.rmsDbfs, peak: entry.peakDbfs, onAir: entry.onAir, at: now });
    }
  }

  /** The cluster's program level now: { rms, peak } in dBFS (silence when unknown or stale). */
  levelOf(clusterId) {
    const level = this.levels.get(clusterId);
    if (!level || performance.now() - level.at > levelStaleMilliseconds) return { rms: silenceDbfs, peak: silenceDbfs };
    return level;
  }

  /** The broadcast heard on the cluster now (the highest priority one when several claim it), or null. */
  onAirOn(clusterId) {
    let best = null;
    for (const broadcast of this.broadcasts.values()) {
      if (broadcast.state === 'onAir' && broadcast.clustersOnAir.includes(clusterId)
          && (!best || priorityRank(broadcast.priority) > priorityRank(best.priority))) {
        best = broadcast;
      }
    }

    return best;
  }

  receiversOf(clusterId) {
    return [...this.receivers.values()].filter(receiver => receiver.clusterId === clusterId).sort((a, b) => a.id - b.id);
  }

  counts() {
    let online = 0;
    let offline = 0;
    for (const receiver of this.receivers.values()) {
      if (receiver.online) online++; else offline++;
    }

    let onAir = 0;
    for (const clusterId of this.clusters.keys()) {
      if (this.onAirOn(clusterId)) onAir++;
    }

    return { online, offline, onAir };
  }

  /** "Thôn Làng Hốc · Xã An Thịnh": the cluster's area and the one above it. */
  placeOf(cluster) {
    const area = this.areas.get(cluster.areaId);
    const parent = area?.parentId != null ? this.areas.get(area.parentId) : null;
    return [area?.name, parent?.name].filter(Boolean).join(' · ');
  }
}

const priorities = ['background', 'relay', 'normal', 'priority', 'live', 'emergency'];

function priorityRank(priority) {
  return priorities.indexOf(priority);
}

function normalizeBroadcast(view) {
  return {
    id: view.id,
    title: view.title,
    sourceKind: camel(view.sourceKind),
    priority: camel(view.priority),
    state: camel(view.state),
    clusterIds: view.clusterIds ?? [],
    clustersOnAir: view.clustersOnAir ?? [],
    createdBy: view.createdBy,
    createdAt: view.createdAt,
  };
}
