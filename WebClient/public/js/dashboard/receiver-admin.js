// Receivers for admins, on the dashboard's cluster cards: add one (its device code is shown this once, with the
// one-tap speaker link or the stream addresses), give one a new code (the old one stops at once, and whatever used
// it is disconnected), remove one. Everyone else sees the cards without these controls; the server checks the scope.
import { api, ApiError } from '../lib/api.js';
import { t } from '../lib/i18n.js';

const kinds = ['ipSpeaker', 'browser', 'httpStream'];

export class ReceiverAdmin {
  /**
   * elements: { confirmDialog, confirmMessage, secretDialog, secretTitle, secretId, secretCode, secretLinks, copy }.
   * onChanged(): reload the receivers; showError(message).
   */
  constructor(elements, onChanged, showError) {
    this.elements = elements;
    this.onChanged = onChanged;
    this.showError = showError;
    elements.copy.addEventListener('click', () => this.copyCode());
  }

  /** The "add a receiver" form of one cluster card. */
  addForm(cluster) {
    const details = element('details', 'receiver-add');
    const summary = element('summary', 'receiver-add-summary');
    summary.textContent = t('receiverAdmin.add');
    const form = element('form', 'receiver-add-form');
    const nameId = `receiver-name-${cluster.id}`;
    const kindId = `receiver-kind-${cluster.id}`;
    const nameField = field(t('receiverAdmin.name'), nameId, () => {
      const input = element('input', 'receiver-add-name');
      input.required = true;
      input.maxLength = 100;
      input.autocomplete = 'off';
      return input;
    });
    const kindField = field(t('receiverAdmin.kind'), kindId, () => {
      const select = element('select', 'receiver-add-kind');
      for (const kind of kinds) {
        const option = element('option', '');
        option.value = kind;
        option.textContent = t('receiver.kind.' + kind);
        select.append(option);
      }
      select.value = 'browser';
      return select;
    });
    const submit = element('button', 'primary receiver-add-submit');
    submit.type = 'submit';
    submit.textContent = t('receiverAdmin.create');
    form.append(nameField.wrapper, kindField.wrapper, submit);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      submit.disabled = true;
      try {
        const created = await api.post('/api/receivers', { clusterId: cluster.id, name: nameField.input.value.trim(), kind: kindField.input.value });
        nameField.input.value = '';
        details.open = false;
        this.showError(null);
        await this.onChanged();
        this.showSecret(created.receiver, created.secret, 'receiverAdmin.createdTitle');
      } catch (error) {
        this.showError(messageOf(error));
      } finally {
        submit.disabled = false;
      }
    });
    details.append(summary, form);
    return details;
  }

  /** The "new code" and "remove" buttons of one receiver row. */
  rowActions(receiver) {
    const actions = element('span', 'receiver-actions');
    const rotate = element('button', 'secondary small rotate-receiver');
    rotate.type = 'button';
    rotate.textContent = t('receiverAdmin.rotate');
    rotate.setAttribute('aria-label', t('receiverAdmin.rotateLabel', { name: receiver.name }));
    rotate.addEventListener('click', () => this.rotate(receiver));
    const remove = element('button', 'secondary small delete-receiver');
    remove.type = 'button';
    remove.textContent = t('receiverAdmin.delete');
    remove.setAttribute('aria-label', t('receiverAdmin.deleteLabel', { name: receiver.name }));
    remove.addEventListener('click', () => this.remove(receiver));
    actions.append(rotate, remove);
    return actions;
  }

  async rotate(receiver) {
    if (!await this.confirm(t('receiverAdmin.rotateConfirm', { name: receiver.name }))) return;
    try {
      const rotated = await api.post(`/api/receivers/${receiver.id}/secret`);
      this.showError(null);
      await this.onChanged();
      this.showSecret(rotated.receiver, rotated.secret, 'receiverAdmin.rotatedTitle');
    } catch (error) {
      this.showError(messageOf(error));
    }
  }

  async remove(receiver) {
    if (!await this.confirm(t('receiverAdmin.deleteConfirm', { name: receiver.name }))) return;
    try {
      await api.delete(`/api/receivers/${receiver.id}`);
      this.showError(null);
      await this.onChanged();
    } catch (error) {
      this.showError(messageOf(error));
    }
  }

  /** Resolves true when the admin agrees (the in-page dialog, so it works on a phone and with a keyboard). */
  confirm(message) {
    const dialog = this.elements.confirmDialog;
    this.elements.confirmMessage.textContent = message;
    return new Promise(resolve => {
      dialog.addEventListener('close', () => resolve(dialog.returnValue === 'yes'), { once: true });
      dialog.returnValue = '';
      dialog.showModal();
    });
  }

  /** The code, shown this once: the server keeps only its hash. */
  showSecret(receiver, secret, titleKey) {
    const { secretDialog, secretTitle, secretId, secretCode, secretLinks } = this.elements;
    secretTitle.textContent = t(titleKey, { name: receiver.name });
    secretId.textContent = String(receiver.id);
    secretCode.textContent = secret;
    secretLinks.replaceChildren(...linksFor(receiver, secret));
    secretDialog.showModal();
  }

  async copyCode() {
    try {
      await navigator.clipboard.writeText(this.elements.secretCode.textContent);
      this.elements.copy.textContent = t('receiverAdmin.copied');
    } catch {
      // No clipboard (plain HTTP on a LAN address): the code stays selectable on screen.
      getSelection()?.selectAllChildren(this.elements.secretCode);
    }
  }
}

/** Where the code is used: the one-tap speaker link, the stream addresses, or the device's settings. */
function linksFor(receiver, secret) {
  const origin = location.origin;
  const token = encodeURIComponent(secret);
  if (receiver.kind === 'browser') {
    return [paragraph(t('receiverAdmin.speakerLink')), link(`${origin}/speaker?device=${receiver.id}&token=${token}`, 'speaker-link')];
  }

  if (receiver.kind === 'httpStream') {
    return [
      paragraph(t('receiverAdmin.streamLinks')),
      link(`${origin}/api/clusters/${receiver.clusterId}/stream.ogg?token=${token}`, 'stream-link'),
      link(`${origin}/api/clusters/${receiver.clusterId}/stream.mp3?token=${token}`, 'stream-link'),
    ];
  }

  return [paragraph(t('receiverAdmin.deviceSettings'))];
}

function messageOf(error) {
  return error instanceof ApiError ? error.userMessage : String(error?.message ?? error);
}

function field(labelText, id, make) {
  const wrapper = element('p', 'field');
  const label = element('label', '');
  label.htmlFor = id;
  label.textContent = labelText;
  const input = make();
  input.id = id;
  wrapper.append(label, input);
  return { wrapper, input };
}

function paragraph(text) {
  const node = element('p', '');
  node.textContent = text;
  return node;
}

function link(href, className) {
  const node = element('a', className);
  node.href = href;
  node.textContent = href;
  node.target = '_blank';
  node.rel = 'noopener';
  return node;
}

function element(tag, className) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}
