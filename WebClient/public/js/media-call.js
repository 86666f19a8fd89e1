// One WebRTC audio session with the server: SignalR signaling on /hubs/media, an RTCPeerConnection
// (no ICE servers: the server is ICE-lite and reachable directly), level meters and a recorder of
// what is received. Used by echo.html and relay.html.
import { peerConfiguration, recordStream } from './cluster-listener.js';

/** An error whose message is meant for the user (Vietnamese). */
export class UserError extends Error {}

const connectionStates = {
  new: 'Chưa kết nối',
  connecting: 'Đang kết nối…',
  connected: 'Đã kết nối',
  disconnected: 'Tạm mất kết nối…',
  failed: 'Kết nối thất bại',
  closed: 'Đã dừng',
};

/** The Vietnamese label of an RTCPeerConnection connectionState. */
export function describeConnectionState(state) {
  return connectionStates[state] ?? state;
}

/**
 * An audio session in a room.
 * options: { kind: 'echo'|'relay', roomId, role: 'publisher'|'listener', audioElement, echoCancellation (default true),
 *            onState(text), onError(text), onEnded() when the server ends the session }
 */
export class MediaCall {
  constructor(options) {
    this.options = options;
    this.connection = null;
    this.pc = null;
    this.sessionId = null;
    this.audioContext = null;
    this.localStream = null;
    this.remoteStream = null;
    this.inputAnalyser = null;
    this.receivedAnalyser = null;
    this.closedReason = null;
    this.lastError = null;
    this.stopping = false;
  }

  /** Asks for the mic (publishers), connects the hub, negotiates and starts playing what arrives. */
  async start() {
    const { kind, roomId, role } = this.options;
    // Created inside the click that started the call, so the browser lets it play.
    this.audioContext = new AudioContext({ sampleRate: 48000 });
    if (role === 'publisher') {
      this.options.onState('Đang xin quyền dùng micro…');
      this.localStream = await openMicrophone(this.options.echoCancellation ?? true);
      this.inputAnalyser = this.analyse(this.localStream);
    }

    this.options.onState('Đang kết nối máy chủ…');
    this.connection = await connectHub(reason => this.onSessionClosed(reason), error => this.onHubClosed(error));

    this.pc = new RTCPeerConnection(peerConfiguration);
    this.pc.addEventListener('connectionstatechange', () => this.onConnectionState());
    this.pc.addEventListener('track', event => this.onTrack(event));

    let response;
    if (role === 'publisher') {
      const [track] = this.localStream.getAudioTracks();
      this.pc.addTransceiver(track, { direction: kind === 'echo' ? 'sendrecv' : 'sendonly', streams: [this.localStream] });
      const offer = await this.pc.createOffer();
      await this.pc.setLocalDescription(offer);
      const offerSdp = testHooks().transformOffer?.(this.pc.localDescription.sdp) ?? this.pc.localDescription.sdp;
      response = await this.invoke('JoinRoom', { kind, roomId, role, offerSdp });
      this.sessionId = response.sessionId;
      await this.pc.setRemoteDescription({ type: 'answer', sdp: response.sdp });
    } else {
      response = await this.invoke('JoinRoom', { kind, roomId, role, offerSdp: null });
      this.sessionId = response.sessionId;
      if (!response.isOffer) {
        throw new UserError('Máy chủ không gửi lời mời kết nối cho người nghe.');
      }

      await this.pc.setRemoteDescription({ type: 'offer', sdp: response.sdp });
      const answer = await this.pc.createAnswer();
      await this.pc.setLocalDescription(answer);
      await this.invoke('SendAnswer', this.pc.localDescription.sdp);
    }

    this.onConnectionState();
  }

  /** Leaves the room and releases the mic, the peer connection and the hub connection. */
  async stop() {
    this.stopping = true;
    try {
      if (this.connection?.state === 'Connected' && this.sessionId) {
        await this.connection.invoke('LeaveRoom');
      }
    } catch {
      // The server ends the session anyway when the connection closes below.
    }

    this.pc?.close();
    this.localStream?.getTracks().forEach(track => track.stop());
    await this.connection?.stop();
    await this.audioContext?.close();
    if (this.options.audioElement) {
      this.options.audioElement.srcObject = null;
    }
  }

  /** RMS (0..1) of the mic right now, 0 without one. */
  inputLevel() {
    return rms(this.inputAnalyser);
  }

  /** RMS (0..1) of the audio received from the server right now. */
  receivedLevel() {
    return rms(this.receivedAnalyser);
  }

