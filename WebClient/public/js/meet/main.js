// /meet and /meet/{id}?t=…: create a meeting, join it through the lobby, talk, and (for the chair) run it.
import './strings.js';
import { api, ApiError, currentUser } from '../lib/api.js';
import { applyTo, currentLanguage, onLanguageChanged, setLanguage, t } from '../lib/i18n.js';
import { connectHub, hubErrorMessage } from '../lib/hub.js';
import { MeetingAudio } from './media.js';
import { render, renderArchive, renderRecordings } from './view.js';

const $ = id => document.getElementById(id);
const meetingId = decodeURIComponent(location.pathname.split('/')[2] ?? '') || null;
const linkToken = new URLSearchParams(location.search).get('t');
const storageKey = `vanyen.meet.${meetingId}`;
const page = {
  phase: 'idle', connection: null, participantId: null, rejoinKey: null, role: null, meeting: null,
  talkers: new Set(), lastError: null, leaving: false, handRaised: false, events: [],
};
const audio = new MeetingAudio($('received-audio'), onMediaState);
const listElements = { participants: $('participants'), lobby: $('lobby'), hands: $('hands') };

function meetingPath(path) { return `/api/meetings/${encodeURIComponent(meetingId)}${path}`; }

function setPhase(phase) {
  page.phase = phase;
  $('create-section').hidden = phase !== 'create';
  $('join-section').hidden = phase !== 'name';
  $('lobby-section').hidden = phase !== 'lobby';
  const inRoom = ['connecting', 'connected', 'reconnecting'].includes(phase);
  $('room-section').hidden = !inRoom;
  $('chair-section').hidden = !inRoom || page.role !== 'chair';
  $('ended-section').hidden = phase !== 'ended' && phase !== 'removed';
  $('reconnecting').hidden = phase !== 'reconnecting';
  $('media-state').textContent = phase === 'connected' ? t('meet.state.connected') : phase === 'reconnecting' ? t('meet.reconnecting') : t('meet.state.connecting');
}

function showError(error) {
  const text = error instanceof ApiError ? error.userMessage : hubErrorMessage(error);
  page.lastError = text;
  $('error').textContent = text;
  $('error').hidden = false;
}

function clearError() { $('error').hidden = true; }

function notice(key) {
  page.events.push(key);
  $('notice').textContent = t(key);
  $('notice').hidden = false;
}

function draw() {
  const meeting = page.meeting;
  if (meeting) {
    $('meeting-title').textContent = meeting.title;
    document.title = `${meeting.title} — VanYen.Media`;
    $('recording-indicator').hidden = !meeting.recording;
    $('broadcast-indicator').hidden = !meeting.broadcasting;
    $('lock').textContent = t(meeting.locked ? 'meet.chair.unlock' : 'meet.chair.lock');
    $('lock').setAttribute('aria-pressed', String(meeting.locked));
    $('record').textContent = t(meeting.recording ? 'meet.chair.stopRecord' : 'meet.chair.record');
    $('record').setAttribute('aria-pressed', String(meeting.recording));
    $('broadcast-start').disabled = meeting.broadcasting;
    $('broadcast-stop').disabled = !meeting.broadcasting;
    const self = meeting.participants.find(p => p.id === page.participantId);
    if (self) {
      page.handRaised = Boolean(self.handQueuePosition);
      if (self.mutedByChair && audio.microphoneOn) audio.setMicrophone(false);
    }
  }
  $('mic').textContent = t(audio.microphoneOn ? 'meet.mic.off' : 'meet.mic.on');
  $('mic').setAttribute('aria-pressed', String(audio.microphoneOn));
  $('hand').textContent = t(page.handRaised ? 'meet.hand.lower' : 'meet.hand.raise');
  $('hand').setAttribute('aria-pressed', String(page.handRaised));
  render(listElements, meeting, { selfId: page.participantId, talkers: page.talkers, chair: page.role === 'chair', onAction: chairAction });
}

// ---- hub ----

async function openHub() {
  const connection = await connectHub('/hubs/meeting', {
    onReconnecting: () => { if (!page.leaving && page.phase !== 'lobby') setPhase('reconnecting'); },
    onReconnected: () => rejoin(),
    onClosed: () => { if (!page.leaving && !['ended', 'removed'].includes(page.phase)) reconnectLater(); },
  });
  connection.on('Admitted', meeting => { page.meeting = meeting; notice('meet.notice.admitted'); startMedia(); });
  connection.on('ParticipantsChanged', meeting => { page.meeting = meeting; draw(); });
  connection.on('LobbyChanged', lobby => { if (page.meeting) { page.meeting = { ...page.meeting, lobby }; draw(); } });
  connection.on('TalkersChanged', talkers => { page.talkers = new Set(talkers); draw(); });
  connection.on('MutedByChair', () => { audio.setMicrophone(false); notice('meet.notice.mutedByChair'); draw(); });
  connection.on('AskedToUnmute', () => notice('meet.notice.askedToUnmute'));
  connection.on('RecordingChanged', recording => { if (page.meeting) { page.meeting = { ...page.meeting, recording }; draw(); } });
  connection.on('Removed', reason => finish('removed', reason));
  connection.on('MeetingEnded', reason => finish('ended', reason));
  page.connection = connection;
  return connection;
}

