// The hands-free turn detector on real speech in real room noise: flite's
// voices with sox's room noise (pink, darker above 2 kHz) under everything at
// 20 dB and 10 dB signal-to-noise, the conditions the speech benchmark uses.
// Noise alone never starts a turn; a turn starts in time to keep its first
// word; a pause shorter than the silence window does not end it; a longer one
// does, once.
import { describe, expect, it } from 'vitest';
import { END_OF_TURN_MS } from '../../../src-main/contract/api';
import { Vad, type VadEvent } from '../../../src-renderer/src/speech/vad';
import { noisyTrack, type TrackPart } from '../services/speech/conditions';

const RATE = 16_000;
const FRAME = 320; // 20 ms, as the page's capture delivers them
const WINDOW_MS = END_OF_TURN_MS.default;

/** Events with the time (ms) of the frame that caused them, and where each start's audio begins. */
function run(pcm: Int16Array, endOfTurnMs = WINDOW_MS) {
  const vad = new Vad({ sampleRate: RATE, endOfTurnMs });
  const events: { ms: number; event: VadEvent; audioFromMs?: number }[] = [];
  for (let at = 0; at + FRAME <= pcm.length; at += FRAME) {
    const frame = Float32Array.from(pcm.subarray(at, at + FRAME), (v) => v / 32768);
    const ms = ((at + FRAME) * 1000) / RATE;
    for (const event of vad.push(frame)) {
      if (event.type === 'audio') continue; // the frames of a turn in progress
      const audioFromMs =
        event.type === 'start' ? ms - (event.audio.length * 1000) / RATE : undefined;
      events.push({ ms, event, ...(audioFromMs === undefined ? {} : { audioFromMs }) });
    }
  }
  return events;
}

const msOf = (sample: number) => (sample * 1000) / RATE;
const kinds = (events: ReturnType<typeof run>) => events.map((e) => e.event.type).join(' ');

const FIRST = 'Before we talk about tools, how does your team plan the quarter?';
const SECOND = 'And who decides which deals get the most attention?';

describe.each([20, 10])('the turn detector in room noise at %i dB', (snrDb) => {
  it('starts no turn on the room alone, however long it lasts', () => {
    const { pcm } = noisyTrack([{ pause: 20 }], snrDb);
    expect(kinds(run(pcm))).toBe('');
  });

  it('starts a turn in time to keep the first word, and ends it once after the silence window', () => {
    for (const voice of ['slt', 'rms'] as const) {
      const parts: TrackPart[] = [{ pause: 3 }, { said: FIRST, voice }, { pause: 3 }];
      const { pcm, soundFrom, soundTo } = noisyTrack(parts, snrDb);
      const events = run(pcm);
      expect(kinds(events), voice).toBe('start end');
      const [start, end] = events;
      const speechFrom = msOf(soundFrom[1] ?? 0);
      const speechTo = msOf(soundTo[1] ?? 0);
      // The audio sent from the start carries everything from before the first word.
      expect(start?.audioFromMs, voice).toBeLessThanOrEqual(speechFrom);
      expect(start?.ms, voice).toBeLessThan(speechFrom + 500);
      // The end comes after the last word and the silence window, not before
      // (less the last word's soft tail, which the room's noise covers: 100 ms at most).
      expect(end?.ms, voice).toBeGreaterThanOrEqual(speechTo + WINDOW_MS - 100);
      expect(end?.ms, voice).toBeLessThan(speechTo + WINDOW_MS + 600);
    }
  });

  it('keeps one turn over a pause shorter than the silence window, and ends it on a longer one', () => {
    const voice = 'slt';
    const short: TrackPart[] = [
      { pause: 2 },
      { said: FIRST, voice },
      { pause: (WINDOW_MS - 500) / 1000 },
      { said: SECOND, voice },
      { pause: 3 },
    ];
    const one = run(noisyTrack(short, snrDb).pcm);
    expect(kinds(one)).toBe('start end');
    const long: TrackPart[] = [
      { pause: 2 },
      { said: FIRST, voice },
      { pause: (WINDOW_MS + 1500) / 1000 },
      { said: SECOND, voice },
      { pause: 3 },
    ];
    const { pcm, soundFrom } = noisyTrack(long, snrDb);
    const two = run(pcm);
    expect(kinds(two)).toBe('start end start end');
    // The second turn keeps its own first word.
    expect(two[2]?.audioFromMs).toBeLessThanOrEqual(msOf(soundFrom[3] ?? 0));
  });
});
