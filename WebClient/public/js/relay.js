// Chuyển tiếp thử: a publisher's mic is forwarded by the server to every listener of the room.
import { MediaCall } from './media-call.js';
import { attachCall, describeError, findViewElements, showError, showState } from './call-view.js';

const elements = findViewElements();
const roomField = document.getElementById('room');
const publishButton = document.getElementById('publish');
const listenButton = document.getElementById('listen');
const stopButton = document.getElementById('stop');
let call = null;
let detach = () => {};

publishButton.addEventListener('click', () => start('publisher'));
listenButton.addEventListener('click', () => start('listener'));
stopButton.addEventListener('click', stop);

async function start(role) {
  if (!roomField.reportValidity()) {
    return;
  }

  publishButton.disabled = true;
  listenButton.disabled = true;
  roomField.disabled = true;
  showError(elements, '');
  call = new MediaCall({
    kind: 'relay',
    roomId: roomField.value,
    role,
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
  } catch (error) {
    call.lastError = describeError(error);
    showError(elements, call.lastError);
    await stop();
  }
}

async function stop() {
  stopButton.disabled = true;
  detach();
  await call?.stop();
  showState(elements, 'Đã dừng');
  publishButton.disabled = false;
  listenButton.disabled = false;
  roomField.disabled = false;
}
