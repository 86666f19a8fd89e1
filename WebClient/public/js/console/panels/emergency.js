// Phát tin khẩn cấp: an emergency bulletin (Vietnamese TTS, as POST /api/broadcasts allows; live voice has no
// emergency level on the hub) to the chosen targets, guarded by two confirmations; the emergencies on air in scope
// with a stop button each.
import { ApiError } from '../../lib/api.js';

const strings = {
  vi: {
    'emergency.title': 'Phát tin khẩn cấp',
    'emergency.heading': 'Tin khẩn cấp',
    'emergency.explain': 'Tin khẩn cấp ngắt mọi chương trình đang phát trên các cụm loa đã chọn, có chuông báo trước, không cần duyệt.',
    'emergency.targets': 'Nơi phát: {targets}',
    'emergency.programTitle': 'Tiêu đề',
    'emergency.defaultTitle': 'Thông báo khẩn cấp',
    'emergency.text': 'Nội dung (máy đọc thành giọng nói)',
    'emergency.voice': 'Giọng đọc',
    'emergency.voice.vi': 'Giọng miền Bắc',
    'emergency.voice.central': 'Giọng miền Trung',
    'emergency.voice.south': 'Giọng miền Nam',
    'emergency.repetitions': 'Số lần phát',
    'emergency.untilCancelled': 'Lặp lại đến khi dừng',
    'emergency.chime': 'Chuông báo trước',
    'emergency.send': 'PHÁT TIN KHẨN CẤP',
    'emergency.sending': 'Đang gửi…',
    'emergency.noTargets': 'Hãy chọn nơi phát ở cây bên cạnh.',
    'emergency.noText': 'Hãy nhập nội dung tin khẩn cấp.',
    'emergency.confirm1': 'Phát tin KHẨN CẤP «{title}» tới: {targets}? Mọi chương trình đang phát ở đó sẽ bị ngắt.',
    'emergency.confirm2': 'Xác nhận lần cuối: phát tin khẩn cấp «{title}» ngay bây giờ?',
    'emergency.sent': 'Đã phát tin khẩn cấp «{title}».',
    'emergency.failed': 'Không phát được tin khẩn cấp: {message}',
    'emergency.active': 'Tin khẩn cấp đang phát',
    'emergency.none': 'Không có tin khẩn cấp nào đang phát.',
    'emergency.activeItem': '{title} — {count} cụm loa, người phát: {by}',
    'emergency.stop': 'Dừng tin khẩn cấp',
    'emergency.stopConfirm': 'Dừng tin khẩn cấp «{title}»?',
    'emergency.stopped': 'Đã dừng tin khẩn cấp «{title}».',
    'emergency.stopFailed': 'Không dừng được: {message}',
    'emergency.viewerOnly': 'Vai trò của bạn chỉ được xem, không được phát.',
  },
  en: {
    'emergency.title': 'Emergency',
    'emergency.heading': 'Emergency bulletin',
    'emergency.explain': 'An emergency interrupts whatever plays on the chosen clusters, starts with a chime and needs no approval.',
    'emergency.targets': 'Targets: {targets}',
    'emergency.programTitle': 'Title',
    'emergency.defaultTitle': 'Emergency announcement',
    'emergency.text': 'Text (read out by the speech synthesizer)',
    'emergency.voice': 'Voice',
    'emergency.voice.vi': 'Northern voice',
    'emergency.voice.central': 'Central voice',
    'emergency.voice.south': 'Southern voice',
    'emergency.repetitions': 'Plays',
    'emergency.untilCancelled': 'Repeat until stopped',
    'emergency.chime': 'Chime first',
    'emergency.send': 'BROADCAST THE EMERGENCY',
    'emergency.sending': 'Sending…',
    'emergency.noTargets': 'Choose targets in the tree.',
    'emergency.noText': 'Type the emergency text.',
    'emergency.confirm1': 'Broadcast the EMERGENCY «{title}» to: {targets}? Everything playing there will be interrupted.',
    'emergency.confirm2': 'Last confirmation: broadcast the emergency «{title}» now?',
    'emergency.sent': 'Emergency «{title}» is on its way.',
    'emergency.failed': 'The emergency was not broadcast: {message}',
    'emergency.active': 'Emergencies on air',
    'emergency.none': 'No emergency is on air.',
    'emergency.activeItem': '{title} — {count} clusters, started by {by}',
    'emergency.stop': 'Stop the emergency',
    'emergency.stopConfirm': 'Stop the emergency «{title}»?',
    'emergency.stopped': 'Emergency «{title}» stopped.',
    'emergency.stopFailed': 'Could not stop it: {message}',
    'emergency.viewerOnly': 'Your role may only view, not broadcast.',
  },
};

