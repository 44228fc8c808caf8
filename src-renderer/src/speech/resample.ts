// Converts the microphone's audio (usually 48 or 44.1 kHz) to the 16 kHz the
// speech engines want. A windowed-sinc low-pass (Blackman window, cut off below
// the new Nyquist frequency) is evaluated at each output instant, so content
// above 8 kHz is filtered out instead of folding back into the speech band.
// Streaming: feed blocks as they arrive and get the output so far. Pure, so it
// is unit-tested without a browser.

/** The filter reaches this many output samples either side of each output instant. */
const HALF_WIDTH_OUT = 32;
/** The pass band ends at this share of the output's Nyquist frequency (6.8 kHz at 16 kHz). */
const CUTOFF_SHARE = 0.85;
/** Kernel table resolution: entries per input sample (linearly interpolated between). */
const TABLE_STEPS = 256;

export class Resampler {
  /** Input samples consumed per output sample. */
  private readonly ratio: number;
  /** The kernel's reach, in input samples. */
  private readonly halfWidth: number;
  private readonly table: Float32Array;
  /** Input samples not yet consumed, starting at `base`. */
  private buffer: Float32Array;
  private filled: number;
  /** The next output instant, in input samples from the start of `buffer`. */
  private t: number;

  constructor(
    readonly inputRate: number,
    readonly outputRate: number,
  ) {
    if (!(inputRate > 0) || !(outputRate > 0))
      throw new RangeError('Sample rates must be positive.');
    this.ratio = inputRate / outputRate;
    // Downsampling: the cut-off follows the output; upsampling: the input.
    const cutoff = (CUTOFF_SHARE * 0.5) / Math.max(1, this.ratio); // cycles per input sample
    this.halfWidth = Math.ceil(HALF_WIDTH_OUT * Math.max(1, this.ratio));
    this.table = kernelTable(this.halfWidth, cutoff);
    this.buffer = new Float32Array(this.halfWidth * 4 + 4096);
    // Silence before the first sample, so the first output is centred on sample 0.
    this.filled = this.halfWidth;
    this.t = this.halfWidth;
  }

  /** Adds input and returns every output sample it completes. */
  push(input: Float32Array): Float32Array {
    this.append(input);
    return this.drain(this.filled - this.halfWidth - 1);
  }

  /** Ends the stream: returns the remaining output (the input's tail, padded with silence). */
  flush(): Float32Array {
    const end = this.filled;
    this.append(new Float32Array(this.halfWidth + 2));
    // Every output instant before the end of the real input.
    const out = this.drain(end - 1e-9);
    this.reset();
    return out;
  }

  /** Forgets everything, as if new. */
  reset(): void {
    this.buffer.fill(0);
    this.filled = this.halfWidth;
    this.t = this.halfWidth;
  }

  /** Outputs every instant up to `last` (in buffer samples), then drops consumed input. */
  private drain(last: number): Float32Array {
    const count = last >= this.t ? Math.floor((last - this.t) / this.ratio) + 1 : 0;
    const out = new Float32Array(count);
    const { buffer, table, halfWidth } = this;
    for (let n = 0; n < count; n++) {
      const t = this.t + n * this.ratio;
      const first = Math.max(0, Math.ceil(t - halfWidth));
      const lastTap = Math.min(this.filled - 1, Math.floor(t + halfWidth));
      let sum = 0;
      let weights = 0;
      for (let k = first; k <= lastTap; k++) {
        const at = Math.abs(t - k) * TABLE_STEPS;
        const i = Math.floor(at);
        const frac = at - i;
        const w = (table[i] ?? 0) * (1 - frac) + (table[i + 1] ?? 0) * frac;
        sum += w * (buffer[k] ?? 0);
        weights += w;
      }
      out[n] = weights !== 0 ? sum / weights : 0;
    }
    this.t += count * this.ratio;
    // Keep only what later outputs still reach.
    const keepFrom = Math.max(0, Math.floor(this.t - halfWidth) - 1);
    if (keepFrom > 0) {
      buffer.copyWithin(0, keepFrom, this.filled);
      this.filled -= keepFrom;
      this.t -= keepFrom;
    }
    return out;
  }

  private append(input: Float32Array): void {
    if (this.filled + input.length > this.buffer.length) {
      const grown = new Float32Array(Math.max(this.buffer.length * 2, this.filled + input.length));
      grown.set(this.buffer.subarray(0, this.filled));
      this.buffer = grown;
    }
    this.buffer.set(input, this.filled);
    this.filled += input.length;
  }
}

/** The low-pass kernel at |x| = i / TABLE_STEPS input samples, for i up to the reach. */
function kernelTable(halfWidth: number, cutoff: number): Float32Array {
  const size = halfWidth * TABLE_STEPS + 2;
  const table = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    const x = i / TABLE_STEPS;
    if (x > halfWidth) continue;
    const arg = 2 * cutoff * x;
    const sinc = arg === 0 ? 1 : Math.sin(Math.PI * arg) / (Math.PI * arg);
    // Blackman window over [-halfWidth, halfWidth].
    const phase = (Math.PI * (x + halfWidth)) / halfWidth;
    const window = 0.42 - 0.5 * Math.cos(phase) + 0.08 * Math.cos(2 * phase);
    table[i] = 2 * cutoff * sinc * window;
  }
  return table;
}

/** One-shot conversion of a whole signal. */
export function resample(input: Float32Array, inputRate: number, outputRate: number): Float32Array {
  const resampler = new Resampler(inputRate, outputRate);
  const head = resampler.push(input);
  const tail = resampler.flush();
  const out = new Float32Array(head.length + tail.length);
  out.set(head);
  out.set(tail, head.length);
  return out;
}
