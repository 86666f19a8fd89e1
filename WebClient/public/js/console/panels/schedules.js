// Lịch phát: the scheduled bulletins of the user's scope — list, create (once or weekly), edit (PATCH
// /api/broadcasts/{id}), delete, and a week view (7 columns, each run placed at its time; weekly ones expanded).
import {
  el, field, statusLine, errorMessage, chosenTargets, whenControls, sendBroadcast, describeStarted, formatVietnamTime, currentLang,
  vietnamParts, cronRuns, parseSimpleCron, WEEK_DAYS, VIETNAM_TIME_ZONE, ensurePanelStyles, kitStrings,
} from './panel-kit.js';

const strings = {
  vi: {
    'schedules.title': 'Lịch phát',
    'schedules.new': 'Tạo lịch phát mới',
    'schedules.edit': 'Sửa lịch phát',
    'schedules.name': 'Tiêu đề',
    'schedules.kind': 'Nội dung phát',
    'schedules.kind.tts': 'Văn bản (đọc tự động)',
    'schedules.kind.file': 'Tệp trong thư viện',
    'schedules.text': 'Văn bản cần đọc',
    'schedules.file': 'Tệp âm thanh',
    'schedules.noFiles': 'Thư viện chưa có tệp nào.',
    'schedules.create': 'Tạo lịch',
    'schedules.save': 'Lưu thay đổi',
    'schedules.cancelEdit': 'Thôi',
    'schedules.retarget': 'Phát tới các cụm/thôn đang chọn (thay cho đích cũ)',
    'schedules.saved': 'Đã lưu lịch “{title}”.',
    'schedules.list': 'Các lịch đã hẹn',
    'schedules.none': 'Chưa có lịch phát nào.',
    'schedules.editButton': 'Sửa',
    'schedules.delete': 'Xoá',
    'schedules.confirmDelete': 'Xoá lịch phát “{title}”?',
    'schedules.deleted': 'Đã xoá lịch “{title}”.',
    'schedules.next': 'Lần tới: {at}',
    'schedules.weekly': 'Hằng tuần {days} lúc {time}',
    'schedules.cron': 'Lặp lại: {cron}',
    'schedules.awaiting': 'Chờ phê duyệt',
    'schedules.needText': 'Hãy nhập văn bản cần đọc.',
    'schedules.needFile': 'Hãy chọn một tệp trong thư viện.',
    'schedules.week': 'Lịch tuần',
    'schedules.prevWeek': 'Tuần trước',
    'schedules.thisWeek': 'Tuần này',
    'schedules.nextWeek': 'Tuần sau',
    'schedules.weekOf': 'Tuần từ {from} đến {to}',
    'schedules.started': 'Lịch này đã bắt đầu phát nên không sửa được nữa.',
  },
  en: {
    'schedules.title': 'Schedules',
    'schedules.new': 'New schedule',
    'schedules.edit': 'Edit schedule',
    'schedules.name': 'Title',
    'schedules.kind': 'What to play',
    'schedules.kind.tts': 'Text (read aloud)',
    'schedules.kind.file': 'A library file',
    'schedules.text': 'Text to read',
    'schedules.file': 'Audio file',
    'schedules.noFiles': 'The library is empty.',
    'schedules.create': 'Create',
    'schedules.save': 'Save changes',
    'schedules.cancelEdit': 'Cancel',
    'schedules.retarget': 'Send to the clusters/villages chosen now (instead of the old targets)',
    'schedules.saved': 'Saved “{title}”.',
    'schedules.list': 'Scheduled bulletins',
    'schedules.none': 'Nothing is scheduled.',
    'schedules.editButton': 'Edit',
    'schedules.delete': 'Delete',
    'schedules.confirmDelete': 'Delete the schedule “{title}”?',
    'schedules.deleted': 'Deleted “{title}”.',
    'schedules.next': 'Next: {at}',
    'schedules.weekly': 'Every {days} at {time}',
    'schedules.cron': 'Repeats: {cron}',
    'schedules.awaiting': 'Awaiting approval',
    'schedules.needText': 'Enter the text to read.',
    'schedules.needFile': 'Choose a library file.',
    'schedules.week': 'Week',
    'schedules.prevWeek': 'Previous week',
    'schedules.thisWeek': 'This week',
    'schedules.nextWeek': 'Next week',
    'schedules.weekOf': 'Week of {from} to {to}',
    'schedules.started': 'This schedule has started playing and can no longer be edited.',
  },
};

