// The pocketsphinx engine for real: the system's library through koffi, the
// installed US English model, and speech made by flite. What a rep would
// notice: most words right, the same words however the audio is chunked,
// nothing for silence, a cancelled utterance leaving the engine usable, and
// a status that says what is installed or how to install it.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { wavToSpeechPcm } from '../../../../src-main/services/speech/audio';
import { SpeechError, type SpeechEngine } from '../../../../src-main/services/speech/engine';
import {
  PocketsphinxEngine,
  POCKETSPHINX_LIB_ENV,
  POCKETSPHINX_MODEL_ENV,
  salesLmFiles,
} from '../../../../src-main/services/speech/pocketsphinx';
import { freshFolders } from '../../support/folders';
import { concat, fliteWav, quiet, sentences, wordErrorRate } from '../../support/speech';

const SENTENCES = sentences('sentences.txt');
/** flite's voices are synthetic and the model is small: most words, not all. */
const MAX_WER = 0.5;

const speech = (text: string, voice: 'slt' | 'rms' = 'slt'): Int16Array =>
  wavToSpeechPcm(readFileSync(fliteWav(text, voice)), `${voice}.wav`);

async function hear(engine: SpeechEngine, pcm: Int16Array, chunk = 4000): Promise<string> {
  const utterance = engine.begin();
  for (let at = 0; at < pcm.length; at += chunk) utterance.write(pcm.subarray(at, at + chunk));
  return (await utterance.finish()).text;
}

const engines: PocketsphinxEngine[] = [];
const engine = (): PocketsphinxEngine => {
  const made = new PocketsphinxEngine();
  engines.push(made);
  return made;
};
afterAll(async () => {
  await Promise.all(engines.map((e) => e.close()));
});

describe('the pocketsphinx engine', () => {
  it('says where it found the model and library', () => {
    const status = engine().status();
    expect(status.available).toBe(true);
    expect(status.detail).toMatch(/^US English model found at \S+; library \S*libpocketsphinx/);
  });

  it.each(SENTENCES)('hears most words of "%s"', async (sentence) => {
    const text = await hear(engine(), speech(sentence));
    expect(wordErrorRate(sentence, text)).toBeLessThanOrEqual(MAX_WER);
  });

  it('hears the same words whether the audio comes in one piece or in small chunks', async () => {
    const pcm = speech(SENTENCES[1] as string, 'rms');
    // Separate decoders: the one kept between utterances adapts to the voice as it goes.
    const whole = await hear(engine(), pcm, pcm.length);
    const chunked = await hear(engine(), pcm, 1234);
    expect(whole).not.toBe('');
    expect(chunked).toBe(whole);
  });

  it('hears two utterances in a row with one loaded decoder, and reports the time spent', async () => {
    const e = engine();
    for (const sentence of SENTENCES.slice(0, 2)) {
      const utterance = e.begin();
      utterance.write(speech(sentence));
      const heard = await utterance.finish();
      expect(wordErrorRate(sentence, heard.text)).toBeLessThanOrEqual(MAX_WER);
      expect(heard.decodeSeconds).toBeGreaterThan(0);
    }
  });

  it('hears nothing in silence or low noise', async () => {
    const e = engine();
    expect(await hear(e, quiet(2))).toBe('');
    expect(await hear(e, quiet(2, 0.003))).toBe('');
  });

  it('drops a cancelled utterance and stays usable', async () => {
    const e = engine();
    const cancelled = e.begin();
    cancelled.write(speech(SENTENCES[0] as string));
    cancelled.cancel();
    await expect(cancelled.finish()).rejects.toThrow(SpeechError);
    cancelled.write(Int16Array.of(1, 2, 3)); // late audio after a cancel is ignored
    const sentence = SENTENCES[2] as string;
    expect(wordErrorRate(sentence, await hear(e, speech(sentence)))).toBeLessThanOrEqual(MAX_WER);
  });

  it('lets a new utterance replace one still open (the rep started again)', async () => {
    const e = engine();
    const first = e.begin();
    first.write(speech(SENTENCES[0] as string));
    const sentence = SENTENCES[1] as string;
    const second = e.begin();
    second.write(concat(quiet(0.3), speech(sentence)));
    await expect(first.finish()).rejects.toThrow(/cancelled/);
    expect(wordErrorRate(sentence, (await second.finish()).text)).toBeLessThanOrEqual(MAX_WER);
  });

  it('refuses audio after finish, and a second finish', async () => {
    const e = engine();
    const utterance = e.begin();
    utterance.write(quiet(0.5));
    await utterance.finish();
    expect(() => utterance.write(quiet(0.1))).toThrow(/after the utterance finished/);
    await expect(utterance.finish()).rejects.toThrow(/already finished/);
  });

  it('closes while its model is still loading, freeing what that load made', async () => {
    const e = engine();
    const loading = e.warm();
    await e.close();
    await loading;
    // The load that finished after close is not kept: the next utterance loads afresh and hears.
    const sentence = SENTENCES[1] as string;
    expect(wordErrorRate(sentence, await hear(e, speech(sentence)))).toBeLessThanOrEqual(MAX_WER);
  });

  it('frees its decoder on close and loads it again when needed', async () => {
    const e = engine();
    await e.warm();
    await e.close();
    const sentence = SENTENCES[0] as string;
    expect(wordErrorRate(sentence, await hear(e, speech(sentence)))).toBeLessThanOrEqual(MAX_WER);
  });
});

