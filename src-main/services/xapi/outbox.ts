// The outbox: every statement is written to the data folder before anything
// tries to send it, one file per statement named by its id, atomically and
// flushed, so a crash or a kill at any point loses nothing. A statement leaves
// the outbox only once the store has answered that it holds it; one the store
// refused (400) moves to the set-aside folder with the store's message.
// Resending after a kill is safe: the ids are the same and the store keeps one.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Statement } from '@xapi/xapi';
import { isLeftoverTemp, syncFolder, writeFileAtomic } from '../storage/atomic';
import { nodeDisk, type Disk } from '../storage/disk';

const STATEMENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface Waiting {
  readonly id: string;
  readonly queuedAt: string;
  readonly statement: Statement;
}

export interface SetAside extends Waiting {
  readonly setAsideAt: string;
  /** What the store said about it. */
  readonly message: string;
}

export interface OutboxOptions {
  readonly disk?: Disk;
  readonly now?: () => Date;
}

export class Outbox {
  readonly waitingDir: string;
  readonly setAsideDir: string;
  private readonly disk: Disk;
  private readonly now: () => Date;

  constructor(
    readonly dir: string,
    options: OutboxOptions = {},
  ) {
    this.waitingDir = join(dir, 'outbox');
    this.setAsideDir = join(dir, 'set-aside');
    this.disk = options.disk ?? nodeDisk;
    this.now = options.now ?? (() => new Date());
  }

  /** The data folder's outbox. */
  static in(dataDir: string, options: OutboxOptions = {}): Outbox {
    return new Outbox(join(dataDir, 'xapi'), options);
  }

  /**
   * Writes each statement that is not already waiting; durable when this
   * returns. A statement already set aside is not queued again (the store
   * refused it; it waits there for a person). Returns how many were added.
   */
  add(statements: readonly Statement[]): number {
    mkdirSync(this.waitingDir, { recursive: true });
    let added = 0;
    const queuedAt = this.now().toISOString();
    for (const statement of statements) {
      const id = statement.id;
      if (!id || !STATEMENT_ID.test(id))
        throw new Error('a statement without a UUID id cannot be queued');
      if (existsSync(this.fileOf(id)) || existsSync(join(this.setAsideDir, `${id}.json`))) continue;
      const entry: Waiting = { id, queuedAt, statement };
      writeFileAtomic(this.fileOf(id), `${JSON.stringify(entry)}\n`, this.disk);
      added++;
    }
    return added;
  }

  /** Everything waiting, oldest first (ties by id); a damaged file is skipped, not removed. */
  waiting(): Waiting[] {
    const entries: Waiting[] = [];
    for (const name of this.names(this.waitingDir)) {
      const entry = this.read(join(this.waitingDir, name));
      if (entry) entries.push(entry);
    }
    return entries.sort((a, b) =>
      a.queuedAt === b.queuedAt ? (a.id < b.id ? -1 : 1) : a.queuedAt < b.queuedAt ? -1 : 1,
    );
  }

  waitingCount(): number {
    return this.names(this.waitingDir).length;
  }

  setAside(): SetAside[] {
    return this.names(this.setAsideDir)
      .map((name) => this.read(join(this.setAsideDir, name)) as SetAside | undefined)
      .filter((entry): entry is SetAside => entry !== undefined && 'message' in entry);
  }

  setAsideCount(): number {
    return this.names(this.setAsideDir).length;
  }

  /** The store holds these: they leave the outbox. */
  delivered(ids: readonly string[]): void {
    for (const id of ids) this.disk.rmSync(this.fileOf(id), { force: true });
    if (ids.length > 0) syncFolder(this.waitingDir);
  }

  /** The store refused this one: keep it, with the store's words, out of the way of the rest. */
  refuse(entry: Waiting, message: string): void {
    mkdirSync(this.setAsideDir, { recursive: true });
    const kept: SetAside = { ...entry, setAsideAt: this.now().toISOString(), message };
    writeFileAtomic(
      join(this.setAsideDir, `${entry.id}.json`),
      `${JSON.stringify(kept)}\n`,
      this.disk,
    );
    this.disk.rmSync(this.fileOf(entry.id), { force: true });
    syncFolder(this.waitingDir);
  }

  private fileOf(id: string): string {
    return join(this.waitingDir, `${id}.json`);
  }

  private names(dir: string): string[] {
    try {
      return readdirSync(dir).filter((n) => n.endsWith('.json') && !isLeftoverTemp(n));
    } catch {
      return [];
    }
  }

  private read(path: string): Waiting | undefined {
    try {
      const entry = JSON.parse(readFileSync(path, 'utf8')) as Waiting;
      return typeof entry.id === 'string' && entry.statement ? entry : undefined;
    } catch {
      return undefined;
    }
  }
}
