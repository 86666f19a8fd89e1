// /speaker: a browser (an old phone on an amplifier) as a receiver of one cluster. The device code comes from the
// form, a one-tap link (?device=&token=) or the memory of a previous visit, in which case the page starts by itself.
import './speaker-strings.js';
import { applyTo, currentLanguage, onLanguageChanged, setLanguage, t } from '../lib/i18n.js';
import { forgetCredentials, loadCredentials, saveCredentials, takeCredentialsFromAddress } from './credentials.js';
import { SpeakerSession } from './speaker-session.js';
import { keepScreenAwake } from './wake-lock.js';

const elements = {
  error: document.getElementById('error'),
  setup: document.getElementById('setup'),
  deviceId: document.getElementById('device-id'),
  token: document.getElementById('token'),
  player: document.getElementById('player'),
  clusterName: document.getElementById('cluster-name'),
  receiverName: document.getElementById('receiver-name'),
  state: document.getElementById('state'),
  programTitle: document.getElementById('program-title'),
  programDetails: document.getElementById('program-details'),
  gesture: document.getElementById('gesture'),
  start: document.getElementById('start'),
  forget: document.getElementById('forget'),
  audio: document.getElementById('received-audio'),
  language: document.getElementById('language'),
};

const page = { state: 'idle', session: null, audioContext: null, status: null, wakeLock: null, needsGesture: false, errorMessage: null };

function setState(state) {
  page.state = state;
  elements.state.dataset.state = state;
  elements.state.textContent = t('speaker.state.' + state);
  if (state === 'error') {
    // A refused device code is forgotten so the form comes back; the reason stays on screen.
    forgetCredentials();
    showSetup();
  }
}

function showError(message) {
  page.errorMessage = message;
  elements.error.textContent = message ?? '';
  elements.error.hidden = !message;
}

function showSetup() {
  elements.player.hidden = true;
  elements.setup.hidden = false;
}

function showPlayer() {
  elements.setup.hidden = true;
  elements.player.hidden = false;
}

function renderStatus() {
  const status = page.status;
  if (!status) return;
  elements.clusterName.textContent = status.clusterName;
  elements.receiverName.textContent = status.receiverName;
  const program = status.nowPlaying;
  elements.programTitle.textContent = program ? program.title : t('speaker.idle');
  elements.programTitle.classList.toggle('idle', !program);
  elements.programDetails.textContent = program
    ? [t('kind.' + program.sourceKind), t('priority.' + program.priority), t('speaker.startedBy', { name: program.createdBy })].join(' · ')
    : '';
  elements.programDetails.classList.toggle('emergency', program?.priority === 'emergency');
}

function showGestureButton(needed) {
  page.needsGesture = needed;
  elements.gesture.hidden = !needed;
  if (needed) elements.start.focus();
}

// Created once, inside a tap when there is one (browsers start it suspended otherwise, until the tap).
function audioContext() {
  page.audioContext ??= new AudioContext({ sampleRate: 48000 });
  return page.audioContext;
}

async function begin(credentials, fromGesture) {
  await page.session?.stop();
  showError(null);
  showPlayer();
  const context = audioContext();
  page.wakeLock ??= keepScreenAwake();
  page.session = new SpeakerSession({
    credentials,
    audioElement: elements.audio,
    audioContext: context,
    onState: setState,
    onStatus: status => { page.status = status; renderStatus(); },
    onError: showError,
    onAutoplayBlocked: () => showGestureButton(true),
  });
  showGestureButton(!fromGesture && context.state !== 'running');
  await page.session.start();
}

async function unlockAudio() {
  await audioContext().resume();
  try {
    if (elements.audio.srcObject) await elements.audio.play();
    showGestureButton(false);
  } catch {
    showError(t('speaker.error.autoplay'));
  }
}

elements.setup.addEventListener('submit', event => {
  event.preventDefault();
  const credentials = { deviceId: elements.deviceId.value.trim(), token: elements.token.value.trim() };
  if (!credentials.deviceId || !credentials.token) {
    showError(t('speaker.error.missing'));
    return;
  }

  saveCredentials(credentials);
  audioContext().resume();
  begin(credentials, true);
});

elements.start.addEventListener('click', () => unlockAudio());

elements.forget.addEventListener('click', async () => {
  await page.session?.stop();
  page.session = null;
  forgetCredentials();
  elements.audio.srcObject = null;
  setState('idle');
  showSetup();
  elements.deviceId.focus();
});

elements.language.addEventListener('click', () => setLanguage(currentLanguage() === 'vi' ? 'en' : 'vi'));
onLanguageChanged(() => {
  elements.state.textContent = t('speaker.state.' + page.state);
  renderStatus();
});

window.vanyenSpeaker = {
  state: () => page.state,
  needsGesture: () => page.needsGesture,
  nowPlaying: () => page.status?.nowPlaying ?? null,
  error: () => page.errorMessage,
  packetsReceived: () => page.session?.packetsReceived() ?? Promise.resolve(0),
  recordReceived: seconds => page.session.recordReceived(seconds),
  /** The last SpeakerHeartbeat the server accepted ({ playingBroadcastId, packetsReceived, packetsLost, jitterMilliseconds }). */
  lastHeartbeat: () => page.session?.lastReport ?? null,
  /** The hub connection, so a test can drop it (the page must reconnect by itself). */
  hub: () => page.session?.connection ?? null,
};

applyTo(document);
const remembered = takeCredentialsFromAddress() ?? loadCredentials();
if (remembered) {
  elements.deviceId.value = remembered.deviceId;
  begin(remembered, false);
} else {
  setState('idle');
  showSetup();
}
