// A copy of a scored call's transcript, kept in the data folder's calls folder
// only when the user asks (Score a call, "Keep a copy of the file").
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic';
import { nodeDisk, type Disk } from './disk';

export const CALLS_FOLDER = 'calls';

/** Writes the text beside History; returns its path relative to the data folder. */
export function keepCallFile(
  dataDir: string,
  id: string,
  fileName: string,
  text: string,
  disk: Disk = nodeDisk,
): string {
  mkdirSync(join(dataDir, CALLS_FOLDER), { recursive: true });
  const safe = fileName.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 100) || 'transcript.txt';
  const relative = `${CALLS_FOLDER}/${id}-${safe}`;
  writeFileAtomic(join(dataDir, relative), text, disk);
  return relative;
}
