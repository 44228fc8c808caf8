// The turn journal: one file per meeting in progress, one JSON line per event,
// each wholly on disk (written in full and flushed) before the buyer's answer
// is shown. After a crash the journal holds every acknowledged turn; a line cut
// short by the crash was never acknowledged, so it is dropped, and anything
// else malformed is an error that names the file and line. A write that fails
// (a full or read-only disk) is taken back, so the journal stays as it was and
// the same reply can be sent again.
//
// Ending a meeting writes an `end` line first: a meeting whose journal has one
// was ended, by whom it says, even if the app stopped before storing it.
import { z } from 'zod';
import { DIFFICULTIES } from '../../core/scenarios/schema';
import { syncFolder, writeFileAtomic } from './atomic';
import { nodeDisk, writeAll, type Disk } from './disk';
import { dirname } from 'node:path';
import type { SessionRecord, SpokenTiming } from '../../contract/api';

export const journalHeader = z.strictObject({
  type: z.literal('start'),
  version: z.literal(1),
  id: z.string().min(1).max(64),
  scenarioId: z.string().min(1).max(64),
  scenarioTitle: z.string().max(500),
  /** A digest of the scenario as it was, to notice when it has changed since. */
  scenarioDigest: z.string().max(128),
  difficulty: z.enum(DIFFICULTIES),
  mode: z.enum(['coach', 'exam']),
  seed: z.number().int(),
  reps: z.array(z.string().max(200)).min(1).max(50),
  startedAt: z.string().max(64),
  replayOf: z
    .strictObject({ sessionId: z.string().max(64), fromTurn: z.number().int() })
    .optional(),
  /** Who practised (learners.json). */
  learnerId: z.string().max(80).optional(),
  /** A meeting drill: judged from the report when the meeting is stored. */
  drill: z
    .strictObject({
      drillId: z.string().max(80),
      trackId: z.string().max(80).optional(),
      moduleId: z.string().max(80).optional(),
    })
    .optional(),
});
export type JournalHeader = z.infer<typeof journalHeader>;

/** When a spoken reply was said; shared with the stored session's schema. */
export const spokenTiming = z.strictObject({
  startMs: z.number().min(0),
  endMs: z.number().min(0),
  patienceMs: z.number().min(0).nullable(),
  engine: z.enum(['pocketsphinx', 'whisper']),
}) satisfies z.ZodType<SpokenTiming, unknown>;

export const journalTurn = z.strictObject({
  type: z.literal('turn'),
  n: z.number().int().min(1),
  rep: z.string().max(20_000),
  repName: z.string().max(200),
  source: z.enum(['typed', 'spoken']),
  at: z.number().min(0),
  /** What the buyer answered, to notice a replay that no longer matches. */
  buyer: z.string().max(20_000),
  /** Spoken replies: when the rep spoke, from the audio. */
  speech: spokenTiming.optional(),
});
export type JournalTurn = z.infer<typeof journalTurn>;

export const journalEnd = z.strictObject({
  type: z.literal('end'),
  endedBy: z.enum(['buyer', 'rep', 'recovery']),
});
export type JournalEnd = z.infer<typeof journalEnd>;

export class JournalError extends Error {
  override readonly name = 'JournalError';
}

export interface JournalContents {
  readonly header: JournalHeader;
  readonly turns: readonly JournalTurn[];
  readonly tornTail: boolean;
  /** Set when the meeting was ended: who ended it. */
  readonly endedBy?: SessionRecord['endedBy'];
}

/**
 * The lines of a JSON-lines journal, each parsed, with where it is
 * (`file:line`). A journal always ends with a newline, so a last piece without
 * one is a torn write (`tornTail`); any other line that is not JSON is a
 * JournalError naming the file and line.
 */
export function journalLines(
  text: string,
  file: string,
): { lines: { value: unknown; where: string; index: number }[]; tornTail: boolean } {
  const raw = text.split('\n');
  const tail = raw.pop() ?? '';
  if (raw.length === 0) throw new JournalError(`${file}: empty journal (no start line)`);
  const lines = raw.map((line, index) => {
    const where = `${file}:${index + 1}`;
    try {
      return { value: JSON.parse(line) as unknown, where, index };
    } catch {
      throw new JournalError(`${where}: not valid JSON`);
    }
  });
  return { lines, tornTail: tail.length > 0 };
}

/** Checks one journal line against its schema; a JournalError names the file, line and field. */
export function journalLine<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new JournalError(`${where}: ${describe(parsed.error)}`);
  return parsed.data;
}

