// The console's live voice, shared by the live panel (Phát trực tiếp) and the emergency panel's live mode: the
// announcer's microphone (input level meter, pre-listen) and a live broadcast of it through /hubs/broadcast
// (StartLive with a level / StopLive, WebRTC sendonly).
//
//   import { voiceStrings, createMicrophone, startLive, stopLive } from '../live-voice.js';
//   context.register(voiceStrings);
//   const mic = createMicrophone(context.t, { meter, onChange });
//   await mic.open();                                 // throws UserError with a sentence (mic denied, none, busy)
//   const live = await startLive(context, mic.stream, { title, clusterIds, areaIds, level: 'emergency' },
//     { onPeer: pc => ..., onFailed: pc => ... });    // throws UserError with the server's refusal as a sentence
//   await stopLive(context, live);                    // StopLive, then the peer connection closes
import { rms, UserError } from '../media-call.js';
import { hubErrorMessage } from '../lib/hub.js';

export { UserError };

export const voiceStrings = {
  vi: {
    'voice.micInsecure': 'Trình duyệt chỉ cho dùng micro trên trang bảo mật (HTTPS hoặc localhost).',
    'voice.micDenied': 'Chưa được phép dùng micro. Hãy cho phép trang này dùng micro (biểu tượng ổ khoá cạnh địa chỉ) rồi thử lại.',
    'voice.micMissing': 'Không tìm thấy micro trên thiết bị này.',
    'voice.micBusy': 'Micro đang bận hoặc bị lỗi (có thể ứng dụng khác đang dùng).',
    'voice.micFailed': 'Không mở được micro: {message}',
    'voice.noHub': 'Chưa kết nối được máy chủ nên chưa phát được.',
    'voice.refused': 'Máy chủ từ chối: {message}',
    'voice.conflict': 'Không phát được: {message}',
    'voice.connectionFailed': 'Không thông được đường truyền âm thanh (UDP) tới máy chủ.',
  },
  en: {
    'voice.micInsecure': 'Browsers allow the microphone only on secure pages (HTTPS or localhost).',
    'voice.micDenied': 'The microphone is not allowed. Allow this page to use it (the padlock next to the address) and try again.',
    'voice.micMissing': 'No microphone was found on this device.',
    'voice.micBusy': 'The microphone is busy or failing (another application may be using it).',
    'voice.micFailed': 'The microphone could not be opened: {message}',
    'voice.noHub': 'Not connected to the server: cannot go live.',
    'voice.refused': 'The server refused: {message}',
    'voice.conflict': 'Cannot go live: {message}',
    'voice.connectionFailed': 'The audio path (UDP) to the server could not be opened.',
  },
};

/**
 * The announcer's microphone: open() asks for it (echo cancellation, noise suppression and gain control off: the
 * voice goes out as the announcer hears it in the pre-listen), feeds `meter` (a <meter> 0..1, −60..0 dBFS) and,
 * with setMonitor(true), plays it back to the announcer.
 */
