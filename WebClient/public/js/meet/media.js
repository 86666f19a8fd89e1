// The browser's side of the audio bridge: one sendrecv Opus track to the server, the mix back.
// Restartable: after a network drop the page makes a new peer connection with the same microphone.

// ?processing=off turns the browser's echo cancellation and noise suppression off (hardware consoles, tests).
const processing = new URLSearchParams(location.search).get('processing') !== 'off';
const micConstraints = { audio: { echoCancellation: processing, noiseSuppression: processing, autoGainControl: processing, channelCount: 1 } };

export class MeetingAudio {
  constructor(audioElement, onStateChange) {
    this.audioElement = audioElement;
    this.onStateChange = onStateChange;
    this.stream = null;
    this.pc = null;
    this.remoteStream = null;
    this.context = null;
    this.microphoneOn = true;
  }

  /** Opens the microphone once (throws the browser's NotAllowedError / NotFoundError). */
  async openMicrophone() {
    if (!this.stream) this.stream = await navigator.mediaDevices.getUserMedia(micConstraints);
    return this.stream;
  }

  /** A new peer connection: the offer goes through startMedia(offerSdp) → answer. */
  async start(startMedia) {
    await this.openMicrophone();
    this.closePeer();
    this.context ??= new AudioContext({ sampleRate: 48000 });
    const pc = new RTCPeerConnection({ iceServers: [], bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
    this.pc = pc;
    pc.addEventListener('connectionstatechange', () => { if (this.pc === pc) this.onStateChange(pc.connectionState); });
    pc.addEventListener('track', event => {
      this.remoteStream = event.streams[0] ?? new MediaStream([event.track]);
      this.audioElement.srcObject = this.remoteStream;
      this.audioElement.play().catch(() => {});
    });
    const track = this.stream.getAudioTracks()[0];
    track.enabled = this.microphoneOn;
    pc.addTransceiver(track, { direction: 'sendrecv', streams: [this.stream] });
    await pc.setLocalDescription(await pc.createOffer());
    const answer = await startMedia(pc.localDescription.sdp);
    if (this.pc !== pc) return;
    await pc.setRemoteDescription({ type: 'answer', sdp: answer });
    this.onStateChange(pc.connectionState);
  }

  /** The microphone switch (the track sends silence while off; the server also ignores it). */
  setMicrophone(on) {
    this.microphoneOn = on;
    for (const track of this.stream?.getAudioTracks() ?? []) track.enabled = on;
  }

  get connectionState() { return this.pc?.connectionState ?? 'new'; }

  /** Records what the page hears for seconds: { sampleRate, samples } (the test hook). */
  async recordReceived(seconds) {
    if (!this.remoteStream) throw new Error('no audio received yet');
    const context = this.context;
    await context.resume();
    if (!this.workletLoaded) {
      await context.audioWorklet.addModule('/js/capture-worklet.js');
      this.workletLoaded = true;
    }
    const source = context.createMediaStreamSource(this.remoteStream);
    const capture = new AudioWorkletNode(context, 'vanyen-capture', { numberOfInputs: 1, numberOfOutputs: 1, channelCount: 1, channelCountMode: 'explicit' });
    const wanted = Math.round(seconds * context.sampleRate);
    const samples = new Float32Array(wanted);
    let filled = 0;
    await new Promise(resolve => {
      capture.port.onmessage = event => {
        const count = Math.min(event.data.length, wanted - filled);
        samples.set(event.data.subarray(0, count), filled);
        filled += count;
        if (filled >= wanted) resolve();
      };
      source.connect(capture);
      capture.connect(context.destination);
    });
    source.disconnect();
    capture.disconnect();
    return { sampleRate: context.sampleRate, samples: Array.from(samples) };
  }

  closePeer() {
    if (this.pc) {
      const pc = this.pc;
      this.pc = null;
      pc.close();
    }
  }

  close() {
    this.closePeer();
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = null;
    this.audioElement.srcObject = null;
  }
}
