// Reading the user's files: a clear FileError naming the file for anything
// that is not readable UTF-8 text, instead of a stack trace or garbage.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileError, readTextFile } from '../../../src-main/services/files';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'first-meeting-files-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function expectFileError(path: string, message: RegExp, maxBytes?: number): void {
  let error: unknown;
  try {
    readTextFile(path, maxBytes);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(FileError);
  const text = (error as Error).message;
  expect(text).toContain(path);
  expect(text).toMatch(message);
  expect(text).not.toMatch(/\n/);
}

describe('readTextFile', () => {
  it('reads a UTF-8 text file, accents and emoji included', () => {
    const path = join(dir, 'ok.txt');
    writeFileSync(path, 'REP: Café? 🎯\nBUYER: Sí.\n', 'utf8');
    expect(readTextFile(path)).toBe('REP: Café? 🎯\nBUYER: Sí.\n');
  });

  it('drops a UTF-8 byte order mark', () => {
    const path = join(dir, 'bom.txt');
    writeFileSync(path, '\uFEFFREP: Hello', 'utf8');
    expect(readTextFile(path)).toBe('REP: Hello');
  });

  it('reads an empty file as empty text', () => {
    const path = join(dir, 'empty.txt');
    writeFileSync(path, '');
    expect(readTextFile(path)).toBe('');
  });

  it('a missing file is a FileError naming the path', () => {
    expectFileError(join(dir, 'nope.txt'), /no such file/);
  });

  it('a folder is a FileError naming the path', () => {
    const path = join(dir, 'a-folder');
    mkdirSync(path);
    expectFileError(path, /folder/);
  });

  it('a binary file (with NUL bytes) is a FileError naming the path', () => {
    const path = join(dir, 'image.png');
    writeFileSync(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    expectFileError(path, /binary/);
  });

  it('a file that is not UTF-8 is a FileError naming the path', () => {
    const path = join(dir, 'latin1.txt');
    writeFileSync(path, Buffer.from('REP: Caf\xe9 cr\xe8me', 'latin1'));
    expectFileError(path, /not UTF-8/);
  });

  it('a file over the size limit is a FileError naming the path and the limit', () => {
    const path = join(dir, 'big.txt');
    writeFileSync(path, 'x'.repeat(2048));
    expectFileError(path, /too large.*2048.*1024/, 1024);
    expect(readTextFile(path, 2048)).toHaveLength(2048);
  });
});
