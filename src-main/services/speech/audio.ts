// Audio helpers for the speech engines, pure so they run anywhere (no Node
// imports): read a WAV file the rep (or a test) supplies, turn it into the one
// format every engine takes (16 kHz mono 16-bit), write WAVs for tests and the
// bench, decode the base64 chunks the renderer streams, and measure an
// utterance (level, clipping, silence, and when the speech starts and stops)
// so the host can warn the rep and time the reply from the audio itself.
import { SPEECH_SAMPLE_RATE } from '../../contract/api';
import { SpeechError } from './engine';

/** Decoded audio: one Float32Array per channel, samples in [-1, 1]. */
export interface PcmAudio {
  readonly sampleRate: number;
  readonly channels: readonly Float32Array[];
}

/** How a WAV stores its samples. */
export type WavEncoding = 'pcm8' | 'pcm16' | 'pcm24' | 'pcm32' | 'float32';

const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_IEEE_FLOAT = 3;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;
/** The highest rate we accept; anything above is a broken header, not audio. */
const MAX_SAMPLE_RATE = 768_000;
const MAX_CHANNELS = 64;

function tag(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + 4));
}

/**
 * Reads a RIFF/WAVE file: PCM 8/16/24/32-bit integer or 32-bit float, any
 * number of channels, any rate. `name` (the file's path) starts every error.
 */
export function parseWav(bytes: Uint8Array, name: string): PcmAudio {
  const fail = (what: string): never => {
    throw new SpeechError(`${name}: ${what}`);
  };
  if (bytes.length === 0) fail('empty file (no audio)');
  if (bytes.length < 12 || tag(bytes, 0) !== 'RIFF') {
    if (bytes.length >= 4 && tag(bytes, 0) === 'RF64') {
      fail('RF64 (over 4 GB) WAV files are not supported; save a shorter PCM WAV');
    }
    fail('not a WAV file (no RIFF header)');
  }
  if (tag(bytes, 8) !== 'WAVE') fail('not a WAV file (RIFF, but not WAVE)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  let format: { code: number; channels: number; rate: number; bits: number; align: number } | null =
    null;
  let data: Uint8Array | null = null;
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = tag(bytes, at);
    const declared = view.getUint32(at + 4, true);
    const start = at + 8;
    // A streamed or truncated file may declare more than it holds: take what is there.
    const size = Math.min(declared, bytes.length - start);
    if (id === 'fmt ') {
      if (size < 16) fail(`broken WAV header (fmt chunk of ${size} bytes)`);
      let code = view.getUint16(start, true);
      const bits = view.getUint16(start + 14, true);
      if (code === WAVE_FORMAT_EXTENSIBLE) {
        // The real format is the first two bytes of the sub-format GUID.
        if (size < 40) fail('broken WAV header (short WAVE_FORMAT_EXTENSIBLE chunk)');
        code = view.getUint16(start + 24, true);
      }
      format = {
        code,
        channels: view.getUint16(start + 2, true),
        rate: view.getUint32(start + 4, true),
        bits,
        align: view.getUint16(start + 12, true),
      };
    } else if (id === 'data') {
      data = bytes.subarray(start, start + size);
      if (format) break;
    }
    // Chunks are padded to an even length.
    at = start + declared + (declared % 2);
  }
  if (!format) return fail('broken WAV file (no fmt chunk describing the audio)');
  if (format.code !== WAVE_FORMAT_PCM && format.code !== WAVE_FORMAT_IEEE_FLOAT) {
    fail(`compressed audio (format ${format.code}) is not supported; save as PCM WAV`);
  }
  if (format.channels < 1 || format.channels > MAX_CHANNELS) {
    fail(`broken WAV header (${format.channels} channels)`);
  }
  if (format.rate < 1000 || format.rate > MAX_SAMPLE_RATE) {
    fail(`unusable sample rate ${format.rate} Hz`);
  }
  const encoding = encodingOf(format.code, format.bits);
  if (!encoding) {
    fail(
      format.code === WAVE_FORMAT_IEEE_FLOAT
        ? `${format.bits}-bit float samples are not supported; save as 16-bit PCM WAV`
        : `${format.bits}-bit samples are not supported; save as 16-bit PCM WAV`,
    );
  }
  if (!data) return fail('no audio data (no data chunk)');
  const width = BYTES_PER_SAMPLE[encoding as WavEncoding];
  const frameBytes = width * format.channels;
  const frames = Math.floor(data.length / frameBytes);
  if (frames === 0) fail('no audio (the data chunk is empty)');
  return {
    sampleRate: format.rate,
    channels: deinterleave(data, encoding as WavEncoding, format.channels, frames),
  };
}

