// The speaker's connection to the server, kept alive unattended: it trades the device code for the cluster
// (POST /api/speaker/status), connects /hubs/broadcast with ?receiverToken=, listens over WebRTC
// (ClusterListener), and whenever the hub or the peer connection is lost starts a new session, waiting longer
// after each failure. What plays is polled from the status endpoint every few seconds. Every few seconds (and as
// soon as the program changes) it reports on the hub what it hears and its inbound-rtp loss and jitter
// (SpeakerHeartbeat), so the dashboard and the console's on-air light see it as a receiver.
import { api, ApiError } from '../lib/api.js';
import { connectHub, hubErrorMessage } from '../lib/hub.js';
import { t } from '../lib/i18n.js';
import { ClusterListener, inboundAudioStatsOf, packetsReceivedOf } from '../cluster-listener.js';

const backoffMilliseconds = [1000, 2000, 4000, 8000, 15000];
const nowPlayingPollMilliseconds = 4000;
// A peer connection 'disconnected' this long (ICE consent lost) is given up and replaced.
const disconnectedGraceMilliseconds = 5000;
// The same rhythm as a hardware device's heartbeat.
const heartbeatMilliseconds = 5000;
const hearingSampleMilliseconds = 1000;

/** A refusal that retrying will not cure (wrong token, not a Browser receiver): the session stops and says why. */
export class SpeakerRefused extends Error {}

/**
 * options: { credentials: { deviceId, token }, audioElement, audioContext,
 *            onState(state: 'connecting'|'playing'|'reconnecting'|'error'), onStatus(statusView), onError(message|null),
 *            onAutoplayBlocked() }
 */
export class SpeakerSession {
  constructor(options) {
    this.options = options;
    this.connection = null;
    this.listener = null;
    this.status = null;
    this.state = null;
    this.failures = 0;
    this.restartTimer = null;
    this.disconnectedTimer = null;
    this.pollTimer = null;
    this.heartbeatTimer = null;
    this.lastPacketsReceived = 0;
    this.lastSampleAt = null;
    this.hearing = false;
    this.lastReport = null;
    this.generation = 0;
    this.stopped = false;
  }

  /** Connects and starts playing; failures are retried, refusals (wrong token…) end in state 'error' with the reason. */
  async start() {
    this.setState('connecting');
    this.pollTimer = setInterval(() => this.poll(), nowPlayingPollMilliseconds);
    this.heartbeatTimer = setInterval(() => this.beat(), heartbeatMilliseconds);
    await this.restart(this.generation);
  }

  /** Ends everything for good (the user changes the device code). */
  async stop() {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    clearTimeout(this.disconnectedTimer);
    clearInterval(this.pollTimer);
    clearInterval(this.heartbeatTimer);
    await this.listener?.leave();
    await this.connection?.stop();
  }

  packetsReceived() {
    return packetsReceivedOf(this.listener?.pc);
  }

  recordReceived(seconds) {
    if (!this.listener) {
      throw new Error('not listening');
    }

    return this.listener.recordReceived(seconds);
  }

