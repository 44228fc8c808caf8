// The app's speech engines together: both built from the app's folders and
// settings, the one to use for the rep's preference ("auto" prefers
// whisper.cpp when it has a model, since it hears far better, and falls back
// to pocketsphinx), and the SpeechStatus the Settings screen shows.
import { join } from 'node:path';
import type { SpeechEngineName, SpeechStatus } from '../../contract/api';
import type { SpeechEngine } from './engine';
import { PocketsphinxEngine } from './pocketsphinx';
import { WhisperEngine, type WhisperOptions } from './whisper';

export interface SpeechEngines {
  readonly pocketsphinx: PocketsphinxEngine;
  readonly whisper: WhisperEngine;
  /** Both, in the order "auto" prefers them. */
  readonly all: readonly SpeechEngine[];
  /** Where whisper.cpp model files go. */
  readonly modelsDir: string;
}

export interface SpeechEngineOptions {
  /** `<dataDir>/models` (see modelsFolder). */
  readonly modelsDir: string;
  /** The `whisperModel` setting, or a reader of it so a change in Settings is seen. */
  readonly whisperModel?: string | (() => string);
  /** Where pocketsphinx puts each meeting's small model while it reads it (`<dataDir>/cache/speech`). */
  readonly cacheDir?: string;
  /** Environment for the pocketsphinx overrides (tests). */
  readonly env?: NodeJS.ProcessEnv;
  /** Whisper's options beyond the models (tests: binding name, decoder options). */
  readonly whisper?: Omit<WhisperOptions, 'modelsDir' | 'whisperModel'>;
}

/** Where the rep puts whisper.cpp models for the app to find. */
export function modelsFolder(dataDir: string): string {
  return join(dataDir, 'models');
}

export function createSpeechEngines(options: SpeechEngineOptions): SpeechEngines {
  const whisper = new WhisperEngine({
    ...options.whisper,
    modelsDir: options.modelsDir,
    ...(options.whisperModel !== undefined ? { whisperModel: options.whisperModel } : {}),
  });
  const pocketsphinx = new PocketsphinxEngine({
    ...(options.env ? { env: options.env } : {}),
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
  });
  return { pocketsphinx, whisper, all: [whisper, pocketsphinx], modelsDir: options.modelsDir };
}

export interface EngineChoice {
  /** The engine to use, or null when none can run (typing still works). */
  readonly engine: SpeechEngine | null;
  /** Why the preferred engine is not the one chosen, when it is not. */
  readonly reason?: string;
}

function usable(engines: SpeechEngines, name: SpeechEngineName): string | null {
  const engine = name === 'whisper' ? engines.whisper : engines.pocketsphinx;
  const status = engine.status();
  if (!status.available) return status.detail;
  // Whisper's binding is a native module: prove it loads here before relying on it.
  return name === 'whisper' ? engines.whisper.checkBinding() : null;
}

/**
 * The engine for a preference. "auto": whisper.cpp if it has a model and its
 * binding loads, else pocketsphinx. A named engine that cannot run falls back
 * to the other, with the reason.
 */
export function chooseEngine(
  engines: SpeechEngines,
  preference: 'auto' | SpeechEngineName,
): EngineChoice {
  const order: SpeechEngineName[] =
    preference === 'pocketsphinx' ? ['pocketsphinx', 'whisper'] : ['whisper', 'pocketsphinx'];
  const problems: string[] = [];
  for (const name of order) {
    const problem = usable(engines, name);
    if (problem === null) {
      const engine = name === 'whisper' ? engines.whisper : engines.pocketsphinx;
      if (preference === 'auto' || preference === name) return { engine };
      return {
        engine,
        reason: `${preference} is unavailable (${problems[0] ?? ''}); using ${name}`,
      };
    }
    problems.push(problem);
  }
  return { engine: null, reason: `No speech engine can run: ${problems.join(' ')}` };
}

/** Every engine's status and the one that will transcribe, for Settings. */
export function speechStatus(
  engines: SpeechEngines,
  preference: 'auto' | SpeechEngineName = 'auto',
): SpeechStatus {
  return {
    engines: engines.all.map((engine) => engine.status()),
    active: chooseEngine(engines, preference).engine?.name ?? null,
    modelsDir: engines.modelsDir,
  };
}

/** Frees both engines' models (the app is closing). */
export async function closeSpeechEngines(engines: SpeechEngines): Promise<void> {
  await Promise.all(engines.all.map((engine) => engine.close()));
}
