// Where sessions live on disk, in the app's data folder:
//
//   sessions/ID.json    one finished session each (written atomically)
//   history.json        the history list, so opening History reads one file
//   journal/ID.jsonl    meetings in progress (see journal.ts)
//   trash/ID.json       deleted sessions, until the next start (undo)
//   set-aside/          files that could not be read, moved out of the way
//
// The files are the truth; history.json is an index of them, trusted only while
// its digest matches and each session file has the size it lists, and rebuilt
// from the files otherwise. A damaged or hand-edited file is set aside with a
// message naming it; it never stops the app or takes another session with it.
// The layout itself is checked at start: a file where a folder belongs is moved
// aside with one message, or the start fails with one sentence saying why.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { DataProblem, HistoryRow, SessionRecord } from '../../contract/api';
import { kindOf } from '../data-folder';
import { FileError, readTextFile } from '../files';
import { isLeftoverTemp, writeFileAtomic } from './atomic';
import { nodeDisk, type Disk } from './disk';
import { JournalWriter, readJournal, type JournalContents, type JournalHeader } from './journal';
import {
  historyIndexSchema,
  historyRowOf,
  historyRowSchema,
  sessionRecordSchema,
} from './record-schema';

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** What was asked would overwrite something stored. */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
}

/** A stored file that could not be used; it has been set aside. */
export class DamagedFileError extends Error {
  override readonly name = 'DamagedFileError';
}

/** The data folder cannot be used at all; the message says why in one sentence. */
export class DataFolderError extends Error {
  override readonly name = 'DataFolderError';
}

const SESSION_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MAX_SESSION_BYTES = 32 * 1024 * 1024;
const FOLDERS = ['sessions', 'journal', 'trash', 'set-aside'] as const;

/** A meeting left in progress, as the journal index knows it (read once, kept up to date). */
export interface JournalSummary {
  readonly header: JournalHeader;
  readonly turns: number;
  readonly endedBy?: SessionRecord['endedBy'];
}

export interface StoreOptions {
  /** The disk durable writes go through (tests make it fail). */
  readonly disk?: Disk;
  /**
   * Empty the trash and remove leftovers at open (the app's start). The
   * command line, which may run beside the app, leaves them for the app.
   */
  readonly sweep?: boolean;
}

export class SessionStore {
  private readonly rows = new Map<string, HistoryRow>();
  /** Each stored session's file size, to notice a file changed behind the index's back. */
  private readonly sizes = new Map<string, number>();
  /** `rows` newest first, kept until the next change: History asks for it page by page. */
  private sorted: HistoryRow[] | undefined;
  private readonly problemList: DataProblem[] = [];
  /** Every journal in journal/, by id: looked up here, never by reading them all again. */
  private readonly journals = new Map<string, JournalSummary>();
  readonly disk: Disk;

  private constructor(
    readonly dataDir: string,
    options: StoreOptions,
  ) {
    this.disk = options.disk ?? nodeDisk;
  }

