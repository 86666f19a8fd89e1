// Shows a MediaCall on the page (state, error, level meters) and exposes it to tests as window.vanyen.
import { UserError } from './media-call.js';

/** The page elements a call view uses; missing ones are skipped. */
export function findViewElements() {
  return {
    state: document.getElementById('call-state'),
    error: document.getElementById('call-error'),
    inputMeter: document.getElementById('input-level'),
    receivedMeter: document.getElementById('received-level'),
    session: document.getElementById('session-id'),
    audio: document.getElementById('received-audio'),
  };
}

export function showState(elements, text) {
  elements.state.textContent = text;
}

export function showError(elements, text) {
  elements.error.textContent = text;
  elements.error.hidden = !text;
}

/** The message to show for an error thrown while starting a call. */
export function describeError(error) {
  return error instanceof UserError ? error.message : `Lỗi không mong đợi: ${error?.message ?? error}`;
}

/** Animates the meters while the call lasts and publishes the test API. Returns a function that stops both. */
export function attachCall(call, elements) {
  window.vanyen = {
    get pc() { return call.pc; },
    get sessionId() { return call.sessionId; },
    get closedReason() { return call.closedReason; },
    get lastError() { return call.lastError; },
    stats: () => call.stats(),
    inputLevel: () => call.inputLevel(),
    receivedLevel: () => call.receivedLevel(),
    recordReceived: seconds => call.recordReceived(seconds),
  };

  let frame = 0;
  const draw = () => {
    if (elements.inputMeter) {
      elements.inputMeter.value = meterValue(call.inputLevel());
    }

    if (elements.receivedMeter) {
      elements.receivedMeter.value = meterValue(call.receivedLevel());
    }

    if (elements.session && call.sessionId) {
      elements.session.textContent = call.sessionId;
    }

    frame = requestAnimationFrame(draw);
  };
  frame = requestAnimationFrame(draw);
  return () => {
    cancelAnimationFrame(frame);
    if (elements.inputMeter) {
      elements.inputMeter.value = 0;
    }

    if (elements.receivedMeter) {
      elements.receivedMeter.value = 0;
    }
  };
}

// Maps RMS to 0..1 on a -60..0 dBFS scale, as people hear loudness.
function meterValue(level) {
  if (level <= 0) {
    return 0;
  }

  const decibels = 20 * Math.log10(level);
  return Math.max(0, Math.min(1, (decibels + 60) / 60));
}
