// The guarantee that matters most to a rep: a transcript is never shorter than
// what was said. Every held-out sentence (test/fixtures/speech/heldout.txt,
// never used to choose a setting), spoken by flite and streamed to the real
// pocketsphinx engine with its sales-meeting language model in quarter-second
// pieces with room noise either side, as the page sends it, must come back
// with its end: no transcript may lose its last three words. And, with the
// noise suppressor in front of the decoder, with its start: no transcript may
// lose its first word (the browser's own suppressor cut first words).
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { wavToSpeechPcm } from '../../../../src-main/services/speech/audio';
import { PocketsphinxEngine } from '../../../../src-main/services/speech/pocketsphinx';
import { concat, fliteWav, quiet, sentences } from '../../support/speech';
import { droppedAtEnd, droppedAtStart } from './truncation';

const HELD_OUT = sentences('heldout.txt');
const PIECE = 4000;

describe('how many words a transcript lost at its end', () => {
  it('counts the reference words missing after the last one heard', () => {
    const said = 'What does a good quarter look like for your team?';
    expect(droppedAtEnd(said, 'what does a good quarter look like for your team')).toBe(0);
    expect(droppedAtEnd(said, 'what does a good quarter')).toBe(5);
    expect(droppedAtEnd(said, 'what does a good quarter look like for')).toBe(2);
  });

  it('counts a misheard or extra last word as heard, not lost', () => {
    const said = 'What does a good quarter look like for your team?';
    expect(droppedAtEnd(said, 'what does a good quarter look like for your tea')).toBe(0);
    expect(droppedAtEnd(said, 'but does the good quarter look like for you are team then')).toBe(0);
    expect(droppedAtEnd(said, '')).toBe(10);
  });

  it('counts the words lost at the start the same way', () => {
    const said = 'What does a good quarter look like for your team?';
    expect(droppedAtStart(said, 'what does a good quarter look like for your team')).toBe(0);
    expect(droppedAtStart(said, 'does a good quarter look like for your team')).toBe(1);
    expect(droppedAtStart(said, 'but does a good quarter look like for your team')).toBe(0);
  });
});

describe('the pocketsphinx engine on every held-out sentence', () => {
  const engine = new PocketsphinxEngine();
  afterAll(() => engine.close());

  it('keeps the end and the first word of every sentence', async () => {
    await engine.warm();
    expect(engine.domainLm).toEqual({ loaded: true });
    expect(engine.denoiser).toEqual({ loaded: true });
    const lost: string[] = [];
    const firstLost: string[] = [];
    for (const said of HELD_OUT) {
      const file = fliteWav(said, 'slt');
      const pcm = concat(
        quiet(0.5, 0.001),
        wavToSpeechPcm(readFileSync(file), file),
        quiet(0.5, 0.001),
      );
      const utterance = engine.begin();
      for (let at = 0; at < pcm.length; at += PIECE) {
        utterance.write(pcm.subarray(at, at + PIECE));
      }
      const heard = (await utterance.finish()).text;
      if (droppedAtEnd(said, heard) >= 3) lost.push(`"${said}" -> "${heard}"`);
      if (droppedAtStart(said, heard) >= 1) firstLost.push(`"${said}" -> "${heard}"`);
    }
    expect(HELD_OUT.length).toBeGreaterThanOrEqual(45);
    expect(lost).toEqual([]);
    expect(firstLost).toEqual([]);
  }, 180_000);
});