describe('when pocketsphinx is missing', () => {
  // Paths under one temporary folder, removed when the tests are done.
  const folder = freshFolders('ps');

  it('names what is missing and the override that points there', () => {
    const nowhere = folder();
    const status = new PocketsphinxEngine({
      env: { [POCKETSPHINX_LIB_ENV]: nowhere, [POCKETSPHINX_MODEL_ENV]: nowhere },
    }).status();
    expect(status.available).toBe(false);
    expect(status.detail).toContain(`${POCKETSPHINX_LIB_ENV} is ${nowhere}, which does not exist`);
    expect(status.detail).toContain(POCKETSPHINX_MODEL_ENV);
  });

  it('names the files a model folder lacks', () => {
    const empty = folder();
    mkdirSync(empty);
    const e = new PocketsphinxEngine({ env: { [POCKETSPHINX_MODEL_ENV]: empty } });
    expect(e.status().detail).toMatch(/lacks en-us\/mdef, en-us.lm.bin, cmudict-en-us.dict/);
  });

  it('refuses to begin, with the reason, instead of crashing', () => {
    const nowhere = folder();
    const e = new PocketsphinxEngine({ env: { [POCKETSPHINX_LIB_ENV]: nowhere } });
    expect(() => e.begin()).toThrow(SpeechError);
    expect(() => e.begin()).toThrow(/PocketSphinx cannot run: .*does not exist/);
  });

  it('reports a file that is not a library without crashing', async () => {
    const dir = folder();
    mkdirSync(dir);
    const fake = join(dir, 'libpocketsphinx.so.3');
    writeFileSync(fake, 'not a library');
    const e = new PocketsphinxEngine({ env: { [POCKETSPHINX_LIB_ENV]: fake } });
    await expect(e.warm()).rejects.toThrow(`${fake}: could not be loaded`);
    expect(e.status()).toMatchObject({ available: false });
    expect(e.status().detail).toContain(fake);
  });
});

describe('the sales-meeting language model', () => {
  const folder = freshFolders('ps-lm');
  // From tuning.txt: the generic model alone hears "what does away in the like...".
  const sentence = 'What does a win look like for you personally on this project?';

  it('is interpolated with the generic model, and hears a rep question the generic one misses', async () => {
    const withSales = engine();
    const genericOnly = new PocketsphinxEngine({ domainLmWeight: 0 });
    engines.push(genericOnly);
    const pcm = speech(sentence);
    const heard = await hear(withSales, pcm);
    expect(withSales.domainLm).toEqual({ loaded: true });
    expect(wordErrorRate(sentence, heard)).toBe(0);
    const generic = await hear(genericOnly, pcm);
    expect(genericOnly.domainLm).toEqual({ loaded: false, why: 'turned off' });
    expect(wordErrorRate(sentence, generic)).toBeGreaterThan(0);
  });

  it('hears the words of the trade the stock dictionary cannot spell', async () => {
    const e = engine();
    const onboarding = await hear(e, speech('How long does onboarding take for a new rep?'));
    expect(onboarding.split(' ')).toContain('onboarding');
    const sdr = await hear(e, speech('What does the SDR team look like today?'));
    expect(sdr.split(' ')).toContain('sdr');
  });

  it('is read from where it ships: nothing is written to the system temp folder', async () => {
    const temp = folder();
    mkdirSync(temp);
    const before = process.env.TMPDIR;
    process.env.TMPDIR = temp; // os.tmpdir() reads it on every call
    try {
      const e = engine();
      await e.warm();
      expect(e.domainLm).toEqual({ loaded: true });
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
    expect(readdirSync(temp)).toEqual([]);
  });

  it('falls back to the generic model, saying why, when its file is missing or broken', async () => {
    const dir = folder();
    mkdirSync(dir);
    const missing = new PocketsphinxEngine({
      salesLm: { lm: join(dir, 'none.lm'), dict: salesLmFiles().dict },
    });
    engines.push(missing);
    const said = SENTENCES[0] as string;
    expect(wordErrorRate(said, await hear(missing, speech(said)))).toBeLessThanOrEqual(MAX_WER);
    expect(missing.domainLm).toEqual({
      loaded: false,
      why: `the sales language model ${join(dir, 'none.lm')} is missing`,
    });
    const badDict = join(dir, 'bad.dict');
    writeFileSync(badDict, '; comment\npipeline P AY P L AY N\nquota\n');
    const broken = new PocketsphinxEngine({ salesLm: { lm: salesLmFiles().lm, dict: badDict } });
    engines.push(broken);
    expect(wordErrorRate(said, await hear(broken, speech(said)))).toBeLessThanOrEqual(MAX_WER);
    expect(broken.domainLm?.why).toBe(
      `${badDict}, line 3: "quota" is not a word followed by its phones`,
    );
  });

  it('still hears plain English outside the meeting', async () => {
    const e = engine();
    const said = 'My daughter plays the violin every Sunday morning.';
    expect(wordErrorRate(said, await hear(e, speech(said)))).toBeLessThanOrEqual(MAX_WER);
  });
});
