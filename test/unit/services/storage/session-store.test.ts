// The stored sessions: saved, listed newest first, opened, deleted with an
// undo that lasts until the next start. A damaged or hand-edited file is set
// aside with a message naming it and the field; it never stops the app or
// takes the other sessions with it, and no id can reach outside the data folder.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshFolders } from '../../support/folders';
import type { SessionRecord } from '../../../../src-main/contract/api';
import {
  DamagedFileError,
  NotFoundError,
  SessionStore,
} from '../../../../src-main/services/storage/session-store';
import { playedRecord, recordAt } from './fixtures/records';

const freshFolder = freshFolders('store');

function freshDataDir(): string {
  return freshFolder();
}

const OLD = recordAt('20260101-090000-aaaaaaaa', '2026-01-01T09:00:00.000Z');
const MIDDLE = recordAt('20260102-090000-bbbbbbbb', '2026-01-02T09:00:00.000Z');
const NEW = recordAt('20260103-090000-cccccccc', '2026-01-03T09:00:00.000Z');

/** A data folder holding the three sessions, saved out of order. */
function storeWithThree(): { dataDir: string; store: SessionStore } {
  const dataDir = freshDataDir();
  const store = SessionStore.open(dataDir);
  for (const record of [MIDDLE, NEW, OLD]) store.save(record);
  return { dataDir, store };
}

const ids = (store: SessionStore) => store.list().map((row) => row.id);
const sessionFile = (dataDir: string, id: string) => join(dataDir, 'sessions', `${id}.json`);
const setAside = (dataDir: string) => readdirSync(join(dataDir, 'set-aside'));

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('saving and reading sessions', () => {
  it('a saved session opens again exactly as it was, in this run and the next', () => {
    const dataDir = freshDataDir();
    const store = SessionStore.open(dataDir);
    const record = playedRecord();
    store.save(record);
    expect(store.get(record.id)).toEqual(record);
    expect(existsSync(sessionFile(dataDir, record.id))).toBe(true);
    expect(SessionStore.open(dataDir).get(record.id)).toEqual(record);
  });

  it('the history lists every session newest first, with its scores, and still does after a restart', () => {
    const { dataDir, store } = storeWithThree();
    expect(ids(store)).toEqual([NEW.id, MIDDLE.id, OLD.id]);
    const reopened = SessionStore.open(dataDir);
    expect(ids(reopened)).toEqual([NEW.id, MIDDLE.id, OLD.id]);
    expect(reopened.list()[0]).toEqual({
      id: NEW.id,
      startedAt: NEW.startedAt,
      scenarioId: 'light-stack-leader',
      scenarioTitle: NEW.scenario.title,
      difficulty: 'normal',
      mode: 'coach',
      reps: ['Ana'],
      turns: 3,
      outcome: NEW.outcome,
      valueCreation: NEW.report.valueCreation,
      pitching: NEW.report.pitching,
      overall: NEW.report.overall,
    });
    expect(reopened.problems).toEqual([]);
  });

  it('a record that does not fit the schema is refused and nothing is written', () => {
    const dataDir = freshDataDir();
    const store = SessionStore.open(dataDir);
    const bad = { ...NEW, report: { ...NEW.report, overall: 'high' } } as unknown as SessionRecord;
    expect(() => store.save(bad)).toThrow();
    expect(store.list()).toEqual([]);
    expect(readdirSync(join(dataDir, 'sessions'))).toEqual([]);
  });

  it('asking for a session that does not exist is a NotFoundError', () => {
    const { store } = storeWithThree();
    expect(thrown(() => store.get('20990101-000000-ffffffff'))).toBeInstanceOf(NotFoundError);
  });
});

describe('deleting and undoing', () => {
  it('a deleted session leaves the history and comes back with undo, in the same run', () => {
    const { store } = storeWithThree();
    store.delete(MIDDLE.id);
    expect(ids(store)).toEqual([NEW.id, OLD.id]);
    expect(thrown(() => store.get(MIDDLE.id))).toBeInstanceOf(NotFoundError);
    store.undoDelete(MIDDLE.id);
    expect(ids(store)).toEqual([NEW.id, MIDDLE.id, OLD.id]);
    expect(store.get(MIDDLE.id)).toEqual(MIDDLE);
  });

  it('the trash is emptied at the next start: undo lasts one run', () => {
    const { dataDir, store } = storeWithThree();
    store.delete(OLD.id);
    expect(readdirSync(join(dataDir, 'trash'))).toEqual([`${OLD.id}.json`]);
    const next = SessionStore.open(dataDir);
    expect(readdirSync(join(dataDir, 'trash'))).toEqual([]);
    expect(ids(next)).toEqual([NEW.id, MIDDLE.id]);
    expect(thrown(() => next.undoDelete(OLD.id))).toBeInstanceOf(NotFoundError);
    expect(ids(next)).toEqual([NEW.id, MIDDLE.id]);
  });

  it('deleting a session that is not there is a NotFoundError and changes nothing', () => {
    const { store } = storeWithThree();
    expect(thrown(() => store.delete('20990101-000000-ffffffff'))).toBeInstanceOf(NotFoundError);
    expect(thrown(() => store.undoDelete(NEW.id))).toBeInstanceOf(NotFoundError);
    expect(ids(store)).toEqual([NEW.id, MIDDLE.id, OLD.id]);
  });
});

