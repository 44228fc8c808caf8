// Spoken replies through the host, as the page makes them: a flite recording
// streamed in pieces is transcribed by the real pocketsphinx engine, the words
// go through session.reply like typed ones, and the turn keeps when it was
// said, through the journal, the stored session and the report's delivery
// section. Bad pieces, stale recordings and a missing engine get clear answers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, hostsClosedAfterEach, send, stored } from '../support/host';
import { freshFolders } from '../support/folders';
import { concat, fliteWav, quiet } from '../support/speech';
import type { ComposedHost } from '../../../src-main/host/compose';
import { int16ToBase64 } from '../../../src-main/contract/pcm';
import { wavToSpeechPcm } from '../../../src-main/services/speech/audio';
import { readJournal } from '../../../src-main/services/storage/journal';
import { POCKETSPHINX_MODEL_ENV } from '../../../src-main/services/speech/pocketsphinx';

const hostOn = hostsClosedAfterEach();
const freshDataDir = freshFolders('speech-host');
const START = { scenarioId: 'light-stack-leader', difficulty: 'normal', mode: 'coach' } as const;
const QUESTION = 'What does a good quarter look like for your team?';
/** A quarter of a second at 16 kHz: the size of the pieces the page sends. */
const PIECE = 4000;

function speech(text: string): Int16Array {
  const file = fliteWav(text);
  // Half a second of room noise either side, as a microphone hears it.
  return concat(quiet(0.5, 0.001), wavToSpeechPcm(readFileSync(file), file), quiet(0.5, 0.001));
}

/** Streams `pcm` as the page does and finishes the utterance. */
async function speak(
  composed: ComposedHost,
  sessionId: string,
  pcm: Int16Array,
  sinceBuyerMs?: number,
) {
  const { utteranceId } = await call(composed, 'speech.begin', {
    sessionId,
    ...(sinceBuyerMs === undefined ? {} : { sinceBuyerMs }),
  });
  for (let seq = 0; seq * PIECE < pcm.length; seq++) {
    const piece = pcm.subarray(seq * PIECE, (seq + 1) * PIECE);
    await call(composed, 'speech.audio', { utteranceId, seq, pcm: int16ToBase64(piece) });
  }
  return call(composed, 'speech.finish', { utteranceId });
}

