// Phát trực tiếp: the announcer's microphone on the air through /hubs/broadcast StartLive/StopLive (WebRTC,
// sendonly), press-to-talk (pointer or keyboard hold) or toggle, with an input level meter, a pre-listen of the
// mic and an on-air light that turns on only once receivers report playing this broadcast (ReceiverStatus pushes:
// a receiver's heartbeat names the program it plays).
import { voiceStrings, createMicrophone, startLive, stopLive, UserError } from '../live-voice.js';

const strings = {
  vi: {
    'live.title': 'Phát trực tiếp',
    'live.targets': 'Nơi phát: {targets}',
    'live.programTitle': 'Tên buổi phát',
    'live.defaultTitle': 'Phát trực tiếp',
    'live.mode': 'Cách nói',
    'live.mode.hold': 'Giữ nút để nói',
    'live.mode.toggle': 'Bấm để bật/tắt',
    'live.hold': 'Giữ để nói',
    'live.start': 'Bắt đầu phát',
    'live.stop': 'Dừng phát',
    'live.releaseToStop': 'Đang nói — thả ra để dừng',
    'live.micOpen': 'Bật micro',
    'live.micClose': 'Tắt micro',
    'live.level': 'Mức âm micro',
    'live.monitor': 'Nghe thử micro của mình',
    'live.monitorAdvice': 'Hãy dùng tai nghe khi nghe thử, nếu không loa máy sẽ gây hú.',
    'live.state.off': 'Chưa phát',
    'live.state.connecting': 'Đang kết nối…',
    'live.state.waiting': 'Máy chủ đang phát tới {count} cụm loa, chờ loa xác nhận…',
    'live.state.queued': 'Đang chờ: cụm loa đang phát tin ưu tiên cao hơn.',
    'live.state.lit': 'ĐANG LÊN SÓNG — {count} loa đang phát',
    'live.state.ended': 'Đã dừng phát.',
    'live.noTargets': 'Hãy chọn nơi phát (cụm loa, thôn hoặc xã) ở cây bên cạnh.',
    'live.endedBy.cancelled': 'Buổi phát trực tiếp đã bị huỷ.',
    'live.endedBy.preempted': 'Buổi phát trực tiếp bị tin ưu tiên cao hơn (khẩn cấp) thay thế.',
    'live.endedBy.other': 'Buổi phát trực tiếp đã kết thúc.',
    'live.viewerOnly': 'Vai trò của bạn chỉ được xem, không được phát.',
  },
  en: {
    'live.title': 'Live',
    'live.targets': 'Targets: {targets}',
    'live.programTitle': 'Title',
    'live.defaultTitle': 'Live announcement',
    'live.mode': 'How to talk',
    'live.mode.hold': 'Hold the button to talk',
    'live.mode.toggle': 'Press to switch on/off',
    'live.hold': 'Hold to talk',
    'live.start': 'Start',
    'live.stop': 'Stop',
    'live.releaseToStop': 'Talking — release to stop',
    'live.micOpen': 'Open the microphone',
    'live.micClose': 'Close the microphone',
    'live.level': 'Microphone level',
    'live.monitor': 'Listen to my microphone',
    'live.monitorAdvice': 'Wear headphones while listening, or the speaker will howl.',
    'live.state.off': 'Not on air',
    'live.state.connecting': 'Connecting…',
    'live.state.waiting': 'The server sends to {count} clusters; waiting for the speakers to confirm…',
    'live.state.queued': 'Waiting: the clusters play something more important.',
    'live.state.lit': 'ON AIR — {count} speakers playing',
    'live.state.ended': 'Stopped.',
    'live.noTargets': 'Choose targets (clusters, villages or communes) in the tree.',
    'live.endedBy.cancelled': 'The live broadcast was cancelled.',
    'live.endedBy.preempted': 'The live broadcast was replaced by a more important (emergency) one.',
    'live.endedBy.other': 'The live broadcast ended.',
    'live.viewerOnly': 'Your role may only view, not broadcast.',
  },
};