const BYTES_PER_SAMPLE: Record<WavEncoding, number> = {
  pcm8: 1,
  pcm16: 2,
  pcm24: 3,
  pcm32: 4,
  float32: 4,
};

function encodingOf(code: number, bits: number): WavEncoding | null {
  if (code === WAVE_FORMAT_IEEE_FLOAT) return bits === 32 ? 'float32' : null;
  switch (bits) {
    case 8:
      return 'pcm8';
    case 16:
      return 'pcm16';
    case 24:
      return 'pcm24';
    case 32:
      return 'pcm32';
    default:
      return null;
  }
}

function deinterleave(
  data: Uint8Array,
  encoding: WavEncoding,
  channelCount: number,
  frames: number,
): Float32Array[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const width = BYTES_PER_SAMPLE[encoding];
  const channels = Array.from({ length: channelCount }, () => new Float32Array(frames));
  for (let c = 0; c < channelCount; c++) {
    const out = channels[c] as Float32Array;
    let at = c * width;
    const step = channelCount * width;
    for (let i = 0; i < frames; i++, at += step) {
      switch (encoding) {
        case 'pcm8':
          out[i] = ((data[at] as number) - 128) / 128;
          break;
        case 'pcm16':
          out[i] = view.getInt16(at, true) / 32768;
          break;
        case 'pcm24': {
          const v =
            (data[at] as number) |
            ((data[at + 1] as number) << 8) |
            ((data[at + 2] as number) << 16);
          out[i] = ((v << 8) >> 8) / 8388608;
          break;
        }
        case 'pcm32':
          out[i] = view.getInt32(at, true) / 2147483648;
          break;
        case 'float32': {
          const v = view.getFloat32(at, true);
          out[i] = Number.isFinite(v) ? Math.max(-1, Math.min(1, v)) : 0;
          break;
        }
      }
    }
  }
  return channels;
}

/** Writes a WAV file (tests, the bench). */
export function encodeWav(audio: PcmAudio, encoding: WavEncoding = 'pcm16'): Uint8Array {
  const channelCount = audio.channels.length;
  if (channelCount === 0) throw new SpeechError('encodeWav: no channels');
  const frames = (audio.channels[0] as Float32Array).length;
  const width = BYTES_PER_SAMPLE[encoding];
  const dataBytes = frames * channelCount * width;
  const bytes = new Uint8Array(44 + dataBytes + (dataBytes % 2));
  const view = new DataView(bytes.buffer);
  const put = (at: number, text: string): void => {
    for (let i = 0; i < 4; i++) bytes[at + i] = text.charCodeAt(i);
  };
  put(0, 'RIFF');
  view.setUint32(4, bytes.length - 8, true);
  put(8, 'WAVE');
  put(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, encoding === 'float32' ? WAVE_FORMAT_IEEE_FLOAT : WAVE_FORMAT_PCM, true);
  view.setUint16(22, channelCount, true);
  view.setUint32(24, audio.sampleRate, true);
  view.setUint32(28, audio.sampleRate * channelCount * width, true);
  view.setUint16(32, channelCount * width, true);
  view.setUint16(34, width * 8, true);
  put(36, 'data');
  view.setUint32(40, dataBytes, true);
  let at = 44;
  for (let i = 0; i < frames; i++) {
    for (const channel of audio.channels) {
      const v = Math.max(-1, Math.min(1, channel[i] ?? 0));
      switch (encoding) {
        case 'pcm8':
          bytes[at] = Math.max(0, Math.min(255, Math.round(v * 128 + 128)));
          break;
        case 'pcm16':
          view.setInt16(at, Math.max(-32768, Math.min(32767, Math.round(v * 32768))), true);
          break;
        case 'pcm24': {
          const s = Math.max(-8388608, Math.min(8388607, Math.round(v * 8388608)));
          bytes[at] = s & 0xff;
          bytes[at + 1] = (s >> 8) & 0xff;
          bytes[at + 2] = (s >> 16) & 0xff;
          break;
        }
        case 'pcm32':
          view.setInt32(
            at,
            Math.max(-2147483648, Math.min(2147483647, Math.round(v * 2147483648))),
            true,
          );
          break;
        case 'float32':
          view.setFloat32(at, v, true);
          break;
      }
      at += width;
    }
  }
  return bytes;
}

/** The average of the channels. */
export function toMono(audio: PcmAudio): Float32Array {
  const [first, ...rest] = audio.channels;
  if (!first) return new Float32Array(0);
  if (rest.length === 0) return first;
  const out = new Float32Array(first.length);
  const scale = 1 / audio.channels.length;
  for (const channel of audio.channels) {
    for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) + (channel[i] as number);
  }
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) * scale;
  return out;
}