  async fetchStatus() {
    const { deviceId, token } = this.options.credentials;
    try {
      const status = await api.post('/api/speaker/status', { deviceId, token });
      this.options.onStatus(status);
      return status;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) throw new SpeakerRefused(t('speaker.error.wrongToken'));
      if (error instanceof ApiError && error.status === 403) throw new SpeakerRefused(t('speaker.error.notBrowser'));
      if (error instanceof ApiError && error.status === 404) throw new SpeakerRefused(t('speaker.error.noCluster'));
      throw error;
    }
  }

  async poll() {
    try {
      const previous = this.status?.nowPlaying?.id ?? null;
      this.status = await this.fetchStatus();
      // A new program (or its end): tell the server now, so the announcer's on-air light does not wait a beat.
      if ((this.status?.nowPlaying?.id ?? null) !== previous) this.beat();
    } catch (error) {
      if (error instanceof SpeakerRefused) this.fail(error.message);
      // Unreachable: the hub's reconnection says so; the title stays until the server answers again.
    }
  }

  /**
   * One SpeakerHeartbeat: the broadcast it hears (the cluster's program while audio arrives on a connected session,
   * else null) and the inbound-rtp counters; the server measures loss between two reports. Failures are only
   * logged: the next beat tries again, and a lost hub is handled by its own reconnection.
   */
  async beat() {
    const connection = this.connection;
    if (this.stopped || !connection || connection.state !== 'Connected') return;
    const stats = await inboundAudioStatsOf(this.listener?.pc);
    // Audio arrives when the counter moved since the last sample (a new session restarts it); a sample taken less
    // than a second after the previous one keeps that verdict (a beat right after another saw too few packets).
    const now = performance.now();
    const moved = stats.packetsReceived !== this.lastPacketsReceived;
    if (moved || this.lastSampleAt === null || now - this.lastSampleAt >= hearingSampleMilliseconds) {
      this.hearing = moved && stats.packetsReceived > 0;
      this.lastPacketsReceived = stats.packetsReceived;
      this.lastSampleAt = now;
    }

    const report = {
      playingBroadcastId: this.state === 'playing' && this.hearing ? (this.status?.nowPlaying?.id ?? null) : null,
      packetsReceived: stats.packetsReceived,
      packetsLost: stats.packetsLost,
      jitterMilliseconds: stats.jitterSeconds == null ? null : stats.jitterSeconds * 1000,
    };
    try {
      await connection.invoke('SpeakerHeartbeat', report);
      this.lastReport = report;
    } catch (error) {
      console.warn('SpeakerHeartbeat refused:', hubErrorMessage(error));
    }
  }

  // One attempt: a hub connection if there is none, then a listening session on it.
  async openSession(generation) {
    if (!this.connection || this.connection.state === 'Disconnected') {
      let connection = null;
      connection = await connectHub('/hubs/broadcast?receiverToken=' + encodeURIComponent(this.options.credentials.token), {
        onReconnecting: () => this.onHubLost(connection),
        onReconnected: () => this.scheduleRestart(connection, 0),
        onClosed: () => this.onHubLost(connection, true),
      });
      if (this.stopped || generation !== this.generation) {
        await connection.stop();
        return;
      }

      this.connection = connection;
    }

    const listener = new ClusterListener(this.connection, {
      audioElement: this.options.audioElement,
      audioContext: this.options.audioContext,
      onConnectionState: state => this.onPeerState(listener, state),
      onAutoplayBlocked: () => this.options.onAutoplayBlocked?.(),
    });
    this.listener = listener;
    try {
      await listener.listen(this.status.clusterId);
    } catch (error) {
      listener.close();
      const message = hubErrorMessage(error);
      if (/^40[13]\b/.test(message)) throw new SpeakerRefused(t('speaker.error.refused', { reason: message }));
      throw error;
    }
  }

  onPeerState(listener, state) {
    if (listener !== this.listener || this.stopped) return;
    clearTimeout(this.disconnectedTimer);
    if (state === 'connected') {
      this.failures = 0;
      this.options.onError(null);
      this.setState('playing');
      this.beat();
    } else if (state === 'failed' || state === 'closed') {
      this.scheduleRestart(this.connection);
    } else if (state === 'disconnected') {
      this.setState('reconnecting');
      this.disconnectedTimer = setTimeout(() => this.scheduleRestart(this.connection), disconnectedGraceMilliseconds);
    }
  }

  // The server ends a connection's sessions when it goes, so the peer connection is dropped with it.
  onHubLost(connection, closed = false) {
    if (connection !== this.connection || this.stopped) return;
    this.listener?.close();
    this.listener = null;
    this.setState('reconnecting');
    if (closed) {
      // Automatic reconnection gave up, or the connection was stopped: start over with a new one.
      this.connection = null;
      this.scheduleRestart(null);
    }
  }

  scheduleRestart(connection, delay) {
    if (this.stopped || (connection !== null && connection !== this.connection)) return;
    this.setState('reconnecting');
    clearTimeout(this.restartTimer);
    clearTimeout(this.disconnectedTimer);
    const wait = delay ?? backoffMilliseconds[Math.min(this.failures, backoffMilliseconds.length - 1)];
    const generation = ++this.generation;
    this.restartTimer = setTimeout(() => this.restart(generation), wait);
  }

  async restart(generation) {
    if (this.stopped || generation !== this.generation) return;
    clearTimeout(this.disconnectedTimer);
    this.listener?.close();
    this.listener = null;
    try {
      this.status = await this.fetchStatus();
      await this.openSession(generation);
    } catch (error) {
      if (error instanceof SpeakerRefused) {
        this.fail(error.message);
        return;
      }

      this.failures++;
      this.options.onError(error instanceof ApiError ? error.userMessage : t('error.unreachable'));
      if (this.connection && this.connection.state !== 'Connected') {
        const stale = this.connection;
        this.connection = null;
        stale.stop().catch(() => {});
      }

      this.scheduleRestart(null);
    }
  }

  fail(message) {
    this.stop();
    this.options.onError(message);
    this.setState('error');
  }

  setState(state) {
    if (this.state !== state) {
      this.state = state;
      this.options.onState(state);
    }
  }
}
