// The turn journal: every turn the rep saw answered is on disk before the
// answer is shown, so after a kill the journal holds every acknowledged turn,
// at most a torn last line is dropped, and anything else wrong with the file
// is an error naming the file and line, never a crash or a silent loss.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  JournalError,
  JournalWriter,
  readJournal,
  type JournalHeader,
  type JournalTurn,
} from '../../../../src-main/services/storage/journal';
import { pause, startFixture } from './fixtures/child';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'first-meeting-journal-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const header: JournalHeader = {
  type: 'start',
  version: 1,
  id: '20260101-120000-ab12cd34',
  scenarioId: 'light-stack-leader',
  scenarioTitle: 'The light-stack sales leader',
  scenarioDigest: '0123456789abcdef',
  difficulty: 'hard',
  mode: 'exam',
  seed: 12345,
  reps: ['Ana'],
  startedAt: '2026-01-01T12:00:00.000Z',
};

function turn(n: number, rep = `Reply ${n}: what matters most to you?`): JournalTurn {
  return {
    type: 'turn',
    n,
    rep,
    repName: 'Ana',
    source: n % 2 ? 'typed' : 'spoken',
    at: n * 1500,
    buyer: `Answer ${n}, with "quotes" and a\nnewline`,
  };
}

const line = (value: unknown) => `${JSON.stringify(value)}\n`;