const template = `
  <h3 class="visually-hidden" data-i18n="live.title">Phát trực tiếp</h3>
  <p class="live-targets" aria-live="polite"></p>
  <p class="field"><label for="live-title" data-i18n="live.programTitle">Tên buổi phát</label>
    <input id="live-title" maxlength="200"></p>
  <fieldset class="live-mode"><legend data-i18n="live.mode">Cách nói</legend>
    <label><input type="radio" name="live-mode" value="hold" checked> <span data-i18n="live.mode.hold">Giữ nút để nói</span></label>
    <label><input type="radio" name="live-mode" value="toggle"> <span data-i18n="live.mode.toggle">Bấm để bật/tắt</span></label>
  </fieldset>
  <button id="live-talk" type="button" class="talk" aria-pressed="false"></button>
  <div id="live-on-air" class="on-air" role="status" aria-live="polite">
    <span class="on-air-lamp" aria-hidden="true"></span><span class="on-air-text"></span>
  </div>
  <p id="live-error" class="error" role="alert" hidden></p>
  <div class="mic-tools">
    <button id="live-mic" type="button" class="secondary"></button>
    <label for="live-level" data-i18n="live.level">Mức âm micro</label>
    <meter id="live-level" min="0" max="1" low="0.6" high="0.9" optimum="0.5" value="0"></meter>
    <label class="monitor"><input id="live-monitor" type="checkbox"> <span data-i18n="live.monitor">Nghe thử micro của mình</span></label>
    <p class="hint" data-i18n="live.monitorAdvice">Hãy dùng tai nghe khi nghe thử, nếu không loa máy sẽ gây hú.</p>
  </div>`;

