// The settings file backend browser mode uses, on its own: it reads
// settings.json once, writes the whole file on each change, and refuses a file
// it cannot use with a SettingsFileError (settings.ts then sets it aside and
// opens it again with clearInvalidConfig, which starts empty).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshFolders } from '../support/folders';
import {
  openJsonSettingsBackend,
  SettingsFileError,
} from '../../../src-main/services/json-settings';

const freshFolder = freshFolders('json-settings');

function freshDir(): string {
  return join(freshFolder(), 'nested');
}

const open = (cwd: string, clearInvalidConfig?: boolean) =>
  openJsonSettingsBackend({
    cwd,
    configName: 'settings',
    ...(clearInvalidConfig === undefined ? {} : { clearInvalidConfig }),
  });

/** Opens `contents` as settings.json; answers the error it throws. */
function refusal(contents: string): unknown {
  const cwd = freshDir();
  mkdirSync(cwd, { recursive: true });
  writeFileSync(join(cwd, 'settings.json'), contents);
  try {
    open(cwd);
  } catch (error) {
    return error;
  }
  throw new Error(`expected ${JSON.stringify(contents)} to be refused`);
}

describe('the JSON settings file', () => {
  it('when there is no file yet, the store is empty, the folder is made and nothing is written', () => {
    const cwd = freshDir();
    const backend = open(cwd);
    expect(backend.store).toEqual({});
    expect(existsSync(cwd)).toBe(true);
    expect(existsSync(join(cwd, 'settings.json'))).toBe(false);
  });

  it('each set writes the whole store to <configName>.json, and a new backend reads it back', () => {
    const cwd = freshDir();
    const backend = open(cwd);
    backend.set('repName', 'Ana Ruiz');
    backend.set('theme', 'dark');
    backend.set('repName', 'Bo');
    const file = join(cwd, 'settings.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ repName: 'Bo', theme: 'dark' });
    expect(backend.store).toEqual({ repName: 'Bo', theme: 'dark' });
    expect(open(cwd).store).toEqual({ repName: 'Bo', theme: 'dark' });
    // Values keep their JSON types, and keys it does not know about are kept too.
    writeFileSync(file, JSON.stringify({ repName: 'Ana', count: 3, nested: { a: [1] } }));
    const reopened = open(cwd);
    reopened.set('mode', 'exam');
    expect(open(cwd).store).toEqual({ repName: 'Ana', count: 3, nested: { a: [1] }, mode: 'exam' });
  });

  it('a store read before a change is not changed under the reader', () => {
    const cwd = freshDir();
    const backend = open(cwd);
    backend.set('theme', 'light');
    const before = backend.store;
    backend.set('theme', 'dark');
    expect(before).toEqual({ theme: 'light' });
    expect(backend.store).toEqual({ theme: 'dark' });
  });

  it('a file that is not valid JSON is refused with SettingsFileError', () => {
    for (const contents of ['{"repName": "Ana", ', '', 'repName=Ana']) {
      const error = refusal(contents);
      expect(error, contents).toBeInstanceOf(SettingsFileError);
      expect((error as Error).message).toBe('not valid JSON');
      expect((error as Error).name).toBe('SettingsFileError');
    }
  });

  it('JSON that is not an object (a list, null, a string, a number) is refused with SettingsFileError', () => {
    for (const contents of ['[]', '[{"repName": "Ana"}]', 'null', '"Ana"', '42', 'true']) {
      const error = refusal(contents);
      expect(error, contents).toBeInstanceOf(SettingsFileError);
      expect((error as Error).message).toBe('not a JSON object');
    }
  });

  it('a file that cannot be read as text is refused with SettingsFileError naming the file', () => {
    const error = refusal('\u0000binary');
    expect(error).toBeInstanceOf(SettingsFileError);
    expect((error as Error).message).toContain('settings.json');
    // A folder where the file should be.
    const cwd = freshDir();
    mkdirSync(join(cwd, 'settings.json'), { recursive: true });
    expect(() => open(cwd)).toThrow(SettingsFileError);
  });

  it('with clearInvalidConfig a damaged file gives an empty store, and the next set replaces it', () => {
    const cwd = freshDir();
    mkdirSync(cwd, { recursive: true });
    const file = join(cwd, 'settings.json');
    for (const damaged of ['{"repName": ', '[1, 2]']) {
      writeFileSync(file, damaged);
      const backend = open(cwd, true);
      expect(backend.store).toEqual({});
      backend.set('repName', 'Ana');
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ repName: 'Ana' });
      expect(open(cwd).store).toEqual({ repName: 'Ana' });
    }
  });
});
