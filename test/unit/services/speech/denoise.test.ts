// The noise suppressor in front of the recogniser, for real (RNNoise's
// WebAssembly build and model): room noise alone comes out far quieter; a
// turn that starts with a word at its very first sample keeps that word's
// sound; the whole turn comes out, in order, however it is chunked, with
// nothing lost at the end; a closed suppressor refuses more audio.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wavToSpeechPcm } from '../../../../src-main/services/speech/audio';
import {
  DENOISE_DELAY_SAMPLES as DELAY,
  Denoiser,
  loadRnnoise,
} from '../../../../src-main/services/speech/denoise';
import { fliteWav } from '../../support/speech';
import { noisyTrack } from './conditions';

const power = (pcm: Int16Array, from = 0, to = pcm.length): number => {
  let sum = 0;
  for (let i = from; i < to; i++) sum += ((pcm[i] as number) / 32768) ** 2;
  return sum / Math.max(1, to - from);
};
const db = (ratio: number) => 10 * Math.log10(ratio);

async function cleaned(pcm: Int16Array, chunk = 4000): Promise<Int16Array> {
  const denoiser = new Denoiser(await loadRnnoise());
  const parts: Int16Array[] = [];
  for (let at = 0; at < pcm.length; at += chunk)
    parts.push(denoiser.push(pcm.subarray(at, at + chunk)));
  parts.push(denoiser.flush());
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const speech = (said: string): Int16Array => {
  const file = fliteWav(said, 'slt');
  return wavToSpeechPcm(readFileSync(file), file);
};

describe('the noise suppressor (RNNoise)', () => {
  it('takes room noise down by more than 10 dB', async () => {
    const { pcm } = noisyTrack([{ pause: 5 }], 10);
    const out = await cleaned(pcm);
    // The first half second is the network settling; the rest is the room.
    expect(db(power(out, 8000, pcm.length) / power(pcm, 8000))).toBeLessThan(-10);
  });

  it('keeps the first word of a turn that starts at its first sample', async () => {
    const said = 'Pipeline reviews take most of our Monday.';
    const clean = speech(said);
    // Cut to the first sound: the turn starts mid-breath, as a push-to-talk turn can.
    let first = 0;
    while (first < clean.length && Math.abs(clean[first] as number) < 300) first++;
    const turn = clean.subarray(first);
    const out = await cleaned(turn);
    // The word's first 100 ms, and its first 300 ms, keep their sound (after the suppressor's 13 ms delay).
    for (const samples of [1600, 4800]) {
      const before = power(turn, 0, samples);
      const after = power(out, DELAY, DELAY + samples);
      expect(db(after / before), `${samples / 16} ms`).toBeGreaterThan(-3);
    }
  });

  it('gives back the whole turn in order, however it is chunked, with nothing lost at the end', async () => {
    const pcm = speech('What does a good quarter look like for your team?');
    const big = await cleaned(pcm, 16_000);
    const small = await cleaned(pcm, 160);
    expect(small).toEqual(big);
    // The input and its 13 ms delay, and a little silence after: never less.
    expect(DELAY).toBeGreaterThan(150);
    expect(big.length).toBeGreaterThanOrEqual(pcm.length + DELAY);
    // The last 100 ms of speech come out (they are not stuck in the filters).
    const end = pcm.length + DELAY;
    expect(db(power(big, end - 1600, end) / power(pcm, pcm.length - 1600))).toBeGreaterThan(-6);
  });

  it('refuses audio once closed', async () => {
    const denoiser = new Denoiser(await loadRnnoise());
    denoiser.close();
    expect(() => denoiser.push(new Int16Array(160))).toThrow(/closed/);
    expect(denoiser.flush()).toEqual(new Int16Array(0));
  });
});
