// Runs on the audio thread (an AudioWorklet): copies the microphone's first
// channel into ~20 ms blocks and posts each to the page, which measures,
// resamples and sends it. Loaded by URL from our own origin (the CSP allows
// scripts from 'self' only), so Vite bundles it as a separate file
// (`?worker&url` in capture.ts).

import { CAPTURE_PROCESSOR } from './worklet-name';

// The worklet scope's globals, which TypeScript's DOM library does not describe.
declare const sampleRate: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}
declare function registerProcessor(
  name: string,
  processor: new () => AudioWorkletProcessor & {
    process(inputs: Float32Array[][]): boolean;
  },
): void;

const BLOCK_SECONDS = 0.02;

class CaptureProcessor extends AudioWorkletProcessor {
  private readonly size = Math.max(128, Math.round(sampleRate * BLOCK_SECONDS));
  private block = new Float32Array(this.size);
  private filled = 0;

  process(inputs: Float32Array[][]): boolean {
    const channel = inputs[0]?.[0];
    if (!channel) return true;
    let from = 0;
    while (from < channel.length) {
      const n = Math.min(channel.length - from, this.block.length - this.filled);
      this.block.set(channel.subarray(from, from + n), this.filled);
      this.filled += n;
      from += n;
      if (this.filled === this.block.length) {
        const full = this.block;
        // A new block first: transferring the old one's buffer leaves it empty.
        this.block = new Float32Array(this.size);
        this.filled = 0;
        this.port.postMessage(full, [full.buffer]);
      }
    }
    // Keep running while the node is connected.
    return true;
  }
}

registerProcessor(CAPTURE_PROCESSOR, CaptureProcessor);
