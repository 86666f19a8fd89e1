// Thư viện: the audio library of the user's area — upload (with a progress bar), listen, rename, delete, and
// broadcast an item now or at a time to the chosen targets.
import { el, field, statusLine, errorMessage, chosenTargets, whenControls, sendBroadcast, describeStarted, formatDuration, ensurePanelStyles, kitStrings } from './panel-kit.js';

const strings = {
  vi: {
    'library.title': 'Thư viện',
    'library.upload': 'Tải tệp âm thanh lên',
    'library.file': 'Tệp âm thanh (mp3, wav, m4a, ogg, amr, webm…)',
    'library.name': 'Tên hiển thị (không bắt buộc)',
    'library.uploadButton': 'Tải lên',
    'library.uploading': 'Đang tải lên… {percent}%',
    'library.processing': 'Đã gửi xong, máy chủ đang xử lý tệp…',
    'library.uploaded': 'Đã thêm “{name}” vào thư viện.',
    'library.noFile': 'Hãy chọn một tệp âm thanh.',
    'library.tooLarge': 'Tệp quá lớn: tối đa 100 MB.',
    'library.unsupported': 'Định dạng tệp này không được hỗ trợ. Hãy dùng mp3, wav, m4a, ogg, amr hoặc webm.',
    'library.empty': 'Thư viện chưa có tệp nào.',
    'library.items': 'Các tệp trong thư viện',
    'library.play': 'Nghe',
    'library.rename': 'Đổi tên',
    'library.save': 'Lưu',
    'library.cancel': 'Thôi',
    'library.newName': 'Tên mới',
    'library.renamed': 'Đã đổi tên thành “{name}”.',
    'library.delete': 'Xoá',
    'library.confirmDelete': 'Xoá “{name}” khỏi thư viện? Không thể hoàn tác.',
    'library.deleted': 'Đã xoá “{name}”.',
    'library.inUse': 'Không xoá được: tệp đang được dùng trong một lịch phát. Hãy xoá lịch phát trước.',
    'library.broadcast': 'Phát…',
    'library.send': 'Phát',
    'library.schedule': 'Hẹn giờ',
    'library.details': '{duration} · {format}',
  },
  en: {
    'library.title': 'Library',
    'library.upload': 'Upload an audio file',
    'library.file': 'Audio file (mp3, wav, m4a, ogg, amr, webm…)',
    'library.name': 'Display name (optional)',
    'library.uploadButton': 'Upload',
    'library.uploading': 'Uploading… {percent}%',
    'library.processing': 'Sent; the server is processing the file…',
    'library.uploaded': '“{name}” was added to the library.',
    'library.noFile': 'Choose an audio file.',
    'library.tooLarge': 'The file is too large: at most 100 MB.',
    'library.unsupported': 'This file format is not supported. Use mp3, wav, m4a, ogg, amr or webm.',
    'library.empty': 'The library is empty.',
    'library.items': 'Files in the library',
    'library.play': 'Listen',
    'library.rename': 'Rename',
    'library.save': 'Save',
    'library.cancel': 'Cancel',
    'library.newName': 'New name',
    'library.renamed': 'Renamed to “{name}”.',
    'library.delete': 'Delete',
    'library.confirmDelete': 'Delete “{name}” from the library? This cannot be undone.',
    'library.deleted': '“{name}” was deleted.',
    'library.inUse': 'Cannot delete: a schedule uses this file. Delete the schedule first.',
    'library.broadcast': 'Broadcast…',
    'library.send': 'Broadcast',
    'library.schedule': 'Schedule',
    'library.details': '{duration} · {format}',
  },
};

/** The sentence for a failed upload: 413 and 415 get their own. */
export function uploadErrorMessage(t, error) {
  if (error?.status === 413) return t('library.tooLarge');
  if (error?.status === 415) return t('library.unsupported') + (error.detail ? ` (${error.detail})` : '');
  return errorMessage(error);
}