  /** A summary of getStats(): inbound/outbound RTP counters and the DTLS/SRTP transport. */
  async stats() {
    const summary = { inbound: null, outbound: null, transport: null, candidatePair: null, closed: false };
    if (!this.pc || this.pc.signalingState === 'closed') {
      summary.closed = this.pc !== null;
      return summary;
    }

    const report = await this.pc.getStats();
    let selectedPairId = null;
    report.forEach(entry => {
      if (entry.type === 'inbound-rtp' && entry.kind === 'audio') {
        summary.inbound = {
          packetsReceived: entry.packetsReceived ?? 0,
          bytesReceived: entry.bytesReceived ?? 0,
          packetsLost: entry.packetsLost ?? 0,
          audioLevel: entry.audioLevel ?? 0,
        };
      } else if (entry.type === 'outbound-rtp' && entry.kind === 'audio') {
        summary.outbound = { packetsSent: entry.packetsSent ?? 0, bytesSent: entry.bytesSent ?? 0 };
      } else if (entry.type === 'transport') {
        summary.transport = {
          dtlsState: entry.dtlsState ?? null,
          srtpCipher: entry.srtpCipher ?? null,
          dtlsCipher: entry.dtlsCipher ?? null,
          tlsVersion: entry.tlsVersion ?? null,
          iceState: entry.iceState ?? null,
        };
        selectedPairId = entry.selectedCandidatePairId ?? null;
      }
    });
    if (selectedPairId) {
      const pair = report.get(selectedPairId);
      const local = pair && report.get(pair.localCandidateId);
      const remote = pair && report.get(pair.remoteCandidateId);
      summary.candidatePair = pair ? {
        state: pair.state,
        nominated: pair.nominated ?? false,
        local: local ? `${local.address ?? local.ip}:${local.port} ${local.protocol}` : null,
        remote: remote ? `${remote.address ?? remote.ip}:${remote.port} ${remote.protocol}` : null,
      } : null;
    }

    return summary;
  }

  /** Records `seconds` of the received audio (mono, at `sampleRate`), as plain arrays for tests. */
  async recordReceived(seconds) {
    if (!this.remoteStream) {
      throw new Error('no received audio track yet');
    }

    return recordStream(this.audioContext, this.remoteStream, seconds);
  }

  async invoke(method, ...args) {
    try {
      return await this.connection.invoke(method, ...args);
    } catch (error) {
      throw new UserError(`Máy chủ từ chối yêu cầu: ${hubErrorReason(error)}`);
    }
  }

  analyse(stream) {
    const analyser = this.audioContext.createAnalyser();
    analyser.fftSize = 2048;
    this.audioContext.createMediaStreamSource(stream).connect(analyser);
    return analyser;
  }

  onTrack(event) {
    this.remoteStream = event.streams[0] ?? new MediaStream([event.track]);
    // Chromium feeds a remote track into WebAudio only while a media element plays it.
    const audio = this.options.audioElement;
    audio.srcObject = this.remoteStream;
    audio.play().catch(() => this.options.onError('Trình duyệt chặn tự phát âm thanh: bấm vào trang rồi thử lại.'));
    this.receivedAnalyser = this.analyse(this.remoteStream);
  }

  onConnectionState() {
    const state = this.pc.connectionState;
    this.options.onState(describeConnectionState(state));
    if (state === 'failed' && !this.stopping) {
      this.fail('Không thông được đường truyền âm thanh (UDP) tới máy chủ.');
    }
  }

  onSessionClosed(reason) {
    this.closedReason = reason;
    this.fail(`Máy chủ đã đóng phiên: ${reason}`);
    this.options.onEnded?.();
  }

  onHubClosed(error) {
    if (!this.stopping) {
      this.fail(error ? 'Mất kết nối tới máy chủ.' : 'Máy chủ đã đóng kết nối.');
    }
  }

  fail(message) {
    this.lastError = message;
    this.options.onError(message);
  }
}

export async function openMicrophone(echoCancellation) {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new UserError('Trình duyệt chỉ cho dùng micro trên trang bảo mật (HTTPS hoặc localhost).');
  }

  try {
    return await navigator.mediaDevices.getUserMedia({
      // Noise suppression and gain control would change the voice a mic check is meant to let people hear.
      audio: { echoCancellation, noiseSuppression: false, autoGainControl: false, channelCount: 1 },
      video: false,
    });
  } catch (error) {
    switch (error?.name) {
      case 'NotAllowedError':
      case 'SecurityError':
        throw new UserError('Chưa được phép dùng micro. Hãy cho phép trang này dùng micro (biểu tượng ổ khoá cạnh địa chỉ) rồi thử lại.');
      case 'NotFoundError':
        throw new UserError('Không tìm thấy micro trên thiết bị này.');
      case 'NotReadableError':
        throw new UserError('Micro đang bận hoặc bị lỗi (có thể ứng dụng khác đang dùng).');
      default:
        throw new UserError(`Không mở được micro: ${error?.message ?? error}`);
    }
  }
}

async function connectHub(onSessionClosed, onClosed) {
  const signalR = window.signalR;
  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/media')
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  connection.on('SessionClosed', message => onSessionClosed(message?.reason ?? 'không rõ lý do'));
  connection.onclose(onClosed);
  try {
    await connection.start();
  } catch {
    throw new UserError('Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.');
  }

  return connection;
}

// SignalR prefixes a HubException's message with the invocation's context.
function hubErrorReason(error) {
  const message = String(error?.message ?? error);
  const marker = 'HubException: ';
  const at = message.indexOf(marker);
  return at >= 0 ? message.slice(at + marker.length) : message;
}

export function rms(analyser) {
  if (!analyser) {
    return 0;
  }

  const samples = new Float32Array(analyser.fftSize);
  analyser.getFloatTimeDomainData(samples);
  let sum = 0;
  for (const sample of samples) {
    sum += sample * sample;
  }

  return Math.sqrt(sum / samples.length);
}

// Tests may install window.vanyenHooks before starting a call (e.g. to alter the offer).
function testHooks() {
  return window.vanyenHooks ?? {};
}