const template = `
  <div class="emergency-box">
    <h3 data-i18n="emergency.heading">Tin khẩn cấp</h3>
    <p data-i18n="emergency.explain"></p>
    <form id="emergency-form" novalidate>
      <p class="emergency-targets" aria-live="polite"></p>
      <p class="field"><label for="emergency-title" data-i18n="emergency.programTitle">Tiêu đề</label>
        <input id="emergency-title" maxlength="200"></p>
      <p class="field"><label for="emergency-text" data-i18n="emergency.text">Nội dung</label>
        <textarea id="emergency-text" rows="4" maxlength="20000"></textarea></p>
      <div class="field-row">
        <p class="field"><label for="emergency-voice" data-i18n="emergency.voice">Giọng đọc</label>
          <select id="emergency-voice">
            <option value="vi" data-i18n="emergency.voice.vi">Giọng miền Bắc</option>
            <option value="vi-vn-x-central" data-i18n="emergency.voice.central">Giọng miền Trung</option>
            <option value="vi-vn-x-south" data-i18n="emergency.voice.south">Giọng miền Nam</option>
          </select></p>
        <p class="field"><label for="emergency-repetitions" data-i18n="emergency.repetitions">Số lần phát</label>
          <select id="emergency-repetitions">
            <option value="1">1</option><option value="2" selected>2</option><option value="3">3</option><option value="5">5</option>
            <option value="until" data-i18n="emergency.untilCancelled">Lặp lại đến khi dừng</option>
          </select></p>
      </div>
      <label class="check"><input id="emergency-chime" type="checkbox" checked> <span data-i18n="emergency.chime">Chuông báo trước</span></label>
      <p id="emergency-error" class="error" role="alert" hidden></p>
      <button id="emergency-send" type="submit" class="emergency-send" data-i18n="emergency.send">PHÁT TIN KHẨN CẤP</button>
    </form>
  </div>
  <h3 data-i18n="emergency.active">Tin khẩn cấp đang phát</h3>
  <ul id="emergency-active" class="emergency-active"></ul>`;

function mount(element, context) {
  const { t, api } = context;
  context.register(strings);
  element.innerHTML = template;
  const $ = selector => element.querySelector(selector);
  const form = $('#emergency-form');
  const send = $('#emergency-send');
  const errorBox = $('#emergency-error');
  $('#emergency-title').value = t('emergency.defaultTitle');
  if (!context.canBroadcast) {
    for (const control of form.elements) control.disabled = true;
    const note = document.createElement('p');
    note.className = 'hint';
    note.dataset.i18n = 'emergency.viewerOnly';
    note.textContent = t('emergency.viewerOnly');
    form.prepend(note);
  }

  const showError = message => { errorBox.textContent = message ?? ''; errorBox.hidden = !message; };
  const describeTargets = () => { $('.emergency-targets').textContent = t('emergency.targets', { targets: context.targets.describe() }); };

  form.addEventListener('submit', async event => {
    event.preventDefault();
    showError(null);
    const targets = context.targets.get();
    const title = $('#emergency-title').value.trim() || t('emergency.defaultTitle');
    const text = $('#emergency-text').value.trim();
    if (targets.clusterIds.length === 0 && targets.areaIds.length === 0) { showError(t('emergency.noTargets')); return; }
    if (!text) { showError(t('emergency.noText')); $('#emergency-text').focus(); return; }
    if (!await context.confirm(t('emergency.confirm1', { title, targets: context.targets.describe() }))) return;
    if (!await context.confirm(t('emergency.confirm2', { title }))) return;
    const repetitions = $('#emergency-repetitions').value;
    send.disabled = true;
    send.textContent = t('emergency.sending');
    try {
      await api.post('/api/broadcasts', {
        title,
        source: { kind: 'tts', text, voice: $('#emergency-voice').value },
        level: 'emergency',
        clusterIds: targets.clusterIds,
        areaIds: targets.areaIds,
        repetitions: repetitions === 'until' ? null : Number(repetitions),
        chime: $('#emergency-chime').checked,
      });
      context.notify(t('emergency.sent', { title }), 'success');
    } catch (error) {
      const message = error instanceof ApiError ? error.userMessage : String(error?.message ?? error);
      showError(t('emergency.failed', { message }));
    } finally {
      send.disabled = !context.canBroadcast;
      send.textContent = t('emergency.send');
    }
  });

  function renderActive() {
    const list = $('#emergency-active');
    const active = context.broadcasts.all().filter(item => item.priority === 'emergency' && (item.state === 'onAir' || item.state === 'waiting'));
    if (active.length === 0) {
      const empty = document.createElement('li');
      empty.className = 'hint';
      empty.textContent = t('emergency.none');
      list.replaceChildren(empty);
      return;
    }
    list.replaceChildren(...active.map(item => {
      const row = document.createElement('li');
      row.dataset.broadcastId = item.id;
      const text = document.createElement('span');
      text.textContent = t('emergency.activeItem', { title: item.title, count: item.clustersOnAir.length, by: item.createdBy });
      row.append(text);
      if (context.canCancel ? context.canCancel(item) : context.canBroadcast) {
        const stop = document.createElement('button');
        stop.type = 'button';
        stop.className = 'danger small emergency-stop';
        stop.textContent = t('emergency.stop');
        stop.addEventListener('click', async () => {
          if (!await context.confirm(t('emergency.stopConfirm', { title: item.title }))) return;
          try {
            await api.post(`/api/broadcasts/${encodeURIComponent(item.id)}/cancel`, {});
            context.notify(t('emergency.stopped', { title: item.title }), 'success');
          } catch (error) {
            context.notify(t('emergency.stopFailed', { message: error instanceof ApiError ? error.userMessage : String(error) }), 'error');
          }
        });
        row.append(stop);
      }
      return row;
    }));
  }

  context.targets.onChange(describeTargets);
  context.broadcasts.onChange(renderActive);
  context.onLanguageChanged(() => { describeTargets(); renderActive(); });
  describeTargets();
  renderActive();
}

export default { id: 'emergency', titleKey: 'emergency.title', mount };
