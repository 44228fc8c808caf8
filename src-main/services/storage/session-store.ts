// Where sessions live on disk, in the app's data folder:
//
//   sessions/ID.json    one finished session each (written atomically)
//   history.json        the history list, so opening History reads one file
//   journal/ID.jsonl    meetings in progress (see journal.ts)
//   trash/ID.json       deleted sessions, until the next start (undo)
//   set-aside/          files that could not be read, moved out of the way
//
// A damaged or hand-edited file is set aside with a message naming it; it never
// stops the app or takes another session with it.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { DataProblem, HistoryRow, SessionRecord } from '../../contract/api';
import { FileError, readTextFile } from '../files';
import { isLeftoverTemp, writeFileAtomic } from './atomic';
import { readJournal, type JournalContents } from './journal';
import { historyIndexSchema, historyRowOf, sessionRecordSchema } from './record-schema';

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** A stored file that could not be used; it has been set aside. */
export class DamagedFileError extends Error {
  override readonly name = 'DamagedFileError';
}

const SESSION_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MAX_SESSION_BYTES = 32 * 1024 * 1024;

export interface InterruptedJournal {
  readonly id: string;
  readonly path: string;
  readonly contents: JournalContents;
}

export class SessionStore {
  private readonly rows = new Map<string, HistoryRow>();
  /** `rows` newest first, kept until the next change: History asks for it page by page. */
  private sorted: HistoryRow[] | undefined;
  private readonly problemList: DataProblem[] = [];

  private constructor(readonly dataDir: string) {}

  /** Opens (creating if needed) the data folder, empties the trash and brings the history list up to date. */
  static open(dataDir: string): SessionStore {
    const store = new SessionStore(dataDir);
    for (const dir of ['sessions', 'journal', 'trash', 'set-aside']) {
      mkdirSync(join(dataDir, dir), { recursive: true });
    }
    store.sweep();
    store.loadIndex();
    return store;
  }

  get problems(): readonly DataProblem[] {
    return this.problemList;
  }

  /** Every stored session, newest first. Do not modify the array. */
  list(): readonly HistoryRow[] {
    this.sorted ??= [...this.rows.values()].sort((a, b) =>
      a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : a.id < b.id ? 1 : -1,
    );
    return this.sorted;
  }

  has(id: string): boolean {
    return this.rows.has(id);
  }

  save(record: SessionRecord): void {
    const checked = sessionRecordSchema.parse(record);
    writeFileAtomic(this.sessionPath(record.id), JSON.stringify(checked, null, 1));
    this.rows.set(record.id, historyRowOf(checked));
    this.writeIndex();
  }

  get(id: string): SessionRecord {
    const path = this.sessionPath(id);
    if (!this.rows.has(id) || !existsSync(path)) throw new NotFoundError(`No session "${id}"`);
    const record = this.readRecord(path);
    if (!record) {
      this.rows.delete(id);
      this.writeIndex();
      const problem = this.problemList[this.problemList.length - 1];
      throw new DamagedFileError(
        problem
          ? `${problem.message} It was moved to ${problem.movedTo}.`
          : `Session "${id}" is damaged.`,
      );
    }
    return record;
  }

  /** Moves a session to the trash; `undoDelete` brings it back until the app restarts. */
  delete(id: string): void {
    if (!this.rows.has(id)) throw new NotFoundError(`No session "${id}"`);
    renameSync(this.sessionPath(id), join(this.dataDir, 'trash', `${id}.json`));
    this.rows.delete(id);
    this.writeIndex();
  }

  undoDelete(id: string): void {
    const trashed = join(this.dataDir, 'trash', `${this.checkId(id)}.json`);
    if (!existsSync(trashed)) throw new NotFoundError(`Session "${id}" is no longer in the trash`);
    const record = this.readRecord(trashed);
    if (!record)
      throw new DamagedFileError(`Session "${id}" could not be restored: its file is damaged`);
    renameSync(trashed, this.sessionPath(id));
    this.rows.set(id, historyRowOf(record));
    this.writeIndex();
  }

  journalPath(id: string): string {
    return join(this.dataDir, 'journal', `${this.checkId(id)}.jsonl`);
  }

  /** Meetings left in progress (those `include` accepts). Unreadable journals are set aside. */
  interrupted(include: (id: string) => boolean = () => true): InterruptedJournal[] {
    const found: InterruptedJournal[] = [];
    for (const name of readdirSync(join(this.dataDir, 'journal')).sort()) {
      if (!name.endsWith('.jsonl')) continue;
      const id = name.slice(0, -'.jsonl'.length);
      if (!include(id)) continue;
      const path = join(this.dataDir, 'journal', name);
      const contents = this.readJournalFile(path);
      if (contents) found.push({ id, path, contents });
    }
    return found;
  }