export function createMicrophone(t, { meter, onChange } = {}) {
  const mic = { stream: null, audioContext: null, analyser: null, source: null, frame: 0, monitoring: false };

  async function request() {
    if (!navigator.mediaDevices?.getUserMedia) throw new UserError(t('voice.micInsecure'));
    try {
      return await navigator.mediaDevices.getUserMedia({
        audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false, channelCount: 1 },
        video: false,
      });
    } catch (error) {
      switch (error?.name) {
        case 'NotAllowedError':
        case 'SecurityError': throw new UserError(t('voice.micDenied'));
        case 'NotFoundError': throw new UserError(t('voice.micMissing'));
        case 'NotReadableError': throw new UserError(t('voice.micBusy'));
        default: throw new UserError(t('voice.micFailed', { message: error?.message ?? String(error) }));
      }
    }
  }

  async function open() {
    if (mic.stream) return;
    mic.audioContext ??= new AudioContext({ sampleRate: 48000 });
    if (mic.audioContext.state === 'suspended') await mic.audioContext.resume();
    mic.stream = await request();
    mic.source = mic.audioContext.createMediaStreamSource(mic.stream);
    mic.analyser = mic.audioContext.createAnalyser();
    mic.analyser.fftSize = 2048;
    mic.source.connect(mic.analyser);
    if (mic.monitoring) mic.source.connect(mic.audioContext.destination);
    const tick = () => {
      const level = rms(mic.analyser);
      if (meter) meter.value = level > 0 ? Math.max(0, Math.min(1, (20 * Math.log10(level) + 60) / 60)) : 0;
      mic.frame = requestAnimationFrame(tick);
    };
    tick();
    onChange?.();
  }

  function close() {
    cancelAnimationFrame(mic.frame);
    mic.stream?.getTracks().forEach(track => track.stop());
    mic.source?.disconnect();
    mic.stream = null;
    mic.analyser = null;
    mic.source = null;
    if (meter) meter.value = 0;
    onChange?.();
  }

  function setMonitor(on) {
    mic.monitoring = on;
    if (!mic.source) return;
    if (on) mic.source.connect(mic.audioContext.destination);
    else { mic.source.disconnect(); mic.source.connect(mic.analyser); }
  }

  return {
    get stream() { return mic.stream; },
    get level() { return Number(meter?.value ?? 0); },
    open,
    close,
    setMonitor,
  };
}

/** The announcer's sentence for a refusal of the broadcast hub ("403 Forbidden: …" and so on). */
export function describeRefusal(t, error) {
  const message = hubErrorMessage(error);
  const status = Number(/^(\d{3}) /.exec(message)?.[1] ?? 0);
  const reason = message.replace(/^\d{3} [^:]*: /, '');
  if (status === 401) return t('error.signedOut');
  if (status === 403) return `${t('error.outOfScope')} (${reason})`;
  if (status === 409) return t('voice.conflict', { message: reason });
  return t('voice.refused', { message: reason });
}

/**
 * Puts `stream` on air as the signed-in user: request is { title, clusterIds, areaIds, level } (level 'normal',
 * 'priority' or 'emergency'). onPeer(pc) is called as soon as the peer connection exists, onFailed(pc) if its
 * media path fails later. Returns { broadcastId, pc }; throws UserError with a sentence (and closes the peer).
 */
export async function startLive(context, stream, request, { onPeer, onFailed } = {}) {
  if (!context.hub || context.hub.state !== 'Connected') throw new UserError(context.t('voice.noHub'));
  const pc = new RTCPeerConnection({ iceServers: [], bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
  onPeer?.(pc);
  pc.addEventListener('connectionstatechange', () => { if (pc.connectionState === 'failed') onFailed?.(pc); });
  let response = null;
  try {
    const [track] = stream.getAudioTracks();
    pc.addTransceiver(track, { direction: 'sendonly', streams: [stream] });
    await pc.setLocalDescription(await pc.createOffer());
    try {
      response = await context.hub.invoke('StartLive', { ...request, offerSdp: pc.localDescription.sdp });
    } catch (error) {
      throw new UserError(describeRefusal(context.t, error));
    }
    await pc.setRemoteDescription({ type: 'answer', sdp: response.answerSdp });
    return { broadcastId: response.broadcastId, pc };
  } catch (error) {
    // Started but the answer was unusable: end it at once rather than leave the clusters silent until it idles out.
    await stopLive(context, { broadcastId: response?.broadcastId, pc });
    throw error;
  }
}

/** Ends a live broadcast started by startLive (StopLive while the hub is up), then closes its peer connection. */
export async function stopLive(context, live) {
  try {
    if (live?.broadcastId && context.hub?.state === 'Connected') await context.hub.invoke('StopLive', live.broadcastId);
  } catch (error) {
    console.warn('live voice: StopLive', error);
  } finally {
    live?.pc?.close();
  }
}