/** Reads a journal's text. Throws a JournalError naming `file` and the line for anything but a torn last line. */
export function readJournal(text: string, file: string): JournalContents {
  const { lines, tornTail } = journalLines(text, file);
  let header: JournalHeader | undefined;
  let endedBy: SessionRecord['endedBy'] | undefined;
  const turns: JournalTurn[] = [];
  for (const { value, where, index } of lines) {
    if (index === 0) {
      header = journalLine(journalHeader, value, where);
      continue;
    }
    if (endedBy !== undefined) throw new JournalError(`${where}: a line after the meeting ended`);
    const ending = journalEnd.safeParse(value);
    if (ending.success) {
      endedBy = ending.data.endedBy;
      continue;
    }
    const turn = journalLine(journalTurn, value, where);
    if (turn.n !== turns.length + 1) {
      throw new JournalError(
        `${where}: turn ${turn.n} where turn ${turns.length + 1} was expected`,
      );
    }
    turns.push(turn);
  }
  if (!header) throw new JournalError(`${file}:1: no start line`);
  return {
    header,
    turns,
    tornTail,
    ...(endedBy !== undefined ? { endedBy } : {}),
  };
}

/** A schema's first complaint in words: the field, then what was wrong. */
export function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return `${issue.path.length ? `field "${issue.path.join('.')}": ` : ''}${issue.message}`;
}

/**
 * An append-only file of JSON lines: every append is wholly on disk (written
 * and flushed) when it returns, or throws and leaves the file as it was. The
 * turn journal and the team journal are both made of it.
 */
export class LineLog {
  private constructor(
    readonly path: string,
    private fd: number | undefined,
    /** Bytes known to be whole lines on disk; a failed append is cut back to this. */
    private size: number,
    private readonly disk: Disk,
  ) {}

  /** Starts a new file with its first line; never overwrites one. A file that cannot get its first line is removed. */
  static create(path: string, first: unknown, disk: Disk = nodeDisk): LineLog {
    // Append mode: after a failed line is cut back, the next one lands at the new end.
    const fd = disk.openSync(path, 'ax', 0o600);
    const log = new LineLog(path, fd, 0, disk);
    try {
      log.append(first);
    } catch (error) {
      log.close();
      disk.rmSync(path, { force: true });
      throw error;
    }
    syncFolder(dirname(path));
    return log;
  }

  /** Replaces the file atomically with these lines and goes on appending to it. */
  static rewrite(path: string, lines: readonly unknown[], disk: Disk = nodeDisk): LineLog {
    const text = lines.map((line) => `${JSON.stringify(line)}\n`).join('');
    writeFileAtomic(path, text, disk);
    return new LineLog(path, disk.openSync(path, 'a', 0o600), Buffer.byteLength(text), disk);
  }

  append(value: unknown): void {
    if (this.fd === undefined) throw new JournalError(`${this.path}: journal is closed`);
    const fd = this.fd;
    const line = Buffer.from(`${JSON.stringify(value)}\n`, 'utf8');
    try {
      // A line that was taken back only partly is cut off first.
      if (this.disk.fstatSync(fd).size !== this.size) this.cutBack(fd);
      writeAll(this.disk, fd, line);
      this.disk.fsyncSync(fd);
    } catch (error) {
      try {
        this.cutBack(fd);
      } catch {
        // The next write tries again before it appends; a restart drops a torn last line.
      }
      throw error;
    }
    this.size += line.length;
  }

  close(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    try {
      this.disk.closeSync(fd);
    } catch {
      // Every acknowledged line was flushed already; nothing more to keep.
    }
  }

  private cutBack(fd: number): void {
    this.disk.ftruncateSync(fd, this.size);
    this.disk.fsyncSync(fd);
  }
}

/** Appends to one meeting's journal; every append is wholly on disk when it returns, or throws and leaves the journal as it was. */
export class JournalWriter {
  private constructor(private readonly log: LineLog) {}

  get path(): string {
    return this.log.path;
  }

  /** Starts a new journal; never overwrites one. A journal that cannot get its start line is removed. */
  static create(path: string, header: JournalHeader, disk: Disk = nodeDisk): JournalWriter {
    return new JournalWriter(LineLog.create(path, journalHeader.parse(header), disk));
  }

  /**
   * Continues a journal from what was kept of it (a torn last line or turns
   * that no longer replay are left out), replacing the file atomically.
   */
  static rewrite(
    path: string,
    header: JournalHeader,
    turns: readonly JournalTurn[],
    disk: Disk = nodeDisk,
  ): JournalWriter {
    const lines = [journalHeader.parse(header), ...turns.map((t) => journalTurn.parse(t))];
    return new JournalWriter(LineLog.rewrite(path, lines, disk));
  }

  append(turn: JournalTurn): void {
    this.log.append(journalTurn.parse(turn));
  }

  /** Marks the meeting as ended by `endedBy`; the last line a journal gets. */
  end(endedBy: JournalEnd['endedBy']): void {
    this.log.append(journalEnd.parse({ type: 'end', endedBy }));
  }

  close(): void {
    this.log.close();
  }
}