describe('the history list file', () => {
  it('is rebuilt from the sessions when it is missing', () => {
    const { dataDir } = storeWithThree();
    rmSync(join(dataDir, 'history.json'));
    const store = SessionStore.open(dataDir);
    expect(ids(store)).toEqual([NEW.id, MIDDLE.id, OLD.id]);
    expect(store.problems).toEqual([]);
    expect(existsSync(join(dataDir, 'history.json'))).toBe(true);
  });

  it('is rebuilt when it is not valid JSON; the damage is reported and the file set aside', () => {
    const { dataDir } = storeWithThree();
    const indexPath = join(dataDir, 'history.json');
    writeFileSync(indexPath, '{"version":1,"rows":[{"id":');
    const store = SessionStore.open(dataDir);
    expect(ids(store)).toEqual([NEW.id, MIDDLE.id, OLD.id]);
    expect(store.problems).toHaveLength(1);
    const [problem] = store.problems;
    expect(problem?.file).toBe(indexPath);
    expect(problem?.message).toMatch(/^history\.json .*rebuilt/);
    expect(problem?.movedTo.startsWith(join(dataDir, 'set-aside'))).toBe(true);
    expect(readFileSync(problem?.movedTo ?? '', 'utf8')).toBe('{"version":1,"rows":[{"id":');
    // The rebuilt list is good: the next start has nothing to report.
    const next = SessionStore.open(dataDir);
    expect(next.problems).toEqual([]);
    expect(ids(next)).toEqual([NEW.id, MIDDLE.id, OLD.id]);
  });

  it('is rebuilt when its rows have the wrong shape', () => {
    const { dataDir } = storeWithThree();
    const indexPath = join(dataDir, 'history.json');
    writeFileSync(
      indexPath,
      JSON.stringify({ version: 1, rows: [{ id: NEW.id, overall: 'high' }] }),
    );
    const store = SessionStore.open(dataDir);
    expect(ids(store)).toEqual([NEW.id, MIDDLE.id, OLD.id]);
    expect(store.problems.map((p) => p.file)).toEqual([indexPath]);
    expect(setAside(dataDir)).toHaveLength(1);
  });

  it('follows the sessions folder: a session removed by hand leaves the list, one added joins it', () => {
    const { dataDir } = storeWithThree();
    rmSync(sessionFile(dataDir, OLD.id));
    const added = recordAt('20260104-090000-dddddddd', '2026-01-04T09:00:00.000Z');
    writeFileSync(sessionFile(dataDir, added.id), JSON.stringify(added));
    const store = SessionStore.open(dataDir);
    expect(ids(store)).toEqual([added.id, NEW.id, MIDDLE.id]);
    expect(store.get(added.id)).toEqual(added);
  });
});

