// The whisper.cpp engine through the real prebuilt binding, with a weightless
// tiny.en model written by test support (real recognition is tested with
// pocketsphinx). What matters here: the model is found where the rep puts it,
// a file that is not a model is refused before native code sees it (no
// crash), and a loaded model transcribes through the same path a real one takes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { wavToSpeechPcm } from '../../../../src-main/services/speech/audio';
import { SpeechError } from '../../../../src-main/services/speech/engine';
import {
  checkWhisperModel,
  cleanWhisperText,
  MODEL_SOURCE,
  WhisperEngine,
} from '../../../../src-main/services/speech/whisper';
import { freshFolders } from '../../support/folders';
import {
  fliteWav,
  quiet,
  weightlessWhisperModel,
  writeWeightlessWhisperModel,
} from '../../support/speech';

const ROOT = resolve(import.meta.dirname, '../../../..');
const folder = freshFolders('whisper');
const modelsDir = (): string => {
  const dir = folder();
  mkdirSync(dir, { recursive: true });
  return dir;
};

const engines: WhisperEngine[] = [];
const engine = (options: ConstructorParameters<typeof WhisperEngine>[0]): WhisperEngine => {
  const made = new WhisperEngine(options);
  engines.push(made);
  return made;
};
afterAll(async () => {
  await Promise.all(engines.map((e) => e.close()));
});

describe('finding a model', () => {
  it('says where to get a model and where to put it when there is none', () => {
    const dir = modelsDir();
    const status = engine({ modelsDir: dir }).status();
    expect(status.available).toBe(false);
    expect(status.detail).toContain(MODEL_SOURCE);
    expect(status.detail).toContain('ggml-base.en.bin');
    expect(status.detail).toContain(dir);
  });

  it('finds a model in the models folder and describes it', () => {
    const dir = modelsDir();
    const path = writeWeightlessWhisperModel(join(dir, 'ggml-tiny.en.bin'));
    const status = engine({ modelsDir: dir }).status();
    expect(status).toMatchObject({ name: 'whisper', available: true });
    expect(status.detail).toBe(`Model ggml-tiny.en.bin (tiny, English only) at ${path}`);
  });

  it('uses the model chosen in Settings, read each time so a change is seen', () => {
    const dir = modelsDir();
    const chosen = writeWeightlessWhisperModel(join(modelsDir(), 'chosen.bin'));
    let setting = join(dir, 'missing.bin');
    const e = engine({ modelsDir: dir, whisperModel: () => setting });
    expect(e.status().detail).toMatch(
      /model chosen in Settings is unusable: .*missing.bin: no such file/,
    );
    setting = chosen;
    expect(e.status()).toMatchObject({ available: true });
  });

  it('skips a file in the models folder that is not a model, and says why when it is all there is', () => {
    const dir = modelsDir();
    writeFileSync(join(dir, 'a-notes.bin'), 'these are my notes, not a model');
    expect(engine({ modelsDir: dir }).status().detail).toMatch(
      /a-notes.bin: not a whisper.cpp model \(no ggml magic number\)/,
    );
    writeWeightlessWhisperModel(join(dir, 'b-model.bin'));
    expect(engine({ modelsDir: dir }).status()).toMatchObject({ available: true });
  });

  it('refuses truncated and corrupt models before native code sees them', () => {
    const dir = modelsDir();
    const good = weightlessWhisperModel();
    const cases: [string, Buffer][] = [
      ['empty.bin', Buffer.alloc(0)],
      ['magic-only.bin', good.subarray(0, 4)],
      ['half-vocab.bin', good.subarray(0, 200_000)],
      [
        'bad-header.bin',
        Buffer.concat([good.subarray(0, 4), Buffer.alloc(44, 0xff), good.subarray(48)]),
      ],
    ];
    for (const [name, bytes] of cases) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const result = checkWhisperModel(path);
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.why).toMatch(new RegExp(`^${path}: (not a|a truncated)`));
    }
  });

  it('reports a missing binding as unavailable', () => {
    const dir = modelsDir();
    writeWeightlessWhisperModel(join(dir, 'model.bin'));
    const e = engine({ modelsDir: dir, binding: '@fugood/node-whisper-nowhere' });
    expect(e.status().detail).toMatch(
      /not available for this computer \(@fugood\/node-whisper-nowhere is not installed\)/,
    );
    expect(e.checkBinding()).toMatch(/could not be loaded/);
  });
});