const DAY = 86400000;

/** Monday 00:00 (Vietnam time) of the week holding `date`. */
function weekStart(date) {
  const local = new Date(date.getTime() + (7 * 3600000));
  const sinceMonday = (local.getUTCDay() + 6) % 7;
  return new Date(`${vietnamParts(new Date(date.getTime() - (sinceMonday * DAY))).date}T00:00:00+07:00`);
}

function isPending(view) {
  const state = String(view.state).toLowerCase();
  return state === 'scheduled' || state === 'awaitingapproval';
}

export default {
  id: 'schedules',
  titleKey: 'schedules.title',
  async mount(element, context) {
    ensurePanelStyles();
    context.register(kitStrings);
    context.register(strings);
    const { t, api } = context;
    const status = statusLine();
    let schedules = [];
    let library = [];
    let editing = null; // the id being edited, or null when creating
    let shownWeek = weekStart(new Date());

    // The form: title, source (text or library file), when (once / weekly).
    const titleInput = el('input', { type: 'text', maxlength: '200', autocomplete: 'off', dataset: { field: 'title' } });
    const kindName = `schedule-kind-${Math.random().toString(36).slice(2)}`;
    const kindRadio = (value, label) => el('label', { class: 'choice' }, el('input', { type: 'radio', name: kindName, value, checked: value === 'tts', onchange: updateKind }), label);
    const textInput = el('textarea', { rows: '3', dataset: { field: 'text' } });
    const fileSelect = el('select', { dataset: { field: 'file' } });
    const textField = field(t('schedules.text'), textInput);
    const fileField = field(t('schedules.file'), fileSelect);
    const when = whenControls(t, { allowNow: false });
    const retarget = el('input', { type: 'checkbox' });
    const retargetField = el('label', { class: 'choice', hidden: true }, retarget, t('schedules.retarget'));
    const heading = el('h3', {}, t('schedules.new'));
    const submit = el('button', { type: 'submit', dataset: { action: 'submit' } }, t('schedules.create'));
    const cancelEdit = el('button', { type: 'button', class: 'secondary', hidden: true, onclick: resetForm }, t('schedules.cancelEdit'));
    const form = el('form', { class: 'schedule-form', onsubmit: save },
      heading,
      field(t('schedules.name'), titleInput),
      el('fieldset', { class: 'kind' }, el('legend', {}, t('schedules.kind')),
        el('div', { class: 'choices' }, kindRadio('tts', t('schedules.kind.tts')), kindRadio('file', t('schedules.kind.file')))),
      textField, fileField, when.element, retargetField,
      el('div', { class: 'actions' }, submit, cancelEdit));

    const list = el('ul', { class: 'schedule-list', 'aria-label': t('schedules.list') });
    const weekLabel = el('p', { class: 'week-label', 'aria-live': 'polite' });
    const weekGrid = el('div', { class: 'week-grid', role: 'table', 'aria-label': t('schedules.week') });
    const weekNav = el('div', { class: 'actions week-nav' },
      el('button', { type: 'button', class: 'secondary', dataset: { action: 'prev-week' }, onclick: () => moveWeek(-1) }, t('schedules.prevWeek')),
      el('button', { type: 'button', class: 'secondary', dataset: { action: 'this-week' }, onclick: () => moveWeek(0) }, t('schedules.thisWeek')),
      el('button', { type: 'button', class: 'secondary', dataset: { action: 'next-week' }, onclick: () => moveWeek(1) }, t('schedules.nextWeek')));

    function kind() { return form.querySelector(`input[name="${kindName}"]:checked`)?.value ?? 'tts'; }
    function updateKind() {
      textField.hidden = kind() !== 'tts';
      fileField.hidden = kind() !== 'file';
    }

    function fillLibrary(selectedId) {
      fileSelect.replaceChildren(...(library.length
        ? library.map(item => el('option', { value: String(item.id), selected: item.id === selectedId }, item.name))
        : [el('option', { value: '' }, t('schedules.noFiles'))]));
    }

    function resetForm() {
      editing = null;
      form.reset();
      heading.textContent = t('schedules.new');
      submit.textContent = t('schedules.create');
      cancelEdit.hidden = true;
      retargetField.hidden = true;
      when.set({ startAt: null, recurrence: null });
      form.querySelector(`input[name="${kindName}"][value="tts"]`).checked = true;
      updateKind();
    }

    function source() {
      if (kind() === 'tts') {
        const text = textInput.value.trim();
        if (!text) throw new Error(t('schedules.needText'));
        return { kind: 'tts', text };
      }
      const id = Number(fileSelect.value);
      if (!id) throw new Error(t('schedules.needFile'));
      return { kind: 'file', libraryItemId: id };
    }

    async function save(event) {
      event.preventDefault();
      status.clear();
      try {
        const title = titleInput.value.trim() || (kind() === 'file' ? fileSelect.selectedOptions[0]?.textContent : t('schedules.title'));
        const timing = when.value();
        if (editing) {
          const change = { title, source: source(), ...(timing.recurrence ? { recurrence: timing.recurrence } : { startAt: timing.startAt, recurrence: '' }) };
          if (retarget.checked) {
            const targets = chosenTargets(context, status);
            if (!targets) return;
            Object.assign(change, targets);
          }
          submit.disabled = true;
          const view = await api.patch(`/api/broadcasts/${encodeURIComponent(editing)}`, change);
          status.show(t('schedules.saved', { title: view.title }), 'success');
          resetForm();
        } else {
          const targets = chosenTargets(context, status);
          if (!targets) return;
          submit.disabled = true;
          const view = await sendBroadcast(context, { title, source: source(), ...targets, ...timing });
          status.show(describeStarted(context, view), 'success');
          resetForm();
        }
        await load();
      } catch (error) {
        status.show(error?.status === 409 ? t('schedules.started') : (error.userMessage ?? error.message), 'error');
      } finally {
        submit.disabled = false;
      }
    }

    async function edit(view) {
      status.clear();
      try {
        const command = await api.get(`/api/broadcasts/${encodeURIComponent(view.id)}/command`);
        editing = view.id;
        heading.textContent = t('schedules.edit');
        submit.textContent = t('schedules.save');
        cancelEdit.hidden = false;
        retargetField.hidden = false;
        retarget.checked = false;
        titleInput.value = command.title;
        const sourceKind = String(command.source.kind).toLowerCase() === 'file' ? 'file' : 'tts';
        form.querySelector(`input[name="${kindName}"][value="${sourceKind}"]`).checked = true;
        textInput.value = command.source.text ?? '';
        fillLibrary(command.source.libraryItemId ?? null);
        when.set({ startAt: command.recurrence ? null : (command.startAt ?? view.nextRunAt), recurrence: command.recurrence ?? null });
        updateKind();
        form.scrollIntoView?.({ block: 'start' });
        titleInput.focus();
      } catch (error) {
        status.show(error?.status === 409 ? t('schedules.started') : errorMessage(error), 'error');
      }
    }

    async function remove(view) {
      status.clear();
      if (!await context.confirm(t('schedules.confirmDelete', { title: view.title }))) return;
      try {
        await api.post(`/api/broadcasts/${encodeURIComponent(view.id)}/cancel`);
        status.show(t('schedules.deleted', { title: view.title }), 'success');
        if (editing === view.id) resetForm();
        await load();
      } catch (error) {
        status.show(errorMessage(error), 'error');
      }
    }

    function describeRecurrence(cron) {
      const simple = parseSimpleCron(cron);
      if (!simple) return t('schedules.cron', { cron });
      const days = WEEK_DAYS.filter(day => simple.days.includes(day)).map(day => t(`panels.day.${day}`)).join(', ');
      return t('schedules.weekly', { days, time: simple.time });
    }

    function renderList() {
      list.replaceChildren(...(schedules.length ? schedules.map(view => el('li', { class: 'schedule-item', dataset: { broadcastId: view.id } },
        el('div', { class: 'item-head' },
          el('span', { class: 'item-name' }, view.title),
          view.nextRunAt ? el('small', { class: 'hint next-run' }, t('schedules.next', { at: formatVietnamTime(view.nextRunAt, currentLang()) })) : null,
          view.recurrence ? el('small', { class: 'hint' }, describeRecurrence(view.recurrence)) : null,
          String(view.state).toLowerCase() === 'awaitingapproval' ? el('small', { class: 'badge' }, t('schedules.awaiting')) : null),
        el('div', { class: 'actions' },
          el('button', { type: 'button', class: 'secondary', dataset: { action: 'edit' }, onclick: () => edit(view) }, t('schedules.editButton')),
          el('button', { type: 'button', class: 'secondary danger', dataset: { action: 'delete' }, onclick: () => remove(view) }, t('schedules.delete')))))
        : [el('li', { class: 'hint' }, t('schedules.none'))]));
    }

    function renderWeek() {
      const from = shownWeek;
      const to = new Date(from.getTime() + (7 * DAY));
      const language = currentLang();
      const dayFormat = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', { timeZone: VIETNAM_TIME_ZONE, weekday: 'short', day: '2-digit', month: '2-digit' });
      const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: VIETNAM_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
      weekLabel.textContent = t('schedules.weekOf', { from: dayFormat.format(from), to: dayFormat.format(new Date(to.getTime() - DAY)) });
      const columns = [];
      for (let index = 0; index < 7; index++) {
        const day = new Date(from.getTime() + (index * DAY));
        columns.push({ day, date: vietnamParts(day).date, runs: [] });
      }
      for (const view of schedules) {
        const runs = view.recurrence
          ? cronRuns(view.recurrence, view.nextRunAt && new Date(view.nextRunAt) > from ? new Date(view.nextRunAt) : from, to)
          : (view.nextRunAt ? [new Date(view.nextRunAt)] : []);
        for (const run of runs) {
          if (run < from || run >= to) continue;
          const column = columns.find(candidate => candidate.date === vietnamParts(run).date);
          column?.runs.push({ run, view });
        }
      }
      weekGrid.replaceChildren(...columns.map(column => {
        column.runs.sort((a, b) => a.run - b.run);
        return el('div', { class: 'week-day', role: 'row', dataset: { date: column.date } },
          el('div', { class: 'week-day-name', role: 'rowheader' }, dayFormat.format(column.day)),
          el('ol', { class: 'week-runs' }, column.runs.map(({ run, view }) => el('li', {
            class: `week-run${view.recurrence ? ' recurring' : ''}`, role: 'cell', dataset: { broadcastId: view.id, time: timeFormat.format(run) },
          }, el('time', { datetime: run.toISOString() }, timeFormat.format(run)), ' ', view.title))));
      }));
    }

    function moveWeek(direction) {
      shownWeek = direction === 0 ? weekStart(new Date()) : new Date(shownWeek.getTime() + (direction * 7 * DAY));
      renderWeek();
    }

    async function load() {
      try {
        const [all, items] = await Promise.all([api.get('/api/broadcasts'), api.get('/api/library').catch(() => library)]);
        schedules = all.filter(isPending).sort((a, b) => String(a.nextRunAt ?? '').localeCompare(String(b.nextRunAt ?? '')));
        library = items;
        if (!editing) fillLibrary(Number(fileSelect.value) || null);
        renderList();
        renderWeek();
      } catch (error) {
        status.show(errorMessage(error), 'error');
      }
    }

    let pending = null;
    context.onBroadcastChanged?.(() => {
      clearTimeout(pending);
      pending = setTimeout(load, 200);
    });

    element.replaceChildren(el('div', { class: 'panel panel-schedules' },
      form, status.element,
      el('h3', {}, t('schedules.list')), list,
      el('h3', {}, t('schedules.week')), weekNav, weekLabel, weekGrid));
    status.clear();
    resetForm();
    await load();
  },
};
