// The settings backend outside Electron (browser mode, tests): settings.json
// in the data folder, read once and rewritten atomically on each change. The
// file is the one electron-store keeps, so both shells share settings. It is a
// few lines instead of conf (what electron-store wraps) because conf's schema
// machinery cost a fifth of a second at every start, and settings.ts validates
// each field itself.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readTextFile } from './files';
import type { OpenBackend, SettingsBackend } from './settings';
import { writeFileAtomic } from './storage/atomic';

export class SettingsFileError extends Error {
  override readonly name = 'SettingsFileError';
}

export const openJsonSettingsBackend: OpenBackend = (options) => {
  const file = join(options.cwd, `${options.configName}.json`);
  mkdirSync(options.cwd, { recursive: true });
  let store: Record<string, unknown> = {};
  if (existsSync(file) && !options.clearInvalidConfig) {
    let value: unknown;
    try {
      value = JSON.parse(readTextFile(file, 1024 * 1024));
    } catch (error) {
      throw new SettingsFileError(
        error instanceof SyntaxError ? 'not valid JSON' : (error as Error).message,
      );
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new SettingsFileError('not a JSON object');
    }
    store = value as Record<string, unknown>;
  }
  const backend: SettingsBackend = {
    get store() {
      return store;
    },
    set(key, value) {
      store = { ...store, [key]: value };
      writeFileAtomic(file, `${JSON.stringify(store, null, '\t')}\n`);
    },
  };
  return backend;
};
