// Văn bản thành giọng nói: type or paste a bulletin, choose the voice and speed, hear a preview
// (POST /api/tts/preview → WAV), then broadcast it now to the chosen targets or schedule it.
import { el, field, statusLine, errorMessage, chosenTargets, whenControls, sendBroadcast, describeStarted, ensurePanelStyles, kitStrings } from './panel-kit.js';

const strings = {
  vi: {
    'tts.title': 'Văn bản thành giọng nói',
    'tts.bulletinTitle': 'Tiêu đề bản tin',
    'tts.defaultTitle': 'Bản tin đọc tự động',
    'tts.text': 'Nội dung cần đọc',
    'tts.placeholder': 'Nhập hoặc dán nội dung bản tin…',
    'tts.count': '{count}/{max} ký tự',
    'tts.tooLong': 'Nội dung dài quá: tối đa {max} ký tự.',
    'tts.empty': 'Hãy nhập nội dung cần đọc.',
    'tts.voice': 'Giọng đọc',
    'tts.voice.vi': 'Giọng miền Bắc',
    'tts.voice.vi-vn-x-central': 'Giọng miền Trung',
    'tts.voice.vi-vn-x-south': 'Giọng miền Nam',
    'tts.speed': 'Tốc độ đọc',
    'tts.speedValue': '{rate} từ/phút',
    'tts.preview': 'Nghe thử',
    'tts.previewing': 'Đang tạo giọng đọc…',
    'tts.previewReady': 'Đã có bản nghe thử.',
    'tts.send': 'Phát',
    'tts.schedule': 'Hẹn giờ',
  },
  en: {
    'tts.title': 'Text to speech',
    'tts.bulletinTitle': 'Bulletin title',
    'tts.defaultTitle': 'Text-to-speech bulletin',
    'tts.text': 'Text to read',
    'tts.placeholder': 'Type or paste the bulletin…',
    'tts.count': '{count}/{max} characters',
    'tts.tooLong': 'The text is too long: at most {max} characters.',
    'tts.empty': 'Enter the text to read.',
    'tts.voice': 'Voice',
    'tts.voice.vi': 'Northern voice',
    'tts.voice.vi-vn-x-central': 'Central voice',
    'tts.voice.vi-vn-x-south': 'Southern voice',
    'tts.speed': 'Speaking rate',
    'tts.speedValue': '{rate} words/min',
    'tts.preview': 'Preview',
    'tts.previewing': 'Rendering the voice…',
    'tts.previewReady': 'The preview is ready.',
    'tts.send': 'Broadcast',
    'tts.schedule': 'Schedule',
  },
};

// What the server accepts when GET /api/tts/options cannot be read (older server).
const fallbackOptions = { voices: ['vi', 'vi-vn-x-central', 'vi-vn-x-south'], defaultVoice: 'vi', minimumRate: 80, maximumRate: 450, defaultRate: 165, maxTextLength: 20000 };

export default {
  id: 'tts',
  titleKey: 'tts.title',
  async mount(element, context) {
    ensurePanelStyles();
    context.register(kitStrings);
    context.register(strings);
    const { t, api } = context;
    let options = fallbackOptions;
    try { options = { ...fallbackOptions, ...(await api.get('/api/tts/options')) }; } catch { /* keep the defaults */ }

    const status = statusLine();
    const titleInput = el('input', { type: 'text', value: t('tts.defaultTitle'), maxlength: '200', autocomplete: 'off' });
    const text = el('textarea', { rows: '6', maxlength: String(options.maxTextLength), placeholder: t('tts.placeholder'), class: 'tts-text' });
    const counter = el('small', { class: 'hint', 'aria-live': 'polite' });
    const voice = el('select', {}, options.voices.map(name => el('option', { value: name, selected: name === options.defaultVoice }, t(`tts.voice.${name}`))));
    const rate = el('input', { type: 'range', min: String(options.minimumRate), max: String(Math.min(options.maximumRate, 300)), step: '5', value: String(options.defaultRate) });
    const rateValue = el('output', {});
    const audio = el('audio', { controls: true, preload: 'auto', class: 'preview', hidden: true });
    const previewButton = el('button', { type: 'button', class: 'secondary', dataset: { action: 'preview' }, onclick: preview }, t('tts.preview'));
    const when = whenControls(t);
    const sendButton = el('button', { type: 'button', dataset: { action: 'send' }, onclick: send }, t('tts.send'));
    let previewUrl = null;

    function refresh() {
      counter.textContent = t('tts.count', { count: text.value.length, max: options.maxTextLength });
      counter.dataset.over = String(text.value.length > options.maxTextLength);
      rateValue.textContent = t('tts.speedValue', { rate: rate.value });
      sendButton.textContent = when.mode() === 'now' ? t('tts.send') : t('tts.schedule');
    }
    text.addEventListener('input', refresh);
    rate.addEventListener('input', refresh);
    when.element.addEventListener('change', refresh);

    function checkedText() {
      const value = text.value.trim();
      if (!value) throw new Error(t('tts.empty'));
      if (value.length > options.maxTextLength) throw new Error(t('tts.tooLong', { max: options.maxTextLength }));
      return value;
    }

    async function preview() {
      status.clear();
      let value;
      try { value = checkedText(); } catch (error) { status.show(error.message, 'error'); return; }
      previewButton.disabled = true;
      status.show(t('tts.previewing'));
      try {
        const wav = await api.post('/api/tts/preview', { text: value, voice: voice.value, rate: Number(rate.value) }, { as: 'blob' });
        if (previewUrl) URL.revokeObjectURL(previewUrl);
        previewUrl = URL.createObjectURL(wav);
        audio.src = previewUrl;
        audio.hidden = false;
        status.show(t('tts.previewReady'), 'success');
        await audio.play().catch(() => { /* autoplay refused: the controls are there */ });
      } catch (error) {
        status.show(errorMessage(error), 'error');
      } finally {
        previewButton.disabled = false;
      }
    }

    async function send() {
      status.clear();
      let command;
      try {
        const targets = chosenTargets(context, status);
        if (!targets) return;
        command = {
          title: titleInput.value.trim() || t('tts.defaultTitle'),
          source: { kind: 'tts', text: checkedText(), voice: voice.value, rate: Number(rate.value) },
          ...targets,
          ...when.value(),
        };
      } catch (error) { status.show(error.message, 'error'); return; }
      sendButton.disabled = true;
      status.show(t('panels.working'));
      try {
        const view = await sendBroadcast(context, command);
        status.show(describeStarted(context, view), 'success');
        context.notify(describeStarted(context, view), 'success');
      } catch (error) {
        status.show(errorMessage(error), 'error');
      } finally {
        sendButton.disabled = false;
      }
    }

    element.replaceChildren(el('div', { class: 'panel panel-tts' },
      field(t('tts.bulletinTitle'), titleInput),
      el('div', { class: 'field' }, el('label', { for: (text.id = 'tts-text') }, t('tts.text')), text, counter),
      el('div', { class: 'row' }, field(t('tts.voice'), voice), el('div', { class: 'field' }, el('label', { for: (rate.id = 'tts-rate') }, t('tts.speed')), rate, rateValue)),
      el('div', { class: 'actions' }, previewButton),
      audio,
      when.element,
      el('div', { class: 'actions' }, sendButton),
      status.element));
    status.clear();
    refresh();
  },
};
