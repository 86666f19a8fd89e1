// Draws the participant list, the lobby and the raised-hand queue; the chair's buttons call onAction(action, participant).
import { t } from '../lib/i18n.js';

function badge(text, kind) {
  const element = document.createElement('span');
  element.className = 'badge' + (kind ? ' ' + kind : '');
  element.textContent = text;
  return element;
}

function button(text, onClick) {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'secondary';
  element.textContent = text;
  element.addEventListener('click', onClick);
  return element;
}

/** One participant row: name, badges (talking, muted, hand...), and the chair's actions when chair is true. */
function participantRow(participant, { selfId, talkers, chair, onAction }) {
  const item = document.createElement('li');
  const talking = talkers.has(participant.id) || participant.talking;
  item.className = 'participant' + (talking ? ' talking' : '');
  item.dataset.participantId = participant.id;
  const name = document.createElement('span');
  name.className = 'name';
  name.textContent = participant.displayName + (participant.id === selfId ? ' ' + t('meet.you') : '');
  item.append(name);
  const badges = document.createElement('span');
  badges.className = 'badges';
  if (participant.role === 'chair') badges.append(badge(t('meet.role.chair')));
  if (talking) badges.append(badge(t('meet.badge.talking'), 'talking'));
  if (participant.mutedByChair) badges.append(badge(t('meet.badge.muted'), 'muted'));
  else if (!participant.microphoneOn) badges.append(badge(t('meet.badge.micOff'), 'muted'));
  if (participant.handQueuePosition) badges.append(badge(t('meet.badge.hand', { position: participant.handQueuePosition })));
  if (participant.hasFloor) badges.append(badge(t('meet.badge.floor'), 'talking'));
  if (participant.plainRtp) badges.append(badge(t('meet.badge.rtp')));
  if (participant.state === 'admitted' && !participant.connected && participant.id !== selfId) badges.append(badge(t('meet.badge.offline')));
  item.append(badges);
  if (chair && participant.role !== 'chair') {
    const actions = document.createElement('span');
    actions.className = 'row-actions';
    if (participant.state === 'lobby') {
      actions.append(button(t('meet.action.admit'), () => onAction('admit', participant)));
      actions.append(button(t('meet.action.refuse'), () => onAction('remove', participant)));
    } else {
      if (participant.mutedByChair) actions.append(button(t('meet.action.askUnmute'), () => onAction('ask-unmute', participant)));
      else actions.append(button(t('meet.action.mute'), () => onAction('mute', participant)));
      actions.append(button(t('meet.action.giveFloor'), () => onAction('give-floor', participant)));
      actions.append(button(t('meet.action.remove'), () => onAction('remove', participant)));
    }
    item.append(actions);
  }
  return item;
}

function fill(list, rows, emptyText) {
  list.replaceChildren(...rows);
  if (rows.length === 0 && emptyText) {
    const empty = document.createElement('li');
    empty.textContent = emptyText;
    list.append(empty);
  }
}

/** Redraws everything from the meeting state and the live talkers. */
export function render(elements, meeting, options) {
  const participants = meeting?.participants ?? [];
  fill(elements.participants, participants.map(p => participantRow(p, options)));
  if (!options.chair) return;
  fill(elements.lobby, (meeting?.lobby ?? []).map(p => participantRow(p, options)), t('meet.chair.lobbyEmpty'));
  const hands = participants.filter(p => p.handQueuePosition).sort((a, b) => a.handQueuePosition - b.handQueuePosition);
  fill(elements.hands, hands.map(p => {
    const item = document.createElement('li');
    item.className = 'participant';
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = p.displayName;
    item.append(name, button(t('meet.action.giveFloor'), () => options.onAction('give-floor', p)));
    return item;
  }), t('meet.chair.handsEmpty'));
}

/** Draws the chair's list of recordings with download links. */
/** The meetings the signed-in user chaired that have recordings (GET /api/meetings/recordings), each with its files. */
export function renderArchive(list, meetings) {
  fill(list, meetings.map(meeting => {
    const item = document.createElement('li');
    item.className = 'archive-meeting';
    item.dataset.meetingId = meeting.meetingId;
    const title = document.createElement('strong');
    title.textContent = meeting.title;
    const when = document.createElement('time');
    when.dateTime = meeting.created;
    when.textContent = ' · ' + new Date(meeting.created).toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'vi-VN');
    const files = document.createElement('ul');
    renderRecordings(files, meeting.recordings);
    item.append(title, when, files);
    return item;
  }), t('meet.archive.empty'));
}

export function renderRecordings(list, recordings) {
  fill(list, recordings.map(recording => {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = recording.link;
    link.download = recording.file;
    link.textContent = `${recording.file} (${Math.round(recording.bytes / 1024)} KB)`;
    item.append(link);
    return item;
  }), t('meet.chair.recordingsEmpty'));
}