/** Zero crossings of the sinc on each side of the centre. */
const SINC_ZEROS = 12;
/** Table points per zero crossing (the kernel is read by linear interpolation). */
const TABLE_STEPS = 512;
/**
 * The pass band as a share of the lower Nyquist frequency: 0.92 of 8 kHz keeps
 * speech up to ~7.4 kHz and leaves the filter room to roll off before aliasing.
 */
const PASS_BAND = 0.92;
let kernelTable: Float32Array | null = null;

/** sinc(x) times a Blackman window over [-SINC_ZEROS, SINC_ZEROS], for x >= 0. */
function kernel(): Float32Array {
  if (kernelTable) return kernelTable;
  const n = SINC_ZEROS * TABLE_STEPS;
  const table = new Float32Array(n + 2);
  for (let i = 0; i <= n; i++) {
    const x = i / TABLE_STEPS;
    const sinc = i === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    const w =
      0.42 +
      0.5 * Math.cos((Math.PI * x) / SINC_ZEROS) +
      0.08 * Math.cos((2 * Math.PI * x) / SINC_ZEROS);
    table[i] = sinc * w;
  }
  kernelTable = table;
  return table;
}

/**
 * Band-limited resampling with a windowed-sinc filter whose cutoff is below
 * the lower of the two Nyquist frequencies, so downsampling (44.1 or 48 kHz to
 * 16 kHz) does not alias and upsampling (8 kHz) does not image.
 */
export function resample(samples: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (fromRate === toRate || samples.length === 0) return samples;
  const table = kernel();
  const cutoff = Math.min(1, toRate / fromRate) * PASS_BAND;
  const step = fromRate / toRate;
  const reach = SINC_ZEROS / cutoff;
  const outLength = Math.max(1, Math.round((samples.length * toRate) / fromRate));
  const out = new Float32Array(outLength);
  const last = samples.length - 1;
  const scale = cutoff * TABLE_STEPS;
  for (let i = 0; i < outLength; i++) {
    const t = i * step;
    const lo = Math.max(0, Math.ceil(t - reach));
    const hi = Math.min(last, Math.floor(t + reach));
    let sum = 0;
    let weights = 0;
    for (let j = lo; j <= hi; j++) {
      const pos = Math.abs(t - j) * scale;
      const k = pos | 0;
      const frac = pos - k;
      const a = table[k] ?? 0;
      const w = a + ((table[k + 1] ?? 0) - a) * frac;
      sum += (samples[j] as number) * w;
      weights += w;
    }
    // Normalising by the weights used keeps the gain exact, at the edges too.
    out[i] = weights > 1e-9 ? sum / weights : 0;
  }
  return out;
}

/** Floats in [-1, 1] to 16-bit samples, clamped. */
export function toInt16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const v = Math.round((samples[i] as number) * 32768);
    out[i] = v > 32767 ? 32767 : v < -32768 ? -32768 : v;
  }
  return out;
}

/** 16-bit samples to floats in [-1, 1). */
export function toFloat32(pcm: Int16Array): Float32Array {
  const out = new Float32Array(pcm.length);
  for (let i = 0; i < pcm.length; i++) out[i] = (pcm[i] as number) / 32768;
  return out;
}

/** A WAV file's audio as the engines take it: 16 kHz mono 16-bit. */
export function wavToSpeechPcm(bytes: Uint8Array, name: string): Int16Array {
  const audio = parseWav(bytes, name);
  return toInt16(resample(toMono(audio), audio.sampleRate, SPEECH_SAMPLE_RATE));
}

/** What the host needs to know about an utterance's audio. */
export interface UtteranceAnalysis {
  readonly samples: number;
  readonly seconds: number;
  /** Level over the whole utterance, dBFS (-Infinity for digital silence). */
  readonly rmsDb: number;
  /** The loudest sample, 0..1 of full scale. */
  readonly peak: number;
  /** Share of samples at (or within 0.2% of) full scale. */
  readonly clippedShare: number;
  /** Enough samples at full scale that the words are likely distorted. */
  readonly clipped: boolean;
  /** No speech heard: digital silence, low noise, or a steady hum or hiss. */
  readonly silent: boolean;
  /**
   * Where the speech is (null when silent): the first and last sample of
   * speech-level frames, the end with a short hangover, in samples and ms.
   */
  readonly voiced: {
    readonly startSample: number;
    readonly endSample: number;
    readonly startMs: number;
    readonly endMs: number;
  } | null;
  /**
   * The share of the sound above 5 kHz, dB below the whole (-Infinity for
   * none). Speech always has some (s, f, t); audio that came through an
   * 8 kHz telephone line or codec has none.
   */
  readonly highBandDb: number;
  /** Nothing above 4 kHz: 8 kHz (telephone-quality) audio, which a 16 kHz recogniser hears badly. */
  readonly narrowBand: boolean;
}