describe('a spoken reply', () => {
  it('is transcribed, answered like a typed one, and keeps when it was said through to the report', async () => {
    const dataDir = freshDataDir();
    const composed = hostOn(dataDir);
    const status = await call(composed, 'speech.status', undefined);
    expect(status.active).toBe('pocketsphinx');
    expect(status.modelsDir).toBe(join(dataDir, 'models'));
    const meeting = await call(composed, 'session.start', START);

    const pcm = speech(QUESTION);
    const heard = await speak(composed, meeting.id, pcm, 800);
    expect(heard.engine).toBe('pocketsphinx');
    expect(heard.text).toMatch(/quarter/);
    expect(heard.text).toMatch(/team/);
    expect(heard.problem).toBeUndefined();
    expect(heard.audioSeconds).toBeCloseTo(pcm.length / 16_000, 2);

    const view = await call(composed, 'session.reply', {
      sessionId: meeting.id,
      text: heard.text,
      source: 'spoken',
      utteranceId: heard.utteranceId,
    });
    const turn = view.turns[0];
    expect(turn?.source).toBe('spoken');
    expect(turn?.rep).toBe(heard.text);
    expect(turn?.buyer).not.toBe('');
    const timing = turn?.speech;
    expect(timing?.engine).toBe('pocketsphinx');
    // The voiced part of the audio, not the room noise around it.
    const spokenMs = (timing?.endMs ?? 0) - (timing?.startMs ?? 0);
    expect(spokenMs).toBeGreaterThan(1500);
    expect(spokenMs).toBeLessThan(pcm.length / 16 - 600);
    // The rep waited 800 ms before the audio began, then half a second of room
    // noise and flite's own lead-in before the first word.
    expect(timing?.patienceMs).toBeGreaterThanOrEqual(1300);
    expect(timing?.patienceMs).toBeLessThan(1800);

    // The timing is journalled with the turn, so a crash keeps it.
    const journal = join(dataDir, 'journal', `${meeting.id}.jsonl`);
    expect(readJournal(readFileSync(journal, 'utf8'), journal).turns[0]?.speech).toEqual(timing);

    const record = stored(await call(composed, 'session.end', { sessionId: meeting.id }));
    expect(record.turns[0]?.speech).toEqual(timing);
    const delivery = record.report.delivery;
    expect(delivery?.spokenTurns).toBe(1);
    expect(delivery?.metrics.map((m) => m.key)).toEqual(
      expect.arrayContaining(['pace', 'fillers', 'patience', 'monologue']),
    );
    // Read back from disk by a restarted app: the same timing and delivery section.
    const again = await call(hostOn(dataDir), 'history.get', { sessionId: meeting.id });
    expect(again.turns[0]?.speech).toEqual(timing);
    expect(again.report.delivery).toEqual(delivery);
  });

  it('the rep may edit the words before sending; the turn is still spoken and timed', async () => {
    const composed = hostOn(freshDataDir());
    const meeting = await call(composed, 'session.start', START);
    const heard = await speak(composed, meeting.id, speech(QUESTION));
    const edited = 'What does a good quarter look like for your team, and what gets in the way?';
    const view = await call(composed, 'session.reply', {
      sessionId: meeting.id,
      text: edited,
      source: 'spoken',
      utteranceId: heard.utteranceId,
    });
    expect(view.turns[0]).toMatchObject({ rep: edited, source: 'spoken' });
    expect(view.turns[0]?.speech).toBeDefined();
  });

  it('one recording times one reply, in the meeting it was heard in', async () => {
    const composed = hostOn(freshDataDir());
    const meeting = await call(composed, 'session.start', START);
    const heard = await speak(composed, meeting.id, speech(QUESTION));
    const reply = {
      sessionId: meeting.id,
      text: heard.text,
      source: 'spoken' as const,
      utteranceId: heard.utteranceId,
    };
    await call(composed, 'session.reply', reply);
    const twice = await send(composed, 'session.reply', reply);
    expect(twice).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    expect(twice.ok ? '' : twice.error.message).toMatch(/does not match a recording/);

    // A recording made in one meeting cannot time a reply in another.
    const other = await speak(composed, meeting.id, speech('Who else feels this problem?'));
    const second = await call(composed, 'session.start', START);
    const elsewhere = await send(composed, 'session.reply', {
      sessionId: second.id,
      text: other.text,
      source: 'spoken',
      utteranceId: other.utteranceId,
    });
    expect(elsewhere.ok).toBe(false);
  });

  it('silence is not a reply: no words, a clear problem, and nothing to send', async () => {
    const composed = hostOn(freshDataDir());
    const meeting = await call(composed, 'session.start', START);
    const heard = await speak(composed, meeting.id, quiet(2, 0.001));
    expect(heard.text).toBe('');
    expect(heard.problem).toMatch(/No speech was heard/);
    const reply = await send(composed, 'session.reply', {
      sessionId: meeting.id,
      text: 'typed after all',
      source: 'spoken',
      utteranceId: heard.utteranceId,
    });
    expect(reply.ok).toBe(false);
    // Typing still works.
    const typed = await call(composed, 'session.reply', {
      sessionId: meeting.id,
      text: 'What matters most to you this quarter?',
      source: 'typed',
    });
    expect(typed.turns).toHaveLength(1);
  });

  it('pieces out of order drop the recording with a message; a cancelled one is gone', async () => {
    const composed = hostOn(freshDataDir());
    const meeting = await call(composed, 'session.start', START);
    const pcm = speech(QUESTION);
    const { utteranceId } = await call(composed, 'speech.begin', { sessionId: meeting.id });
    await call(composed, 'speech.audio', {
      utteranceId,
      seq: 0,
      pcm: int16ToBase64(pcm.subarray(0, PIECE)),
    });
    const skipped = await send(composed, 'speech.audio', {
      utteranceId,
      seq: 2,
      pcm: int16ToBase64(pcm.subarray(PIECE, 2 * PIECE)),
    });
    expect(skipped).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    expect(skipped.ok ? '' : skipped.error.message).toMatch(/piece 2 .* piece 1 was expected/);
    // Dropped means dropped: the piece that was missing, arriving late, is not taken.
    const afterDrop = await send(composed, 'speech.audio', {
      utteranceId,
      seq: 1,
      pcm: int16ToBase64(pcm.subarray(PIECE, 2 * PIECE)),
    });
    expect(afterDrop).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(await send(composed, 'speech.finish', { utteranceId })).toMatchObject({ ok: false });

    const next = await call(composed, 'speech.begin', { sessionId: meeting.id });
    await call(composed, 'speech.cancel', { utteranceId: next.utteranceId });
    const late = await send(composed, 'speech.finish', { utteranceId: next.utteranceId });
    expect(late).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    // The engine is fine afterwards.
    expect((await speak(composed, meeting.id, pcm)).text).toMatch(/quarter/);
  });

  it('a new recording in the same meeting replaces one left open', async () => {
    const composed = hostOn(freshDataDir());
    const meeting = await call(composed, 'session.start', START);
    const first = await call(composed, 'speech.begin', { sessionId: meeting.id });
    const heard = await speak(composed, meeting.id, speech(QUESTION));
    expect(heard.text).toMatch(/quarter/);
    const stale = await send(composed, 'speech.finish', { utteranceId: first.utteranceId });
    expect(stale.ok ? '' : stale.error.message).toMatch(/no longer open/);
  });

  it('refuses pieces that are not audio before they reach the engine', async () => {
    const composed = hostOn(freshDataDir());
    const meeting = await call(composed, 'session.start', START);
    const { utteranceId } = await call(composed, 'speech.begin', { sessionId: meeting.id });
    const tooBig = int16ToBase64(new Int16Array(16_001));
    for (const pcm of [tooBig, 'not base64!', 'AAAAA']) {
      const answer = await send(composed, 'speech.audio', { utteranceId, seq: 0, pcm });
      expect(answer).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    }
    const unknown = await send(composed, 'speech.audio', {
      utteranceId: 'unope',
      seq: 0,
      pcm: '',
    });
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    const noMeeting = await send(composed, 'speech.begin', { sessionId: 'no-such-meeting' });
    expect(noMeeting).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });
});

describe('without a speech engine', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('says why speaking is unavailable, and typing works as before', async () => {
    const dataDir = freshDataDir();
    vi.stubEnv(POCKETSPHINX_MODEL_ENV, join(dataDir, 'no-model-here'));
    const composed = hostOn(dataDir);
    const status = await call(composed, 'speech.status', undefined);
    expect(status.active).toBeNull();
    const pocketsphinx = status.engines.find((e) => e.name === 'pocketsphinx');
    expect(pocketsphinx?.available).toBe(false);
    expect(pocketsphinx?.detail).toContain('no-model-here');
    const whisper = status.engines.find((e) => e.name === 'whisper');
    expect(whisper?.available).toBe(false);
    expect(whisper?.detail).toContain(join(dataDir, 'models'));

    const meeting = await call(composed, 'session.start', START);
    const begin = await send(composed, 'speech.begin', { sessionId: meeting.id });
    expect(begin).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(begin.ok ? '' : begin.error.message).toMatch(/type it instead/);
    const typed = await call(composed, 'session.reply', {
      sessionId: meeting.id,
      text: 'What matters most to you this quarter?',
      source: 'typed',
    });
    expect(typed.turns[0]?.buyer).not.toBe('');
  });
});