describe('hand-edited or damaged session files', () => {
  /** Three good sessions and three damaged ones, with the history list to be rebuilt. */
  function damagedFolder() {
    const { dataDir } = storeWithThree();
    const badJson = '20260105-090000-eeeeeeee';
    const wrongType = '20260106-090000-ffffffff';
    const wrongId = '20260107-090000-abababab';
    writeFileSync(sessionFile(dataDir, badJson), '{"version":1,"id":"20260105-0');
    const edited = JSON.parse(JSON.stringify(recordAt(wrongType, '2026-01-06T09:00:00.000Z'))) as {
      report: { overall: unknown };
    };
    edited.report.overall = 'high';
    writeFileSync(sessionFile(dataDir, wrongType), JSON.stringify(edited));
    writeFileSync(sessionFile(dataDir, wrongId), JSON.stringify({ ...NEW, id: NEW.id }));
    return { dataDir, badJson, wrongType, wrongId };
  }

  it('when the list is rebuilt, each is set aside with a message naming the file and what is wrong', () => {
    const { dataDir, badJson, wrongType, wrongId } = damagedFolder();
    rmSync(join(dataDir, 'history.json'));
    const store = SessionStore.open(dataDir);
    expect(ids(store)).toEqual([NEW.id, MIDDLE.id, OLD.id]);
    const byFile = new Map(store.problems.map((p) => [p.file, p]));
    expect(byFile.size).toBe(3);
    // Named as the user knows them: inside the data folder.
    expect(byFile.get(sessionFile(dataDir, badJson))?.message).toBe(
      `sessions/${badJson}.json: not valid JSON`,
    );
    expect(byFile.get(sessionFile(dataDir, wrongType))?.message).toMatch(
      new RegExp(`^sessions/${escape(wrongType)}\\.json: field "report\\.overall": `),
    );
    expect(byFile.get(sessionFile(dataDir, wrongId))?.message).toBe(
      `sessions/${wrongId}.json: field "id" is "${NEW.id}", not the file's name`,
    );
    for (const problem of store.problems) {
      expect(existsSync(problem.file)).toBe(false);
      expect(existsSync(problem.movedTo)).toBe(true);
    }
    expect(setAside(dataDir)).toHaveLength(3);
    // The good ones still open.
    for (const record of [NEW, MIDDLE, OLD]) expect(store.get(record.id)).toEqual(record);
    // And the next start is quiet.
    expect(SessionStore.open(dataDir).problems).toEqual([]);
  });

  it('a session listed in the history but changed since is found at start, not when opened', () => {
    const { dataDir } = storeWithThree();
    const path = sessionFile(dataDir, MIDDLE.id);
    writeFileSync(path, readFileSync(path, 'utf8').slice(0, 200)); // truncated
    const store = SessionStore.open(dataDir);
    expect(ids(store)).toEqual([NEW.id, OLD.id]);
    expect(store.problems.map((p) => [p.file, p.message])).toEqual([
      [path, `sessions/${MIDDLE.id}.json: not valid JSON`],
    ]);
    expect(thrown(() => store.get(MIDDLE.id))).toBeInstanceOf(NotFoundError);
  });

  it('a hand-edited score in the history list is not trusted: the list is rebuilt from the files', () => {
    const { dataDir } = storeWithThree();
    const indexPath = join(dataDir, 'history.json');
    const index = JSON.parse(readFileSync(indexPath, 'utf8')) as {
      rows: { id: string; overall: number }[];
    };
    for (const row of index.rows) row.overall = row.overall === 7 ? 8 : 7;
    writeFileSync(indexPath, JSON.stringify(index));
    const store = SessionStore.open(dataDir);
    expect(store.list().map((r) => r.overall)).toEqual(
      [NEW, MIDDLE, OLD].map((r) => r.report.overall),
    );
    expect(store.problems.map((p) => p.file)).toEqual([indexPath]);
  });

  it('damaged while the app runs, opening it sets it aside with the reason in words; the others still open', () => {
    const { dataDir } = storeWithThree();
    const path = sessionFile(dataDir, MIDDLE.id);
    const store = SessionStore.open(dataDir);
    const edited = JSON.parse(readFileSync(path, 'utf8')) as { report: { overall: unknown } };
    edited.report.overall = 'high';
    writeFileSync(path, JSON.stringify(edited));

    const error = thrown(() => store.get(MIDDLE.id));
    expect(error).toBeInstanceOf(DamagedFileError);
    expect(error.message).not.toContain(dataDir);
    expect(error.message).toMatch(/damaged.*set aside/);
    expect(store.problems[0]?.message).toContain('report.overall');
    expect(ids(store)).toEqual([NEW.id, OLD.id]);
    expect(store.problems.map((p) => p.file)).toEqual([path]);
    expect(store.get(NEW.id)).toEqual(NEW);
    expect(store.get(OLD.id)).toEqual(OLD);
    expect(ids(SessionStore.open(dataDir))).toEqual([NEW.id, OLD.id]);
  });

  it('a file whose name is not a session id is set aside, not opened', () => {
    const { dataDir } = storeWithThree();
    rmSync(join(dataDir, 'history.json'));
    const odd = join(dataDir, 'sessions', 'My Notes.json');
    writeFileSync(odd, JSON.stringify(NEW));
    const store = SessionStore.open(dataDir);
    expect(ids(store)).toEqual([NEW.id, MIDDLE.id, OLD.id]);
    expect(store.problems.map((p) => [p.file, p.message])).toEqual([
      [odd, 'sessions/My Notes.json: not a session file name'],
    ]);
  });
});

describe('ids that try to leave the data folder', () => {
  it('are not found, and nothing outside the data folder is read, moved or removed', () => {
    const parent = freshFolder();
    mkdirSync(parent);
    const dataDir = join(parent, 'data');
    const store = SessionStore.open(dataDir);
    store.save(NEW);
    // A valid-looking record, and a junk file, right next to the data folder.
    const victim = recordAt('victim', NEW.startedAt);
    writeFileSync(join(parent, 'victim.json'), JSON.stringify(victim));
    writeFileSync(join(parent, 'junk.json'), 'not json');
    const before = readdirSync(parent).sort();

    for (const id of [
      '../../victim',
      '../victim',
      '../junk',
      '..',
      '/etc/passwd',
      'A',
      '',
      'a/b',
    ]) {
      expect(thrown(() => store.get(id))).toBeInstanceOf(NotFoundError);
      expect(thrown(() => store.delete(id))).toBeInstanceOf(NotFoundError);
      expect(thrown(() => store.undoDelete(id))).toBeInstanceOf(NotFoundError);
      expect(thrown(() => store.journalPath(id))).toBeInstanceOf(NotFoundError);
    }
    expect(readdirSync(parent).sort()).toEqual(before);
    expect(JSON.parse(readFileSync(join(parent, 'victim.json'), 'utf8'))).toEqual(victim);
    expect(readFileSync(join(parent, 'junk.json'), 'utf8')).toBe('not json');
    expect(store.problems).toEqual([]);
    expect(setAside(dataDir)).toEqual([]);
    expect(ids(store)).toEqual([NEW.id]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
