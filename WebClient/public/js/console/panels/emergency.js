// Phát tin khẩn cấp: an emergency to the chosen targets, guarded by two confirmations, either read out from text
// (Vietnamese TTS through POST /api/broadcasts, level emergency) or spoken live (the microphone through the broadcast
// hub's StartLive with level emergency: the server chimes first, then airs the voice over everything in scope, with
// the emergency rules of a bulletin). Below: the emergencies on air in scope with a stop button each.
import { ApiError } from '../../lib/api.js';
import { voiceStrings, createMicrophone, startLive, stopLive, UserError } from '../live-voice.js';

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
    'emergency.content': 'Nội dung',
    'emergency.content.live': 'Nói trực tiếp',
    'emergency.content.text': 'Văn bản',
    'emergency.liveExplain': 'Sau khi xác nhận, micro của bạn lên sóng: loa phát chuông báo trước, sau tiếng chuông hãy nói.',
    'emergency.liveLevel': 'Mức âm micro',
    'emergency.sendLive': 'NÓI TIN KHẨN CẤP TRỰC TIẾP',
    'emergency.live.connecting': 'Đang mở micro và kết nối…',
    'emergency.live.starting': 'Đang chờ lên sóng…',
    'emergency.live.onAir': 'ĐANG PHÁT KHẨN CẤP TRỰC TIẾP tới {count} cụm loa — sau tiếng chuông, hãy nói.',
    'emergency.live.waiting': 'Đang chờ: cụm loa đang phát một tin khẩn cấp khác.',
    'emergency.live.stop': 'Kết thúc tin khẩn cấp',
    'emergency.live.stopped': 'Đã kết thúc tin khẩn cấp «{title}».',
    'emergency.live.endedBy': 'Tin khẩn cấp trực tiếp «{title}» đã kết thúc.',
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
    'emergency.content': 'Content',
    'emergency.content.live': 'Speak live',
    'emergency.content.text': 'Text',
    'emergency.liveExplain': 'Once confirmed, your microphone goes on air: the speakers chime first; speak after the chime.',
    'emergency.liveLevel': 'Microphone level',
    'emergency.sendLive': 'SPEAK THE EMERGENCY LIVE',
    'emergency.live.connecting': 'Opening the microphone and connecting…',
    'emergency.live.starting': 'Waiting to go on air…',
    'emergency.live.onAir': 'LIVE EMERGENCY ON AIR to {count} clusters — speak after the chime.',
    'emergency.live.waiting': 'Waiting: the clusters play another emergency.',
    'emergency.live.stop': 'End the emergency',
    'emergency.live.stopped': 'Emergency «{title}» ended.',
    'emergency.live.endedBy': 'The live emergency «{title}» has ended.',
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
      <fieldset class="emergency-content"><legend data-i18n="emergency.content">Nội dung</legend>
        <label><input type="radio" name="emergency-content" value="live"> <span data-i18n="emergency.content.live">Nói trực tiếp</span></label>
        <label><input type="radio" name="emergency-content" value="text" checked> <span data-i18n="emergency.content.text">Văn bản</span></label>
      </fieldset>
      <div id="emergency-live-fields" hidden>
        <p class="hint" data-i18n="emergency.liveExplain"></p>
        <p class="field"><label for="emergency-level" data-i18n="emergency.liveLevel">Mức âm micro</label>
          <meter id="emergency-level" min="0" max="1" low="0.6" high="0.9" optimum="0.5" value="0"></meter></p>
      </div>
      <div id="emergency-text-fields">
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
      </div>
      <p id="emergency-error" class="error" role="alert" hidden></p>
      <button id="emergency-send" type="submit" class="emergency-send"></button>
    </form>
    <div id="emergency-live" class="emergency-live" hidden>
      <div id="emergency-on-air" class="on-air emergency-on-air" role="status" aria-live="assertive" data-phase="off">
        <span class="on-air-lamp" aria-hidden="true"></span><span class="on-air-text"></span>
      </div>
      <button id="emergency-live-stop" type="button" class="emergency-live-stop" data-i18n="emergency.live.stop">Kết thúc tin khẩn cấp</button>
    </div>
  </div>
  <h3 data-i18n="emergency.active">Tin khẩn cấp đang phát</h3>
  <ul id="emergency-active" class="emergency-active"></ul>`;

function mount(element, context) {
  const { t, api } = context;
  context.register(voiceStrings);
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

  // attempt: bumped when a live emergency starts or ends, so a start still connecting knows it was abandoned.
  const live = { phase: 'off', title: '', session: null, pc: null, clustersOnAir: 0, lastError: null, busy: false, attempt: 0 };
  const mic = createMicrophone(t, { meter: $('#emergency-level') });
  const contentMode = () => element.querySelector('input[name=emergency-content]:checked').value;

  const showError = message => { live.lastError = message ?? null; errorBox.textContent = message ?? ''; errorBox.hidden = !message; };
  const describeTargets = () => { $('.emergency-targets').textContent = t('emergency.targets', { targets: context.targets.describe() }); };

  function renderMode() {
    const speaking = contentMode() === 'live';
    $('#emergency-live-fields').hidden = !speaking;
    $('#emergency-text-fields').hidden = speaking;
    if (!live.busy) send.textContent = t(speaking ? 'emergency.sendLive' : 'emergency.send');
  }

  function renderLive() {
    const on = live.phase !== 'off';
    $('#emergency-live').hidden = !on;
    form.hidden = on;
    const box = $('#emergency-on-air');
    box.dataset.phase = live.phase;
    box.classList.toggle('lit', live.phase === 'onAir');
    box.querySelector('.on-air-text').textContent = live.phase === 'connecting' ? t('emergency.live.connecting')
      : live.phase === 'starting' ? t('emergency.live.starting')
        : live.phase === 'waiting' ? t('emergency.live.waiting')
          : live.phase === 'onAir' ? t('emergency.live.onAir', { count: live.clustersOnAir }) : '';
  }

  async function endLive(message) {
    if (live.phase === 'off') return;
    live.attempt += 1;
    const session = live.session ?? { pc: live.pc };
    live.session = null;
    live.pc = null;
    live.phase = 'off';
    renderLive();
    renderMode();
    send.focus();
    await stopLive(context, session);
    mic.close();
    if (message) context.notify(message, 'success');
  }

  /** The live emergency's phase from the console's broadcast list (kept current by the hub's pushes). */
  function syncLive() {
    const id = live.session?.broadcastId;
    if (!id) return;
    const item = context.broadcasts.all().find(broadcast => broadcast.id === id);
    if (!item) return;
    live.clustersOnAir = item.clustersOnAir?.length ?? 0;
    if (item.state === 'ended') {
      const title = live.title;
      endLive(null).then(() => context.notify(t('emergency.live.endedBy', { title }), 'info'));
      return;
    }
    live.phase = item.state === 'onAir' ? 'onAir' : item.state === 'waiting' ? 'waiting' : live.phase;
    renderLive();
  }

  async function speakLive(title, targets) {
    const attempt = ++live.attempt;
    const abandoned = () => attempt !== live.attempt;
    live.title = title;
    live.phase = 'connecting';
    live.clustersOnAir = 0;
    renderLive();
    $('#emergency-live-stop').focus();
    try {
      await mic.open();
      if (abandoned()) { mic.close(); return; }
      live.phase = 'starting';
      renderLive();
      const session = await startLive(context, mic.stream, { title, clusterIds: targets.clusterIds, areaIds: targets.areaIds, level: 'emergency' }, {
        onPeer: pc => { live.pc = pc; },
        onFailed: pc => { if (live.pc === pc) endLive(null).then(() => showError(t('voice.connectionFailed'))); },
      });
      if (abandoned()) {
        // Ended while connecting: end what has just started.
        await stopLive(context, session);
        mic.close();
        return;
      }
      live.session = session;
    } catch (error) {
      if (abandoned()) return;
      live.attempt += 1;
      live.pc = null;
      live.phase = 'off';
      mic.close();
      renderLive();
      renderMode();
      showError(t('emergency.failed', { message: error instanceof UserError ? error.message : String(error?.message ?? error) }));
      send.focus();
      return;
    }
    syncLive();
  }

  for (const radio of element.querySelectorAll('input[name=emergency-content]')) radio.addEventListener('change', () => { showError(null); renderMode(); });
  $('#emergency-live-stop').addEventListener('click', () => endLive(t('emergency.live.stopped', { title: live.title })));

  context.broadcasts.onChange(syncLive);

  form.addEventListener('submit', async event => {
    event.preventDefault();
    showError(null);
    const targets = context.targets.get();
    const title = $('#emergency-title').value.trim() || t('emergency.defaultTitle');
    const text = $('#emergency-text').value.trim();
    const speaking = contentMode() === 'live';
    if (targets.clusterIds.length === 0 && targets.areaIds.length === 0) { showError(t('emergency.noTargets')); return; }
    if (!speaking && !text) { showError(t('emergency.noText')); $('#emergency-text').focus(); return; }
    if (speaking && (!context.hub || context.hub.state !== 'Connected')) { showError(t('voice.noHub')); return; }
    if (!await context.confirm(t('emergency.confirm1', { title, targets: context.targets.describe() }))) return;
    if (!await context.confirm(t('emergency.confirm2', { title }))) return;
    if (speaking) {
      await speakLive(title, targets);
      return;
    }
    const repetitions = $('#emergency-repetitions').value;
    send.disabled = true;
    live.busy = true;
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
      live.busy = false;
      renderMode();
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
  context.onLanguageChanged(() => { describeTargets(); renderActive(); renderMode(); renderLive(); });
  describeTargets();
  renderActive();
  renderMode();
  renderLive();

  window.vanyenEmergencyLive = {
    get pc() { return live.pc; },
    get broadcastId() { return live.session?.broadcastId ?? null; },
    get phase() { return live.phase; },
    get lastError() { return live.lastError; },
    get level() { return mic.level; },
  };
}

export default { id: 'emergency', titleKey: 'emergency.title', mount };