export default {
  id: 'library',
  titleKey: 'library.title',
  async mount(element, context) {
    ensurePanelStyles();
    context.register(kitStrings);
    context.register(strings);
    const { t, api } = context;
    const status = statusLine();

    const fileInput = el('input', { type: 'file', accept: 'audio/*,.mp3,.wav,.m4a,.ogg,.opus,.amr,.webm,.aac,.flac' });
    const nameInput = el('input', { type: 'text', maxlength: '200', autocomplete: 'off' });
    const progress = el('progress', { max: '100', value: '0', class: 'upload-progress', hidden: true });
    const progressText = el('span', { class: 'hint', 'aria-live': 'polite' });
    const uploadButton = el('button', { type: 'submit' }, t('library.uploadButton'));
    const form = el('form', { class: 'upload', onsubmit: upload },
      el('h3', {}, t('library.upload')),
      field(t('library.file'), fileInput),
      field(t('library.name'), nameInput),
      el('div', { class: 'actions' }, uploadButton),
      progress, progressText);
    const list = el('ul', { class: 'library-list', 'aria-label': t('library.items') });
    const player = el('audio', { controls: true, preload: 'none', class: 'preview', hidden: true });

    async function upload(event) {
      event.preventDefault();
      status.clear();
      const file = fileInput.files?.[0];
      if (!file) { status.show(t('library.noFile'), 'error'); return; }
      const data = new FormData();
      data.append('file', file);
      if (nameInput.value.trim()) data.append('name', nameInput.value.trim());
      uploadButton.disabled = true;
      progress.hidden = false;
      progress.value = 0;
      progressText.textContent = t('library.uploading', { percent: 0 });
      try {
        const item = await api.upload('/api/library', data, fraction => {
          const percent = Math.round(fraction * 100);
          progress.value = percent;
          progressText.textContent = percent >= 100 ? t('library.processing') : t('library.uploading', { percent });
        });
        progressText.textContent = '';
        status.show(t('library.uploaded', { name: item.name }), 'success');
        form.reset();
        await load();
      } catch (error) {
        progressText.textContent = '';
        status.show(uploadErrorMessage(t, error), 'error');
      } finally {
        uploadButton.disabled = false;
      }
    }

    function row(item) {
      const name = el('span', { class: 'item-name' }, item.name);
      const details = el('small', { class: 'hint' }, t('library.details', { duration: formatDuration(item.duration), format: item.originalFormat }));
      const actions = el('div', { class: 'actions' },
        el('button', { type: 'button', class: 'secondary', dataset: { action: 'play' }, onclick: () => play(item) }, t('library.play')),
        el('button', { type: 'button', class: 'secondary', dataset: { action: 'rename' }, onclick: () => rename(item, line) }, t('library.rename')),
        el('button', { type: 'button', class: 'secondary danger', dataset: { action: 'delete' }, onclick: () => remove(item) }, t('library.delete')),
        el('button', { type: 'button', dataset: { action: 'broadcast' }, onclick: () => broadcastForm(item, line) }, t('library.broadcast')));
      const line = el('li', { class: 'library-item', dataset: { itemId: String(item.id) } }, el('div', { class: 'item-head' }, name, details), actions);
      return line;
    }

    function play(item) {
      player.hidden = false;
      player.src = `/api/library/${item.id}/audio`;
      player.play().catch(() => { /* the controls are there */ });
    }

    function rename(item, line) {
      line.querySelector('.inline-form')?.remove();
      const input = el('input', { type: 'text', value: item.name, maxlength: '200', autocomplete: 'off' });
      const editor = el('form', { class: 'inline-form rename', onsubmit: async event => {
        event.preventDefault();
        const name = input.value.trim();
        if (!name) return;
        try {
          const renamed = await api.patch(`/api/library/${item.id}`, { name });
          status.show(t('library.renamed', { name: renamed.name }), 'success');
          await load();
        } catch (error) { status.show(errorMessage(error), 'error'); }
      } },
      field(t('library.newName'), input),
      el('div', { class: 'actions' },
        el('button', { type: 'submit', dataset: { action: 'save-name' } }, t('library.save')),
        el('button', { type: 'button', class: 'secondary', onclick: () => editor.remove() }, t('library.cancel'))));
      line.append(editor);
      input.focus();
    }

    async function remove(item) {
      status.clear();
      if (!await context.confirm(t('library.confirmDelete', { name: item.name }))) return;
      try {
        await api.delete(`/api/library/${item.id}`);
        status.show(t('library.deleted', { name: item.name }), 'success');
        await load();
      } catch (error) {
        status.show(error?.status === 409 ? t('library.inUse') : errorMessage(error), 'error');
      }
    }

    function broadcastForm(item, line) {
      const open = line.querySelector('.inline-form.broadcast');
      line.querySelector('.inline-form')?.remove();
      if (open) return;
      const when = whenControls(t);
      const button = el('button', { type: 'submit', dataset: { action: 'send' } }, t('library.send'));
      when.element.addEventListener('change', () => { button.textContent = when.mode() === 'now' ? t('library.send') : t('library.schedule'); });
      const form = el('form', { class: 'inline-form broadcast', onsubmit: async event => {
        event.preventDefault();
        status.clear();
        let command;
        try {
          const targets = chosenTargets(context, status);
          if (!targets) return;
          command = { title: item.name, source: { kind: 'file', libraryItemId: item.id }, ...targets, ...when.value() };
        } catch (error) { status.show(error.message, 'error'); return; }
        button.disabled = true;
        try {
          const view = await sendBroadcast(context, command);
          status.show(describeStarted(context, view), 'success');
          context.notify(describeStarted(context, view), 'success');
          form.remove();
        } catch (error) {
          status.show(errorMessage(error), 'error');
        } finally {
          button.disabled = false;
        }
      } }, when.element, el('div', { class: 'actions' }, button));
      line.append(form);
    }

    async function load() {
      try {
        const items = await api.get('/api/library');
        items.sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
        list.replaceChildren(...(items.length ? items.map(row) : [el('li', { class: 'hint' }, t('library.empty'))]));
      } catch (error) {
        status.show(errorMessage(error), 'error');
      }
    }

    element.replaceChildren(el('div', { class: 'panel panel-library' }, form, status.element, player, el('h3', {}, t('library.items')), list));
    status.clear();
    await load();
  },
};
