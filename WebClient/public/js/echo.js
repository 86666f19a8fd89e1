// Kiểm tra micro và loa: the server decodes the mic's audio and sends it back.
import { MediaCall } from './media-call.js';
import { attachCall, describeError, findViewElements, showError, showState } from './call-view.js';

const elements = findViewElements();
const startButton = document.getElementById('start');
const stopButton = document.getElementById('stop');
const recordingLink = document.getElementById('recording-link');
let call = null;
let detach = () => {};

startButton.addEventListener('click', async () => {
  startButton.disabled = true;
  showError(elements, '');
  recordingLink.hidden = true;
  call = new MediaCall({
    kind: 'echo',
    roomId: crypto.randomUUID(),
    role: 'publisher',
    audioElement: elements.audio,
    // Without headphones the speaker's sound reaches the mic: cancel it, or the echo check howls.
    echoCancellation: !document.getElementById('headphones').checked,
    onState: text => showState(elements, text),
    onError: text => showError(elements, text),
    onEnded: stop,
  });
  detach = attachCall(call, elements);
  stopButton.disabled = false;
  try {
    await call.start();
    recordingLink.href = `/api/echo/${encodeURIComponent(call.sessionId)}/received.wav`;
    recordingLink.hidden = false;
  } catch (error) {
    call.lastError = describeError(error);
    showError(elements, call.lastError);
    await stop();
  }
});

stopButton.addEventListener('click', stop);

async function stop() {
  stopButton.disabled = true;
  detach();
  await call?.stop();
  showState(elements, 'Đã dừng');
  startButton.disabled = false;
}