/** Frames the level is measured in. */
const FRAME_MS = 10;
/** Speech is louder than the room: this far above the noise floor (its 10th percentile). */
const SPEECH_ABOVE_FLOOR_DB = 10;
/** ...but at least this loud (quieter is noise, not a voice at the mic)... */
const SPEECH_MIN_DB = -50;
/** ...and a threshold above this would miss quiet words in an all-speech recording. */
const SPEECH_THRESHOLD_CAP_DB = -32;
/** Less speech than this in total is a click or a breath: silent. */
const MIN_SPEECH_MS = 120;
/** Speech changes level from syllable to syllable (its loud frames this far over the floor); a steadier sound is a hum or hiss. */
const MIN_SPEECH_RANGE_DB = 6;
/** The end of speech is held this long past the last loud frame (a word's soft tail). */
const HANGOVER_MS = 150;
/** A sample this close to full scale counts as clipped. */
const CLIP_LEVEL = 32704;
/** More clipped samples than this share and the rep is told the mic is too hot. */
const CLIPPED_SHARE_LIMIT = 0.001;

/**
 * Below this share of sound above 5 kHz the audio is narrow-band. Measured on
 * flite's voices: 16 kHz speech -17 to -42 dB (clean, in noise, through a
 * laptop microphone's band), 8 kHz audio (the kal voice, a telephone band)
 * -81 to -86 dB.
 */
const NARROW_BAND_DB = -60;
/** Taps of the high-pass filter that measures the band above 5 kHz. */
const HIGH_PASS_TAPS = 63;

/**
 * A Blackman-windowed sinc low-pass of `taps` taps, cutting off at `fc`
 * cycles per sample, scaled to unity gain at 0 Hz. The denoiser's resampler
 * uses it too.
 */
export function windowedSincLowPass(taps: number, fc: number): Float64Array {
  const mid = (taps - 1) / 2;
  const h = new Float64Array(taps);
  let sum = 0;
  for (let i = 0; i < taps; i++) {
    const t = i - mid;
    const sinc = t === 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * t) / (Math.PI * t);
    const w =
      0.42 -
      0.5 * Math.cos((2 * Math.PI * i) / (taps - 1)) +
      0.08 * Math.cos((4 * Math.PI * i) / (taps - 1));
    h[i] = sinc * w;
    sum += sinc * w;
  }
  for (let i = 0; i < taps; i++) h[i] = (h[i] as number) / sum;
  return h;
}

/** A high-pass at 5 kHz for 16 kHz samples: a delta minus the low-pass. */
function highPass(): Float64Array {
  const h = windowedSincLowPass(HIGH_PASS_TAPS, 5000 / SPEECH_SAMPLE_RATE).map((x) => -x);
  const mid = (HIGH_PASS_TAPS - 1) / 2;
  h[mid] = (h[mid] as number) + 1;
  return h;
}

const HIGH_PASS = highPass();

function db(meanSquare: number): number {
  return meanSquare > 0 ? 10 * Math.log10(meanSquare) : -Infinity;
}

/**
 * Measures an utterance as it streams in (the engines feed it each chunk), so
 * the analysis at the end costs nothing extra. 16-bit samples at `sampleRate`.
 */
export class LevelMeter {
  private readonly frameSize: number;
  private readonly frameDb: number[] = [];
  private frameSum = 0;
  private frameFill = 0;
  private total = 0;
  private sumSquares = 0;
  private peakAbs = 0;
  private clippedCount = 0;
  /** The last samples, newest first, for the high-band filter (16 kHz only). */
  private readonly recent = new Float64Array(HIGH_PASS_TAPS);
  private recentAt = 0;
  private highSquares = 0;

  constructor(private readonly sampleRate: number = SPEECH_SAMPLE_RATE) {
    this.frameSize = Math.max(1, Math.round((sampleRate * FRAME_MS) / 1000));
  }

