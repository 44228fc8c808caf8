// The rep's settings, stored in the data folder as settings.json. Electron
// keeps them in electron-store, browser mode in a plain JSON file backend
// (json-settings.ts) that writes the same file; both arrive here
// through `openBackend`, the seam that keeps this module free of Electron.
// A damaged file is set aside and each setting that was still readable is kept.
import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { END_OF_TURN_MS, type DataProblem, type Settings } from '../contract/api';

export const DEFAULT_SETTINGS: Settings = {
  repName: '',
  theme: 'system',
  mode: 'coach',
  speechEngine: 'auto',
  whisperModel: '',
  micMode: 'push',
  endOfTurnMs: END_OF_TURN_MS.default,
  reviewTranscript: false,
  buyerVoice: false,
  sendResults: false,
};

const FIELDS = {
  repName: z.string().max(80),
  theme: z.enum(['light', 'dark', 'system']),
  mode: z.enum(['coach', 'exam']),
  speechEngine: z.enum(['auto', 'pocketsphinx', 'whisper']),
  whisperModel: z.string().max(4096),
  micMode: z.enum(['push', 'handsFree']),
  endOfTurnMs: z.number().int().min(END_OF_TURN_MS.min).max(END_OF_TURN_MS.max),
  reviewTranscript: z.boolean(),
  buyerVoice: z.boolean(),
  sendResults: z.boolean(),
} satisfies { [K in keyof Settings]: z.ZodType<Settings[K]> };

/** The part of electron-store (and the JSON file backend) this module uses. */
export interface SettingsBackend {
  readonly store: Record<string, unknown>;
  set(key: string, value: unknown): void;
}

export interface BackendOptions {
  readonly cwd: string;
  readonly configName: string;
  /** Start empty when the file cannot be parsed (used only after setting it aside). */
  readonly clearInvalidConfig?: boolean;
}

export type OpenBackend = (options: BackendOptions) => SettingsBackend;

export interface SettingsStore {
  get(): Settings;
  set(patch: Partial<Settings>): Settings;
  readonly problems: readonly DataProblem[];
}

const CONFIG_NAME = 'settings';

export function openSettings(dataDir: string, openBackend: OpenBackend): SettingsStore {
  const file = join(dataDir, `${CONFIG_NAME}.json`);
  const problems: DataProblem[] = [];
  const options = { cwd: dataDir, configName: CONFIG_NAME };
  let backend: SettingsBackend;
  try {
    backend = openBackend(options);
  } catch (error) {
    // Moved, not copied: the next start begins clean instead of reporting it again.
    const movedTo = setAside(file, 'move');
    problems.push({
      file,
      movedTo,
      message: `${file}: could not be read (${(error as Error).message}); settings were reset to their defaults`,
    });
    backend = openBackend({ ...options, clearInvalidConfig: true });
  }

  const read = (): Settings => {
    const raw = backend.store;
    const settings: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(FIELDS)) {
      const value = Object.hasOwn(raw, key) ? raw[key] : undefined;
      const parsed = schema.safeParse(value);
      settings[key] = parsed.success ? parsed.data : DEFAULT_SETTINGS[key as keyof Settings];
    }
    return settings as unknown as Settings;
  };

  // Report (once) settings that were present but unusable, then store the fallback.
  const raw = backend.store;
  const bad = Object.entries(FIELDS).filter(
    ([key, schema]) => Object.hasOwn(raw, key) && !schema.safeParse(raw[key]).success,
  );
  if (bad.length > 0) {
    const movedTo = setAside(file, 'copy');
    problems.push({
      file,
      movedTo,
      message: `${file}: ${bad.map(([key]) => `"${key}"`).join(', ')} had a value First Meeting does not understand; the default is used instead`,
    });
    for (const [key] of bad) backend.set(key, DEFAULT_SETTINGS[key as keyof Settings]);
  }

  return {
    problems,
    get: read,
    set(patch) {
      for (const [key, value] of Object.entries(patch)) {
        if (!Object.hasOwn(FIELDS, key) || value === undefined) continue;
        backend.set(key, FIELDS[key as keyof Settings].parse(value));
      }
      return read();
    },
  };
}

/** Keeps a damaged settings file for the user, next to the other files set aside. */
function setAside(file: string, how: 'move' | 'copy'): string {
  if (!existsSync(file)) return '';
  const folder = join(dirname(file), 'set-aside');
  const movedTo = join(folder, `${new Date().toISOString().replace(/[:.]/g, '-')}-settings.json`);
  try {
    mkdirSync(folder, { recursive: true });
    if (how === 'move') renameSync(file, movedTo);
    else copyFileSync(file, movedTo);
    return movedTo;
  } catch {
    return '';
  }
}
