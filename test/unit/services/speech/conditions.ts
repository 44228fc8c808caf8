// Listening conditions for the speech tests and benchmark: the clean flite
// recording changed the way a real room, microphone or speaker changes it,
// made with sox or in code and cached beside flite's recordings (inside the
// project, never in the system temp folder): room noise and hiss mixed in at a
// signal-to-noise ratio measured on the speech's active frames, a laptop
// microphone's band, an 8 kHz telephone line, slower and faster speech.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { wavToSpeechPcm } from '../../../../src-main/services/speech/audio';
import { FLITE_CACHE, fliteWav, type FliteVoice } from '../../support/speech';

/** A held-out listening condition: how the clean flite recording is changed. */
export interface Condition {
  readonly name: string;
  /** sox effects applied to the recording (none: as flite made it). */
  readonly sox?: readonly string[];
  /** Noise mixed in at this signal-to-noise ratio (dB), with 0.4 s of it either side. */
  readonly snrDb?: number;
  /** Which noise: room (pink, darker above 2 kHz; the default) or hiss (white). */
  readonly noise?: 'room' | 'hiss';
  /** The target word error rate for this condition, if the issue sets one. */
  readonly target?: number;
}

export const CONDITIONS: readonly Condition[] = [
  { name: 'clean', target: 0.08 },
  { name: 'room noise 20 dB', snrDb: 20, target: 0.15 },
  { name: 'room noise 10 dB', snrDb: 10, target: 0.3 },
  // Broadband hiss (a cheap headset, a fan close to the microphone): harder than room noise.
  { name: 'hiss 20 dB', snrDb: 20, noise: 'hiss' },
  // A laptop microphone: little below 250 Hz or above 5 kHz.
  { name: 'laptop mic band-pass', sox: ['sinc', '250-5000'] },
  { name: 'slower (0.85x)', sox: ['tempo', '-s', '0.85'] },
  { name: 'faster (1.2x)', sox: ['tempo', '-s', '1.2'] },
  // A telephone line or a Bluetooth headset's call mode: 8 kHz, 300-3400 Hz.
  { name: 'telephone (8 kHz)', sox: ['sinc', '300-3400', 'rate', '8000'] },
];

const CONDITION_CACHE = join(FLITE_CACHE, 'conditions');

