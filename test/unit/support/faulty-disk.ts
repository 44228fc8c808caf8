// A disk that fails on cue, for tests of what a full, read-only or dying disk
// does to the app: the real file system underneath, with chosen calls made to
// fail with a Node-style code, or writes made short, or a "kill" at the Nth
// call (every call after it fails too, as if the process were gone).
import { diskError, nodeDisk, type Disk } from '../../../src-main/services/storage/disk';

type Op = keyof Disk;

export class FaultyDisk implements Disk {
  /** Calls made since the disk was last armed, by operation. */
  readonly calls: Op[] = [];
  private failing: { op: Op | 'any'; code: string; remaining: number } | undefined;
  private shortBy: number | undefined;
  private killAt: number | undefined;

  /** The next `times` calls of `op` (or of any write-like call) fail with `code`. */
  fail(op: Op | 'any', code: string, times = Number.POSITIVE_INFINITY): this {
    this.failing = { op, code, remaining: times };
    return this;
  }

  /** Each write writes at most `bytes` bytes, then the next write of that buffer fails with ENOSPC. */
  shortWrites(bytes: number): this {
    this.shortBy = bytes;
    return this;
  }

  /** Counting from now, the Nth call and every one after it fail: the process has been killed. */
  killAfter(calls: number): this {
    this.calls.length = 0;
    this.killAt = calls;
    return this;
  }

  heal(): this {
    this.failing = undefined;
    this.shortBy = undefined;
    this.killAt = undefined;
    return this;
  }

  get killed(): boolean {
    return this.killAt !== undefined && this.calls.length >= this.killAt;
  }

  private check(op: Op): void {
    this.calls.push(op);
    if (this.killAt !== undefined && this.calls.length >= this.killAt) {
      throw diskError('EKILLED', `the process was killed at ${op}`);
    }
    const failing = this.failing;
    if (!failing || failing.remaining <= 0) return;
    const writeLike = op !== 'fstatSync' && op !== 'closeSync';
    if (failing.op === op || (failing.op === 'any' && writeLike)) {
      failing.remaining -= 1;
      throw diskError(failing.code, `${op} failed (test)`);
    }
  }

  openSync(path: string, flags: string, mode?: number): number {
    this.check('openSync');
    return nodeDisk.openSync(path, flags, mode);
  }
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number {
    this.check('writeSync');
    if (this.shortBy !== undefined) {
      if (offset > 0) throw diskError('ENOSPC', 'no space left on device (test)');
      return nodeDisk.writeSync(fd, buffer, offset, Math.min(length, this.shortBy));
    }
    return nodeDisk.writeSync(fd, buffer, offset, length);
  }
  fsyncSync(fd: number): void {
    this.check('fsyncSync');
    nodeDisk.fsyncSync(fd);
  }
  ftruncateSync(fd: number, length: number): void {
    this.check('ftruncateSync');
    nodeDisk.ftruncateSync(fd, length);
  }
  fstatSync(fd: number): { readonly size: number } {
    this.check('fstatSync');
    return nodeDisk.fstatSync(fd);
  }
  closeSync(fd: number): void {
    this.check('closeSync');
    nodeDisk.closeSync(fd);
  }
  renameSync(from: string, to: string): void {
    this.check('renameSync');
    nodeDisk.renameSync(from, to);
  }
  rmSync(path: string, options: { readonly force: boolean }): void {
    this.check('rmSync');
    nodeDisk.rmSync(path, options);
  }
}
