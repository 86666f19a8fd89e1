// /consult/{id}: the doctor opens a consultation and admits people; a patient (link with ?t=) enters a name, waits,
// then joins the call. Test hook: window.vanyenConsult = { state(), stats() }.
import './strings.js';
import { api, currentUser, redirectToLogin } from '../lib/api.js';
import { applyTo, currentLanguage, onLanguageChanged, setLanguage, t } from '../lib/i18n.js';
import { connectHub } from '../lib/hub.js';
import { ForwardingCall, openCameraAndMicrophone } from './call.js';
import { absoluteLink, addLink, loadLinks, renderQuality, renderWaiting } from './doctor.js';
import { describeError } from './errors.js';

const $ = id => document.getElementById(id);
const elements = {
  status: $('status'), error: $('error'),
  views: { open: $('open-view'), signin: $('signin-view'), name: $('name-view'), waiting: $('waiting-view'), call: $('call-view'), ended: $('ended-view') },
  doctorPanel: $('doctor-panel'), patientLink: $('patient-link'), extraLinks: $('extra-links'), linkRole: $('link-role'),
  waitingList: $('waiting-list'), waitingEmpty: $('waiting-empty'), qualityBody: $('quality-body'),
  tiles: $('tiles'), ownVideo: $('own-video'), alone: $('alone'),
  micButton: $('mic-button'), cameraButton: $('camera-button'), hangupButton: $('hangup-button'),
  nameForm: $('name-form'), nameInput: $('name-input'), waitingDoctor: $('waiting-doctor'),
  endedReason: $('ended-reason'), rejoinButton: $('rejoin-button'),
};

const match = /^\/consult\/([^/]+)\/?$/.exec(location.pathname);
const state = {
  consultationId: match ? decodeURIComponent(match[1]) : null,
  token: new URLSearchParams(location.search).get('t'),
  phase: 'loading',
  role: null,
  participantId: null,
  displayName: null,
  doctorName: null,
  admitted: false,
  slots: [],
  people: [],
  quality: null,
  endedReason: null,
  lastError: null,
  hubState: 'disconnected',
  micOn: true,
  cameraOn: true,
};
let connection = null;
let call = null;
let stream = null;
let mediaStarting = false;

// ---- views -------------------------------------------------------------------------------------------------

function show(phase) {
  state.phase = phase;
  for (const [name, view] of Object.entries(elements.views)) view.hidden = name !== phase;
  // A waiting guest sees their own preview (the call view's own tile) below the waiting message.
  if (phase === 'waiting') elements.views.call.hidden = false;
  elements.doctorPanel.hidden = state.role !== 'doctor' || (phase !== 'call' && phase !== 'waiting');
  elements.hangupButton.textContent = t(state.role === 'doctor' ? 'call.endForAll' : 'call.hangup');
}

function setStatus(key) { elements.status.textContent = key ? t(key) : ''; }

function showError(error) {
  state.lastError = error ? (typeof error === 'string' ? error : describeError(error)) : null;
  elements.error.textContent = state.lastError ?? '';
  elements.error.hidden = !state.lastError;
}

function updateToggles() {
  elements.micButton.setAttribute('aria-pressed', String(state.micOn));
  elements.micButton.textContent = t(state.micOn ? 'call.micOn' : 'call.micOff');
  elements.cameraButton.setAttribute('aria-pressed', String(state.cameraOn));
  elements.cameraButton.textContent = t(state.cameraOn ? 'call.cameraOn' : 'call.cameraOff');
}

function renderTiles() {
  for (const tile of elements.tiles.querySelectorAll('.tile.remote')) {
    if (!state.slots.some(slot => tile.dataset.participantId === slot.participantId && Number(tile.dataset.slot) === slot.slot)) tile.remove();
  }
  for (const slot of state.slots) {
    let tile = elements.tiles.querySelector(`.tile.remote[data-slot="${slot.slot}"]`);
    if (!tile) {
      tile = document.createElement('figure');
      tile.className = 'tile remote';
      tile.dataset.slot = String(slot.slot);
      const video = document.createElement('video');
      video.autoplay = true;
      video.playsInline = true;
      const caption = document.createElement('figcaption');
      tile.append(video, caption);
      elements.tiles.append(tile);
    }
    tile.dataset.participantId = slot.participantId;
    tile.querySelector('figcaption').textContent = slot.displayName + (slot.role ? ` · ${t('role.' + slot.role)}` : '');
    const video = tile.querySelector('video');
    if (call && video.dataset.mids !== `${slot.audioMid}/${slot.videoMid}`) {
      video.srcObject = call.streamOf(slot);
      video.dataset.mids = `${slot.audioMid}/${slot.videoMid}`;
      video.play().catch(() => { /* autoplay refused until a click; the stream still decodes */ });
    }
  }
  elements.alone.hidden = state.slots.length > 0;
}

