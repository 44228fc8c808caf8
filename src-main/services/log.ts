// The host's log file, in the data folder: what went wrong in detail (paths,
// codes, stacks), so the page can say it in words and Settings can show the
// rest. Appending never throws: a log that cannot be written (a full disk) must
// not turn one failure into two. It is capped in size, keeping one older file.
import { appendFileSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LogTail } from '../contract/api';

export const MAX_LOG_BYTES = 1024 * 1024;
const TAIL_BYTES = 64 * 1024;

export interface LogFile {
  readonly path: string;
  write(message: string): void;
  tail(): LogTail;
}

export function logFileIn(dataDir: string, now: () => Date = () => new Date()): LogFile {
  const path = join(dataDir, 'logs', 'first-meeting.log');
  return {
    path,
    write(message) {
      try {
        mkdirSync(dirname(path), { recursive: true });
        if (sizeOf(path) > MAX_LOG_BYTES) renameSync(path, `${path}.1`);
        appendFileSync(path, `${now().toISOString()} ${message.replace(/\n(?!\s)/g, '\n  ')}\n`, {
          mode: 0o600,
        });
      } catch {
        // Nowhere left to write it; the page has already been told in words.
      }
    },
    tail() {
      let bytes: Buffer;
      try {
        bytes = readFileSync(path);
      } catch {
        return { path, text: '', truncated: false };
      }
      const truncated = bytes.length > TAIL_BYTES;
      const text = (truncated ? bytes.subarray(bytes.length - TAIL_BYTES) : bytes).toString('utf8');
      // Start at a whole line when the beginning was cut.
      return { path, text: truncated ? text.slice(text.indexOf('\n') + 1) : text, truncated };
    },
  };
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
