// Hands-free turn detection on synthetic audio: speech is a loud tone, the
// room a little noise. A pause or an "um" inside a turn does not end it; the
// silence window does; a click does not start one; the pre-roll is sent.
import { describe, expect, it } from 'vitest';
import { Vad, type VadEvent } from '../../../src-renderer/src/speech/vad';

const RATE = 16_000;
const FRAME = 320; // 20 ms

/** A seeded generator, so the noise is the same every run. */
function noise(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648 - 0.5;
  };
}

type Part = { readonly ms: number; readonly amp: number; readonly hz?: number };

/** Frames of room noise with tones (speech) mixed in where a part has an amplitude. */
function audio(parts: readonly Part[]): Float32Array[] {
  const rand = noise(7);
  const total = parts.reduce((n, p) => n + (p.ms * RATE) / 1000, 0);
  const samples = new Float32Array(total);
  let at = 0;
  for (const part of parts) {
    const n = (part.ms * RATE) / 1000;
    for (let i = 0; i < n; i++) {
      const t = (at + i) / RATE;
      samples[at + i] = 0.002 * rand() + part.amp * Math.sin(2 * Math.PI * (part.hz ?? 220) * t);
    }
    at += n;
  }
  const frames: Float32Array[] = [];
  for (let i = 0; i < samples.length; i += FRAME) frames.push(samples.subarray(i, i + FRAME));
  return frames;
}

/** Runs frames through a VAD, noting each event with the time (ms) of the frame that caused it. */
function run(vad: Vad, frames: readonly Float32Array[]): { at: number; event: VadEvent }[] {
  const out: { at: number; event: VadEvent }[] = [];
  frames.forEach((frame, i) => {
    for (const event of vad.push(frame)) out.push({ at: (i + 1) * 20, event });
  });
  return out;
}

const kinds = (events: { event: VadEvent }[]) =>
  events.map((e) => e.event.type).filter((t) => t !== 'audio');
const silence = (ms: number): Part => ({ ms, amp: 0 });
const speech = (ms: number, amp = 0.2): Part => ({ ms, amp });

describe('Vad', () => {
  it('does not end the turn at a 300 ms pause, nor at a quiet "um", with a 1200 ms window', () => {
    const vad = new Vad({ sampleRate: RATE, endOfTurnMs: 1200 });
    const events = run(
      vad,
      audio([
        silence(1000),
        speech(800),
        silence(300),
        speech(600),
        { ms: 400, amp: 0.03, hz: 150 }, // "um"
        silence(900),
        speech(700),
        silence(1000),
      ]),
    );
    expect(kinds(events)).toEqual(['start']);
    expect(vad.speaking).toBe(true);
  });

  it('ends the turn after 1300 ms of silence, at the end of the 1200 ms window', () => {
    const vad = new Vad({ sampleRate: RATE, endOfTurnMs: 1200 });
    const events = run(
      vad,
      audio([silence(1000), speech(800), silence(300), speech(600), silence(1300)]),
    );
    expect(kinds(events)).toEqual(['start', 'end']);
    const end = events.find((e) => e.event.type === 'end');
    // Speech stopped at 2700 ms; the window runs out 1200 ms later (one frame either way).
    expect(end?.at).toBeGreaterThanOrEqual(3900 - 20);
    expect(end?.at).toBeLessThanOrEqual(3900 + 40);
    if (end?.event.type === 'end') expect(end.event.voicedMs).toBeGreaterThanOrEqual(1300);
    expect(vad.speaking).toBe(false);
  });

  it('follows a changed silence window', () => {
    const vad = new Vad({ sampleRate: RATE, endOfTurnMs: 3000 });
    vad.setEndOfTurnMs(600);
    expect(kinds(run(vad, audio([silence(500), speech(500), silence(700)])))).toEqual([
      'start',
      'end',
    ]);
  });

  it('does not start a turn for a 50 ms click', () => {
    const vad = new Vad({ sampleRate: RATE, endOfTurnMs: 1200 });
    const events = run(vad, audio([silence(1000), { ms: 60, amp: 0.9, hz: 2000 }, silence(1500)]));
    expect(kinds(events)).toEqual([]);
    expect(events).toEqual([]);
  });

  it('drops a turn with too little speech in it', () => {
    const vad = new Vad({ sampleRate: RATE, endOfTurnMs: 600, minVoicedMs: 300 });
    expect(kinds(run(vad, audio([silence(500), speech(160), silence(800)])))).toEqual([
      'start',
      'drop',
    ]);
  });

  it('starts after about 120 ms of speech and sends the 300 ms before it first', () => {
    const vad = new Vad({ sampleRate: RATE, endOfTurnMs: 1200 });
    const frames = audio([silence(1000), speech(1000)]);
    const events = run(vad, frames);
    const start = events[0];
    expect(start?.event.type).toBe('start');
    expect(start?.at).toBe(1000 + 120);
    if (start?.event.type !== 'start') return;
    // The pre-roll (300 ms of room noise) and the onset (120 ms of speech).
    expect(start.event.audio.length).toBe(((300 + 120) * RATE) / 1000);
    const first = frames[(1000 - 300) / 20];
    expect(Array.from(start.event.audio.subarray(0, FRAME))).toEqual(Array.from(first ?? []));
    // Then every later frame, in order.
    const next = events[1];
    expect(next?.event.type).toBe('audio');
    if (next?.event.type === 'audio') expect(next.event.audio).toBe(frames[(1000 + 120) / 20]);
    expect(events.length).toBe(1 + (1000 - 120) / 20);
  });

  it('adapts to a noisy room: steady noise is not speech, speech over it is', () => {
    const vad = new Vad({ sampleRate: RATE, endOfTurnMs: 800 });
    const rand = noise(3);
    const noisy = (ms: number, tone: number) =>
      Array.from({ length: ms / 20 }, (_, f) =>
        Float32Array.from({ length: FRAME }, (_, i) => {
          const t = (f * FRAME + i) / RATE;
          return 0.05 * rand() + tone * Math.sin(2 * Math.PI * 200 * t);
        }),
      );
    expect(kinds(run(vad, noisy(3000, 0)))).toEqual([]);
    expect(vad.noiseFloorDb).toBeGreaterThan(-40);
    expect(kinds(run(vad, [...noisy(800, 0.3), ...noisy(1000, 0)]))).toEqual(['start', 'end']);
  });

  it('forgets an onset or a turn on reset', () => {
    const vad = new Vad({ sampleRate: RATE, endOfTurnMs: 1200 });
    run(vad, audio([silence(500), speech(300)]));
    expect(vad.speaking).toBe(true);
    vad.reset();
    expect(vad.speaking).toBe(false);
    expect(kinds(run(vad, audio([silence(2000)])))).toEqual([]);
  });
});
