// Choosing the engine: "auto" prefers whisper.cpp when it has a model,
// a named engine that cannot run falls back with the reason, and the status
// Settings shows lists both engines and the models folder.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chooseEngine,
  createSpeechEngines,
  modelsFolder,
  speechStatus,
} from '../../../../src-main/services/speech/engines';
import {
  POCKETSPHINX_LIB_ENV,
  POCKETSPHINX_MODEL_ENV,
} from '../../../../src-main/services/speech/pocketsphinx';
import { freshFolders } from '../../support/folders';
import { writeWeightlessWhisperModel } from '../../support/speech';

const folder = freshFolders('engines');

function setup(options: { model?: boolean; pocketsphinx?: boolean } = {}) {
  const dataDir = folder();
  const modelsDir = modelsFolder(dataDir);
  mkdirSync(modelsDir, { recursive: true });
  if (options.model) writeWeightlessWhisperModel(join(modelsDir, 'ggml-tiny.en.bin'));
  const missing = join(dataDir, 'missing');
  const env =
    options.pocketsphinx === false
      ? { [POCKETSPHINX_LIB_ENV]: missing, [POCKETSPHINX_MODEL_ENV]: missing }
      : {};
  return createSpeechEngines({ modelsDir, env });
}

describe('chooseEngine', () => {
  it('auto: whisper.cpp when it has a model', () => {
    expect(chooseEngine(setup({ model: true }), 'auto')).toEqual({
      engine: expect.objectContaining({ name: 'whisper' }),
    });
  });

  it('auto: pocketsphinx when whisper.cpp has no model', () => {
    const choice = chooseEngine(setup(), 'auto');
    expect(choice.engine?.name).toBe('pocketsphinx');
    expect(choice.reason).toBeUndefined();
  });

  it('a named engine when it can run', () => {
    expect(chooseEngine(setup({ model: true }), 'pocketsphinx').engine?.name).toBe('pocketsphinx');
  });

  it('falls back from an unavailable named engine and says why', () => {
    const choice = chooseEngine(setup(), 'whisper');
    expect(choice.engine?.name).toBe('pocketsphinx');
    expect(choice.reason).toMatch(
      /^whisper is unavailable \(No model file: .*\); using pocketsphinx$/,
    );
    const back = chooseEngine(setup({ model: true, pocketsphinx: false }), 'pocketsphinx');
    expect(back.engine?.name).toBe('whisper');
    expect(back.reason).toMatch(/^pocketsphinx is unavailable .*; using whisper$/);
  });

  it('none when neither can run, with both reasons', () => {
    const choice = chooseEngine(setup({ pocketsphinx: false }), 'auto');
    expect(choice.engine).toBeNull();
    expect(choice.reason).toMatch(
      /No speech engine can run: .*No model file.*FIRST_MEETING_POCKETSPHINX_LIB/,
    );
  });
});

describe('speechStatus', () => {
  it('lists both engines, the active one and the models folder', () => {
    const engines = setup();
    const status = speechStatus(engines);
    expect(status.engines.map((e) => [e.name, e.available])).toEqual([
      ['whisper', false],
      ['pocketsphinx', true],
    ]);
    expect(status.active).toBe('pocketsphinx');
    expect(status.modelsDir).toBe(engines.modelsDir);
    for (const engine of status.engines) expect(engine.label).not.toBe('');
  });

  it('has no active engine when none can run', () => {
    expect(speechStatus(setup({ pocketsphinx: false })).active).toBeNull();
  });
});
