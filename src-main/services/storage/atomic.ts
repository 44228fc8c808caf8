// Crash-safe file writes. A file is written beside its target, flushed to the
// disk, checked to hold every byte, then renamed over it, so a reader (or the
// next start after a power cut or a full disk) sees the old contents or the
// new, never half of each and never a short file.
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { diskError, nodeDisk, writeAll, type Disk } from './disk';

export function writeFileAtomic(path: string, data: string, disk: Disk = nodeDisk): void {
  const bytes = Buffer.from(data, 'utf8');
  const temp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  const fd = disk.openSync(temp, 'wx', 0o600);
  try {
    writeAll(disk, fd, bytes);
    disk.fsyncSync(fd);
    const size = disk.fstatSync(fd).size;
    if (size !== bytes.length) throw diskError('EIO', `wrote ${size} of ${bytes.length} bytes`);
  } catch (error) {
    closeQuietly(disk, fd);
    disk.rmSync(temp, { force: true });
    throw error;
  }
  try {
    disk.closeSync(fd);
  } catch (error) {
    disk.rmSync(temp, { force: true });
    throw error;
  }
  try {
    disk.renameSync(temp, path);
  } catch (error) {
    disk.rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(dirname(path));
}

function closeQuietly(disk: Disk, fd: number): void {
  try {
    disk.closeSync(fd);
  } catch {
    // Already failing: the first error is the one worth reporting.
  }
}

/** Makes a rename or a new file in `dir` durable. Not every platform can open a folder; that is fine. */
export function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot fsync a directory; the rename is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Leftover temporary files from a write that was killed: safe to remove at start. */
export function isLeftoverTemp(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp');
}