  push(pcm: Int16Array): void {
    for (let i = 0; i < pcm.length; i++) {
      const v = pcm[i] as number;
      const a = v < 0 ? -v : v;
      const square = (v / 32768) * (v / 32768);
      if (a > this.peakAbs) this.peakAbs = a;
      if (a >= CLIP_LEVEL) this.clippedCount += 1;
      this.sumSquares += square;
      if (this.sampleRate === SPEECH_SAMPLE_RATE) this.highSquares += this.highPassed(v / 32768);
      this.frameSum += square;
      this.frameFill += 1;
      if (this.frameFill === this.frameSize) {
        this.frameDb.push(db(this.frameSum / this.frameSize));
        this.frameSum = 0;
        this.frameFill = 0;
      }
    }
    this.total += pcm.length;
  }

  /** The next sample through the high-pass filter: its square. */
  private highPassed(x: number): number {
    const n = HIGH_PASS_TAPS;
    this.recentAt = (this.recentAt + n - 1) % n;
    this.recent[this.recentAt] = x;
    let acc = 0;
    for (let k = 0; k < n; k++) {
      acc += (HIGH_PASS[k] as number) * (this.recent[(this.recentAt + k) % n] as number);
    }
    return acc * acc;
  }

  analysis(): UtteranceAnalysis {
    const frames = [...this.frameDb];
    if (this.frameFill > 0) frames.push(db(this.frameSum / this.frameFill));
    const clippedShare = this.total > 0 ? this.clippedCount / this.total : 0;
    const base = {
      samples: this.total,
      seconds: this.total / this.sampleRate,
      rmsDb: this.total > 0 ? db(this.sumSquares / this.total) : -Infinity,
      peak: Math.min(1, this.peakAbs / 32768),
      clippedShare,
      clipped: clippedShare > CLIPPED_SHARE_LIMIT,
      highBandDb: this.sumSquares > 0 ? db(this.highSquares) - db(this.sumSquares) : -Infinity,
      narrowBand:
        this.sampleRate === SPEECH_SAMPLE_RATE &&
        this.sumSquares > 0 &&
        db(this.highSquares) - db(this.sumSquares) < NARROW_BAND_DB,
    };
    const silent = { ...base, silent: true, voiced: null };
    if (frames.length === 0) return silent;
    const sorted = frames.filter((d) => d > -Infinity).sort((a, b) => a - b);
    if (sorted.length === 0) return silent;
    const quantile = (q: number): number =>
      sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
    // Digital zero frames count as the quietest possible floor.
    const floor = sorted.length < frames.length * 0.9 ? -Infinity : quantile(0.1);
    const threshold = Math.min(
      SPEECH_THRESHOLD_CAP_DB,
      Math.max(SPEECH_MIN_DB, floor + SPEECH_ABOVE_FLOOR_DB),
    );
    let first = -1;
    let last = -1;
    const voicedDb: number[] = [];
    frames.forEach((d, i) => {
      if (d > threshold) {
        voicedDb.push(d);
        if (first < 0) first = i;
        last = i;
      }
    });
    if (voicedDb.length * FRAME_MS < MIN_SPEECH_MS || first < 0) return silent;
    // A hum or hiss is as loud in its loudest frames as in its quietest: no speech.
    // (The loud end, not the median: in a noisy room half the frames of a
    // sentence are pauses and soft sounds at the noise's level, and the median
    // called speech at 10 dB signal-to-noise a hum.)
    voicedDb.sort((a, b) => a - b);
    const loud = voicedDb[Math.floor(voicedDb.length * 0.9)] as number;
    if (floor > -Infinity && loud - floor < MIN_SPEECH_RANGE_DB) return silent;
    const startSample = first * this.frameSize;
    const endSample = Math.min(
      this.total,
      (last + 1) * this.frameSize + Math.round((this.sampleRate * HANGOVER_MS) / 1000),
    );
    return {
      ...base,
      silent: false,
      voiced: {
        startSample,
        endSample,
        startMs: Math.round((startSample * 1000) / this.sampleRate),
        endMs: Math.round((endSample * 1000) / this.sampleRate),
      },
    };
  }
}

/** The analysis of a whole 16 kHz (or `sampleRate`) utterance. */
export function analyseUtterance(
  pcm: Int16Array,
  sampleRate: number = SPEECH_SAMPLE_RATE,
): UtteranceAnalysis {
  const meter = new LevelMeter(sampleRate);
  meter.push(pcm);
  return meter.analysis();
}

/** What the rep should hear about the audio, if anything (Transcript.problem). */
export function audioProblem(analysis: UtteranceAnalysis): string | undefined {
  if (analysis.samples === 0) return 'No audio arrived from the microphone.';
  if (analysis.silent) return 'No speech was heard: check the microphone is on and not muted.';
  if (analysis.clipped) {
    return 'The recording is distorted (too loud): lower the microphone level or sit further back.';
  }
  return undefined;
}