describe('transcribing', () => {
  it('refuses to begin without a model, without crashing', () => {
    const e = engine({ modelsDir: modelsDir() });
    expect(() => e.begin()).toThrow(SpeechError);
  });

  it('refuses a non-ggml file chosen in Settings without handing it to whisper.cpp', async () => {
    const dir = modelsDir();
    const path = join(dir, 'song.bin');
    writeFileSync(path, Buffer.from('ID3\x04\x00 an mp3 file'));
    const e = engine({ modelsDir: dir, whisperModel: path });
    expect(() => e.begin()).toThrow(/not a whisper.cpp model/);
    await expect(e.warm()).rejects.toThrow(/not a whisper.cpp model/);
  });

  it('hears nothing in silence without running the model', async () => {
    const dir = modelsDir();
    writeWeightlessWhisperModel(join(dir, 'model.bin'));
    const utterance = engine({ modelsDir: dir }).begin();
    utterance.write(quiet(3, 0.001));
    expect(await utterance.finish()).toEqual({ text: '', decodeSeconds: 0 });
  });

  it(
    'loads the weightless model and transcribes speech to empty text through the real binding',
    { timeout: 120_000 },
    async () => {
      const dir = modelsDir();
      writeWeightlessWhisperModel(join(dir, 'model.bin'));
      const e = engine({ modelsDir: dir });
      await e.warm();
      expect(e.loadSeconds).toBeGreaterThan(0);
      // A short utterance: with no weights whisper.cpp still runs its whole
      // encoder and decoder (about 20 s on two cores, whatever the options).
      const pcm = wavToSpeechPcm(readFileSync(fliteWav('How is the quarter going?')), 'q.wav');
      const utterance = e.begin();
      for (let at = 0; at < pcm.length; at += 4000) utterance.write(pcm.subarray(at, at + 4000));
      const heard = await utterance.finish();
      expect(heard.text).toBe('');
      expect(heard.decodeSeconds).toBeGreaterThan(0);
    },
  );

  it('cancels an utterance and rejects its finish', async () => {
    const dir = modelsDir();
    writeWeightlessWhisperModel(join(dir, 'model.bin'));
    const utterance = engine({ modelsDir: dir }).begin();
    utterance.write(quiet(1, 0.001));
    utterance.cancel();
    await expect(utterance.finish()).rejects.toThrow(/cancelled/);
  });
});

describe("whisper.cpp's log", () => {
  // Native code writes to the process's stderr directly, past any capture, so
  // only a separate process shows what a rep's terminal (or a test run) gets.
  const loadModelIn = (dir: string, nativeLog: boolean) => {
    const script = join(dir, 'load.mts');
    writeFileSync(
      script,
      [
        `import { WhisperEngine } from ${JSON.stringify(join(ROOT, 'src-main/services/speech/whisper.ts'))};`,
        `import { writeWeightlessWhisperModel } from ${JSON.stringify(join(ROOT, 'test/unit/support/speech.ts'))};`,
        `writeWeightlessWhisperModel(${JSON.stringify(join(dir, 'ggml-tiny.en.bin'))});`,
        `const engine = new WhisperEngine({ modelsDir: ${JSON.stringify(dir)}, nativeLog: ${nativeLog} });`,
        'await engine.warm();',
        'await engine.close();',
        "console.log('loaded');",
      ].join('\n'),
    );
    return spawnSync('npx', ['tsx', script], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, TMPDIR: dir },
    });
  };

  it('stays quiet while a model loads', { timeout: 90_000 }, () => {
    const quiet = loadModelIn(modelsDir(), false);
    expect(quiet.stdout.trim()).toBe('loaded');
    expect(quiet.stderr).not.toMatch(/whisper_|ggml/);
  });

  it(
    'still speaks when asked to (nativeLog), so the silence above is not an accident',
    {
      timeout: 90_000,
    },
    () => {
      const loud = loadModelIn(modelsDir(), true);
      expect(loud.stdout.trim()).toBe('loaded');
      expect(loud.stderr).toMatch(/whisper_model_load/);
    },
  );
});

describe('cleanWhisperText', () => {
  it.each([
    [' [BLANK_AUDIO]', ''],
    ['(upbeat music) What does a win look like?', 'What does a win look like?'],
    [' How is  the quarter *laughs* going? ', 'How is the quarter going?'],
  ])('%j -> %j', (raw, clean) => {
    expect(cleanWhisperText(raw)).toBe(clean);
  });
});
