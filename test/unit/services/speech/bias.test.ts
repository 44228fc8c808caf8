// Recognition leans toward the meeting in progress: the buyer's last lines,
// the scenario's facts and what the rep sells make their words likelier in
// the rep's next answer, and every other word stays possible. The real
// pocketsphinx engine through the host's speech door, with a meeting (a
// veterinary group) whose words the sales model has never seen; the small
// model made for it leaves nothing behind in the data folder.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { int16ToBase64 } from '../../../../src-main/contract/pcm';
import {
  recognitionPhrases,
  SpeechHost,
  type MeetingClock,
} from '../../../../src-main/host/speech-host';
import { wavToSpeechPcm } from '../../../../src-main/services/speech/audio';
import { PocketsphinxEngine } from '../../../../src-main/services/speech/pocketsphinx';
import { freshFolders } from '../../support/folders';
import { concat, fliteWav, quiet, wordErrorRate } from '../../support/speech';

const PIECE = 4000;
const folder = freshFolders('speech-bias');

const MEETING = {
  buyerLines: [
    'Thanks for coming in. What did you want to cover?',
    'Most of our kennels are full by Tuesday, and the groomers book themselves.',
  ],
  facts: [
    'They run forty veterinary hospitals across the Midwest.',
    'They keep anesthesia records on paper, and the pharmacy audits take weeks.',
  ],
  product: ['Signalwise', 'A revenue intelligence platform for B2B sales teams.'],
};

const hosts: SpeechHost[] = [];
afterAll(async () => {
  await Promise.all(hosts.map((h) => h.close()));
});

function speechHost(cacheDir: string): SpeechHost {
  const engine = new PocketsphinxEngine({ cacheDir });
  const host = new SpeechHost({
    status: () => ({ engines: [engine.status()], active: 'pocketsphinx', modelsDir: '' }),
    active: () => engine,
    close: () => engine.close(),
  });
  hosts.push(host);
  return host;
}

async function heard(
  host: SpeechHost,
  said: string,
  voice: 'slt' | 'rms',
  clock: MeetingClock,
): Promise<string> {
  const file = fliteWav(said, voice);
  const pcm = concat(
    quiet(0.3, 0.001),
    wavToSpeechPcm(readFileSync(file), file),
    quiet(0.3, 0.001),
  );
  const { utteranceId } = host.begin({ sessionId: 's1' }, clock);
  for (let seq = 0; seq * PIECE < pcm.length; seq++) {
    host.audio({
      utteranceId,
      seq,
      pcm: int16ToBase64(pcm.subarray(seq * PIECE, (seq + 1) * PIECE)),
    });
  }
  return (await host.finish({ utteranceId })).text;
}

describe("the meeting's words", () => {
  it('are the buyer’s latest lines, the facts and the product', () => {
    const phrases = recognitionPhrases({ ...MEETING, buyerLines: ['one', 'two', 'three'] });
    expect(phrases).toEqual(['two', 'three', ...MEETING.facts, ...MEETING.product]);
  });

  it('are heard in the rep’s answer when the meeting is known, and not without it', async () => {
    const said = 'When the kennels are full, how do the groomers know?';
    const now = Date.now();
    for (const voice of ['slt', 'rms'] as const) {
      const cacheDir = join(folder(), 'cache');
      mkdirSync(cacheDir, { recursive: true });
      const plain = await heard(speechHost(cacheDir), said, voice, {
        startedAt: now,
        buyerAt: now,
      });
      const meeting = await heard(speechHost(cacheDir), said, voice, {
        startedAt: now,
        buyerAt: now,
        context: MEETING,
      });
      expect(plain.split(' '), `${voice} without the meeting: ${plain}`).not.toContain('kennels');
      expect(meeting.split(' '), `${voice}: ${meeting}`).toEqual(
        expect.arrayContaining(['kennels', 'groomers']),
      );
      // The meeting's model was read from the data folder's cache and removed at once.
      expect(readdirSync(cacheDir)).toEqual([]);
    }
  }, 120_000);

  it('never become the only words the rep can say', async () => {
    const now = Date.now();
    const host = speechHost(join(folder(), 'cache'));
    const clock = { startedAt: now, buyerAt: now, context: MEETING };
    for (const said of [
      'My daughter plays the violin every Sunday morning.',
      'What does a good quarter look like for your team?',
    ]) {
      const words = await heard(host, said, 'rms', clock);
      expect(wordErrorRate(said, words), words).toBeLessThanOrEqual(0.15);
    }
  }, 120_000);
});