function sox(args: readonly string[]): void {
  const result = spawnSync('sox', args, { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new Error(`sox ${args.join(' ')} failed: ${result.error?.message ?? result.stderr}`);
  }
}

/**
 * Noise from sox, the same samples every run (-R). Room noise (ventilation,
 * traffic, a projector's fan): pink noise, darker still above 2 kHz. Hiss:
 * white noise. No mains hum: the recogniser's filters start at 130 Hz, so a
 * hum would count towards the noise without making it any harder to hear.
 */
function noiseSamples(kind: 'room' | 'hiss', seconds: number): Int16Array {
  mkdirSync(CONDITION_CACHE, { recursive: true });
  const path = join(CONDITION_CACHE, `${kind}-${seconds.toFixed(0)}.wav`);
  if (!existsSync(path)) {
    const partial = `${path}.${process.pid}.partial.wav`;
    const head = [
      '-R',
      '-n',
      '-r',
      '16000',
      '-c',
      '1',
      '-b',
      '16',
      partial,
      'synth',
      String(seconds),
    ];
    if (kind === 'hiss') sox([...head, 'whitenoise', 'norm', '-10']);
    else sox([...head, 'pinknoise', 'lowpass', '2000', 'norm', '-10']);
    renameSync(partial, path);
  }
  return wavToSpeechPcm(readFileSync(path), path);
}

/** Mean power of the speech's active frames (within 30 dB of the loudest 10 ms frame). */
export function activePower(pcm: Int16Array): number {
  const frames: number[] = [];
  for (let at = 0; at + 160 <= pcm.length; at += 160) {
    let sum = 0;
    for (let i = at; i < at + 160; i++) sum += (pcm[i] as number) ** 2;
    frames.push(sum / 160);
  }
  const loudest = Math.max(...frames);
  const active = frames.filter((p) => p > loudest / 1000);
  return active.reduce((a, b) => a + b, 0) / Math.max(1, active.length);
}

/** The recording of `said` by `voice` under `condition`, as 16 kHz samples. */
export function conditionPcm(said: string, voice: FliteVoice, condition: Condition): Int16Array {
  let file = fliteWav(said, voice);
  if (condition.sox) {
    mkdirSync(CONDITION_CACHE, { recursive: true });
    const key = createHash('sha256')
      .update(`${file}\n${condition.sox.join(' ')}`)
      .digest('hex');
    const out = join(CONDITION_CACHE, `${key.slice(0, 24)}.wav`);
    if (!existsSync(out)) {
      const partial = `${out}.${process.pid}.partial.wav`;
      sox([file, '-b', '16', partial, ...condition.sox]);
      renameSync(partial, out);
    }
    file = out;
  }
  const speech = wavToSpeechPcm(readFileSync(file), file);
  if (condition.snrDb === undefined) return speech;
  const pad = 0.4 * 16_000;
  const noise = noiseSamples(condition.noise ?? 'room', 60);
  // A different stretch of the noise for each sentence, the same every run.
  const offset =
    parseInt(createHash('sha256').update(said).digest('hex').slice(0, 6), 16) %
    (noise.length - speech.length - 2 * pad);
  const gain = Math.sqrt(activePower(speech) / activePower(noise) / 10 ** (condition.snrDb / 10));
  const out = new Int16Array(speech.length + 2 * pad);
  for (let i = 0; i < out.length; i++) {
    const s = i >= pad && i < pad + speech.length ? (speech[i - pad] as number) : 0;
    const v = s + gain * (noise[offset + i] as number);
    out[i] = Math.max(-32768, Math.min(32767, Math.round(v)));
  }
  return out;
}

/** A stretch of a turn: words spoken by flite, or a pause of this many seconds. */
export type TrackPart =
  { readonly said: string; readonly voice: FliteVoice } | { readonly pause: number };

/**
 * A recording of speech and pauses in one room, with that room's noise under
 * all of it at `snrDb` (measured on the speech's active frames; no speech
 * gives the noise at the level it would have under flite's speech). Where each
 * part starts, and where each spoken part's sound starts and ends (its
 * first and last 10 ms over -40 dBFS before the noise; flite leaves a little
 * silence either side), in samples, come back too.
 */
export function noisyTrack(
  parts: readonly TrackPart[],
  snrDb: number,
  noise: 'room' | 'hiss' = 'room',
): {
  readonly pcm: Int16Array;
  readonly starts: number[];
  readonly soundFrom: number[];
  readonly soundTo: number[];
} {
  const pieces = parts.map((part) =>
    'pause' in part
      ? new Int16Array(Math.round(part.pause * 16_000))
      : (() => {
          const file = fliteWav(part.said, part.voice);
          return wavToSpeechPcm(readFileSync(file), file);
        })(),
  );
  const starts: number[] = [];
  let length = 0;
  for (const piece of pieces) {
    starts.push(length);
    length += piece.length;
  }
  const speech = new Int16Array(length);
  pieces.forEach((piece, i) => speech.set(piece, starts[i]));
  const spoken = pieces.filter((_, i) => !('pause' in (parts[i] as TrackPart)));
  // Speech as loud as flite's (its typical active power) when the track has none.
  const power = spoken.length > 0 ? activePower(concatAll(spoken)) : FLITE_ACTIVE_POWER;
  const room = noiseSamples(noise, 60);
  if (length > room.length) throw new Error('a track longer than a minute of noise');
  const gain = Math.sqrt(power / activePower(room) / 10 ** (snrDb / 10));
  const pcm = new Int16Array(length);
  for (let i = 0; i < length; i++) {
    const v = (speech[i] as number) + gain * (room[i] as number);
    pcm[i] = Math.max(-32768, Math.min(32767, Math.round(v)));
  }
  const sounding = (piece: Int16Array, at: number): boolean => {
    let sum = 0;
    for (let j = at; j < at + 160; j++) sum += ((piece[j] as number) / 32768) ** 2;
    return 10 * Math.log10(sum / 160 + 1e-12) > -40;
  };
  const soundFrom = pieces.map((piece, i) => {
    for (let at = 0; at + 160 <= piece.length; at += 160) {
      if (sounding(piece, at)) return (starts[i] ?? 0) + at;
    }
    return starts[i] ?? 0;
  });
  const soundTo = pieces.map((piece, i) => {
    for (let at = piece.length - 160; at >= 0; at -= 160) {
      if (sounding(piece, at)) return (starts[i] ?? 0) + at + 160;
    }
    return starts[i] ?? 0;
  });
  return { pcm, starts, soundFrom, soundTo };
}

/** The active power of flite's slt voice, about -16 dBFS. */
const FLITE_ACTIVE_POWER = (0.16 * 32768) ** 2;

function concatAll(parts: readonly Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
