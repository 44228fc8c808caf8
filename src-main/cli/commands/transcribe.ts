// transcribe FILE.wav [--engine auto|pocketsphinx|whisper]: what a speech
// engine hears in a recording, with the same engines, models and settings the
// app uses (whisper.cpp models from the data folder's models/ or Settings).
// Handy for checking a microphone's recordings and for the speech bench.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SpeechEngineName } from '../../contract/api';
import { SpeechError } from '../../services/speech/engine';
import {
  chooseEngine,
  closeSpeechEngines,
  createSpeechEngines,
  modelsFolder,
} from '../../services/speech/engines';
import { transcribeFile } from '../../services/speech/transcribe-file';
import { openJsonSettingsBackend } from '../../services/json-settings';
import { DEFAULT_SETTINGS, openSettings } from '../../services/settings';
import { dataDirOf, InputError, one, UsageError, type CommandInput, type Output } from '../args';

const ENGINES = ['auto', 'pocketsphinx', 'whisper'] as const;
type Preference = (typeof ENGINES)[number];

function parseEngine(value: string | undefined, fallback: Preference): Preference {
  if (value === undefined) return fallback;
  if (!(ENGINES as readonly string[]).includes(value)) {
    throw new UsageError(`--engine must be auto, pocketsphinx or whisper, not "${value}"`);
  }
  return value as Preference;
}

/** The rep's speech settings, read only if the app has saved some (nothing is created). */
function speechSettings(dataDir: string): { speechEngine: Preference; whisperModel: string } {
  if (!existsSync(join(dataDir, 'settings.json'))) {
    return { speechEngine: DEFAULT_SETTINGS.speechEngine, whisperModel: '' };
  }
  const { speechEngine, whisperModel } = openSettings(dataDir, openJsonSettingsBackend).get();
  return { speechEngine, whisperModel };
}

export async function transcribe(input: CommandInput, io: Output): Promise<number> {
  const path = one(input.positionals, 'transcribe', 'FILE.wav');
  const dataDir = dataDirOf(input.values);
  const settings = speechSettings(dataDir);
  const preference = parseEngine(input.values.engine, settings.speechEngine);
  const engines = createSpeechEngines({
    modelsDir: modelsFolder(dataDir),
    whisperModel: settings.whisperModel,
  });
  try {
    const choice = chooseEngine(engines, preference);
    if (!choice.engine) throw new InputError(choice.reason ?? 'no speech engine can run here');
    // Asked for by name: say so rather than quietly use the other engine.
    if (
      input.values.engine !== undefined &&
      preference !== 'auto' &&
      choice.engine.name !== preference
    ) {
      const status = (preference === 'whisper' ? engines.whisper : engines.pocketsphinx).status();
      throw new InputError(`${preference as SpeechEngineName} cannot run: ${status.detail}`);
    }
    const result = await transcribeFile(path, choice.engine);
    if (input.json) {
      const { text, engine, audioSeconds, decodeSeconds } = result;
      io.out(
        JSON.stringify({
          text,
          engine,
          audioSeconds: round(audioSeconds),
          decodeSeconds: round(decodeSeconds),
        }),
      );
    } else {
      io.out(result.text);
      if (result.problem) io.err(`${path}: ${result.problem}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof SpeechError) throw new InputError(error.message);
    throw error;
  } finally {
    await closeSpeechEngines(engines);
  }
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