function remember(response) {
  page.participantId = response.participantId;
  page.rejoinKey = response.rejoinKey;
  page.role = response.role;
  page.meeting = response.meeting;
  try { sessionStorage.setItem(storageKey, JSON.stringify({ participantId: response.participantId, rejoinKey: response.rejoinKey })); } catch { /* not remembered */ }
}

async function enter(response) {
  remember(response);
  if (response.state === 'admitted') {
    await startMedia();
  } else {
    setPhase('lobby');
  }
  draw();
  if (page.role === 'chair') refreshRecordings();
}

async function join(displayName) {
  clearError();
  setPhase('joining');
  try {
    const connection = page.connection ?? await openHub();
    const response = await connection.invoke('JoinLobby', meetingId, linkToken, displayName);
    try { localStorage.setItem('vanyen.meet.name', displayName); } catch { /* not remembered */ }
    await enter(response);
  } catch (error) {
    setPhase('name');
    showError(error);
  }
}

async function rejoin() {
  if (!page.participantId || page.leaving) return;
  try {
    const response = await page.connection.invoke('Rejoin', meetingId, page.participantId, page.rejoinKey);
    remember(response);
    if (response.state === 'admitted') {
      // The media may have survived the drop; otherwise it starts again without a new admission.
      if (audio.connectionState === 'connected') setPhase('connected'); else await startMedia();
    } else {
      setPhase('lobby');
    }
    draw();
  } catch (error) {
    showError(error);
  }
}

let reconnectTimer = null;
function reconnectLater() {
  setPhase('reconnecting');
  page.connection = null;
  clearTimeout(reconnectTimer);
  reconnectTimer = setTimeout(async () => {
    try {
      await openHub();
      await rejoin();
    } catch {
      reconnectLater();
    }
  }, 1000);
}

// ---- media ----

let starting = null;
function startMedia() {
  starting ??= (async () => {
    setPhase('connecting');
    try {
      await audio.start(offer => page.connection.invoke('StartMedia', offer));
      await page.connection.invoke('SetMicrophone', audio.microphoneOn).catch(() => {});
    } catch (error) {
      if (error?.name === 'NotAllowedError') showError(new Error(t('error.micDenied')));
      else if (error?.name === 'NotFoundError') showError(new Error(t('error.micMissing')));
      else showError(error);
    } finally {
      starting = null;
    }
  })();
  return starting;
}

function onMediaState(connectionState) {
  if (['ended', 'removed'].includes(page.phase) || page.leaving) return;
  if (connectionState === 'connected') {
    if (page.phase !== 'reconnecting' || page.connection?.state === 'Connected') setPhase('connected');
  } else if (connectionState === 'failed') {
    setPhase('reconnecting');
    if (page.connection?.state === 'Connected') startMedia();
  }
}

function finish(phase, reason) {
  page.leaving = true;
  audio.close();
  try { sessionStorage.removeItem(storageKey); } catch { /* nothing stored */ }
  setPhase(phase);
  $('ended-title').textContent = t(phase === 'ended' ? 'meet.ended.title' : 'meet.removed.title');
  $('ended-reason').textContent = reason ?? '';
  page.connection?.stop();
}

// ---- the participant's buttons ----

async function toggleMicrophone() {
  const on = !audio.microphoneOn;
  try {
    await page.connection.invoke('SetMicrophone', on);
    audio.setMicrophone(on);
  } catch (error) {
    showError(error);
  }
  draw();
}

async function toggleHand() {
  try {
    await page.connection.invoke(page.handRaised ? 'LowerHand' : 'RaiseHand');
    page.handRaised = !page.handRaised;
  } catch (error) {
    showError(error);
  }
  draw();
}

async function leave() {
  try { await page.connection?.invoke('Leave'); } catch { /* leaving anyway */ }
  finish('removed', '');
}

// ---- the chair's buttons (REST) ----

async function chairCall(call) {
  clearError();
  try {
    const view = await call();
    if (view && view.participants) {
      page.meeting = { ...page.meeting, ...view, broadcasting: Boolean(view.broadcastId ?? view.broadcasting) };
      draw();
    }
    return view;
  } catch (error) {
    showError(error);
    return null;
  }
}

function chairAction(action, participant) {
  return chairCall(() => api.post(meetingPath(`/participants/${encodeURIComponent(participant.id)}/${action}`)));
}

async function copyLink() {
  let link = null;
  try { link = sessionStorage.getItem(`${storageKey}.joinLink`); } catch { link = null; }
  if (!link) {
    const created = await chairCall(() => api.post(meetingPath('/join-tokens'), { admitDirectly: false }));
    if (!created) return;
    link = created.link;
  }
  const absolute = new URL(link, location.origin).toString();
  $('invite-link').value = absolute;
  $('invite').hidden = false;
  try {
    await navigator.clipboard.writeText(absolute);
    notice('meet.chair.copied');
  } catch {
    $('invite-link').select();
  }
}

