// Nothing is lost: a full, read-only or failing disk at any write, and a kill
// at every step of ending a meeting. The host runs over a disk that fails on
// cue (the real file system underneath); a "kill" makes every disk call from
// the chosen one on fail, and the app is then started again on the same folder.
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposedHost } from '../../../src-main/host/compose';
import { readJournal } from '../../../src-main/services/storage/journal';
import { LIGHT_STACK_VALUE_SCRIPT } from '../../fixtures/replies';
import { FaultyDisk } from '../support/faulty-disk';
import { freshFolders } from '../support/folders';
import { call, hostsClosedAfterEach, send } from '../support/host';

const hostOn = hostsClosedAfterEach();
const freshDataDir = freshFolders('lost');
const START = { scenarioId: 'light-stack-leader', difficulty: 'normal', mode: 'coach' } as const;
const [FIRST = '', SECOND = '', THIRD = ''] = LIGHT_STACK_VALUE_SCRIPT;
const quiet = () => undefined;

async function liveMeeting(composed: ComposedHost, replies: readonly string[]) {
  const view = await call(composed, 'session.start', START);
  for (const text of replies) {
    await call(composed, 'session.reply', { sessionId: view.id, text, source: 'typed' });
  }
  return view.id;
}

const journalOf = (dataDir: string, id: string) => {
  const path = join(dataDir, 'journal', `${id}.jsonl`);
  return readJournal(readFileSync(path, 'utf8'), path);
};

