// The browser side of an SFU call: one RTCPeerConnection whose m-lines follow the server's forwarding layout
// (VanYen.Media.Engine.Forwarding.ForwardingLayout): own mic (mid 0, sendonly), own camera (mid 1, sendonly), then
// three slots of (audio recvonly, video recvonly) = mids 2..7. Nobody renegotiates: the server says who is in which
// slot, and the page shows that slot's tracks under the person's name.

export const SLOT_COUNT = 3;

/** Own camera and microphone; { stream, error } where error is 'denied', 'missing' or null (a partial stream is kept). */
export async function openCameraAndMicrophone() {
  const constraints = { audio: { echoCancellation: true, noiseSuppression: true }, video: { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 15 } } };
  try {
    return { stream: await navigator.mediaDevices.getUserMedia(constraints), error: null };
  } catch (error) {
    if (error?.name === 'NotAllowedError' || error?.name === 'SecurityError') return { stream: null, error: 'denied' };
    // No camera: try the microphone alone, then nothing (the person can still see and hear the others).
    try {
      return { stream: await navigator.mediaDevices.getUserMedia({ audio: constraints.audio }), error: 'missing' };
    } catch {
      return { stream: null, error: 'missing' };
    }
  }
}

/** One call's peer connection. onState(connectionState) is called on every change. */
export class ForwardingCall {
  constructor(stream, onState) {
    this.stream = stream;
    this.pc = new RTCPeerConnection({ iceServers: [], bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
    this.pc.addEventListener('connectionstatechange', () => onState(this.pc.connectionState));
    const audio = stream?.getAudioTracks()[0] ?? null;
    const video = stream?.getVideoTracks()[0] ?? null;
    const streams = stream ? [stream] : [];
    this.ownAudio = audio ? this.pc.addTransceiver(audio, { direction: 'sendonly', streams }) : this.pc.addTransceiver('audio', { direction: 'sendonly' });
    this.ownVideo = video ? this.pc.addTransceiver(video, { direction: 'sendonly', streams }) : this.pc.addTransceiver('video', { direction: 'sendonly' });
    this.slotTransceivers = [];
    for (let slot = 0; slot < SLOT_COUNT; slot++) {
      this.slotTransceivers.push({
        audio: this.pc.addTransceiver('audio', { direction: 'recvonly' }),
        video: this.pc.addTransceiver('video', { direction: 'recvonly' }),
      });
    }
  }

  /** Creates the offer; returns its SDP. */
  async offer() {
    const offer = await this.pc.createOffer();
    await this.pc.setLocalDescription(offer);
    return this.pc.localDescription.sdp;
  }

  /** Applies the server's answer. */
  async answer(sdp) {
    await this.pc.setRemoteDescription({ type: 'answer', sdp });
  }

  /** The transceiver whose mid is mid (after the offer), or null. */
  transceiver(mid) {
    return this.pc.getTransceivers().find(transceiver => transceiver.mid === mid) ?? null;
  }

  /** A stream with the slot's received audio and video tracks (mids from the server). */
  streamOf(slot) {
    const tracks = [this.transceiver(slot.audioMid), this.transceiver(slot.videoMid)]
      .filter(Boolean).map(transceiver => transceiver.receiver.track);
    return new MediaStream(tracks);
  }

  /** Numbers from getStats for each slot's received video and audio and for the own outbound video. */
  async stats(slots) {
    const result = { slots: [], outboundVideo: null, outboundAudio: null };
    for (const slot of slots) {
      const video = this.transceiver(slot.videoMid);
      const audio = this.transceiver(slot.audioMid);
      result.slots.push({
        slot: slot.slot,
        participantId: slot.participantId,
        displayName: slot.displayName,
        video: video ? pick(await first(video.receiver, 'inbound-rtp'), ['framesDecoded', 'packetsLost', 'packetsReceived', 'nackCount', 'pliCount', 'firCount', 'keyFramesDecoded', 'framesReceived', 'framesDropped', 'frameWidth', 'frameHeight']) : null,
        audio: audio ? pick(await first(audio.receiver, 'inbound-rtp'), ['packetsReceived', 'packetsLost', 'nackCount', 'totalAudioEnergy']) : null,
      });
    }
    result.outboundVideo = pick(await first(this.ownVideo.sender, 'outbound-rtp'), ['framesEncoded', 'keyFramesEncoded', 'pliCount', 'firCount', 'nackCount', 'retransmittedPacketsSent', 'packetsSent', 'frameWidth', 'frameHeight']);
    result.outboundAudio = pick(await first(this.ownAudio.sender, 'outbound-rtp'), ['packetsSent', 'nackCount', 'retransmittedPacketsSent']);
    return result;
  }

  close() {
    try { this.pc.close(); } catch { /* already closed */ }
  }
}

async function first(senderOrReceiver, type) {
  const report = await senderOrReceiver.getStats();
  for (const entry of report.values()) {
    if (entry.type === type) return entry;
  }
  return null;
}

function pick(entry, names) {
  const picked = {};
  for (const name of names) picked[name] = entry?.[name] ?? 0;
  return picked;
}
