// Ghi âm: record a bulletin with the browser's microphone (MediaRecorder, Opus in WebM), watch the level, stop,
// listen back, name it and save it to the library (uploaded with a progress bar; the server normalizes it).
import { el, field, statusLine, errorMessage, ensurePanelStyles, kitStrings } from './panel-kit.js';
import { uploadErrorMessage } from './library.js';

const strings = {
  vi: {
    'record.title': 'Ghi âm',
    'record.start': 'Bắt đầu ghi',
    'record.stop': 'Dừng ghi',
    'record.again': 'Ghi lại',
    'record.level': 'Mức âm micro',
    'record.recording': 'Đang ghi… {seconds} giây',
    'record.ready': 'Đã ghi {seconds} giây. Nghe lại rồi lưu vào thư viện.',
    'record.name': 'Tên bản ghi',
    'record.defaultName': 'Bản ghi âm {time}',
    'record.save': 'Lưu vào thư viện',
    'record.saving': 'Đang lưu… {percent}%',
    'record.saved': 'Đã lưu “{name}” vào thư viện.',
    'record.unsupported': 'Trình duyệt này không ghi âm được. Hãy dùng Chrome, Edge hoặc Firefox bản mới.',
    'record.empty': 'Bản ghi trống. Hãy ghi lại.',
  },
  en: {
    'record.title': 'Record',
    'record.start': 'Start recording',
    'record.stop': 'Stop',
    'record.again': 'Record again',
    'record.level': 'Microphone level',
    'record.recording': 'Recording… {seconds} s',
    'record.ready': 'Recorded {seconds} s. Listen back, then save it to the library.',
    'record.name': 'Recording name',
    'record.defaultName': 'Recording {time}',
    'record.save': 'Save to the library',
    'record.saving': 'Saving… {percent}%',
    'record.saved': '“{name}” was saved to the library.',
    'record.unsupported': 'This browser cannot record. Use a recent Chrome, Edge or Firefox.',
    'record.empty': 'The recording is empty. Record again.',
  },
};

/** The user's sentence for a getUserMedia failure. */
export function microphoneErrorMessage(t, error) {
  if (error?.name === 'NotAllowedError' || error?.name === 'SecurityError') return t('error.micDenied');
  if (error?.name === 'NotFoundError' || error?.name === 'OverconstrainedError') return t('error.micMissing');
  return errorMessage(error);
}

function recorderType() {
  for (const type of ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/webm']) {
    if (window.MediaRecorder?.isTypeSupported?.(type)) return type;
  }
  return '';
}

