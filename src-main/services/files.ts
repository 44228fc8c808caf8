// Reading the user's files safely: a clear error for a missing, oversized or
// binary file instead of a stack trace or garbage downstream.
import { readFileSync, statSync } from 'node:fs';

export class FileError extends Error {
  override readonly name = 'FileError';
}

export const MAX_TEXT_FILE_BYTES = 20 * 1024 * 1024;

/** A UTF-8 text file's contents, or a FileError that names the file and the problem. */
export function readTextFile(path: string, maxBytes = MAX_TEXT_FILE_BYTES): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new FileError(`${path}: is a folder, not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof FileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new FileError(
      code === 'ENOENT'
        ? `${path}: no such file`
        : `${path}: cannot read (${code ?? 'unknown error'})`,
    );
  }
  if (size > maxBytes) {
    throw new FileError(`${path}: too large (${size} bytes; the limit is ${maxBytes})`);
  }
  const bytes = readFileSync(path);
  if (bytes.includes(0)) throw new FileError(`${path}: looks like a binary file, not text`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new FileError(`${path}: is not UTF-8 text`);
  }
}
