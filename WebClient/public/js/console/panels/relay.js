// Tiếp sóng: relay a configured radio station (GET /api/relay/stations) to the chosen targets — start now,
// stop, or schedule (once or weekly, for a set length such as 06:00–06:30).
import { el, field, statusLine, errorMessage, chosenTargets, whenControls, sendBroadcast, describeStarted, formatVietnamTime, currentLang, ensurePanelStyles, kitStrings } from './panel-kit.js';

const strings = {
  vi: {
    'relay.title': 'Tiếp sóng',
    'relay.station': 'Đài cần tiếp sóng',
    'relay.noStations': 'Chưa cấu hình đài nào để tiếp sóng (VanYen:Relay:Stations).',
    'relay.duration': 'Thời lượng (phút, để trống là đến khi dừng)',
    'relay.start': 'Bắt đầu tiếp sóng',
    'relay.schedule': 'Hẹn giờ tiếp sóng',
    'relay.stop': 'Dừng',
    'relay.stopped': 'Đã dừng tiếp sóng “{title}”.',
    'relay.active': 'Đang tiếp sóng và đã hẹn',
    'relay.none': 'Không có chương trình tiếp sóng nào.',
    'relay.badDuration': 'Thời lượng phải từ 1 đến 1440 phút.',
    'relay.state.onAir': 'đang phát',
    'relay.state.waiting': 'đang chờ',
    'relay.state.scheduled': 'hẹn lúc {at}',
    'relay.state.awaitingApproval': 'chờ duyệt',
  },
  en: {
    'relay.title': 'Relay',
    'relay.station': 'Station to relay',
    'relay.noStations': 'No relay station is configured (VanYen:Relay:Stations).',
    'relay.duration': 'Length (minutes; empty = until stopped)',
    'relay.start': 'Start relaying',
    'relay.schedule': 'Schedule the relay',
    'relay.stop': 'Stop',
    'relay.stopped': 'Stopped relaying “{title}”.',
    'relay.active': 'Relays on air and scheduled',
    'relay.none': 'No relay is on air or scheduled.',
    'relay.badDuration': 'The length must be 1 to 1440 minutes.',
    'relay.state.onAir': 'on air',
    'relay.state.waiting': 'waiting',
    'relay.state.scheduled': 'at {at}',
    'relay.state.awaitingApproval': 'awaiting approval',
  },
};

/** "HH:MM:SS" for a TimeSpan from minutes. */
function timeSpan(minutes) {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;
}

export default {
  id: 'relay',
  titleKey: 'relay.title',
  async mount(element, context) {
    ensurePanelStyles();
    context.register(kitStrings);
    context.register(strings);
    const { t, api } = context;
    const status = statusLine();
    let stations = [];
    try { stations = await api.get('/api/relay/stations'); } catch (error) { status.show(errorMessage(error), 'error'); }

    const stationSelect = el('select', { dataset: { field: 'station' } }, stations.map(station => el('option', { value: station.id }, station.name)));
    const duration = el('input', { type: 'number', min: '1', max: '1440', step: '1', inputmode: 'numeric' });
    const when = whenControls(t);
    const startButton = el('button', { type: 'button', dataset: { action: 'start' }, onclick: start, disabled: stations.length === 0 }, t('relay.start'));
    when.element.addEventListener('change', () => { startButton.textContent = when.mode() === 'now' ? t('relay.start') : t('relay.schedule'); });
    const list = el('ul', { class: 'relay-list', 'aria-label': t('relay.active') });

    async function start() {
      status.clear();
      const station = stations.find(candidate => candidate.id === stationSelect.value);
      if (!station) return;
      let command;
      try {
        const targets = chosenTargets(context, status);
        if (!targets) return;
        const minutes = duration.value ? Number(duration.value) : null;
        if (minutes !== null && (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440)) throw new Error(t('relay.badDuration'));
        command = {
          title: station.name,
          source: { kind: 'relay', stationId: station.id },
          level: 'relay',
          ...(minutes ? { duration: timeSpan(minutes) } : {}),
          ...targets,
          ...when.value(),
        };
      } catch (error) { status.show(error.message, 'error'); return; }
      startButton.disabled = true;
      try {
        const view = await sendBroadcast(context, command);
        status.show(describeStarted(context, view), 'success');
        context.notify(describeStarted(context, view), 'success');
        await load();
      } catch (error) {
        status.show(errorMessage(error), 'error');
      } finally {
        startButton.disabled = false;
      }
    }

    async function stopRelay(view) {
      status.clear();
      try {
        await api.post(`/api/broadcasts/${encodeURIComponent(view.id)}/cancel`);
        status.show(t('relay.stopped', { title: view.title }), 'success');
        await load();
      } catch (error) {
        status.show(errorMessage(error), 'error');
      }
    }

    function stateText(view) {
      const state = String(view.state);
      const key = state.charAt(0).toLowerCase() + state.slice(1);
      return t(`relay.state.${key}`, { at: view.nextRunAt ? formatVietnamTime(view.nextRunAt, currentLang()) : '' });
    }

    async function load() {
      try {
        const all = await api.get('/api/broadcasts');
        const relays = all.filter(view => String(view.sourceKind).toLowerCase() === 'relay' && String(view.state).toLowerCase() !== 'ended');
        list.replaceChildren(...(relays.length ? relays.map(view => el('li', { class: 'relay-item', dataset: { broadcastId: view.id, state: String(view.state) } },
          el('span', { class: 'item-name' }, view.title), ' ', el('small', { class: 'hint' }, stateText(view)),
          el('button', { type: 'button', class: 'danger', dataset: { action: 'stop' }, onclick: () => stopRelay(view) }, t('relay.stop'))))
          : [el('li', { class: 'hint' }, t('relay.none'))]));
      } catch (error) {
        status.show(errorMessage(error), 'error');
      }
    }

    let pending = null;
    context.onBroadcastChanged?.(payload => {
      if (String(payload?.sourceKind ?? '').toLowerCase() !== 'relay') return;
      clearTimeout(pending);
      pending = setTimeout(load, 200);
    });

    element.replaceChildren(el('div', { class: 'panel panel-relay' },
      stations.length ? field(t('relay.station'), stationSelect) : el('p', { class: 'hint' }, t('relay.noStations')),
      field(t('relay.duration'), duration),
      when.element,
      el('div', { class: 'actions' }, startButton),
      status.element,
      el('h3', {}, t('relay.active')),
      list));
    if (!status.element.textContent) status.clear();
    await load();
  },
};
