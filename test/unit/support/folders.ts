// Fresh folders for tests that touch the disk: one temporary root per test
// file, removed when the file's tests are done, and a new folder name under it
// for each test that asks (not yet created: the code under test may create it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

export function freshFolders(prefix: string): () => string {
  let root = '';
  let count = 0;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), `first-meeting-${prefix}-`));
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });
  return () => {
    count += 1;
    return join(root, `data-${count}`);
  };
}
