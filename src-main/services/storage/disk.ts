// The file-system calls that durable writes are made of, behind one seam, so a
// test can make the disk fill up, turn read-only or write short at a chosen
// point. Everything that must survive a crash or a full disk writes through a
// Disk; nothing else in the app needs one.
import * as fs from 'node:fs';

export interface Disk {
  openSync(path: string, flags: string, mode?: number): number;
  /** Writes up to `length` bytes; may write fewer (a full disk) without an error. */
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  ftruncateSync(fd: number, length: number): void;
  fstatSync(fd: number): { readonly size: number };
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  rmSync(path: string, options: { readonly force: boolean }): void;
}

export const nodeDisk: Disk = {
  openSync: (path, flags, mode) => fs.openSync(path, flags, mode),
  writeSync: (fd, buffer, offset, length) => fs.writeSync(fd, buffer, offset, length),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  ftruncateSync: (fd, length) => fs.ftruncateSync(fd, length),
  fstatSync: (fd) => fs.fstatSync(fd),
  closeSync: (fd) => fs.closeSync(fd),
  renameSync: (from, to) => fs.renameSync(from, to),
  rmSync: (path, options) => fs.rmSync(path, options),
};

/** An error with a Node-style code, as the real disk throws. */
export function diskError(code: string, message: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: ${message}`);
  error.code = code;
  return error;
}

/**
 * Writes every byte of `data` at the file's current position, or throws.
 * `write(2)` may write only part of a buffer when the disk fills up and report
 * no error until the next call; a write that makes no progress is a full disk.
 */
export function writeAll(disk: Disk, fd: number, data: Uint8Array): void {
  let done = 0;
  while (done < data.length) {
    const written = disk.writeSync(fd, data, done, data.length - done);
    if (written <= 0) throw diskError('ENOSPC', 'no space left on device (short write)');
    done += written;
  }
}

/** What kind of disk trouble an error is, in terms a rep can act on; undefined for anything else. */
export type DiskProblem = 'full' | 'read-only' | 'denied' | 'failing';

export function diskProblemOf(error: unknown): DiskProblem | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return 'full';
    case 'EROFS':
      return 'read-only';
    case 'EACCES':
    case 'EPERM':
      return 'denied';
    case 'EIO':
    case 'EMFILE':
    case 'ENFILE':
    case 'EBUSY':
      return 'failing';
    default:
      return undefined;
  }
}