function mount(element, context) {
  const { t } = context;
  context.register(voiceStrings);
  context.register(strings);
  element.innerHTML = template;
  if (!context.canBroadcast) {
    element.querySelector('#live-talk').disabled = true;
    const note = document.createElement('p');
    note.className = 'hint';
    note.dataset.i18n = 'live.viewerOnly';
    note.textContent = t('live.viewerOnly');
    element.prepend(note);
  }

  const $ = selector => element.querySelector(selector);
  const talk = $('#live-talk');
  const micButton = $('#live-mic');
  const meter = $('#live-level');
  const monitor = $('#live-monitor');
  const errorBox = $('#live-error');
  const onAirBox = $('#live-on-air');
  const title = $('#live-title');
  title.value = t('live.defaultTitle');

  const state = {
    pc: null, broadcastId: null, talking: false, starting: null, releaseRequested: false,
    phase: 'off', clustersOnAir: 0, confirmed: new Set(), lastError: null,
  };
  const mic = createMicrophone(t, { meter, onChange: () => render() });
  const mode = () => element.querySelector('input[name=live-mode]:checked').value;

  function showError(message) {
    state.lastError = message;
    errorBox.textContent = message;
    errorBox.hidden = !message;
  }

  function render() {
    $('.live-targets').textContent = t('live.targets', { targets: context.targets.describe() });
    const holding = mode() === 'hold';
    talk.textContent = state.talking ? (holding ? t('live.releaseToStop') : t('live.stop')) : (holding ? t('live.hold') : t('live.start'));
    talk.setAttribute('aria-pressed', String(state.talking));
    talk.classList.toggle('talking', state.talking);
    micButton.textContent = mic.stream ? t('live.micClose') : t('live.micOpen');
    const lit = state.phase === 'onAir' && state.confirmed.size > 0;
    onAirBox.classList.toggle('lit', lit);
    onAirBox.dataset.phase = lit ? 'lit' : state.phase;
    const text = lit ? t('live.state.lit', { count: state.confirmed.size })
      : state.phase === 'connecting' ? t('live.state.connecting')
        : state.phase === 'onAir' ? t('live.state.waiting', { count: state.clustersOnAir })
          : state.phase === 'waiting' ? t('live.state.queued')
            : state.phase === 'ended' ? t('live.state.ended') : t('live.state.off');
    onAirBox.querySelector('.on-air-text').textContent = text;
  }

  async function startTalking() {
    if (state.talking || state.starting) return;
    showError(null);
    const targets = context.targets.get();
    if (targets.clusterIds.length === 0 && targets.areaIds.length === 0) {
      showError(t('live.noTargets'));
      return;
    }
    if (!context.hub || context.hub.state !== 'Connected') {
      showError(t('voice.noHub'));
      return;
    }
    state.talking = true;
    state.releaseRequested = false;
    state.phase = 'connecting';
    state.confirmed.clear();
    state.clustersOnAir = 0;
    render();
    state.starting = (async () => {
      try {
        await mic.open();
        const live = await startLive(context, mic.stream, {
          title: title.value.trim() || t('live.defaultTitle'),
          clusterIds: targets.clusterIds,
          areaIds: targets.areaIds,
          level: 'normal',
        }, {
          onPeer: pc => { state.pc = pc; },
          onFailed: pc => { if (state.pc === pc) { showError(t('voice.connectionFailed')); stopTalking(); } },
        });
        state.broadcastId = live.broadcastId;
        if (state.phase === 'connecting') state.phase = 'onAir';
      } catch (error) {
        showError(error instanceof UserError ? error.message : String(error?.message ?? error));
        state.releaseRequested = true;
      } finally {
        state.starting = null;
      }
      render();
      if (state.releaseRequested) await stopTalking();
    })();
    await state.starting;
  }

  async function stopTalking() {
    if (state.starting) {
      // Released while still connecting: stop once the start is through.
      state.releaseRequested = true;
      return;
    }
    if (!state.talking) return;
    const id = state.broadcastId;
    state.talking = false;
    state.broadcastId = null;
    if (state.phase !== 'ended') state.phase = 'off';
    const pc = state.pc;
    state.pc = null;
    await stopLive(context, { broadcastId: id, pc });
    render();
  }

  // Press to talk: pointer down/up (captured so a finger sliding off still ends it), Space/Enter held.
  talk.addEventListener('pointerdown', event => {
    if (mode() !== 'hold' || event.button !== 0) return;
    talk.setPointerCapture?.(event.pointerId);
    startTalking();
  });
  const release = () => { if (mode() === 'hold') stopTalking(); };
  talk.addEventListener('pointerup', release);
  talk.addEventListener('pointercancel', release);
  talk.addEventListener('contextmenu', event => event.preventDefault());
  talk.addEventListener('keydown', event => {
    if (event.key !== ' ' && event.key !== 'Enter') return;
    event.preventDefault();
    if (event.repeat) return;
    if (mode() === 'hold') startTalking();
    else if (state.talking) stopTalking(); else startTalking();
  });
  talk.addEventListener('keyup', event => {
    if ((event.key === ' ' || event.key === 'Enter') && mode() === 'hold') { event.preventDefault(); stopTalking(); }
  });
  talk.addEventListener('click', event => {
    // Keyboard presses are handled above (detail 0 is a synthesized click from Enter/Space).
    if (mode() !== 'toggle' || event.detail === 0) return;
    if (state.talking) stopTalking(); else startTalking();
  });
  talk.addEventListener('blur', () => { if (mode() === 'hold') stopTalking(); });
  for (const radio of element.querySelectorAll('input[name=live-mode]')) radio.addEventListener('change', () => { stopTalking(); render(); });

  micButton.addEventListener('click', async () => {
    showError(null);
    if (mic.stream) {
      if (!state.talking) mic.close();
      return;
    }
    try { await mic.open(); } catch (error) { showError(error instanceof UserError ? error.message : String(error?.message ?? error)); }
  });
  monitor.addEventListener('change', () => mic.setMonitor(monitor.checked));

  context.onBroadcastChanged(payload => {
    if (!state.broadcastId || payload.id !== state.broadcastId) return;
    const phase = String(payload.state);
    state.clustersOnAir = payload.clustersOnAir?.length ?? 0;
    if (phase === 'OnAir') state.phase = 'onAir';
    else if (phase === 'Waiting') { state.phase = 'waiting'; state.confirmed.clear(); }
    else if (phase === 'Ended') {
      state.phase = 'ended';
      const reason = String(payload.endReason ?? '').toLowerCase();
      if (state.talking && reason !== 'finished') {
        context.notify(t(reason === 'cancelled' ? 'live.endedBy.cancelled' : reason === 'preempted' ? 'live.endedBy.preempted' : 'live.endedBy.other'), 'error');
      }
      stopTalking();
    }
    render();
  });
  context.onReceiverStatus?.(payload => {
    if (!state.broadcastId) return;
    state.confirmed.clear();
    for (const receiver of payload.receivers ?? []) {
      if (receiver.online && receiver.playingProgramId === state.broadcastId) state.confirmed.add(receiver.receiverId);
    }
    render();
  });
  context.targets.onChange(render);
  context.onLanguageChanged(render);
  render();

  window.vanyenLive = {
    get pc() { return state.pc; },
    get broadcastId() { return state.broadcastId; },
    get phase() { return onAirBox.dataset.phase; },
    get lastError() { return state.lastError; },
    get level() { return mic.level; },
    start: startTalking,
    stop: stopTalking,
  };
}

export default { id: 'live', titleKey: 'live.title', mount };
