// The data folder as a whole: can it be used at all? Checked before anything
// is printed or opened, so a bad --data-dir gets one sentence, not a raw
// EEXIST or EACCES. Kept free of heavy imports: it runs before the host loads.
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';

export function kindOf(path: string): 'missing' | 'folder' | 'file' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}

/** Why `dir` cannot be the data folder (creating it if missing), or undefined when it can. */
export function dataFolderProblem(dir: string): string | undefined {
  if (kindOf(dir) === 'file') {
    return `The data folder ${dir} is a file, not a folder. Choose another with --data-dir, or move the file away.`;
  }
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    return `The data folder ${dir} could not be created (${codeOf(error)}). Choose another with --data-dir.`;
  }
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    return `The data folder ${dir} is not writable. Make it writable, or choose another with --data-dir.`;
  }
  return undefined;
}

function codeOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOTDIR' ? 'part of its path is a file' : (code ?? 'unknown error');
}