/** Every file under the data folder with its bytes, except the log (it is meant to grow). */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(join(dir, at), { withFileTypes: true })) {
      const path = at ? `${at}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (!path.startsWith('logs/')) files[path] = readFileSync(join(dir, path), 'base64');
    }
  };
  walk('');
  return files;
}

describe('a reply when the disk is full or read-only', () => {
  for (const [name, breakIt, words] of [
    [
      'a full disk (ENOSPC)',
      (d: FaultyDisk) => d.fail('writeSync', 'ENOSPC'),
      'Your last reply could not be saved: the disk is full. Free some space and press Send again.',
    ],
    [
      'a short write, then ENOSPC',
      (d: FaultyDisk) => d.shortWrites(7),
      'Your last reply could not be saved: the disk is full. Free some space and press Send again.',
    ],
    [
      'a read-only disk (EROFS)',
      (d: FaultyDisk) => d.fail('writeSync', 'EROFS'),
      'Your last reply could not be saved: the data folder is on a read-only disk. Make the data folder writable and press Send again.',
    ],
    [
      'a failing flush (EIO)',
      (d: FaultyDisk) => d.fail('fsyncSync', 'EIO'),
      'Your last reply could not be saved: the disk reported an error. Check the disk and press Send again.',
    ],
  ] as const) {
    it(`${name}: the rep is told in words, nothing on disk changes, the meeting stays live and the same reply goes through once the disk is fine`, async () => {
      const dataDir = freshDataDir();
      const disk = new FaultyDisk();
      const composed = hostOn(dataDir, undefined, disk);
      const id = await liveMeeting(composed, [FIRST]);
      const before = readFileSync(join(dataDir, 'journal', `${id}.jsonl`));
      const shown = await call(composed, 'session.current', undefined);

      breakIt(disk);
      const failed = await send(
        composed,
        'session.reply',
        { sessionId: id, text: SECOND, source: 'typed' },
        quiet,
      );
      expect(failed).toEqual({ ok: false, error: { kind: 'storage', message: words } });
      expect(readFileSync(join(dataDir, 'journal', `${id}.jsonl`))).toEqual(before);
      // The buyer has not heard it: the meeting is exactly as it was.
      expect(await call(composed, 'session.current', undefined)).toEqual(shown);

      disk.heal();
      const retried = await call(composed, 'session.reply', {
        sessionId: id,
        text: SECOND,
        source: 'typed',
      });
      expect(retried.turns.map((t) => t.rep)).toEqual([FIRST, SECOND]);
      expect(journalOf(dataDir, id)).toMatchObject({ tornTail: false });
      expect(journalOf(dataDir, id).turns.map((t) => t.rep)).toEqual([FIRST, SECOND]);

      // Started again: every acknowledged turn, and no "cut off" notice.
      const after = hostOn(dataDir);
      const resumed = await call(after, 'recovery.resume', { sessionId: id });
      expect(resumed.turns.map((t) => t.rep)).toEqual([FIRST, SECOND]);
      expect(resumed.notice).toBeUndefined();
    });
  }

  it('the journal line cut short is removed even when cutting it back failed the first time', async () => {
    const dataDir = freshDataDir();
    const disk = new FaultyDisk();
    const composed = hostOn(dataDir, undefined, disk);
    const id = await liveMeeting(composed, [FIRST]);
    disk.shortWrites(5);
    // The truncate that would take the partial line back fails as well.
    const failing = disk.fail('ftruncateSync', 'EIO', 1);
    expect(failing).toBe(disk);
    const failed = await send(composed, 'session.reply', {
      sessionId: id,
      text: SECOND,
      source: 'typed',
    });
    expect(failed).toMatchObject({ ok: false, error: { kind: 'storage' } });
    disk.heal();
    await call(composed, 'session.reply', { sessionId: id, text: SECOND, source: 'typed' });
    await call(composed, 'session.reply', { sessionId: id, text: THIRD, source: 'typed' });
    const journal = journalOf(dataDir, id);
    expect(journal.tornTail).toBe(false);
    expect(journal.turns.map((t) => t.rep)).toEqual([FIRST, SECOND, THIRD]);
  });
});

describe('other calls on a failing disk', () => {
  it('a new meeting that cannot be started leaves the meeting in progress live and no empty journal', async () => {
    const dataDir = freshDataDir();
    const disk = new FaultyDisk();
    const composed = hostOn(dataDir, undefined, disk);
    const id = await liveMeeting(composed, [FIRST]);
    disk.fail('writeSync', 'ENOSPC');
    expect(await send(composed, 'session.start', START, quiet)).toEqual({
      ok: false,
      error: {
        kind: 'storage',
        message:
          'The meeting could not be started: the disk is full. Free some space and try again.',
      },
    });
    expect(readdirSync(join(dataDir, 'journal'))).toEqual([`${id}.jsonl`]);
    disk.heal();
    const current = await call(composed, 'session.current', undefined);
    expect(current?.id).toBe(id);
    await call(composed, 'session.reply', { sessionId: id, text: SECOND, source: 'typed' });
  });

  it('errors on the page carry no paths or codes; the details are in the log file', async () => {
    const dataDir = freshDataDir();
    const disk = new FaultyDisk();
    const composed = hostOn(dataDir, undefined, disk);
    const id = await liveMeeting(composed, [FIRST]);
    const record = await call(composed, 'session.end', { sessionId: id });
    expect(record?.id).toBe(id);
    disk.fail('renameSync', 'EACCES');
    const deleted = await send(composed, 'history.delete', { sessionId: id }, quiet);
    expect(deleted).toEqual({
      ok: false,
      error: {
        kind: 'storage',
        message:
          "The session could not be deleted: First Meeting is not allowed to write to its data folder. Check the data folder's permissions and try again.",
      },
    });
    // Through the app's own door (composed.call), the details reach the log.
    const again = await composed.call('history.delete', { sessionId: id });
    expect(JSON.stringify(again)).not.toContain(dataDir);
    expect(JSON.stringify(again)).not.toContain('EACCES');
    const log = await call(composed, 'app.log', undefined);
    expect(log.path).toBe(join(dataDir, 'logs', 'first-meeting.log'));
    expect(log.text).toContain('history.delete could not write');
    expect(log.text).toContain('EACCES');
    expect((await call(composed, 'app.info', undefined)).logFile).toBe(log.path);
  });
});

describe('ending a meeting, killed at every step', () => {
  it('afterwards the meeting is either stored once (ended by the rep) or offered as interrupted with every turn, never both, and never overwritten', async () => {
    let step = 1;
    let completed = false;
    const seen = new Set<string>();
    while (!completed) {
      const dataDir = freshDataDir();
      const disk = new FaultyDisk();
      const composed = hostOn(dataDir, undefined, disk);
      const id = await liveMeeting(composed, [FIRST, SECOND]);
      disk.killAfter(step);
      const ended = await send(composed, 'session.end', { sessionId: id }, quiet);
      completed = ended.ok && !disk.killed;

      // The app starts again on the same folder (the killed one is never closed).
      const after = hostOn(dataDir);
      const info = await call(after, 'app.info', undefined);
      const storedIds = (await call(after, 'history.list', { offset: 0, limit: 10 })).rows.map(
        (r) => r.id,
      );
      const interrupted = info.interrupted.map((i) => i.id);
      const outcome = storedIds.includes(id) ? 'stored' : 'interrupted';
      seen.add(outcome);
      expect([...storedIds, ...interrupted], `killed at call ${step}`).toEqual([id]);
      if (outcome === 'stored') {
        const record = await call(after, 'history.get', { sessionId: id });
        expect(record.endedBy, `killed at call ${step}`).toBe('rep');
        expect(record.turns.map((t) => t.rep)).toEqual([FIRST, SECOND]);
        expect(existsSync(join(dataDir, 'journal', `${id}.jsonl`))).toBe(false);
        // It cannot be resumed or scored again over the stored one.
        const before = readFileSync(join(dataDir, 'sessions', `${id}.json`));
        expect(await send(after, 'recovery.score', { sessionId: id })).toMatchObject({ ok: false });
        expect(await send(after, 'recovery.resume', { sessionId: id })).toMatchObject({
          ok: false,
        });
        expect(readFileSync(join(dataDir, 'sessions', `${id}.json`))).toEqual(before);
      } else {
        expect(info.interrupted[0]?.turns).toBe(2);
        const record = await call(after, 'recovery.score', { sessionId: id });
        expect(record?.turns.map((t) => t.rep)).toEqual([FIRST, SECOND]);
      }
      step += 1;
      expect(step, 'ending never completed').toBeLessThan(60);
    }
    // Both sides were reached: some kills came before the end was durable, some after.
    expect([...seen].sort()).toEqual(['interrupted', 'stored']);
  });

  it('a journal left beside its stored session (killed before it was removed) is removed at start', async () => {
    const dataDir = freshDataDir();
    const composed = hostOn(dataDir);
    const id = await liveMeeting(composed, [FIRST]);
    const journal = readFileSync(join(dataDir, 'journal', `${id}.jsonl`));
    await call(composed, 'session.end', { sessionId: id });
    writeFileSync(join(dataDir, 'journal', `${id}.jsonl`), journal);
    const after = hostOn(dataDir);
    expect((await call(after, 'app.info', undefined)).interrupted).toEqual([]);
    expect(existsSync(join(dataDir, 'journal', `${id}.jsonl`))).toBe(false);
  });
});

describe('who ended it, and meetings with nothing said', () => {
  it('a meeting the buyer had ended, scored from recovery, says the buyer ended it', async () => {
    const dataDir = freshDataDir();
    const composed = hostOn(dataDir);
    const view = await call(composed, 'session.start', {
      scenarioId: 'light-stack-leader',
      difficulty: 'hard',
      mode: 'coach',
    });
    let ended = false;
    for (let i = 0; i < 8 && !ended; i++) {
      const next = await call(composed, 'session.reply', {
        sessionId: view.id,
        text: 'Our platform is the best on the market and you really need to buy it today.',
        source: 'typed',
      });
      ended = next.ended;
    }
    expect(ended).toBe(true);
    const after = hostOn(dataDir); // the app stopped before the report was stored
    const record = await call(after, 'recovery.score', { sessionId: view.id });
    expect(record?.endedBy).toBe('buyer');
  });

  it('ending a meeting with no replies stores nothing and removes its journal', async () => {
    const dataDir = freshDataDir();
    const composed = hostOn(dataDir);
    const view = await call(composed, 'session.start', START);
    expect(await call(composed, 'session.end', { sessionId: view.id })).toBeNull();
    expect(readdirSync(join(dataDir, 'journal'))).toEqual([]);
    expect((await call(composed, 'history.list', { offset: 0, limit: 10 })).total).toBe(0);
  });

  it('an interrupted meeting can be discarded; it is not offered again', async () => {
    const dataDir = freshDataDir();
    const id = await liveMeeting(hostOn(dataDir), [FIRST]);
    const after = hostOn(dataDir);
    expect((await call(after, 'app.info', undefined)).interrupted.map((i) => i.id)).toEqual([id]);
    expect(await call(after, 'recovery.discard', { sessionId: id })).toBeNull();
    expect((await call(after, 'app.info', undefined)).interrupted).toEqual([]);
    expect((await call(hostOn(dataDir), 'app.info', undefined)).interrupted).toEqual([]);
  });

  it('a journal edited by hand is said to be edited, not "the scenario has changed"', async () => {
    const dataDir = freshDataDir();
    const id = await liveMeeting(hostOn(dataDir), [FIRST, SECOND]);
    const path = join(dataDir, 'journal', `${id}.jsonl`);
    const lines = readFileSync(path, 'utf8').split('\n');
    const turn = JSON.parse(lines[1] ?? '') as { buyer: string };
    turn.buyer = 'Wonderful, where do I sign?';
    lines[1] = JSON.stringify(turn);
    writeFileSync(path, lines.join('\n'));
    const resumed = await call(hostOn(dataDir), 'recovery.resume', { sessionId: id });
    expect(resumed.notice).toMatch(/changed outside the app/);
    expect(resumed.notice).not.toMatch(/scenario/);
    expect(resumed.turns).toHaveLength(0);
  });
});

describe('the data folder layout', () => {
  for (const folder of ['sessions', 'journal', 'set-aside', 'trash']) {
    it(`${folder} replaced by a file: it is moved aside with one message and the app starts`, async () => {
      const dataDir = freshDataDir();
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(join(dataDir, folder), 'not a folder');
      const composed = hostOn(dataDir);
      const info = await call(composed, 'app.info', undefined);
      expect(info.problems).toHaveLength(1);
      expect(info.problems[0]?.message).toMatch(
        new RegExp(`^${folder} was a file where the ${folder} folder belongs; it was renamed`),
      );
      expect(readFileSync(info.problems[0]?.movedTo ?? '', 'utf8')).toBe('not a folder');
      await liveMeeting(composed, [FIRST]);
    });
  }

  it('a data folder that is a file is refused in one sentence', () => {
    const dataDir = freshDataDir();
    mkdirSync(join(dataDir, '..'), { recursive: true });
    writeFileSync(dataDir, 'a file');
    expect(() => hostOn(dataDir)).toThrow(/^The data folder .* is a file, not a folder\./);
  });

  it('a failed write leaves the stored data byte-identical', async () => {
    const dataDir = freshDataDir();
    const disk = new FaultyDisk();
    const composed = hostOn(dataDir, undefined, disk);
    const id = await liveMeeting(composed, [FIRST]);
    await call(composed, 'session.end', { sessionId: id });
    const before = snapshot(dataDir);
    disk.fail('any', 'ENOSPC');
    expect(await send(composed, 'history.delete', { sessionId: id }, quiet)).toMatchObject({
      ok: false,
      error: { kind: 'storage' },
    });
    expect(await send(composed, 'session.start', START, quiet)).toMatchObject({
      ok: false,
      error: { kind: 'storage' },
    });
    expect(snapshot(dataDir)).toEqual(before);
  });
});

/** Can this process mount a file system (CI runs as root)? */
function canMount(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'first-meeting-mount-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

describe.runIf(canMount())('on a real, small disk that fills up (tmpfs)', () => {
  let mountPoint = '';
  beforeAll(() => {
    mountPoint = mkdtempSync(join(tmpdir(), 'first-meeting-tmpfs-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint]);
  });
  afterAll(() => {
    execFileSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it('replies fail in words while the disk is full, nothing acknowledged is lost, and Send works again once there is room', async () => {
    const dataDir = join(mountPoint, 'data');
    const composed = hostOn(dataDir);
    const id = await liveMeeting(composed, [FIRST]);
    // Fill the disk to the last byte.
    const filler = join(mountPoint, 'filler');
    const chunk = Buffer.alloc(4096, 1);
    const fd = openSync(filler, 'w');
    try {
      for (;;) writeSync(fd, chunk);
    } catch {
      // ENOSPC: full.
    }
    try {
      for (;;) writeSync(fd, chunk, 0, 1);
    } catch {
      // Not even one more byte.
    }
    closeSync(fd);
    // Long enough to need a new page of the disk (a short line may fit in the journal's last one).
    const long = `${SECOND} ${'and what happens to the plan after that '.repeat(90)}`.slice(
      0,
      3900,
    );
    const failed = await send(
      composed,
      'session.reply',
      { sessionId: id, text: long, source: 'typed' },
      quiet,
    );
    expect(failed).toEqual({
      ok: false,
      error: {
        kind: 'storage',
        message:
          'Your last reply could not be saved: the disk is full. Free some space and press Send again.',
      },
    });
    expect(await send(composed, 'settings.set', { repName: 'Ana' }, quiet)).toMatchObject({
      ok: false,
      error: { kind: 'storage' },
    });
    expect(journalOf(dataDir, id).turns.map((t) => t.rep)).toEqual([FIRST]);
    rmSync(filler);
    await call(composed, 'session.reply', { sessionId: id, text: long, source: 'typed' });
    const record = await call(composed, 'session.end', { sessionId: id });
    expect(record?.turns.map((t) => t.rep)).toEqual([FIRST, long.trim()]);
    const after = hostOn(dataDir);
    expect((await call(after, 'history.get', { sessionId: id })).turns).toHaveLength(2);
  });
});
