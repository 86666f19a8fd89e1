// Listening to a loudspeaker cluster's program in the browser: a recvonly RTCPeerConnection negotiated with
// /hubs/broadcast Listen (the server is ICE-lite and reachable directly, so no ICE servers), the received track
// played by an <audio> element, plus what tests read (packets received, a recording of what was heard).
// Used by listen.html (the test page) and the speaker page; recordStream is shared with media-call.js.

/** The peer connection options every page uses with this server (BUNDLE + rtcp-mux only). */
export const peerConfiguration = Object.freeze({ iceServers: [], bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });

/**
 * One listening session on a hub connection (made by the caller: logged in, or with ?receiverToken=).
 * options: { audioElement, audioContext (for recordings), onConnectionState(state), onAutoplayBlocked() }
 */
export class ClusterListener {
  constructor(connection, options = {}) {
    this.connection = connection;
    this.options = options;
    this.pc = null;
    this.sessionId = null;
    this.remoteStream = null;
  }

  /** Offers to receive audio, asks the server to Listen to clusterId and applies its answer. Hub refusals throw. */
  async listen(clusterId) {
    this.pc = new RTCPeerConnection(peerConfiguration);
    this.pc.addEventListener('connectionstatechange', () => this.options.onConnectionState?.(this.pc.connectionState));
    this.pc.addEventListener('track', event => this.onTrack(event));
    this.pc.addTransceiver('audio', { direction: 'recvonly' });
    await this.pc.setLocalDescription(await this.pc.createOffer());
    const response = await this.connection.invoke('Listen', Number(clusterId), this.pc.localDescription.sdp);
    this.sessionId = response.sessionId;
    await this.pc.setRemoteDescription({ type: 'answer', sdp: response.answerSdp });
    return this.sessionId;
  }

  /** Ends the session on the server (when the hub is still connected) and closes the peer connection. */
  async leave() {
    try {
      if (this.sessionId && this.connection?.state === 'Connected') {
        await this.connection.invoke('Leave', this.sessionId);
      }
    } catch {
      // The server ends the session anyway when the hub connection goes.
    } finally {
      this.close();
    }
  }

  /** Closes the peer connection without telling the server (it is gone, or will end the session itself). */
  close() {
    this.pc?.close();
    this.sessionId = null;
  }

  /** RTP packets received on the audio track so far (0 before the first). */
  async packetsReceived() {
    return packetsReceivedOf(this.pc);
  }

  /** Records `seconds` of what is heard: { sampleRate, samples } (plain arrays, for tests). */
  recordReceived(seconds) {
    if (!this.remoteStream) {
      throw new Error('no received audio track yet');
    }

    return recordStream(this.options.audioContext, this.remoteStream, seconds);
  }

  onTrack(event) {
    this.remoteStream = event.streams[0] ?? new MediaStream([event.track]);
    // Chromium feeds a remote track into WebAudio only while a media element plays it.
    const audio = this.options.audioElement;
    if (audio) {
      audio.srcObject = this.remoteStream;
      audio.play().catch(() => this.options.onAutoplayBlocked?.());
    }
  }
}

/** The inbound audio RTP packet count of a peer connection's stats (0 when closed or before media). */
export async function packetsReceivedOf(pc) {
  return (await inboundAudioStatsOf(pc)).packetsReceived;
}

/**
 * The inbound audio RTP stats of a peer connection: { packetsReceived, packetsLost, jitterSeconds } (zeros and null
 * when closed or before media). packetsLost is RFC 3550's cumulative number lost (negative with duplicates).
 */
export async function inboundAudioStatsOf(pc) {
  const stats = { packetsReceived: 0, packetsLost: 0, jitterSeconds: null };
  if (!pc || pc.signalingState === 'closed') {
    return stats;
  }

  (await pc.getStats()).forEach(entry => {
    if (entry.type === 'inbound-rtp' && entry.kind === 'audio') {
      stats.packetsReceived = entry.packetsReceived ?? 0;
      stats.packetsLost = entry.packetsLost ?? 0;
      stats.jitterSeconds = entry.jitter ?? null;
    }
  });
  return stats;
}

/** Records `seconds` of a MediaStream through an AudioWorklet on `context`: { sampleRate, samples } as plain arrays. */
export async function recordStream(context, stream, seconds) {
  await context.audioWorklet.addModule('/js/capture-worklet.js');
  const source = context.createMediaStreamSource(stream);
  const capture = new AudioWorkletNode(context, 'vanyen-capture', { numberOfInputs: 1, numberOfOutputs: 1, channelCount: 1, channelCountMode: 'explicit' });
  const wanted = Math.round(seconds * context.sampleRate);
  const samples = new Float32Array(wanted);
  let filled = 0;
  await new Promise(resolve => {
    capture.port.onmessage = event => {
      const chunk = event.data;
      const count = Math.min(chunk.length, wanted - filled);
      samples.set(chunk.subarray(0, count), filled);
      filled += count;
      if (filled >= wanted) {
        resolve();
      }
    };
    source.connect(capture);
    // The node only runs while connected to the graph's output; it writes silence there.
    capture.connect(context.destination);
  });
  source.disconnect();
  capture.disconnect();
  return { sampleRate: context.sampleRate, samples: Array.from(samples) };
}