function journalError(text: string, file = 'meeting.jsonl'): string {
  try {
    readJournal(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(JournalError);
    return (error as Error).message;
  }
  throw new Error('expected a JournalError');
}

describe('writing and reading a journal', () => {
  it('reads back the header and every turn appended, in order', () => {
    const path = join(dir, 'round-trip.jsonl');
    const writer = JournalWriter.create(path, header);
    const turns = [turn(1), turn(2), turn(3, 'Café? 🎯 "quoted" \\ back\\slash')];
    for (const t of turns) writer.append(t);
    writer.close();
    const contents = readJournal(readFileSync(path, 'utf8'), path);
    expect(contents).toEqual({ header, turns, tornTail: false });
  });

  it('a journal with only its start line has no turns', () => {
    const path = join(dir, 'header-only.jsonl');
    JournalWriter.create(path, header).close();
    expect(readJournal(readFileSync(path, 'utf8'), path)).toEqual({
      header,
      turns: [],
      tornTail: false,
    });
  });

  it('never overwrites an existing journal', () => {
    const path = join(dir, 'exists.jsonl');
    const first = JournalWriter.create(path, header);
    first.append(turn(1));
    first.close();
    const before = readFileSync(path, 'utf8');
    expect(() => JournalWriter.create(path, { ...header, seed: 1 })).toThrow(/EEXIST/);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('refuses to write a turn that would not read back, and keeps the journal readable', () => {
    const path = join(dir, 'bad-turn.jsonl');
    const writer = JournalWriter.create(path, header);
    writer.append(turn(1));
    expect(() =>
      writer.append({ ...turn(2), source: 'telepathy' } as unknown as JournalTurn),
    ).toThrow();
    expect(() => writer.append({ ...turn(2), at: -1 })).toThrow();
    writer.close();
    expect(readJournal(readFileSync(path, 'utf8'), path).turns).toEqual([turn(1)]);
  });

  it('a closed journal refuses more turns with an error naming the file', () => {
    const path = join(dir, 'closed.jsonl');
    const writer = JournalWriter.create(path, header);
    writer.close();
    writer.close();
    expect(() => writer.append(turn(1))).toThrow(JournalError);
    expect(() => writer.append(turn(1))).toThrow(path);
  });

  it('rewrite replaces a journal with the turns kept and goes on appending after them', () => {
    const path = join(dir, 'rewrite.jsonl');
    writeFileSync(path, `${line(header)}${line(turn(1))}${line(turn(2))}{"type":"tu`);
    const writer = JournalWriter.rewrite(path, header, [turn(1), turn(2)]);
    writer.append(turn(3));
    writer.close();
    expect(readJournal(readFileSync(path, 'utf8'), path)).toEqual({
      header,
      turns: [turn(1), turn(2), turn(3)],
      tornTail: false,
    });
  });
});

describe('reading a damaged journal', () => {
  const good = `${line(header)}${line(turn(1))}${line(turn(2))}`;

  it('a torn last line (a write cut short) is dropped and reported as torn, not an error', () => {
    for (const torn of [
      '{',
      '{"type":"turn","n":3,"rep":"half a rep',
      line(turn(3)).slice(0, -2),
    ]) {
      const contents = readJournal(good + torn, 'meeting.jsonl');
      expect(contents.turns).toEqual([turn(1), turn(2)]);
      expect(contents.tornTail).toBe(true);
    }
  });

  it('a corrupted line in the middle is an error naming the file and line', () => {
    const text = `${line(header)}${line(turn(1))}{"type":"turn","n":2,"re\n${line(turn(3))}`;
    expect(journalError(text, '/data/journal/x.jsonl')).toMatch(
      /^\/data\/journal\/x\.jsonl:3: not valid JSON/,
    );
  });

  it('a turn with a field of the wrong type is an error naming the line and the field', () => {
    const text = `${line(header)}${line({ ...turn(1), at: 'soon' })}`;
    expect(journalError(text)).toMatch(/^meeting\.jsonl:2: field "at": /);
  });

  it('turns out of order or repeated are an error naming the line', () => {
    expect(journalError(`${line(header)}${line(turn(1))}${line(turn(3))}`)).toMatch(
      /^meeting\.jsonl:3: turn 3 where turn 2 was expected/,
    );
    expect(journalError(`${line(header)}${line(turn(1))}${line(turn(1))}`)).toMatch(
      /^meeting\.jsonl:3: turn 1 where turn 2 was expected/,
    );
    expect(journalError(`${line(header)}${line(turn(2))}`)).toMatch(
      /^meeting\.jsonl:2: turn 2 where turn 1 was expected/,
    );
  });

  it('an empty file, or one with only a torn start, is an error naming the file', () => {
    expect(journalError('', 'empty.jsonl')).toMatch(/^empty\.jsonl: empty journal/);
    expect(journalError('{"type":"sta', 'torn.jsonl')).toMatch(/^torn\.jsonl: empty journal/);
  });

  it('a first line that is not a start line is an error naming line 1', () => {
    expect(journalError(`${line(turn(1))}`)).toMatch(/^meeting\.jsonl:1: /);
    expect(journalError(`${line({ ...header, difficulty: 'insane' })}`)).toMatch(
      /^meeting\.jsonl:1: field "difficulty"/,
    );
    expect(journalError(`${line({ ...header, extra: true })}`)).toMatch(/^meeting\.jsonl:1: /);
  });
});

describe('killed while appending', () => {
  it('the journal holds at least every acknowledged turn, numbered from 1, and at most a torn tail', async () => {
    const paths = ['killed-1.jsonl', 'killed-2.jsonl'].map((n) => join(dir, n));
    // Two meetings side by side, each killed after a random number of turns.
    const results = await Promise.all(
      paths.map(async (path) => {
        const appender = startFixture('journal-appender.mjs', [path]);
        const target = 1 + Math.floor(Math.random() * 30);
        await appender.waitForLine((l) => l === `ack ${target}`);
        await pause(Math.floor(Math.random() * 10));
        await appender.kill();
        const acks = appender.lines
          .filter((l) => l.startsWith('ack '))
          .map((l) => Number(l.slice(4)));
        return { path, acknowledged: Math.max(...acks) };
      }),
    );
    for (const { path, acknowledged } of results) {
      const contents = readJournal(readFileSync(path, 'utf8'), path);
      expect(contents.header.id).toBe('killed-meeting');
      expect(contents.turns.length).toBeGreaterThanOrEqual(acknowledged);
      expect(contents.turns.map((t) => t.n)).toEqual(
        Array.from({ length: contents.turns.length }, (_, i) => i + 1),
      );
      for (const t of contents.turns) expect(t.rep.startsWith(`${t.n}: `)).toBe(true);
      // Whatever else is there can only be one line cut short, and dropping it keeps the rest.
      const text = readFileSync(path, 'utf8');
      expect(text.split('\n').length - 1).toBe(1 + contents.turns.length);
      // Continuing the meeting goes on from the kept turns, the torn line gone.
      const next = contents.turns.length + 1;
      const writer = JournalWriter.rewrite(path, contents.header, contents.turns);
      writer.append(turn(next, `${next}: after the crash`));
      writer.close();
      const resumed = readJournal(readFileSync(path, 'utf8'), path);
      expect(resumed.tornTail).toBe(false);
      expect(resumed.turns.map((t) => t.n)).toEqual(Array.from({ length: next }, (_, i) => i + 1));
    }
  });
});
