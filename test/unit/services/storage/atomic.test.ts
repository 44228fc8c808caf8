// Crash-safe writes: whatever moment the app dies at, a file written with
// writeFileAtomic holds the old version or the new one, never a mix or a
// stub, and the temporary files a killed write leaves are cleared at the next
// start.
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLeftoverTemp, writeFileAtomic } from '../../../../src-main/services/storage/atomic';
import { SessionStore } from '../../../../src-main/services/storage/session-store';
import { pause, startFixture } from './fixtures/child';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'first-meeting-atomic-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function fresh(name: string): string {
  const folder = join(dir, name);
  mkdirSync(folder);
  return folder;
}

describe('writeFileAtomic', () => {
  it('creates a file, then replaces its content completely, leaving nothing else behind', () => {
    const folder = fresh('replace');
    const path = join(folder, 'history.json');
    writeFileAtomic(path, '{"version":1,"rows":[1,2,3,4,5,6,7,8,9]}');
    expect(readFileSync(path, 'utf8')).toBe('{"version":1,"rows":[1,2,3,4,5,6,7,8,9]}');
    writeFileAtomic(path, '{}');
    expect(readFileSync(path, 'utf8')).toBe('{}');
    expect(readdirSync(folder)).toEqual(['history.json']);
  });

  it('keeps what it writes private to the user', () => {
    const path = join(fresh('private'), 'session.json');
    writeFileAtomic(path, 'secret notes');
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toBe('secret notes');
  });

  it('writes text as UTF-8, accents and emoji included', () => {
    const path = join(fresh('utf8'), 'notes.json');
    writeFileAtomic(path, '"Café 🎯"');
    expect(readFileSync(path, 'utf8')).toBe('"Café 🎯"');
  });

  it('a write that cannot finish leaves the old file as it was and no temporary file', () => {
    const folder = fresh('fails');
    const blocked = join(folder, 'blocked');
    mkdirSync(join(blocked, 'inside'), { recursive: true }); // a folder cannot be replaced by a file
    expect(() => writeFileAtomic(blocked, 'new')).toThrow();
    expect(readdirSync(folder)).toEqual(['blocked']);
    expect(() => writeFileAtomic(join(folder, 'missing', 'x.json'), 'new')).toThrow();
    expect(readdirSync(folder)).toEqual(['blocked']);
  });
});

describe('isLeftoverTemp', () => {
  it("recognises the temporary names writeFileAtomic uses, and never a real data file's", () => {
    expect(isLeftoverTemp('.history.json.12345.0a1b2c3d.tmp')).toBe(true);
    expect(isLeftoverTemp('.20260101-120000-ab12cd34.json.99.ffffffff.tmp')).toBe(true);
    for (const name of [
      'history.json',
      '20260101-120000-ab12cd34.json',
      '20260101-120000-ab12cd34.jsonl',
      'settings.json',
      'notes.tmp',
      '.hidden',
      '.tmp.json',
    ]) {
      expect(isLeftoverTemp(name)).toBe(false);
    }
  });
});

describe('killed in the middle of writing', () => {
  const SIZE = 2 * 1024 * 1024;
  const versionA = Buffer.alloc(SIZE, 'A');
  const versionB = Buffer.alloc(SIZE, 'B');

  it('the file is always exactly one complete version, and the next start sweeps the leftovers', async () => {
    // The data folder as the app has it; the files being rewritten sit at its top.
    const dataDir = fresh('killed');
    const targets = ['big-1.txt', 'big-2.txt', 'big-3.txt'];
    const leftovers = new Set<string>();
    let rounds = 0;
    // Rounds of writers (one per file, side by side) killed at random moments;
    // later rounds start from whatever the killed ones left. Keep going (up to
    // a bound) until at least one kill has landed inside a write.
    while (rounds < 2 || (leftovers.size === 0 && rounds < 12)) {
      rounds += 1;
      const writers = targets.map((name) =>
        startFixture('atomic-writer.mjs', [join(dataDir, name), String(SIZE)]),
      );
      await Promise.all(
        writers.map(async (writer) => {
          await writer.waitForLine((line) => line === 'ready');
          await pause(Math.floor(Math.random() * 40));
          await writer.kill();
        }),
      );
      for (const name of targets) {
        const content = readFileSync(join(dataDir, name));
        expect(content.length).toBe(SIZE);
        expect(content.equals(versionA) || content.equals(versionB)).toBe(true);
      }
      for (const name of readdirSync(dataDir)) {
        if (targets.includes(name)) continue;
        expect(isLeftoverTemp(name)).toBe(true);
        leftovers.add(name);
      }
    }
    expect(leftovers.size).toBeGreaterThan(0);

    // A user's own files next to them are not temporary and must survive the sweep.
    writeFileSync(join(dataDir, 'notes.tmp'), 'mine');
    const store = SessionStore.open(dataDir);
    expect(store.problems).toEqual([]);
    expect(readdirSync(dataDir).filter(isLeftoverTemp)).toEqual([]);
    expect(readdirSync(dataDir).sort()).toEqual(
      [...targets, 'history.json', 'journal', 'notes.tmp', 'sessions', 'set-aside', 'trash'].sort(),
    );
    for (const name of targets) {
      const survivor = readFileSync(join(dataDir, name));
      expect(survivor.equals(versionA) || survivor.equals(versionB)).toBe(true);
    }
  });

  it('leftovers in the sessions and journal folders are swept too, the sessions kept', () => {
    const dataDir = fresh('sweep-folders');
    mkdirSync(join(dataDir, 'sessions'));
    mkdirSync(join(dataDir, 'journal'));
    const sessionTemp = '.20260101-120000-ab12cd34.json.4242.0a1b2c3d.tmp';
    const journalTemp = '.20260101-120000-ab12cd34.jsonl.4242.deadbeef.tmp';
    writeFileSync(join(dataDir, 'sessions', sessionTemp), '{"version":1,"id":"half');
    writeFileSync(join(dataDir, 'journal', journalTemp), '{"type":"start"');
    const store = SessionStore.open(dataDir);
    expect(readdirSync(join(dataDir, 'sessions'))).toEqual([]);
    expect(readdirSync(join(dataDir, 'journal'))).toEqual([]);
    expect(store.list()).toEqual([]);
    expect(store.problems).toEqual([]);
  });
});
