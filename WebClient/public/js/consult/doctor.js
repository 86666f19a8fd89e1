// The doctor's panel: the patient's link, more links, the waiting room with Admit, the call quality.
import { api } from '../lib/api.js';
import { t } from '../lib/i18n.js';

/** Absolute address of a link the server gives relative. */
export function absoluteLink(link) {
  return new URL(link, location.origin).toString();
}

/** Fills the link box from GET /api/consultations/{id} and lists the other guest links. */
export async function loadLinks(consultationId, elements) {
  const view = await api.get(`/api/consultations/${encodeURIComponent(consultationId)}`);
  const guests = view.participants.filter(person => person.role !== 'doctor');
  const patient = guests.find(person => person.role === 'patient');
  if (patient?.link) elements.patientLink.value = absoluteLink(patient.link);
  elements.extraLinks.replaceChildren(...guests.filter(person => person !== patient).map(linkItem));
  return view;
}

/** Adds a guest link of role and shows it. */
export async function addLink(consultationId, role, elements) {
  const link = await api.post(`/api/consultations/${encodeURIComponent(consultationId)}/links`, { role });
  elements.extraLinks.append(linkItem(link));
  return link;
}

function linkItem(person) {
  const item = document.createElement('li');
  const label = document.createElement('span');
  label.textContent = t('role.' + person.role) + (person.displayName ? ` — ${person.displayName}` : '');
  const code = document.createElement('code');
  code.textContent = absoluteLink(person.link);
  item.append(label, code);
  return item;
}

/** Renders the waiting list; onAdmit(participantId) is called from each person's Admit button. */
export function renderWaiting(people, elements, onAdmit) {
  const waiting = people.filter(person => person.state === 'waiting' && person.connected);
  elements.waitingList.replaceChildren(...waiting.map(person => {
    const item = document.createElement('li');
    item.dataset.participantId = person.participantId;
    const name = document.createElement('span');
    const since = person.waitingSince ? new Date(person.waitingSince).toLocaleTimeString() : '';
    name.textContent = `${person.displayName} (${t('role.' + person.role)})` + (since ? ` · ${t('doctor.waitingSince', { time: since })}` : '');
    const admit = document.createElement('button');
    admit.type = 'button';
    admit.className = 'admit';
    admit.textContent = t('doctor.admit');
    admit.setAttribute('aria-label', `${t('doctor.admit')}: ${person.displayName}`);
    admit.addEventListener('click', () => { admit.disabled = true; onAdmit(person.participantId, admit); });
    item.append(name, admit);
    return item;
  }));
  elements.waitingEmpty.hidden = waiting.length > 0;
}

/** Renders the quality table from a Quality push. */
export function renderQuality(message, body) {
  const direction = link => `${link.bitrateKbps.toFixed(0)} · ${link.lossPercent.toFixed(1)} · ${link.jitterMs.toFixed(0)}`;
  body.replaceChildren(...message.participants.map(entry => {
    const row = document.createElement('tr');
    row.dataset.participantId = entry.participantId;
    for (const text of [entry.displayName, entry.roundTripTimeMs == null ? '—' : entry.roundTripTimeMs.toFixed(0), direction(entry.upstream), direction(entry.downstream)]) {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.append(cell);
    }
    return row;
  }));
}