async function toggleRecording() {
  const recording = page.meeting?.recording;
  await chairCall(() => api.post(meetingPath(recording ? '/recording/stop' : '/recording/start')));
  await refreshRecordings();
}

async function refreshRecordings() {
  if (page.role !== 'chair') return;
  try {
    renderRecordings($('recordings'), await api.get(meetingPath('/recordings')));
  } catch {
    // A chair joined by link without signing in: the list needs a sign-in.
  }
}

async function startBroadcast(event) {
  event.preventDefault();
  const clusterIds = $('broadcast-clusters').value.split(/[\s,;]+/).filter(Boolean).map(Number).filter(Number.isInteger);
  const started = await chairCall(() => api.post(meetingPath('/broadcast'), { clusterIds, areaIds: [] }));
  if (started && page.meeting) { page.meeting = { ...page.meeting, broadcasting: true }; draw(); }
}

async function stopBroadcast() {
  await chairCall(() => api.delete(meetingPath('/broadcast')));
}

async function endMeeting() {
  if (!confirm(t('meet.chair.endConfirm'))) return;
  await chairCall(() => api.post(meetingPath('/end')));
}

// ---- creating a meeting (/meet without an id) ----

async function showCreate() {
  setPhase('create');
  let user = null;
  try { user = await currentUser(); } catch (error) { showError(error); }
  $('create-form').hidden = !user;
  $('create-signin').hidden = Boolean(user);
  if (user) {
    try {
      renderArchive($('archive'), await api.get('/api/meetings/recordings'));
      $('archive-section').hidden = false;
    } catch (error) {
      showError(error);
    }
  }
}

async function create(event) {
  event.preventDefault();
  clearError();
  try {
    const created = await api.post('/api/meetings', { title: $('create-name').value });
    try { sessionStorage.setItem(`vanyen.meet.${created.id}.joinLink`, created.joinLink); } catch { /* the chair makes a new link */ }
    location.href = created.chairLink;
  } catch (error) {
    showError(error);
  }
}

// ---- start ----

async function start() {
  applyTo(document);
  $('language').addEventListener('click', () => setLanguage(currentLanguage() === 'vi' ? 'en' : 'vi'));
  onLanguageChanged(() => { setPhase(page.phase); draw(); });
  $('create-form').addEventListener('submit', create);
  $('join-form').addEventListener('submit', event => { event.preventDefault(); join($('display-name').value.trim()); });
  $('mic').addEventListener('click', toggleMicrophone);
  $('hand').addEventListener('click', toggleHand);
  $('leave').addEventListener('click', leave);
  $('copy-link').addEventListener('click', copyLink);
  $('mute-all').addEventListener('click', () => chairCall(() => api.post(meetingPath('/mute-all'))));
  $('lock').addEventListener('click', () => chairCall(() => api.post(meetingPath(page.meeting?.locked ? '/unlock' : '/lock'))));
  $('record').addEventListener('click', toggleRecording);
  $('end').addEventListener('click', endMeeting);
  $('broadcast-form').addEventListener('submit', startBroadcast);
  $('broadcast-stop').addEventListener('click', stopBroadcast);

  if (!meetingId) {
    await showCreate();
    return;
  }

  let saved = null;
  try { saved = JSON.parse(sessionStorage.getItem(storageKey) ?? 'null'); } catch { saved = null; }
  if (saved?.participantId && saved?.rejoinKey) {
    // A reload: the same participant comes back without a new admission.
    page.participantId = saved.participantId;
    page.rejoinKey = saved.rejoinKey;
    try {
      await openHub();
      await rejoin();
      if (page.role) return;
    } catch {
      // Fall back to the name form.
    }
    try { sessionStorage.removeItem(storageKey); } catch { /* nothing stored */ }
    page.participantId = null;
    clearError();
  }

  try { $('display-name').value = localStorage.getItem('vanyen.meet.name') ?? ''; } catch { /* empty */ }
  if (!$('display-name').value) {
    try { const user = await currentUser(); if (user) $('display-name').value = user.displayName ?? ''; } catch { /* anonymous */ }
  }
  setPhase('name');
}

window.vanyenMeet = {
  /** The page's phase: create, name, joining, lobby, connecting, connected, reconnecting, removed, ended. */
  state: () => page.phase,
  /** What the page hears for seconds: { samples, sampleRate }. */
  recordReceived: seconds => audio.recordReceived(seconds),
  /** The admitted participants with who talks now. */
  participants: () => (page.meeting?.participants ?? []).map(p => ({ ...p, talking: page.talkers.has(p.id) || p.talking })),
  /** Joins with a name (as the form does). */
  join: displayName => join(displayName),
  /** The chair's lobby. */
  lobby: () => page.meeting?.lobby ?? [],
  get participantId() { return page.participantId; },
  get role() { return page.role; },
  get meeting() { return page.meeting; },
  get lastError() { return page.lastError; },
  get mediaState() { return audio.connectionState; },
  get events() { return page.events; },
  /** Drops the hub connection and the media as a network drop would (the page must come back by itself). */
  simulateDrop: async () => {
    audio.closePeer();
    await page.connection?.stop();
  },
};

start();
