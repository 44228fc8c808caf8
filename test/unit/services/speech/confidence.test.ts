// Audio the engine cannot use well gets a message that says so, not a
// confident wrong transcript: 8 kHz telephone audio and flite's default
// low-quality voice (kal, 8 kHz) come back marked unsure, with a message
// naming the telephone-quality audio, and their words go to the reply box to
// be checked; clean speech from the 16 kHz voices is not marked. The real
// pocketsphinx engine, through the host's speech door, on the unit-test
// sentences (the thresholds were chosen on tuning.txt).
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Transcript } from '../../../../src-main/contract/api';
import { int16ToBase64 } from '../../../../src-main/contract/pcm';
import { SpeechHost } from '../../../../src-main/host/speech-host';
import {
  resample,
  toFloat32,
  toInt16,
  wavToSpeechPcm,
} from '../../../../src-main/services/speech/audio';
import { PocketsphinxEngine } from '../../../../src-main/services/speech/pocketsphinx';
import { concat, fliteWav, quiet, sentences, type FliteVoice } from '../../support/speech';
import { conditionPcm, CONDITIONS } from './conditions';

const SAID = sentences('sentences.txt');
const PIECE = 4000;
const TELEPHONE = CONDITIONS.find((c) => c.name === 'telephone (8 kHz)');

/** A host over its own pocketsphinx engine: one speaker's voice, as in a meeting. */
function speechHost(): SpeechHost {
  const engine = new PocketsphinxEngine();
  const host = new SpeechHost({
    status: () => ({ engines: [engine.status()], active: 'pocketsphinx', modelsDir: '' }),
    active: () => engine,
    close: () => engine.close(),
  });
  hosts.push(host);
  return host;
}
const hosts: SpeechHost[] = [];
afterAll(async () => {
  await Promise.all(hosts.map((h) => h.close()));
});

const clock = { startedAt: Date.now(), buyerAt: Date.now() };

/** Half a second of a quiet room either side, through the same line as the voice. */
function inRoom(pcm: Int16Array, line: 'wide' | 'narrow'): Int16Array {
  const padded = concat(quiet(0.4, 0.001), pcm, quiet(0.4, 0.001));
  if (line === 'wide') return padded;
  // An 8 kHz line carries the room as well as the voice.
  return toInt16(resample(resample(toFloat32(padded), 16_000, 8_000), 8_000, 16_000));
}

/** Streams `pcm` through the host as the page does. */
async function heard(host: SpeechHost, pcm: Int16Array): Promise<Transcript> {
  const { utteranceId } = host.begin({ sessionId: 's1' }, clock);
  for (let seq = 0; seq * PIECE < pcm.length; seq++) {
    const piece = pcm.subarray(seq * PIECE, (seq + 1) * PIECE);
    host.audio({ utteranceId, seq, pcm: int16ToBase64(piece) });
  }
  return host.finish({ utteranceId });
}

const voice = (said: string, name: FliteVoice): Int16Array => {
  const file = fliteWav(said, name);
  return wavToSpeechPcm(readFileSync(file), file);
};

describe('words the engine is unsure of', () => {
  it('are marked on telephone audio, with a message that names it', async () => {
    if (!TELEPHONE) throw new Error('no telephone condition');
    const host = speechHost();
    for (const said of SAID) {
      const transcript = await heard(host, inRoom(conditionPcm(said, 'slt', TELEPHONE), 'narrow'));
      expect(transcript.text, said).not.toBe('');
      expect(transcript.unsure, `${said} -> ${transcript.text}`).toBe(true);
      expect(transcript.problem).toMatch(/telephone line or an 8 kHz microphone/);
      expect(transcript.problem).toMatch(/check them before sending/);
    }
  }, 120_000);

  it("are marked for flite's low-quality default voice (kal, 8 kHz)", async () => {
    const host = speechHost();
    for (const said of SAID) {
      const transcript = await heard(host, inRoom(voice(said, 'kal'), 'narrow'));
      expect(transcript.unsure, `${said} -> ${transcript.text}`).toBe(true);
      expect(transcript.problem).toMatch(/8 kHz microphone/);
    }
  }, 120_000);

  it('are not claimed for clean speech from the 16 kHz voices', async () => {
    for (const name of ['slt', 'rms'] as const) {
      const host = speechHost();
      for (const said of SAID) {
        const transcript = await heard(host, inRoom(voice(said, name), 'wide'));
        expect(transcript.unsure, `${name}: ${said} -> ${transcript.text}`).toBeUndefined();
        expect(transcript.problem).toBeUndefined();
      }
    }
  }, 120_000);
});