  /** One journal, or undefined (and set aside) if it cannot be read. */
  readJournalFile(path: string): JournalContents | undefined {
    try {
      return readJournal(readTextFile(path, MAX_SESSION_BYTES), path);
    } catch (error) {
      this.setAside(path, (error as Error).message);
      return undefined;
    }
  }

  /** The meeting is stored as a session: its journal is no longer needed. */
  finishJournal(id: string): void {
    rmSync(this.journalPath(id), { force: true });
  }

  private sessionPath(id: string): string {
    return join(this.dataDir, 'sessions', `${this.checkId(id)}.json`);
  }

  private checkId(id: string): string {
    // Ids become file names: never let one climb out of its folder.
    if (!SESSION_ID.test(id)) throw new NotFoundError(`"${id}" is not a session id`);
    return id;
  }

  private readRecord(path: string): SessionRecord | undefined {
    let value: unknown;
    try {
      value = JSON.parse(readTextFile(path, MAX_SESSION_BYTES));
    } catch (error) {
      const message = error instanceof FileError ? error.message : `${path}: not valid JSON`;
      this.setAside(path, message);
      return undefined;
    }
    const parsed = sessionRecordSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') || '(top level)';
      this.setAside(path, `${path}: field "${field}": ${issue?.message ?? 'invalid'}`);
      return undefined;
    }
    if (parsed.data.id !== basename(path, '.json')) {
      this.setAside(path, `${path}: field "id" is "${parsed.data.id}", not the file's name`);
      return undefined;
    }
    return parsed.data as SessionRecord;
  }

  private setAside(path: string, message: string): void {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const movedTo = join(this.dataDir, 'set-aside', `${stamp}-${basename(path)}`);
    try {
      renameSync(path, movedTo);
      this.problemList.push({ file: path, movedTo, message });
    } catch (error) {
      this.problemList.push({
        file: path,
        movedTo: '',
        message: `${message} (could not move it aside: ${(error as Error).message})`,
      });
    }
  }

  /** Removes what a previous run left half-done: temporary files, and the trash (undo lasts one run). */
  private sweep(): void {
    for (const dir of ['', 'sessions', 'journal']) {
      for (const name of readdirSync(join(this.dataDir, dir))) {
        if (isLeftoverTemp(name)) rmSync(join(this.dataDir, dir, name), { force: true });
      }
    }
    for (const name of readdirSync(join(this.dataDir, 'trash'))) {
      rmSync(join(this.dataDir, 'trash', name), { force: true });
    }
  }

  private loadIndex(): void {
    const indexPath = join(this.dataDir, 'history.json');
    let changed = false;
    if (existsSync(indexPath)) {
      try {
        const parsed = historyIndexSchema.safeParse(
          JSON.parse(readTextFile(indexPath, MAX_SESSION_BYTES * 4)),
        );
        if (parsed.success) for (const row of parsed.data.rows) this.rows.set(row.id, row);
        else {
          this.setAside(
            indexPath,
            `${indexPath}: the history list is damaged; it was rebuilt from the sessions`,
          );
        }
      } catch {
        this.setAside(
          indexPath,
          `${indexPath}: the history list is not valid JSON; it was rebuilt from the sessions`,
        );
      }
    } else changed = true;
    // The sessions folder is the truth: add what the list misses, drop what is gone.
    const onDisk = new Set(
      readdirSync(join(this.dataDir, 'sessions'))
        .filter((name) => name.endsWith('.json'))
        .map((name) => name.slice(0, -'.json'.length)),
    );
    for (const id of [...this.rows.keys()]) {
      if (!onDisk.has(id)) {
        this.rows.delete(id);
        changed = true;
      }
    }
    for (const id of onDisk) {
      if (this.rows.has(id)) continue;
      changed = true;
      const path = join(this.dataDir, 'sessions', `${id}.json`);
      if (!SESSION_ID.test(id)) {
        this.setAside(path, `${path}: not a session file name`);
        continue;
      }
      const record = this.readRecord(path);
      if (record) this.rows.set(id, historyRowOf(record));
    }
    if (changed) this.writeIndex();
  }

  private writeIndex(): void {
    this.sorted = undefined;
    writeFileAtomic(
      join(this.dataDir, 'history.json'),
      JSON.stringify({ version: 1, rows: [...this.rows.values()] }),
    );
  }
}
