// An utterance on its way to the host: begin first, then ~250 ms pieces
// numbered from 0 and sent one at a time in order (even when begin answers
// late), the rest at finish, and cancel after anything in flight.
import { describe, expect, it } from 'vitest';
import type { CallArgs, Transcript } from '../../../src-main/contract/api';
import {
  CHUNK_SAMPLES,
  Utterance,
  type SpeechApi,
} from '../../../src-renderer/src/speech/utterance';
import { base64ToInt16 } from '../../../src-main/contract/pcm';

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/** A host that answers after a delay and records every call, checking pieces arrive one at a time. */
function fakeHost(options: { beginMs?: number; failSeq?: number } = {}) {
  const calls: string[] = [];
  const pieces: Int16Array[] = [];
  let inFlight = 0;
  let overlapped = false;
  const api: SpeechApi = {
    begin: async () => {
      await tick(options.beginMs ?? 0);
      calls.push('begin');
      return { utteranceId: 'u1' };
    },
    audio: async (args: CallArgs<'speech.audio'>) => {
      inFlight++;
      if (inFlight > 1) overlapped = true;
      await tick(Math.random() * 3);
      inFlight--;
      calls.push(`audio ${args.seq}`);
      if (args.seq === options.failSeq) throw new Error('piece refused');
      pieces.push(base64ToInt16(args.pcm));
      return null;
    },
    finish: async (args): Promise<Transcript> => {
      calls.push('finish');
      return {
        utteranceId: args.utteranceId,
        text: 'hello',
        engine: 'whisper',
        audioSeconds: 1,
        decodeSeconds: 0.1,
      };
    },
    cancel: async () => {
      calls.push('cancel');
      return null;
    },
  };
  return { api, calls, pieces, overlapped: () => overlapped };
}

describe('Utterance', () => {
  it('sends begin, then pieces in order one at a time, then the rest and finish', async () => {
    const host = fakeHost({ beginMs: 20 });
    const failures: unknown[] = [];
    const u = new Utterance(host.api, { sessionId: 's' }, (e) => failures.push(e));
    // 2.6 pieces' worth in 20 ms frames, before begin has answered.
    const frame = new Float32Array(320).fill(0.5);
    const frames = Math.ceil((CHUNK_SAMPLES * 2.6) / 320);
    for (let i = 0; i < frames; i++) u.add(frame);
    const transcript = await u.finish();
    expect(transcript.text).toBe('hello');
    expect(host.calls).toEqual(['begin', 'audio 0', 'audio 1', 'audio 2', 'finish']);
    expect(host.overlapped()).toBe(false);
    expect(host.pieces.map((p) => p.length)).toEqual([
      CHUNK_SAMPLES,
      CHUNK_SAMPLES,
      frames * 320 - 2 * CHUNK_SAMPLES,
    ]);
    expect(host.pieces[0]?.[0]).toBe(Math.round(0.5 * 0x7fff));
    expect(u.samples).toBe(frames * 320);
    expect(failures).toEqual([]);
  });

  it('about 250 ms a piece, within the contract limit', () => {
    expect(CHUNK_SAMPLES).toBe(4000);
  });

  it('stops at the first failure, reports it once, and finish throws it', async () => {
    const host = fakeHost({ failSeq: 1 });
    const failures: unknown[] = [];
    const u = new Utterance(host.api, { sessionId: 's' }, (e) => failures.push(e));
    for (let i = 0; i < 4; i++) u.add(new Float32Array(CHUNK_SAMPLES));
    await expect(u.finish()).rejects.toThrow('piece refused');
    expect(host.calls).toEqual(['begin', 'audio 0', 'audio 1']);
    expect(failures).toHaveLength(1);
  });

  it('cancels after what is in flight, and sends nothing more', async () => {
    const host = fakeHost({ beginMs: 10 });
    const u = new Utterance(host.api, { sessionId: 's' }, () => undefined);
    u.add(new Float32Array(CHUNK_SAMPLES));
    u.cancel();
    u.add(new Float32Array(CHUNK_SAMPLES));
    await tick(40);
    expect(host.calls).toEqual(['begin', 'cancel']);
  });
});