  /**
   * Opens (creating if needed) the data folder, checks its layout, empties the
   * trash, indexes the journals and brings the history list up to date.
   * Throws a DataFolderError when the folder cannot be used at all.
   */
  static open(dataDir: string, options: StoreOptions = {}): SessionStore {
    const store = new SessionStore(dataDir, options);
    store.checkLayout();
    if (options.sweep !== false) store.sweep();
    store.loadIndex();
    store.loadJournals();
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

  /** Stores a finished session. A stored session is never overwritten. */
  save(record: SessionRecord): void {
    const checked = sessionRecordSchema.parse(record);
    const path = this.sessionPath(record.id);
    if (this.rows.has(record.id) || existsSync(path)) {
      throw new ConflictError(`The session "${record.id}" is stored already.`);
    }
    const text = JSON.stringify(checked, null, 1);
    writeFileAtomic(path, text, this.disk);
    this.rows.set(record.id, historyRowOf(checked));
    this.sizes.set(record.id, Buffer.byteLength(text));
    this.writeIndexQuietly();
  }

  get(id: string): SessionRecord {
    const path = this.sessionPath(id);
    if (!this.rows.has(id) || !existsSync(path)) throw new NotFoundError(`No session "${id}"`);
    const record = this.readRecord(path);
    if (!record) {
      this.forgetRow(id);
      throw new DamagedFileError(
        'That session could not be read: its file is damaged, so it was set aside (Settings lists what was set aside).',
      );
    }
    return record;
  }

  /** Moves a session to the trash; `undoDelete` brings it back until the app restarts. */
  delete(id: string): void {
    if (!this.rows.has(id)) throw new NotFoundError(`No session "${id}"`);
    this.disk.renameSync(this.sessionPath(id), join(this.dataDir, 'trash', `${id}.json`));
    this.forgetRow(id);
  }

  undoDelete(id: string): void {
    const trashed = join(this.dataDir, 'trash', `${this.checkId(id)}.json`);
    if (!existsSync(trashed)) throw new NotFoundError(`Session "${id}" is no longer in the trash`);
    const record = this.readRecord(trashed);
    if (!record)
      throw new DamagedFileError(`That session could not be restored: its file is damaged.`);
    this.disk.renameSync(trashed, this.sessionPath(id));
    this.rows.set(id, historyRowOf(record));
    this.sizes.set(id, statSync(this.sessionPath(id)).size);
    this.writeIndexQuietly();
  }

  journalPath(id: string): string {
    return join(this.dataDir, 'journal', `${this.checkId(id)}.jsonl`);
  }

  /** Meetings left in progress (those `include` accepts), oldest id first, from the journal index. */
  interrupted(include: (id: string) => boolean = () => true): JournalSummary[] {
    return [...this.journals.entries()]
      .filter(([id]) => include(id))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, summary]) => summary);
  }

  hasJournal(id: string): boolean {
    return SESSION_ID.test(id) && this.journals.has(id);
  }

  /** Starts the journal of a new meeting and indexes it. */
  createJournal(header: JournalHeader): JournalWriter {
    const writer = JournalWriter.create(this.journalPath(header.id), header, this.disk);
    this.journals.set(header.id, { header, turns: 0 });
    return writer;
  }

  /** Reads one journal for resuming; undefined (and set aside) if it cannot be read. */
  readJournalOf(id: string): JournalContents | undefined {
    const path = this.journalPath(id);
    try {
      return readJournal(readTextFile(path, MAX_SESSION_BYTES), this.nameOf(path));
    } catch (error) {
      this.journals.delete(id);
      this.setAside(path, this.wordsOf(error));
      return undefined;
    }
  }

  /** Replaces a journal with what was kept of it (see JournalWriter.rewrite). */
  rewriteJournal(contents: JournalContents, kept: JournalContents['turns']): JournalWriter {
    return JournalWriter.rewrite(
      this.journalPath(contents.header.id),
      contents.header,
      kept,
      this.disk,
    );
  }

  /** A live meeting was put aside: the index learns how far it got. */
  noteJournal(summary: JournalSummary): void {
    if (this.journals.has(summary.header.id)) this.journals.set(summary.header.id, summary);
  }

  /**
   * The meeting is stored as a session, or discarded: its journal is no longer
   * needed. Failing to remove it loses nothing (the next start removes a
   * journal whose session is stored), so it is reported, not thrown.
   */
  finishJournal(id: string): string | undefined {
    this.journals.delete(id);
    try {
      this.disk.rmSync(this.journalPath(id), { force: true });
      return undefined;
    } catch (error) {
      return this.wordsOf(error);
    }
  }

  private sessionPath(id: string): string {
    return join(this.dataDir, 'sessions', `${this.checkId(id)}.json`);
  }

  private checkId(id: string): string {
    // Ids become file names: never let one climb out of its folder.
    if (!SESSION_ID.test(id)) throw new NotFoundError(`"${id}" is not a session id`);
    return id;
  }

  /** A path as the user knows it: relative to the data folder. */
  nameOf(path: string): string {
    const inside = relative(this.dataDir, path);
    return inside.startsWith('..') ? basename(path) : inside;
  }

  /** An error in words, with the data folder left out of any path. */
  wordsOf(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    return message.split(this.dataDir + '/').join('');
  }

  private readRecord(path: string): SessionRecord | undefined {
    const name = this.nameOf(path);
    let value: unknown;
    try {
      value = JSON.parse(readTextFile(path, MAX_SESSION_BYTES));
    } catch (error) {
      const message = error instanceof FileError ? this.wordsOf(error) : `${name}: not valid JSON`;
      this.setAside(path, message);
      return undefined;
    }
    const parsed = sessionRecordSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') || '(top level)';
      this.setAside(path, `${name}: field "${field}": ${issue?.message ?? 'invalid'}`);
      return undefined;
    }
    if (parsed.data.id !== basename(path, '.json')) {
      this.setAside(path, `${name}: field "id" is "${parsed.data.id}", not the file's name`);
      return undefined;
    }
    return parsed.data as SessionRecord;
  }

  /** Moves a file that cannot be used into set-aside/, with a message Settings lists. */
  setAside(path: string, message: string): void {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const movedTo = join(this.dataDir, 'set-aside', `${stamp}-${basename(path)}`);
    try {
      renameSync(path, movedTo);
      this.problemList.push({ file: path, movedTo, message });
    } catch (error) {
      this.problemList.push({
        file: path,
        movedTo: '',
        message: `${message} (could not move it aside: ${this.wordsOf(error)})`,
      });
    }
  }

  /**
   * Each folder must be a folder. A file in its place is renamed out of the way
   * (nothing is deleted) and an empty folder made, with one message; when even
   * that is impossible the data folder cannot be used, said in one sentence.
   */
  private checkLayout(): void {
    const kind = kindOf(this.dataDir);
    if (kind === 'file') {
      throw new DataFolderError(
        `The data folder ${this.dataDir} is a file, not a folder. Choose another with --data-dir, or move the file away.`,
      );
    }
    try {
      if (kind === 'missing') mkdirSync(this.dataDir, { recursive: true });
      for (const dir of FOLDERS) {
        const path = join(this.dataDir, dir);
        if (kindOf(path) === 'file') {
          const stamp = new Date().toISOString().replace(/[:.]/g, '-');
          const movedTo = join(this.dataDir, `${dir}.not-a-folder-${stamp}`);
          renameSync(path, movedTo);
          this.problemList.push({
            file: path,
            movedTo,
            message: `${dir} was a file where the ${dir} folder belongs; it was renamed ${basename(movedTo)} and an empty folder made.`,
          });
        }
        mkdirSync(path, { recursive: true });
      }
    } catch (error) {
      throw new DataFolderError(
        `The data folder ${this.dataDir} cannot be used: ${this.wordsOf(error)}.`,
      );
    }
  }

  /** Removes what a previous run left half-done: temporary files, and the trash (undo lasts one run). */
  private sweep(): void {
    const remove = (path: string) => {
      try {
        rmSync(path, { force: true });
      } catch {
        // A read-only folder keeps its leftovers; they are harmless.
      }
    };
    for (const dir of ['', 'sessions', 'journal']) {
      for (const name of readdirSync(join(this.dataDir, dir))) {
        if (isLeftoverTemp(name)) remove(join(this.dataDir, dir, name));
      }
    }
    for (const name of readdirSync(join(this.dataDir, 'trash'))) {
      remove(join(this.dataDir, 'trash', name));
    }
  }

  private loadIndex(): void {
    const indexPath = join(this.dataDir, 'history.json');
    let trusted = false;
    if (existsSync(indexPath)) {
      try {
        const value: unknown = JSON.parse(readTextFile(indexPath, MAX_SESSION_BYTES * 4));
        const parsed = historyIndexSchema.safeParse(value);
        if (parsed.success && parsed.data.digest === indexDigest(parsed.data.rows)) {
          trusted = true;
          for (const row of parsed.data.rows) {
            const size = parsed.data.sizes[row.id];
            if (size === undefined) continue;
            this.rows.set(row.id, row);
            this.sizes.set(row.id, size);
          }
        } else if (!isFirstFormat(value)) {
          // A hand-edited or damaged list: the files say what is true.
          this.setAside(
            indexPath,
            'history.json did not match the stored sessions; it was rebuilt from them',
          );
        }
      } catch {
        this.setAside(
          indexPath,
          'history.json is not valid JSON; it was rebuilt from the sessions',
        );
      }
    }
    let changed = !trusted;
    // The sessions folder is the truth: add what the list misses, drop what is
    // gone, and re-read any file whose size is not what the list says.
    const onDisk = new Set(
      readdirSync(join(this.dataDir, 'sessions'))
        .filter((name) => name.endsWith('.json'))
        .map((name) => name.slice(0, -'.json'.length)),
    );
    for (const id of [...this.rows.keys()]) {
      if (!onDisk.has(id)) {
        this.rows.delete(id);
        this.sizes.delete(id);
        changed = true;
      }
    }
    for (const id of onDisk) {
      const path = join(this.dataDir, 'sessions', `${id}.json`);
      if (this.rows.has(id)) {
        if (sizeOf(path) === this.sizes.get(id)) continue;
        this.rows.delete(id);
        this.sizes.delete(id);
      }
      changed = true;
      if (!SESSION_ID.test(id)) {
        this.setAside(path, `sessions/${id}.json: not a session file name`);
        continue;
      }
      const record = this.readRecord(path);
      if (record) {
        this.rows.set(id, historyRowOf(record));
        this.sizes.set(id, sizeOf(path) ?? 0);
      }
    }
    if (changed) this.writeIndexQuietly();
  }

  /**
   * Reads every journal once. A journal whose session is stored is left over
   * from an ending that stopped half-way (the session was saved, the journal
   * not yet removed): the session is the truth, so the journal goes.
   */
  private loadJournals(): void {
    for (const name of readdirSync(join(this.dataDir, 'journal')).sort()) {
      if (!name.endsWith('.jsonl')) continue;
      const id = name.slice(0, -'.jsonl'.length);
      const path = join(this.dataDir, 'journal', name);
      if (!SESSION_ID.test(id)) {
        this.setAside(path, `journal/${name}: not a journal file name`);
        continue;
      }
      if (this.rows.has(id)) {
        rmSync(path, { force: true });
        continue;
      }
      let contents: JournalContents;
      try {
        contents = readJournal(readTextFile(path, MAX_SESSION_BYTES), this.nameOf(path));
      } catch (error) {
        this.setAside(path, this.wordsOf(error));
        continue;
      }
      if (contents.header.id !== id) {
        this.setAside(path, `journal/${name}: its start line names "${contents.header.id}"`);
        continue;
      }
      this.journals.set(id, {
        header: contents.header,
        turns: contents.turns.length,
        ...(contents.endedBy ? { endedBy: contents.endedBy } : {}),
      });
    }
  }

  private forgetRow(id: string): void {
    this.rows.delete(id);
    this.sizes.delete(id);
    this.writeIndexQuietly();
  }

  /**
   * The index is a cache of the session files: failing to write it (a full
   * disk) loses nothing, since the next start rebuilds it from the files.
   */
  private writeIndexQuietly(): void {
    this.sorted = undefined;
    const rows = [...this.rows.values()];
    try {
      writeFileAtomic(
        join(this.dataDir, 'history.json'),
        JSON.stringify({
          version: 2,
          digest: indexDigest(rows),
          sizes: Object.fromEntries(this.sizes),
          rows,
        }),
        this.disk,
      );
    } catch {
      // Rebuilt from sessions/ at the next start (its digest or sizes will not match).
      rmSync(join(this.dataDir, 'history.json'), { force: true });
    }
  }
}

function indexDigest(rows: readonly HistoryRow[]): string {
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 32);
}

/** The list as the first version wrote it (no digest): rebuilt quietly, it was not damaged. */
function isFirstFormat(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    'version' in value &&
    value.version === 1 &&
    'rows' in value &&
    historyRowSchema.array().safeParse(value.rows).success
  );
}

function sizeOf(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}
