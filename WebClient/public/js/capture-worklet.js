// Copies each 128-sample render quantum of its input (first channel) to the page.
class CaptureProcessor extends AudioWorkletProcessor {
  process(inputs) {
    const channel = inputs[0]?.[0];
    if (channel) {
      this.port.postMessage(channel.slice(0));
    }

    return true;
  }
}

registerProcessor('vanyen-capture', CaptureProcessor);