// ---- hub ---------------------------------------------------------------------------------------------------

async function connect() {
  setStatus('status.connecting');
  connection = await connectHub('/hubs/consult', {
    onReconnecting: () => { state.hubState = 'reconnecting'; setStatus('status.reconnecting'); },
    onReconnected: () => { state.hubState = 'connected'; rejoin(); },
    onClosed: () => { state.hubState = 'disconnected'; if (state.phase !== 'ended') setStatus('status.reconnecting'); },
  });
  state.hubState = 'connected';
  connection.on('WaitingRoomChanged', message => {
    state.people = message.people;
    renderWaiting(state.people, elements, admit);
  });
  connection.on('Admitted', () => {
    state.admitted = true;
    startMedia();
  });
  connection.on('SlotsChanged', message => { state.slots = message.slots; renderTiles(); });
  connection.on('Quality', message => { state.quality = message; renderQuality(message, elements.qualityBody); });
  connection.on('MediaEnded', () => { setStatus('status.mediaLost'); restartMedia(); });
  connection.on('CallEnded', message => ended(message.reason));
}

async function join() {
  const response = await connection.invoke('Join', state.consultationId, state.token, state.token ? state.displayName : null);
  state.role = response.role;
  state.participantId = response.participantId;
  state.doctorName = response.doctorName;
  state.admitted = response.state === 'admitted';
  elements.waitingDoctor.textContent = t('waiting.doctor', { name: response.doctorName });
  return response;
}

/** After a network drop: the same token (or the doctor's sign-in) rejoins; admitted stays admitted. */
async function rejoin() {
  if (state.phase === 'ended') return;
  try {
    await join();
    setStatus('status.reconnected');
    if (state.admitted && (!call || ['failed', 'closed'].includes(call.pc.connectionState))) await restartMedia();
  } catch (error) {
    showError(error);
  }
}

async function admit(participantId, button) {
  try {
    await connection.invoke('Admit', participantId);
  } catch (error) {
    showError(error);
    button.disabled = false;
  }
}

// ---- media -------------------------------------------------------------------------------------------------

async function ensureCamera() {
  if (stream) return;
  setStatus('status.camera');
  const opened = await openCameraAndMicrophone();
  stream = opened.stream;
  if (opened.error) showError(t(opened.error === 'denied' ? 'error.cameraDenied' : 'error.cameraMissing'));
  elements.ownVideo.srcObject = stream;
  state.micOn = !!stream?.getAudioTracks().length;
  state.cameraOn = !!stream?.getVideoTracks().length;
  updateToggles();
}

async function startMedia() {
  if (mediaStarting || state.phase === 'ended') return;
  mediaStarting = true;
  try {
    await ensureCamera();
    show('call');
    setStatus('status.media');
    call?.close();
    call = new ForwardingCall(stream, pcState => {
      if (pcState === 'connected') setStatus('status.connected');
      if (pcState === 'failed' && state.phase === 'call') { setStatus('status.mediaLost'); restartMedia(); }
    });
    const offer = await call.offer();
    const response = await connection.invoke('StartMedia', offer);
    await call.answer(response.answerSdp);
    state.slots = response.slots;
    for (const tile of elements.tiles.querySelectorAll('.tile.remote video')) delete tile.dataset.mids;
    renderTiles();
  } catch (error) {
    showError(error);
  } finally {
    mediaStarting = false;
  }
}

let restartTimer = null;
function restartMedia() {
  if (restartTimer || state.phase === 'ended') return;
  restartTimer = setTimeout(() => { restartTimer = null; if (state.admitted) startMedia(); }, 1000);
}

function stopMedia() {
  call?.close();
  call = null;
  for (const track of stream?.getTracks() ?? []) track.stop();
  stream = null;
  elements.ownVideo.srcObject = null;
  state.slots = [];
  renderTiles();
}

function ended(reason) {
  state.endedReason = reason;
  state.admitted = false;
  stopMedia();
  connection?.stop();
  connection = null;
  elements.endedReason.textContent = t('ended.' + reason);
  elements.rejoinButton.hidden = !(state.token && (reason === 'hungup' || reason === 'replaced'));
  setStatus(null);
  show('ended');
}

