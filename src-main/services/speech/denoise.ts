// Noise suppression before the recogniser hears the audio: RNNoise (Xiph's
// small recurrent network, Apache-2.0), as the WebAssembly build with its
// model that `@jitsi/rnnoise-wasm` ships, run offline in this process.
// RNNoise works on 10 ms frames at 48 kHz, so the rep's 16 kHz audio is
// raised to 48 kHz and brought back with a windowed-sinc polyphase filter
// (the band above 8 kHz is empty anyway). It streams: each piece of audio
// comes back cleaned as it arrives, about 13 ms late (a little silence first),
// and `flush` returns the rest, so no word is lost at either end of a turn. The module is loaded on
// first use (when speech first starts), never at host start.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { windowedSincLowPass } from './audio';

/** RNNoise's frame: 10 ms at 48 kHz. */
const FRAME = 480;
/** 16 kHz to 48 kHz and back. */
const FACTOR = 3;
/**
 * Taps of each polyphase branch (the whole filter has FACTOR times as many:
 * 144 at 48 kHz, a transition band under 2 kHz wide, so the copies of the
 * spectrum that upsampling makes above 8 kHz are gone before RNNoise hears
 * them, and nothing folds back when it comes down again).
 */
const TAPS_PER_PHASE = 48;
/** The filter's edge, as a share of 8 kHz (16 kHz audio's Nyquist frequency). */
const CUTOFF = 0.9;

/** What the WebAssembly module exports (emscripten's names). */
export interface RnnoiseModule {
  readonly HEAPF32: Float32Array;
  _rnnoise_create(model: number): number;
  _rnnoise_destroy(state: number): void;
  _rnnoise_process_frame(state: number, out: number, input: number): number;
  _malloc(bytes: number): number;
  _free(pointer: number): void;
}

type CreateModule = (overrides: { wasmBinary: Uint8Array }) => Promise<RnnoiseModule>;

let loading: Promise<RnnoiseModule> | null = null;

/** The RNNoise module, loaded once per process on first use. */
export function loadRnnoise(): Promise<RnnoiseModule> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    const dist = join(dirname(require.resolve('@jitsi/rnnoise-wasm/package.json')), 'dist');
    const glue = (await import(pathToFileURL(join(dist, 'rnnoise.js')).href)) as {
      default: CreateModule;
    };
    const wasmBinary = await readFile(join(dist, 'rnnoise.wasm'));
    return glue.default({ wasmBinary });
  })().catch((error: unknown) => {
    loading = null;
    throw new Error(
      `the noise suppressor (RNNoise) could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  return loading;
}

/** A Blackman-windowed sinc low-pass at CUTOFF x 8 kHz, for 48 kHz samples, unity gain at 0 Hz. */
function lowPass(): Float32Array {
  // Cycles per 48 kHz sample.
  return Float32Array.from(windowedSincLowPass(FACTOR * TAPS_PER_PHASE, (CUTOFF * 0.5) / FACTOR));
}

const FILTER = lowPass();

/** How late the cleaned audio comes out, in 16 kHz samples: both filters' delay and RNNoise's frame. */
export const DENOISE_DELAY_SAMPLES = Math.round((FILTER.length - 1 + FRAME) / FACTOR);

/**
 * One turn's audio through RNNoise: 16 kHz samples in, the same samples
 * cleaned out, in order, a few milliseconds behind. One per utterance (the
 * network keeps state from frame to frame); `close` frees it.
 */
export class Denoiser {
  private readonly state: number;
  private readonly frameIn: number;
  private readonly frameOut: number;
  /** The last input samples (16 kHz), newest first, twice over (a ring read without wrapping). */
  private readonly upHistory = new Float32Array(2 * TAPS_PER_PHASE);
  private upAt = 0;
  /** 48 kHz samples waiting to fill a frame. */
  private readonly pending = new Float32Array(FRAME);
  private pendingLength = 0;
  /** The last cleaned 48 kHz samples, newest first, twice over. */
  private readonly downHistory = new Float32Array(2 * FILTER.length);
  private downAt = 0;
  /** Which of the cleaned 48 kHz samples is the next one kept (every third). */
  private phase = 0;
  private closed = false;
  /** RNNoise's voice probability of each frame so far (0..1). */
  readonly voiceProbabilities: number[] = [];

  constructor(private readonly rnnoise: RnnoiseModule) {
    this.state = rnnoise._rnnoise_create(0);
    this.frameIn = rnnoise._malloc(FRAME * 4);
    this.frameOut = rnnoise._malloc(FRAME * 4);
  }

  /** Cleans the next samples; answers the cleaned ones ready so far. */
  push(pcm: Int16Array): Int16Array {
    if (this.closed) throw new Error('the noise suppressor was closed');
    const out: number[] = [];
    for (const sample of pcm) this.up(sample, out);
    return Int16Array.from(out, clamp);
  }

  /**
   * The rest: the samples still inside the filters and the last part-frame
   * (pushed through with a few milliseconds of silence, which come out too),
   * then frees the network's state.
   */
  flush(): Int16Array {
    if (this.closed) return new Int16Array(0);
    const out: number[] = [];
    // Enough silence to push RNNoise's frame and both filters' delay through.
    const tail = Math.ceil((2 * FRAME + FILTER.length) / FACTOR) + TAPS_PER_PHASE;
    for (let i = 0; i < tail; i++) this.up(0, out);
    this.close();
    return Int16Array.from(out, clamp);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.rnnoise._free(this.frameIn);
    this.rnnoise._free(this.frameOut);
    this.rnnoise._rnnoise_destroy(this.state);
  }

  /** One 16 kHz sample: three 48 kHz ones into the frame. */
  private up(sample: number, out: number[]): void {
    const history = this.upHistory;
    this.upAt = (this.upAt + TAPS_PER_PHASE - 1) % TAPS_PER_PHASE;
    history[this.upAt] = sample;
    history[this.upAt + TAPS_PER_PHASE] = sample;
    const at = this.upAt;
    for (let p = 0; p < FACTOR; p++) {
      let acc = 0;
      for (let k = 0; k < TAPS_PER_PHASE; k++) {
        acc += (FILTER[k * FACTOR + p] as number) * (history[at + k] as number);
      }
      this.pending[this.pendingLength++] = acc * FACTOR;
      if (this.pendingLength === FRAME) this.frame(out);
    }
  }

  private frame(out: number[]): void {
    const heap = this.rnnoise.HEAPF32;
    heap.set(this.pending, this.frameIn / 4);
    this.voiceProbabilities.push(
      this.rnnoise._rnnoise_process_frame(this.state, this.frameOut, this.frameIn),
    );
    const cleaned = this.rnnoise.HEAPF32.subarray(this.frameOut / 4, this.frameOut / 4 + FRAME);
    this.pendingLength = 0;
    const history = this.downHistory;
    for (const value of cleaned) {
      history.copyWithin(1, 0);
      history[0] = value;
      if (this.phase === 0) {
        let acc = 0;
        for (let j = 0; j < FILTER.length; j++)
          acc += (FILTER[j] as number) * (history[j] as number);
        out.push(acc);
      }
      this.phase = (this.phase + 1) % FACTOR;
    }
  }
}

function clamp(v: number): number {
  return Math.max(-32768, Math.min(32767, Math.round(v)));
}
