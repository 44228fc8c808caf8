// Test support for the speech engines: real speech made with the flite
// synthesiser (cached between runs in node_modules/.cache, never in the
// system's temp folder, so only the first run pays for it), the
// fixture sentences, word error rate, simple synthetic audio, and a weightless
// whisper.cpp model written from the ggml format's published layout (tiny.en's
// hyper-parameters, mel filters and a vocabulary, no tensors), which whisper.cpp
// loads as "an empty model for testing" and which transcribes to empty text.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures/speech');

/** flite's voices: slt, rms, awb and kal16 speak at 16 kHz, kal at 8 kHz. */
export type FliteVoice = 'slt' | 'rms' | 'awb' | 'kal' | 'kal16';

/** Inside the project (where npm's tools keep their caches), so a test run leaves nothing in /tmp. */
export const FLITE_CACHE = resolve(
  import.meta.dirname,
  '../../../node_modules/.cache/first-meeting-flite',
);
const CACHE = FLITE_CACHE;

/** The path of a WAV of `text` spoken by flite's `voice`, made once and cached. */
export function fliteWav(text: string, voice: FliteVoice = 'slt'): string {
  const key = createHash('sha256').update(`${voice}\n${text}`).digest('hex').slice(0, 24);
  const path = join(CACHE, `${voice}-${key}.wav`);
  if (existsSync(path)) return path;
  mkdirSync(CACHE, { recursive: true });
  // Written aside then renamed, so test files running in parallel never read half a file.
  const partial = `${path}.${process.pid}.partial.wav`;
  const result = spawnSync('flite', ['-voice', voice, '-t', text, '-o', partial], {
    encoding: 'utf8',
  });
  if (result.error || result.status !== 0) {
    throw new Error(
      `flite failed for "${text}" (${result.error?.message ?? result.stderr}); install it with "sudo apt install flite"`,
    );
  }
  renameSync(partial, path);
  return path;
}

/** The non-comment lines of a file in test/fixtures/speech. */
export function sentences(file: string): string[] {
  return readFileSync(join(FIXTURES, file), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Lower-case words without punctuation (apostrophes kept). */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z' ]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && w !== "'");
}

/** Word-level edit distance over the reference's length. */
export function wordErrorRate(reference: string, hypothesis: string): number {
  const ref = words(reference);
  const hyp = words(hypothesis);
  if (ref.length === 0) return hyp.length === 0 ? 0 : 1;
  let row = Array.from({ length: hyp.length + 1 }, (_, j) => j);
  for (let i = 1; i <= ref.length; i++) {
    const next = [i];
    for (let j = 1; j <= hyp.length; j++) {
      const substitution = (row[j - 1] as number) + (ref[i - 1] === hyp[j - 1] ? 0 : 1);
      next[j] = Math.min(substitution, (row[j] as number) + 1, (next[j - 1] as number) + 1);
    }
    row = next;
  }
  return (row[hyp.length] as number) / ref.length;
}

/** 16-bit samples of silence, or of low noise at `level` (0..1) from a fixed seed. */
export function quiet(seconds: number, level = 0, rate = 16_000): Int16Array {
  const out = new Int16Array(Math.round(seconds * rate));
  let seed = 12345;
  for (let i = 0; i < out.length && level > 0; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    out[i] = Math.round(((seed / 0x7fffffff) * 2 - 1) * level * 32767);
  }
  return out;
}

export function concat(...parts: Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** tiny.en's hyper-parameters, in the order whisper.cpp reads them. */
const TINY_EN = {
  n_vocab: 51864,
  n_audio_ctx: 1500,
  n_audio_state: 384,
  n_audio_head: 6,
  n_audio_layer: 4,
  n_text_ctx: 448,
  n_text_state: 384,
  n_text_head: 6,
  n_text_layer: 4,
  n_mels: 80,
  ftype: 1,
};
const GGML_MAGIC = 0x67676d6c;
/** The tokens GPT-2's byte-level vocabulary stores (50,256 plus <|endoftext|>); whisper.cpp adds its specials. */
const STORED_TOKENS = 50_257;

/**
 * GPT-2's byte-level base vocabulary: every byte is a token (printable ones
 * first), so whisper.cpp's tokenizer finds a token for any text. (With
 * bytes missing, transcription was seen to hang, using no CPU.)
 */
const BYTE_ORDER: readonly number[] = (() => {
  const printable = [
    ...Array.from({ length: 94 }, (_, i) => 33 + i),
    ...Array.from({ length: 12 }, (_, i) => 161 + i),
    ...Array.from({ length: 82 }, (_, i) => 174 + i),
  ];
  const rest = Array.from({ length: 256 }, (_, i) => i).filter((b) => !printable.includes(b));
  return [...printable, ...rest];
})();

/** Slaney-style mel filters for 16 kHz, n_fft 400 (201 bins), as whisper's were made. */
function melFilters(nMel: number, nFft: number): Float32Array {
  const rate = 16_000;
  const fSp = 200 / 3;
  const logStep = Math.log(6.4) / 27;
  const toMel = (f: number): number => (f < 1000 ? f / fSp : 15 + Math.log(f / 1000) / logStep);
  const toHz = (m: number): number => (m < 15 ? m * fSp : 1000 * Math.exp(logStep * (m - 15)));
  const top = toMel(rate / 2);
  const points = Array.from({ length: nMel + 2 }, (_, i) => toHz((top * i) / (nMel + 1)));
  const out = new Float32Array(nMel * nFft);
  for (let m = 0; m < nMel; m++) {
    const [lo, mid, hi] = [points[m] as number, points[m + 1] as number, points[m + 2] as number];
    const norm = 2 / (hi - lo);
    for (let k = 0; k < nFft; k++) {
      const f = (k * rate) / ((nFft - 1) * 2);
      const w = Math.max(0, Math.min((f - lo) / (mid - lo), (hi - f) / (hi - mid)));
      out[m * nFft + k] = w * norm;
    }
  }
  return out;
}

/** Bytes of a weightless tiny.en ggml model (about 0.5 MB). */
export function weightlessWhisperModel(): Buffer {
  const parts: Buffer[] = [];
  const int32s = (...values: number[]): void => {
    const b = Buffer.alloc(values.length * 4);
    values.forEach((v, i) => b.writeInt32LE(v, i * 4));
    parts.push(b);
  };
  const magic = Buffer.alloc(4);
  magic.writeUInt32LE(GGML_MAGIC);
  parts.push(magic);
  int32s(...Object.values(TINY_EN));
  const nFft = 201;
  int32s(TINY_EN.n_mels, nFft);
  const filters = melFilters(TINY_EN.n_mels, nFft);
  parts.push(Buffer.from(filters.buffer, filters.byteOffset, filters.byteLength));
  int32s(STORED_TOKENS);
  for (let id = 0; id < STORED_TOKENS; id++) {
    const bytes =
      id < 256
        ? Buffer.from([BYTE_ORDER[id] as number])
        : Buffer.from(id === STORED_TOKENS - 1 ? '<|endoftext|>' : ` tok${id}`, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(bytes.length);
    parts.push(length, bytes);
  }
  return Buffer.concat(parts);
}

/** Writes the weightless model to `path` and returns the path. */
export function writeWeightlessWhisperModel(path: string): string {
  writeFileSync(path, weightlessWhisperModel());
  return path;
}