export default {
  id: 'record',
  titleKey: 'record.title',
  mount(element, context) {
    ensurePanelStyles();
    context.register(kitStrings);
    context.register(strings);
    const { t, api } = context;
    const status = statusLine();
    const startButton = el('button', { type: 'button', dataset: { action: 'record' }, onclick: start }, t('record.start'));
    const stopButton = el('button', { type: 'button', dataset: { action: 'stop' }, onclick: stop, disabled: true }, t('record.stop'));
    const meter = el('meter', { min: '0', max: '1', low: '0.6', high: '0.85', optimum: '0.3', value: '0', class: 'level' });
    const elapsed = el('p', { class: 'hint', 'aria-live': 'polite' });
    const playback = el('audio', { controls: true, class: 'preview', hidden: true });
    const nameInput = el('input', { type: 'text', maxlength: '200', autocomplete: 'off' });
    const progress = el('progress', { max: '100', value: '0', class: 'upload-progress', hidden: true });
    const saveButton = el('button', { type: 'button', dataset: { action: 'save' }, onclick: save }, t('record.save'));
    const saveArea = el('div', { class: 'record-save', hidden: true }, field(t('record.name'), nameInput), el('div', { class: 'actions' }, saveButton), progress);

    let stream = null;
    let recorder = null;
    let chunks = [];
    let recording = null;
    let audioContext = null;
    let meterFrame = 0;
    let startedAt = 0;

    function stopMeter() {
      cancelAnimationFrame(meterFrame);
      meter.value = 0;
      audioContext?.close().catch(() => {});
      audioContext = null;
    }

    function startMeter() {
      audioContext = new AudioContext();
      const analyser = audioContext.createAnalyser();
      analyser.fftSize = 1024;
      audioContext.createMediaStreamSource(stream).connect(analyser);
      const samples = new Float32Array(analyser.fftSize);
      const tick = () => {
        analyser.getFloatTimeDomainData(samples);
        let peak = 0;
        for (const sample of samples) peak = Math.max(peak, Math.abs(sample));
        meter.value = Math.min(1, peak);
        elapsed.textContent = t('record.recording', { seconds: Math.floor((performance.now() - startedAt) / 1000) });
        meterFrame = requestAnimationFrame(tick);
      };
      tick();
    }

    async function start() {
      status.clear();
      if (!window.MediaRecorder || !navigator.mediaDevices?.getUserMedia) { status.show(t('record.unsupported'), 'error'); return; }
      try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false } });
      } catch (error) {
        status.show(microphoneErrorMessage(t, error), 'error');
        return;
      }
      chunks = [];
      const type = recorderType();
      recorder = new MediaRecorder(stream, type ? { mimeType: type, audioBitsPerSecond: 64000 } : undefined);
      recorder.ondataavailable = event => { if (event.data.size > 0) chunks.push(event.data); };
      recorder.onstop = finished;
      recorder.start(250);
      startedAt = performance.now();
      startMeter();
      saveArea.hidden = true;
      playback.hidden = true;
      startButton.disabled = true;
      stopButton.disabled = false;
      stopButton.focus();
    }

    function stop() {
      if (recorder?.state === 'recording') recorder.stop();
      stopButton.disabled = true;
    }

    function finished() {
      const seconds = Math.round((performance.now() - startedAt) / 100) / 10;
      stopMeter();
      for (const track of stream?.getTracks() ?? []) track.stop();
      stream = null;
      recording = new Blob(chunks, { type: recorder.mimeType || 'audio/webm' });
      startButton.disabled = false;
      startButton.textContent = t('record.again');
      if (recording.size === 0) { status.show(t('record.empty'), 'error'); return; }
      if (playback.src) URL.revokeObjectURL(playback.src);
      playback.src = URL.createObjectURL(recording);
      playback.hidden = false;
      elapsed.textContent = t('record.ready', { seconds });
      const time = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date());
      nameInput.value = t('record.defaultName', { time });
      saveArea.hidden = false;
    }

    async function save() {
      status.clear();
      if (!recording || recording.size === 0) { status.show(t('record.empty'), 'error'); return; }
      const name = nameInput.value.trim() || t('record.defaultName', { time: '' }).trim();
      const extension = recording.type.includes('ogg') ? 'ogg' : 'webm';
      const data = new FormData();
      data.append('file', recording, `ghi-am.${extension}`);
      data.append('name', name);
      saveButton.disabled = true;
      progress.hidden = false;
      progress.value = 0;
      try {
        const item = await api.upload('/api/library', data, fraction => { progress.value = Math.round(fraction * 100); });
        status.show(t('record.saved', { name: item.name }), 'success');
        context.notify(t('record.saved', { name: item.name }), 'success');
        element.dispatchEvent(new CustomEvent('vanyen:library-changed', { bubbles: true, detail: item }));
        saveArea.hidden = true;
      } catch (error) {
        status.show(uploadErrorMessage(t, error), 'error');
      } finally {
        saveButton.disabled = false;
      }
    }

    element.replaceChildren(el('div', { class: 'panel panel-record' },
      el('div', { class: 'actions' }, startButton, stopButton),
      el('div', { class: 'field' }, el('label', { for: (meter.id = 'record-level') }, t('record.level')), meter),
      elapsed, playback, saveArea, status.element));
    status.clear();
  },
};