// ---- actions -----------------------------------------------------------------------------------------------

async function enterAsGuest(name) {
  state.displayName = name;
  try { sessionStorage.setItem('vanyen.consult.name', name); } catch { /* private mode */ }
  showError(null);
  try {
    if (!connection) await connect();
    const response = await join();
    await ensureCamera();
    if (response.state === 'admitted') {
      await startMedia();
    } else {
      show('waiting');
      setStatus(null);
    }
  } catch (error) {
    showError(error);
    connection?.stop();
    connection = null;
    show('name');
  }
}

async function enterAsDoctor() {
  try {
    await connect();
    await join();
    await loadLinks(state.consultationId, elements);
    await startMedia();
  } catch (error) {
    showError(error);
  }
}

async function openConsultation() {
  showError(null);
  try {
    const created = await api.post('/api/consultations');
    state.consultationId = created.id;
    history.replaceState(null, '', created.doctorLink);
    elements.patientLink.value = absoluteLink(created.patientLink);
    await enterAsDoctor();
  } catch (error) {
    showError(error);
  }
}

async function hangup() {
  if (state.role === 'doctor' && !confirmEnd()) return;
  try {
    await connection?.invoke('Hangup');
  } catch (error) {
    showError(error);
  }
  ended(state.role === 'doctor' ? 'doctor-ended' : 'hungup');
}

function confirmEnd() {
  // The test hook skips the dialog; people get the question.
  return window.vanyenConsult.skipConfirm || window.confirm(t('call.confirmEnd'));
}

function wire() {
  $('language').addEventListener('click', () => setLanguage(currentLanguage() === 'vi' ? 'en' : 'vi'));
  onLanguageChanged(() => { updateToggles(); show(state.phase); renderTiles(); renderWaiting(state.people, elements, admit); });
  $('open-button').addEventListener('click', openConsultation);
  $('signin-button').addEventListener('click', redirectToLogin);
  $('copy-link').addEventListener('click', async () => {
    elements.patientLink.select();
    try { await navigator.clipboard.writeText(elements.patientLink.value); setStatus('doctor.copied'); } catch { document.execCommand?.('copy'); setStatus('doctor.copied'); }
  });
  $('add-link').addEventListener('click', async () => {
    try { await addLink(state.consultationId, elements.linkRole.value, elements); } catch (error) { showError(error); }
  });
  elements.nameForm.addEventListener('submit', event => {
    event.preventDefault();
    const name = elements.nameInput.value.trim();
    if (!name) { showError(t('name.missing')); return; }
    enterAsGuest(name);
  });
  elements.micButton.addEventListener('click', () => {
    const track = stream?.getAudioTracks()[0];
    if (!track) return;
    state.micOn = !state.micOn;
    track.enabled = state.micOn;
    updateToggles();
  });
  elements.cameraButton.addEventListener('click', () => {
    const track = stream?.getVideoTracks()[0];
    if (!track) return;
    state.cameraOn = !state.cameraOn;
    track.enabled = state.cameraOn;
    updateToggles();
  });
  elements.hangupButton.addEventListener('click', hangup);
  elements.rejoinButton.addEventListener('click', () => location.reload());
}

window.vanyenConsult = {
  skipConfirm: false,
  /** Where the page is: phase, role, slots, waiting people, quality, the peer connection's state. */
  state: () => ({
    ...state,
    pcState: call?.pc.connectionState ?? null,
    iceState: call?.pc.iceConnectionState ?? null,
    hasPeerConnection: call !== null,
    patientLink: elements.patientLink.value || null,
  }),
  /** The call's RTCPeerConnection (null while waiting): tests reach its receivers. */
  peerConnection: () => call?.pc ?? null,
  /** getStats numbers per slot (received video/audio) and for the own outbound video. */
  stats: async () => (call ? call.stats(state.slots) : { slots: [], outboundVideo: null, outboundAudio: null }),
};

async function start() {
  applyTo(document);
  wire();
  updateToggles();
  if (state.consultationId && state.token) {
    try { elements.nameInput.value = sessionStorage.getItem('vanyen.consult.name') ?? ''; } catch { /* private mode */ }
    show('name');
    return;
  }
  let user;
  try {
    user = await currentUser();
  } catch (error) {
    showError(error);
    return;
  }
  if (!user) { show('signin'); return; }
  state.role = 'doctor';
  if (!state.consultationId) { show('open'); return; }
  show('call');
  await enterAsDoctor();
}

start();
