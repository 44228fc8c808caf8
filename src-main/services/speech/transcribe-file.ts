// A WAV file to text with one engine, the way the app hears the rep: the
// audio is made 16 kHz mono, then streamed through an Utterance in small
// chunks. Long recordings are cut at their quietest moments into pieces of at
// most half a minute (a decoder works best on sentence-sized utterances) and
// pieces with no speech are skipped, so a ten-minute file with a few words in
// it finishes quickly and whisper does not invent words for the silence.
import { readFileSync, statSync } from 'node:fs';
import { SPEECH_SAMPLE_RATE, type SpeechEngineName } from '../../contract/api';
import { analyseUtterance, audioProblem, wavToSpeechPcm } from './audio';
import { SpeechError, type SpeechEngine } from './engine';

export interface FileTranscript {
  readonly text: string;
  readonly engine: SpeechEngineName;
  readonly audioSeconds: number;
  readonly decodeSeconds: number;
  /** Something wrong with the recording (silence, clipping), for the user. */
  readonly problem?: string;
}

export interface TranscribeOptions {
  /** Audio per write, as the renderer streams it (default 0.25 s). */
  readonly chunkSeconds?: number;
  /** The longest piece decoded as one utterance (default 30 s). */
  readonly pieceSeconds?: number;
}

/** WAV files larger than this are refused (about 50 minutes of 48 kHz stereo). */
export const MAX_WAV_BYTES = 512 * 1024 * 1024;

/** The bytes of a WAV file, or a SpeechError naming it and the problem. */
export function readWavFile(path: string): Uint8Array {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new SpeechError(`${path}: is a folder, not a WAV file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof SpeechError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new SpeechError(
      code === 'ENOENT'
        ? `${path}: no such file`
        : `${path}: cannot read (${code ?? 'unknown error'})`,
    );
  }
  if (size > MAX_WAV_BYTES) {
    throw new SpeechError(`${path}: too large (${size} bytes; the limit is ${MAX_WAV_BYTES})`);
  }
  return readFileSync(path);
}

/** Transcribes a WAV file. Errors (unreadable, not a WAV, engine failure) are SpeechErrors naming the file. */
export async function transcribeFile(
  path: string,
  engine: SpeechEngine,
  options: TranscribeOptions = {},
): Promise<FileTranscript> {
  const pcm = wavToSpeechPcm(readWavFile(path), path);
  try {
    return await transcribePcm(pcm, engine, options);
  } catch (error) {
    if (error instanceof SpeechError) throw new SpeechError(`${path}: ${error.message}`);
    throw error;
  }
}

/** Transcribes 16 kHz mono audio already in memory. */
export async function transcribePcm(
  pcm: Int16Array,
  engine: SpeechEngine,
  options: TranscribeOptions = {},
): Promise<FileTranscript> {
  const chunk = Math.max(1, Math.round((options.chunkSeconds ?? 0.25) * SPEECH_SAMPLE_RATE));
  const texts: string[] = [];
  let decodeSeconds = 0;
  for (const [start, end] of pieces(pcm, options.pieceSeconds ?? 30)) {
    const piece = pcm.subarray(start, end);
    if (analyseUtterance(piece).silent) continue;
    const utterance = engine.begin();
    try {
      for (let at = 0; at < piece.length; at += chunk)
        utterance.write(piece.subarray(at, at + chunk));
    } catch (error) {
      utterance.cancel();
      throw error;
    }
    const heard = await utterance.finish();
    decodeSeconds += heard.decodeSeconds;
    if (heard.text !== '') texts.push(heard.text);
  }
  const problem = audioProblem(analyseUtterance(pcm));
  return {
    text: texts.join(' '),
    engine: engine.name,
    audioSeconds: pcm.length / SPEECH_SAMPLE_RATE,
    decodeSeconds,
    ...(problem ? { problem } : {}),
  };
}

/** The quietest 200 ms (as a window of 10 ms frames) decides where a long recording is cut. */
const CUT_WINDOW_FRAMES = 20;

/**
 * [start, end) sample ranges of at most `maxSeconds`, each cut in the
 * quietest moment of the last third of its span, so words are rarely split.
 */
export function pieces(pcm: Int16Array, maxSeconds: number): [number, number][] {
  const max = Math.max(SPEECH_SAMPLE_RATE, Math.round(maxSeconds * SPEECH_SAMPLE_RATE));
  if (pcm.length <= max) return pcm.length === 0 ? [] : [[0, pcm.length]];
  const frame = SPEECH_SAMPLE_RATE / 100;
  const energy = new Float64Array(Math.ceil(pcm.length / frame));
  for (let i = 0; i < pcm.length; i++) {
    const v = pcm[i] as number;
    const f = (i / frame) | 0;
    energy[f] = (energy[f] as number) + v * v;
  }
  const out: [number, number][] = [];
  let start = 0;
  while (pcm.length - start > max) {
    const from = Math.floor((start + (max * 2) / 3) / frame);
    const to = Math.floor((start + max) / frame) - CUT_WINDOW_FRAMES;
    let best = to;
    let bestEnergy = Infinity;
    let window = 0;
    for (let f = from; f < from + CUT_WINDOW_FRAMES; f++) window += energy[f] ?? 0;
    for (let f = from; f <= to; f++) {
      if (window < bestEnergy) {
        bestEnergy = window;
        best = f;
      }
      window += (energy[f + CUT_WINDOW_FRAMES] ?? 0) - (energy[f] ?? 0);
    }
    const cut = (best + CUT_WINDOW_FRAMES / 2) * frame;
    out.push([start, cut]);
    start = cut;
  }
  out.push([start, pcm.length]);
  return out;
}
