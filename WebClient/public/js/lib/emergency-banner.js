// The emergency banner: while an emergency bulletin is on air in the user's scope, a red banner at the top of the
// page says what and where. Used by the console and the dashboard.
//
//   import { startEmergencyBanner } from '/js/lib/emergency-banner.js';
//   const banner = startEmergencyBanner({ api, t, register, onBroadcastChanged }, slotElement);
//   ...
//   banner.stop();
//
// context: api and t/register (js/lib/api.js, js/lib/i18n.js) and onBroadcastChanged(fn) -> unsubscribe, which calls
// fn(payload) for every BroadcastChanged push of /hubs/broadcast (the pushes reach only the scopes that contain
// one of the broadcast's clusters, so every emergency seen is in scope). slot: where the banner goes (default:
// the top of <body>). Emergencies already on air are read once from GET /api/broadcasts.
// The banner element is #emergency-banner (class emergency-banner, role alert), hidden when nothing is on air.
import { onLanguageChanged } from './i18n.js';

const strings = {
  vi: {
    'banner.one': 'ĐANG PHÁT TIN KHẨN CẤP: {title} — {count} cụm loa (người phát: {by})',
    'banner.many': 'ĐANG PHÁT {count} TIN KHẨN CẤP: {titles}',
  },
  en: {
    'banner.one': 'EMERGENCY ON AIR: {title} — {count} clusters (started by {by})',
    'banner.many': '{count} EMERGENCIES ON AIR: {titles}',
  },
};

const camel = value => (typeof value === 'string' && value.length > 0 ? value[0].toLowerCase() + value.slice(1) : value);

/** Starts following emergencies; returns { stop(), emergencies() -> the ones on air now }. */
export function startEmergencyBanner(context, slot) {
  const { api, t } = context;
  context.register?.(strings);
  const onAir = new Map();
  const pushed = new Set();
  const banner = document.createElement('div');
  banner.id = 'emergency-banner';
  banner.className = 'emergency-banner';
  banner.setAttribute('role', 'alert');
  banner.hidden = true;
  (slot ?? document.body).prepend(banner);

  function absorb(broadcast) {
    if (camel(broadcast.priority) !== 'emergency') return;
    if (camel(broadcast.state) === 'onAir' && (broadcast.clustersOnAir?.length ?? 0) > 0) onAir.set(broadcast.id, broadcast);
    else onAir.delete(broadcast.id);
  }

  function render() {
    const list = [...onAir.values()];
    banner.hidden = list.length === 0;
    document.body.classList.toggle('has-emergency', list.length > 0);
    if (list.length === 1) {
      const [one] = list;
      banner.textContent = t('banner.one', { title: one.title, count: one.clustersOnAir.length, by: one.createdBy });
    } else if (list.length > 1) {
      banner.textContent = t('banner.many', { count: list.length, titles: list.map(item => item.title).join('; ') });
    }
  }

  const unsubscribe = context.onBroadcastChanged(payload => { pushed.add(payload.id); absorb(payload); render(); });
  const stopLanguage = onLanguageChanged(render);
  api.get('/api/broadcasts').then(list => {
    for (const item of list ?? []) if (!pushed.has(item.id)) absorb(item); // a push is newer than this list
    render();
  }).catch(error => console.warn('emergency banner: GET /api/broadcasts', error));

  return {
    stop() { unsubscribe(); stopLanguage(); banner.remove(); },
    emergencies: () => [...onAir.values()],
  };
}
