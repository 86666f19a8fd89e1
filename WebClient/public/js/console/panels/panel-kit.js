// Helpers shared by the console's content panels (tts, record, library, relay, schedules): a tiny DOM builder,
// Vietnam-time date/time fields, "broadcast now / schedule" controls and the cron recurrences they create.
// Times announcers type are wall-clock times in Asia/Ho_Chi_Minh (UTC+7, no daylight saving), whatever the
// browser's own time zone is, because the server reads recurrences in that zone too.

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const VIETNAM_OFFSET = '+07:00';

/** Adds /css/panels.css once to the page, so a panel mounted anywhere is styled. */
export function ensurePanelStyles() {
  if (document.querySelector('link[data-panels-css]')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = '/css/panels.css';
  link.dataset.panelsCss = '';
  document.head.append(link);
}

/** el('button', { class: 'x', onclick }, 'text', child…): an element with attributes/properties and children. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name === 'checked' || name === 'selected') {
      // The default too, so that form.reset() comes back to it.
      element[name] = true;
      element[name === 'checked' ? 'defaultChecked' : 'defaultSelected'] = true;
    } else if (name in element && typeof value !== 'string') element[name] = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

let nextId = 0;
/** A unique element id for label/for pairs. */
export function uniqueId(prefix) { nextId += 1; return `${prefix}-${nextId}`; }

/** A <label> + control pair in a .field wrapper. */
export function field(label, control, hint) {
  if (!control.id) control.id = uniqueId('field');
  return el('div', { class: 'field' }, el('label', { for: control.id }, label), control, hint ? el('small', { class: 'hint' }, hint) : null);
}

/** A status line (role=status) the panel writes results and errors into. */
export function statusLine() {
  const line = el('p', { class: 'panel-status', role: 'status', 'aria-live': 'polite' });
  return {
    element: line,
    show(message, kind = 'info') { line.textContent = message; line.dataset.kind = kind; line.hidden = !message; },
    clear() { line.textContent = ''; line.hidden = true; delete line.dataset.kind; },
  };
}

/** The message of an error from api.js (ApiError.userMessage) or anything else. */
export function errorMessage(error) { return error?.userMessage ?? String(error?.message ?? error); }

/** "YYYY-MM-DD" and "HH:MM" of an instant in Vietnam time. */
export function vietnamParts(date) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: VIETNAM_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(date).map(part => [part.type, part.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The instant of a Vietnam wall-clock date ("YYYY-MM-DD") and time ("HH:MM"), as an ISO string with +07:00. */
export function vietnamIso(date, time) { return `${date}T${time}:00${VIETNAM_OFFSET}`; }

/** A date and time shown in Vietnam time, in the page's language. */
export function formatVietnamTime(value, language) {
  const date = value instanceof Date ? value : new Date(value);
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', {
    timeZone: VIETNAM_TIME_ZONE, weekday: 'short', day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).format(date);
}

/** "1:23" from a .NET TimeSpan string ("00:01:23.4560000") or seconds. */
export function formatDuration(value) {
  let seconds = typeof value === 'number' ? value : 0;
  if (typeof value === 'string') {
    const match = /^(?:(\d+)\.)?(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(value);
    if (match) seconds = (Number(match[1] ?? 0) * 86400) + (Number(match[2]) * 3600) + (Number(match[3]) * 60) + Number(match[4]);
  }
  const whole = Math.round(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

// Days of the week as cron numbers (0 = Sunday), in the order a Vietnamese week is shown (Thứ Hai first).
export const WEEK_DAYS = [1, 2, 3, 4, 5, 6, 0];

/** The cron recurrence "minute hour * * days" for a time "HH:MM" on the given days (cron numbers). */
export function cronFor(time, days) {
  const [hour, minute] = time.split(':').map(Number);
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const dayField = sorted.length === 0 || sorted.length === 7 ? '*' : sorted.join(',');
  return `${minute} ${hour} * * ${dayField}`;
}

/** { time, days } when a cron recurrence is one this form writes ("m h * * days"), else null. */
export function parseSimpleCron(cron) {
  const fields = String(cron ?? '').trim().split(/\s+/);
  if (fields.length !== 5 || fields[2] !== '*' || fields[3] !== '*' || !/^\d+$/.test(fields[0]) || !/^\d+$/.test(fields[1])) return null;
  const days = fields[4] === '*' ? [...WEEK_DAYS] : fields[4].split(',').map(Number).map(day => (day === 7 ? 0 : day));
  if (days.some(day => !Number.isInteger(day) || day < 0 || day > 6)) return null;
  return { time: `${fields[1].padStart(2, '0')}:${fields[0].padStart(2, '0')}`, days };
}

function parseCronField(text, min, max) {
  const allowed = new Set();
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText ? Number(stepText) : 1;
    let [from, to] = range === '*' ? [min, max] : range.split('-').map(Number);
    if (to === undefined) to = stepText ? max : from;
    for (let value = from; value <= to; value += step) allowed.add(value);
  }
  return allowed;
}

/**
 * The runs of a numeric five-field cron recurrence (Vietnam wall clock) from `from` (inclusive) to `to`
 * (exclusive), at most `limit`. Month and weekday names are not read (the console writes numbers).
 */
export function cronRuns(cron, from, to, limit = 200) {
  const fields = String(cron).trim().split(/\s+/);
  if (fields.length !== 5 || /[A-Za-z]/.test(cron)) return [];
  const minutes = parseCronField(fields[0], 0, 59);
  const hours = parseCronField(fields[1], 0, 23);
  const daysOfMonth = parseCronField(fields[2], 1, 31);
  const months = parseCronField(fields[3], 1, 12);
  const daysOfWeek = parseCronField(fields[4], 0, 7);
  if (daysOfWeek.has(7)) daysOfWeek.add(0);
  const dayOfMonthRestricted = fields[2] !== '*';
  const dayOfWeekRestricted = fields[4] !== '*';
  const runs = [];
  // Walk Vietnam calendar days: UTC+7 has no daylight saving, so a day is exactly 24 h.
  const startDay = vietnamParts(from).date;
  for (let day = new Date(`${startDay}T00:00:00${VIETNAM_OFFSET}`); day < to && runs.length < limit; day = new Date(day.getTime() + 86400000)) {
    const local = new Date(day.getTime() + (7 * 3600000));
    const dayOfMonth = local.getUTCDate();
    const weekday = local.getUTCDay();
    if (!months.has(local.getUTCMonth() + 1)) continue;
    const monthMatch = daysOfMonth.has(dayOfMonth);
    const weekMatch = daysOfWeek.has(weekday);
    const dayMatches = dayOfMonthRestricted && dayOfWeekRestricted ? monthMatch || weekMatch : monthMatch && weekMatch;
    if (!dayMatches) continue;
    for (const hour of [...hours].sort((a, b) => a - b)) {
      for (const minute of [...minutes].sort((a, b) => a - b)) {
        const run = new Date(day.getTime() + (hour * 3600000) + (minute * 60000));
        if (run >= from && run < to && runs.length < limit) runs.push(run);
      }
    }
  }
  return runs;
}

/** The targets chosen in the console, or null (after telling the user) when there are none. */
export function chosenTargets(context, status) {
  const targets = context.targets.get();
  if ((targets.clusterIds?.length ?? 0) + (targets.areaIds?.length ?? 0) === 0) {
    status.show(context.t('panels.noTargets'), 'error');
    return null;
  }
  return { clusterIds: [...(targets.clusterIds ?? [])], areaIds: [...(targets.areaIds ?? [])] };
}

/**
 * The "when" part of a broadcast form: now, at a date/time, or every chosen weekday at a time.
 * value() returns { startAt?, recurrence? } (nothing for now) or throws an Error with a user message.
 */
export function whenControls(t, { allowNow = true } = {}) {
  const name = uniqueId('when');
  const now = new Date(Date.now() + (5 * 60000));
  const parts = vietnamParts(now);
  const mode = allowNow ? 'now' : 'once';
  const radio = (value, label) => el('label', { class: 'choice' },
    el('input', { type: 'radio', name, value, checked: value === mode, onchange: update }), label);
  const dateInput = el('input', { type: 'date', value: parts.date, required: true });
  const timeInput = el('input', { type: 'time', value: parts.time, required: true });
  const dayBoxes = WEEK_DAYS.map(day => el('label', { class: 'choice day' },
    el('input', { type: 'checkbox', value: String(day), checked: true }), t(`panels.day.${day}`)));
  const dateField = field(t('panels.when.date'), dateInput);
  const timeField = field(t('panels.when.time'), timeInput, t('panels.when.zone'));
  const daysGroup = el('fieldset', { class: 'days' }, el('legend', {}, t('panels.when.days')), dayBoxes);
  const element = el('fieldset', { class: 'when' },
    el('legend', {}, t('panels.when.legend')),
    el('div', { class: 'choices' },
      allowNow ? radio('now', t('panels.when.now')) : null,
      radio('once', t('panels.when.once')),
      radio('weekly', t('panels.when.weekly'))),
    dateField, timeField, daysGroup);

  function selected() { return element.querySelector(`input[name="${name}"]:checked`)?.value ?? mode; }
  function update() {
    const which = selected();
    dateField.hidden = which !== 'once';
    timeField.hidden = which === 'now';
    daysGroup.hidden = which !== 'weekly';
  }
  update();

  return {
    element,
    mode: selected,
    /** Fills the controls from a stored command (startAt, recurrence). */
    set({ startAt, recurrence }) {
      const simple = recurrence ? parseSimpleCron(recurrence) : null;
      const which = recurrence ? 'weekly' : startAt ? 'once' : (allowNow ? 'now' : 'once');
      element.querySelector(`input[name="${name}"][value="${which}"]`).checked = true;
      if (startAt) {
        const at = vietnamParts(new Date(startAt));
        dateInput.value = at.date;
        timeInput.value = at.time;
      }
      if (simple) {
        timeInput.value = simple.time;
        for (const box of daysGroup.querySelectorAll('input')) box.checked = simple.days.includes(Number(box.value));
      }
      update();
    },
    value() {
      const which = selected();
      if (which === 'now') return {};
      if (!timeInput.value) throw new Error(t('panels.when.needTime'));
      if (which === 'once') {
        if (!dateInput.value) throw new Error(t('panels.when.needDate'));
        const startAt = vietnamIso(dateInput.value, timeInput.value);
        if (new Date(startAt) <= new Date()) throw new Error(t('panels.when.past'));
        return { startAt };
      }
      const days = [...daysGroup.querySelectorAll('input:checked')].map(box => Number(box.value));
      if (days.length === 0) throw new Error(t('panels.when.needDays'));
      return { recurrence: cronFor(timeInput.value, days) };
    },
  };
}

/** Sends a broadcast command; returns the server's view. 201 = on air now, 202 = scheduled or awaiting approval. */
export async function sendBroadcast(context, command) {
  return context.api.post('/api/broadcasts', command);
}

/** The sentence for a started / scheduled / pending broadcast view. */
export function describeStarted(context, view) {
  const { t } = context;
  if (String(view.state).toLowerCase() === 'awaitingapproval') return t('panels.sent.awaitingApproval', { title: view.title });
  if (String(view.state).toLowerCase() === 'scheduled') {
    return t('panels.sent.scheduled', { title: view.title, at: view.nextRunAt ? formatVietnamTime(view.nextRunAt, currentLang()) : '' });
  }
  return t('panels.sent.onAir', { title: view.title, targets: context.targets.describe() });
}

function currentLang() { return document.documentElement.lang === 'en' ? 'en' : 'vi'; }
export { currentLang };

/** Strings shared by the panels. */
export const kitStrings = {
  vi: {
    'panels.noTargets': 'Hãy chọn ít nhất một cụm loa hoặc một thôn/xã để phát.',
    'panels.when.legend': 'Thời điểm phát',
    'panels.when.now': 'Phát ngay',
    'panels.when.once': 'Hẹn giờ một lần',
    'panels.when.weekly': 'Lặp lại hằng tuần',
    'panels.when.date': 'Ngày',
    'panels.when.time': 'Giờ',
    'panels.when.zone': 'Giờ Việt Nam (UTC+7)',
    'panels.when.days': 'Các ngày trong tuần',
    'panels.when.needTime': 'Hãy nhập giờ phát.',
    'panels.when.needDate': 'Hãy chọn ngày phát.',
    'panels.when.needDays': 'Hãy chọn ít nhất một ngày trong tuần.',
    'panels.when.past': 'Thời điểm phát đã qua. Hãy chọn một thời điểm trong tương lai.',
    'panels.day.1': 'T2', 'panels.day.2': 'T3', 'panels.day.3': 'T4', 'panels.day.4': 'T5', 'panels.day.5': 'T6', 'panels.day.6': 'T7', 'panels.day.0': 'CN',
    'panels.sent.onAir': 'Đang phát “{title}” tới {targets}.',
    'panels.sent.scheduled': 'Đã hẹn giờ phát “{title}” lúc {at}.',
    'panels.sent.awaitingApproval': '“{title}” đang chờ phê duyệt trước khi phát.',
    'panels.working': 'Đang xử lý…',
  },
  en: {
    'panels.noTargets': 'Choose at least one loudspeaker cluster or village/commune to broadcast to.',
    'panels.when.legend': 'When',
    'panels.when.now': 'Now',
    'panels.when.once': 'Once, at a time',
    'panels.when.weekly': 'Every week',
    'panels.when.date': 'Date',
    'panels.when.time': 'Time',
    'panels.when.zone': 'Vietnam time (UTC+7)',
    'panels.when.days': 'Days of the week',
    'panels.when.needTime': 'Enter a time.',
    'panels.when.needDate': 'Choose a date.',
    'panels.when.needDays': 'Choose at least one day of the week.',
    'panels.when.past': 'That time has passed. Choose a time in the future.',
    'panels.day.1': 'Mon', 'panels.day.2': 'Tue', 'panels.day.3': 'Wed', 'panels.day.4': 'Thu', 'panels.day.5': 'Fri', 'panels.day.6': 'Sat', 'panels.day.0': 'Sun',
    'panels.sent.onAir': 'On air: “{title}” to {targets}.',
    'panels.sent.scheduled': '“{title}” is scheduled for {at}.',
    'panels.sent.awaitingApproval': '“{title}” is waiting for approval before it airs.',
    'panels.working': 'Working…',
  },
};
