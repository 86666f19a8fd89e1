// The audit log: filters (time range, action, login name, area) on GET /api/audit, newest first, a page at a time, and the
// CSV export of the same filters (GET /api/audit.csv) as a download link kept in step with the form.
import { api } from '../lib/api.js';
import { t } from '../lib/i18n.js';

const pageSize = 50;

// The server's action names (Audit/AuditActions and the other audited endpoints), offered as suggestions.
const knownActions = [
  'auth.login', 'auth.login-failed', 'auth.logout',
  'broadcast.started', 'broadcast.on-air', 'broadcast.preempted', 'broadcast.resumed', 'broadcast.cancelled',
  'broadcast.ended', 'broadcast.awaiting-approval', 'broadcast.approved',
  'schedule.created', 'schedule.cancelled', 'schedule.fired', 'schedule.missed', 'schedule.skipped',
  'library.imported', 'library.renamed', 'library.deleted', 'relay.failed', 'relay.fell-back', 'relay.gave-up',
  'device.login', 'device.login-failed', 'receiver.playback',
  'meeting.created', 'meeting.locked', 'meeting.unlocked', 'meeting.participant-removed', 'meeting.rtp-participant-added',
  'meeting.recording-started', 'meeting.recording-stopped', 'meeting.ended',
  'area.created', 'area.updated', 'area.deleted', 'user.created', 'user.updated', 'user.deleted', 'user.password-reset',
];

export class AuditLog {
  /** elements: { form, from, to, action, actions (datalist), user, area, reset, csv, list, summary, previous, next, error } */
  constructor(elements, state, onError) {
    this.elements = elements;
    this.state = state;
    this.onError = onError;
    this.page = 1;
    this.total = 0;
    this.filters = {};
    elements.actions.replaceChildren(...knownActions.map(action => Object.assign(document.createElement('option'), { value: action })));
    elements.form.addEventListener('submit', event => { event.preventDefault(); this.apply(); });
    elements.reset.addEventListener('click', () => { elements.form.reset(); this.apply(); });
    elements.previous.addEventListener('click', () => this.load(this.page - 1));
    elements.next.addEventListener('click', () => this.load(this.page + 1));
  }

  /** Fills the area choices from the loaded tree (indented by depth). */
  renderAreas() {
    const select = this.elements.area;
    const chosen = select.value;
    const all = Object.assign(document.createElement('option'), { value: '', textContent: t('audit.allAreas') });
    const options = [...this.state.areas.values()].map(area =>
      Object.assign(document.createElement('option'), { value: String(area.id), textContent: '\u00a0\u00a0'.repeat(area.depth) + area.name }));
    select.replaceChildren(all, ...options);
    select.value = chosen;
  }

  apply() {
    const { from, to, action, user, area } = this.elements;
    const filters = {};
    if (from.value) filters.from = new Date(from.value).toISOString();
    if (to.value) filters.to = new Date(to.value).toISOString();
    if (filters.from && filters.to && filters.from >= filters.to) {
      this.onError(t('audit.invalidRange'));
      return;
    }

    if (action.value.trim()) filters.action = action.value.trim();
    if (user.value.trim()) filters.user = user.value.trim();
    if (area.value) filters.areaId = area.value;
    this.filters = filters;
    this.elements.csv.href = '/api/audit.csv' + query(filters);
    this.load(1);
  }

  async load(page) {
    try {
      const result = await api.get('/api/audit' + query({ ...this.filters, page, pageSize }));
      this.page = result.page;
      this.total = result.totalCount;
      this.render(result.entries);
      this.onError(null);
    } catch (error) {
      this.onError(error.userMessage ?? String(error));
    }
  }

  render(entries) {
    const { list, summary, previous, next } = this.elements;
    const pages = Math.max(1, Math.ceil(this.total / pageSize));
    summary.textContent = t('audit.page', { page: this.page, pages, total: this.total });
    previous.disabled = this.page <= 1;
    next.disabled = this.page >= pages;
    if (entries.length === 0) {
      const empty = document.createElement('li');
      empty.className = 'audit-empty';
      empty.textContent = t('audit.empty');
      list.replaceChildren(empty);
      return;
    }

    list.replaceChildren(...entries.map(entry => this.renderEntry(entry)));
  }

  renderEntry(entry) {
    const item = document.createElement('li');
    item.className = 'audit-entry';
    item.dataset.action = entry.action;
    const time = document.createElement('time');
    time.dateTime = entry.at;
    time.textContent = new Date(entry.at).toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'vi-VN');
    const action = span('audit-action', entry.action);
    const user = span('audit-user', entry.userName ?? t('audit.system'));
    const target = span('audit-target', [entry.targetKind, entry.targetId].filter(Boolean).join(' '));
    const area = span('audit-area', entry.areaId != null ? (this.state.areas.get(entry.areaId)?.name ?? String(entry.areaId)) : '');
    const details = span('audit-details', entry.detailsJson ?? '');
    item.append(time, action, user, target, area, details);
    return item;
  }
}

function span(className, text) {
  const node = document.createElement('span');
  node.className = className;
  node.textContent = text;
  return node;
}

function query(parameters) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }

  const text = search.toString();
  return text ? '?' + text : '';
}
