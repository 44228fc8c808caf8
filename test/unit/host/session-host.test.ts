// The session host as both shells run it (composeHost against a real data
// folder): every reply is on disk before the buyer's answer is returned, a
// crash loses no acknowledged turn, an interrupted meeting resumes exactly
// where it stood or is scored as it was, finished sessions replay from any
// turn, and exports read back.
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, hostsClosedAfterEach, send, stored } from '../support/host';
import { freshFolders } from '../support/folders';
import type { CallArgs, SessionRecord, SessionView } from '../../../src-main/contract/api';
import { type ComposedHost } from '../../../src-main/host/compose';
import { readJournal } from '../../../src-main/services/storage/journal';
import { LIGHT_STACK_VALUE_SCRIPT } from '../../fixtures/replies';

const hostOn = hostsClosedAfterEach();
const freshDataDir = freshFolders('host');

const REPLIES = LIGHT_STACK_VALUE_SCRIPT.slice(0, 4);
const PAGE = { offset: 0, limit: 50 };
const START = { scenarioId: 'light-stack-leader', difficulty: 'normal', mode: 'coach' } as const;

/** Starts a meeting and gives `replies` of the value script; answers every view along the way. */
async function meetingWith(
  composed: ComposedHost,
  replies: number,
  start: CallArgs<'session.start'> = START,
): Promise<SessionView[]> {
  const views = [await call(composed, 'session.start', start)];
  for (const text of REPLIES.slice(0, replies)) {
    const id = views[0]?.id ?? '';
    views.push(await call(composed, 'session.reply', { sessionId: id, text, source: 'typed' }));
  }
  return views;
}

const journalFile = (dataDir: string, id: string) => join(dataDir, 'journal', `${id}.jsonl`);
const last = <T>(items: readonly T[]): T => {
  const item = items[items.length - 1];
  if (item === undefined) throw new Error('empty');
  return item;
};

/** What the rep saw of each turn. */
const conversation = (turns: readonly { rep: string; buyer: string }[]) =>
  turns.map(({ rep, buyer }) => ({ rep, buyer }));

describe('a meeting in progress', () => {
  it('each reply is in the journal, after its header, by the time the answer comes back', async () => {
    const dataDir = freshDataDir();
    const composed = hostOn(dataDir);
    const started = await call(composed, 'session.start', START);
    expect(started.turns).toEqual([]);
    expect(started.ended).toBe(false);
    const path = journalFile(dataDir, started.id);
    expect(readJournal(readFileSync(path, 'utf8'), path)).toMatchObject({
      header: { type: 'start', id: started.id, scenarioId: 'light-stack-leader', mode: 'coach' },
      turns: [],
      tornTail: false,
    });

    for (const [index, text] of REPLIES.entries()) {
      const view = await call(composed, 'session.reply', {
        sessionId: started.id,
        text,
        source: 'typed',
      });
      // Read straight after the call returns: the turn is already on disk.
      const journal = readJournal(readFileSync(path, 'utf8'), path);
      expect(journal.turns).toHaveLength(index + 1);
      expect(last(journal.turns)).toMatchObject({
        n: index + 1,
        rep: text,
        source: 'typed',
        buyer: last(view.turns).buyer,
      });
      expect(view.turns).toHaveLength(index + 1);
      expect(last(view.turns).buyer.length).toBeGreaterThan(0);
    }
  });

  it('ending it stores the session, removes its journal and lists it in the history', async () => {
    const dataDir = freshDataDir();
    const composed = hostOn(dataDir);
    const views = await meetingWith(composed, 3);
    const id = last(views).id;
    const record = stored(await call(composed, 'session.end', { sessionId: id }));
    expect(record).toMatchObject({ id, endedBy: 'rep', reps: ['Rep'], mode: 'coach' });
    expect(conversation(record.turns)).toEqual(conversation(last(views).turns));
    expect(existsSync(journalFile(dataDir, id))).toBe(false);
    expect(readdirSync(join(dataDir, 'journal'))).toEqual([]);
    expect(existsSync(join(dataDir, 'sessions', `${id}.json`))).toBe(true);
    expect(await call(composed, 'history.get', { sessionId: id })).toEqual(record);
    const page = await call(composed, 'history.list', PAGE);
    expect(page.total).toBe(1);
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]).toMatchObject({ id, turns: 3, overall: record.report.overall });
    expect(await call(composed, 'session.current', undefined)).toBeNull();
    // It is over: no more replies.
    const again = await send(composed, 'session.reply', {
      sessionId: id,
      text: 'Hello?',
      source: 'typed',
    });
    expect(again).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('coach mode shows how each reply was read and the meters; exam mode hides both', async () => {
    const composed = hostOn(freshDataDir());
    const coach = last(await meetingWith(composed, 2, { ...START, mode: 'coach' }));
    expect(Object.keys(coach.meters ?? {}).sort()).toEqual(['interest', 'patience', 'trust']);
    for (const turn of coach.turns) {
      expect(turn.behavior).toEqual(expect.any(String));
      expect(turn.group).toEqual(expect.any(String));
      expect(turn.meters).toEqual(expect.any(Object));
    }
    const exam = last(await meetingWith(composed, 2, { ...START, mode: 'exam' }));
    expect(exam.mode).toBe('exam');
    expect(exam).not.toHaveProperty('meters');
    expect(exam.turns).toHaveLength(2);
    for (const turn of exam.turns) {
      expect(turn).not.toHaveProperty('behavior');
      expect(turn).not.toHaveProperty('group');
      expect(turn).not.toHaveProperty('meters');
    }
    expect(JSON.stringify(exam)).not.toMatch(/"(trust|interest|patience)":/);
    // The report after an exam has everything.
    const record = stored(await call(composed, 'session.end', { sessionId: exam.id }));
    expect(record.turns.every((t) => typeof t.behavior === 'string')).toBe(true);
  });

  it('the rep name from the settings names the rep and every turn', async () => {
    const composed = hostOn(freshDataDir());
    await call(composed, 'settings.set', { repName: '  Ana Ruiz ' });
    const view = last(await meetingWith(composed, 2));
    expect(view.reps).toEqual(['Ana Ruiz']);
    expect(view.turns.map((t) => t.repName)).toEqual(['Ana Ruiz', 'Ana Ruiz']);
    const record = stored(await call(composed, 'session.end', { sessionId: view.id }));
    expect(record.turns.map((t) => t.repName)).toEqual(['Ana Ruiz', 'Ana Ruiz']);
    expect((await call(composed, 'history.list', PAGE)).rows[0]?.reps).toEqual(['Ana Ruiz']);
  });

  it('a reply with no words is refused as invalid and not journalled', async () => {
    const dataDir = freshDataDir();
    const composed = hostOn(dataDir);
    const view = last(await meetingWith(composed, 1));
    const envelope = await send(composed, 'session.reply', {
      sessionId: view.id,
      text: ' \u200b ?! ',
      source: 'typed',
    });
    expect(envelope).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    const path = journalFile(dataDir, view.id);
    expect(readJournal(readFileSync(path, 'utf8'), path).turns).toHaveLength(1);
  });

  it('a reply to a meeting that does not exist is not_found', async () => {
    const composed = hostOn(freshDataDir());
    expect(
      await send(composed, 'session.reply', {
        sessionId: '20260101-000000-00000000',
        text: 'Hello',
        source: 'typed',
      }),
    ).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('app.info says which shell and version, and where the data is', async () => {
    const dataDir = freshDataDir();
    const info = await call(hostOn(dataDir), 'app.info', undefined);
    expect(info).toMatchObject({
      shell: 'browser',
      version: '0.0.0-test',
      dataDir,
      problems: [],
      interrupted: [],
      logFile: join(dataDir, 'logs', 'first-meeting.log'),
    });
  });
});

describe('after a crash', () => {
  it('the meeting is offered as interrupted, with every turn, and resumes exactly where it stood', async () => {
    const dataDir = freshDataDir();
    const before = hostOn(dataDir);
    const views = await meetingWith(before, 3);
    const stood = last(views);

    // No close, no end: the app just stopped. A new host on the same folder.
    const after = hostOn(dataDir);
    const info = await call(after, 'app.info', undefined);
    expect(info.interrupted).toEqual([
      {
        id: stood.id,
        scenarioTitle: stood.scenario.title,
        difficulty: 'normal',
        startedAt: stood.startedAt,
        turns: 3,
      },
    ]);
    // Replying before resuming is refused, not silently started over.
    expect(
      await send(after, 'session.reply', { sessionId: stood.id, text: 'Hello?', source: 'typed' }),
    ).toMatchObject({ ok: false, error: { kind: 'conflict' } });

    const resumed = await call(after, 'recovery.resume', { sessionId: stood.id });
    expect(resumed.opening).toBe(stood.opening);
    expect(resumed.turns).toEqual(stood.turns);
    expect(resumed.meters).toEqual(stood.meters);
    expect(resumed).not.toHaveProperty('notice');
    expect((await call(after, 'app.info', undefined)).interrupted).toEqual([]);
    expect(await call(after, 'session.current', undefined)).toEqual(resumed);

    // And it goes on as the original would have.
    const next = await call(after, 'session.reply', {
      sessionId: stood.id,
      text: REPLIES[3] ?? '',
      source: 'typed',
    });
    expect(next.turns).toHaveLength(4);
    const original = await call(before, 'session.reply', {
      sessionId: stood.id,
      text: REPLIES[3] ?? '',
      source: 'typed',
    });
    expect(conversation(next.turns)).toEqual(conversation(original.turns));
    expect(next.meters).toEqual(original.meters);
    const path = journalFile(dataDir, stood.id);
    expect(readJournal(readFileSync(path, 'utf8'), path).turns.map((t) => t.n)).toEqual([
      1, 2, 3, 4,
    ]);
  });

  it('an interrupted meeting can be scored as it stood instead', async () => {
    const dataDir = freshDataDir();
    const stood = last(await meetingWith(hostOn(dataDir), 2));
    const after = hostOn(dataDir);
    const record = stored(await call(after, 'recovery.score', { sessionId: stood.id }));
    expect(record).toMatchObject({ id: stood.id, endedBy: 'recovery' });
    expect(conversation(record.turns)).toEqual(conversation(stood.turns));
    expect(existsSync(journalFile(dataDir, stood.id))).toBe(false);
    expect((await call(after, 'history.list', PAGE)).rows.map((r) => r.id)).toEqual([stood.id]);
    const restarted = hostOn(dataDir);
    expect((await call(restarted, 'app.info', undefined)).interrupted).toEqual([]);
    expect(await call(restarted, 'history.get', { sessionId: stood.id })).toEqual(record);
  });

  it('a reply cut off mid-write is dropped with a notice; the complete turns resume and carry on', async () => {
    const dataDir = freshDataDir();
    const stood = last(await meetingWith(hostOn(dataDir), 2));
    const path = journalFile(dataDir, stood.id);
    appendFileSync(path, '{"type":"turn","n":3,"rep":"Most teams we talk to find their la');

    const after = hostOn(dataDir);
    expect((await call(after, 'app.info', undefined)).interrupted).toMatchObject([
      { id: stood.id, turns: 2 },
    ]);
    const resumed = await call(after, 'recovery.resume', { sessionId: stood.id });
    expect(resumed.turns).toEqual(stood.turns);
    expect(resumed.notice).toMatch(/cut off/);
    const next = await call(after, 'session.reply', {
      sessionId: stood.id,
      text: REPLIES[2] ?? '',
      source: 'typed',
    });
    expect(next.turns).toHaveLength(3);
    // The journal is whole again: a second crash finds all three turns.
    expect(readJournal(readFileSync(path, 'utf8'), path)).toMatchObject({ tornTail: false });
    const again = hostOn(dataDir);
    expect((await call(again, 'app.info', undefined)).interrupted).toMatchObject([
      { id: stood.id, turns: 3 },
    ]);
  });

  it('resuming or scoring a meeting that has no journal is not_found and reports no damage', async () => {
    const composed = hostOn(freshDataDir());
    for (const name of ['recovery.resume', 'recovery.score'] as const) {
      expect(await send(composed, name, { sessionId: '20260101-000000-00000000' })).toMatchObject({
        ok: false,
        error: { kind: 'not_found' },
      });
    }
    expect((await call(composed, 'app.info', undefined)).problems).toEqual([]);
  });

  it('a journal damaged in the middle is set aside and reported, not resumed', async () => {
    const dataDir = freshDataDir();
    const stood = last(await meetingWith(hostOn(dataDir), 2));
    const path = journalFile(dataDir, stood.id);
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[1] = '{"type":"turn","n":1,"rep":';
    writeFileSync(path, lines.join('\n'));
    const after = hostOn(dataDir);
    const info = await call(after, 'app.info', undefined);
    expect(info.interrupted).toEqual([]);
    expect(info.problems).toHaveLength(1);
    expect(info.problems[0]?.message).toContain(`journal/${stood.id}.jsonl:2`);
    const resumed = await send(after, 'recovery.resume', { sessionId: stood.id });
    expect(resumed).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });
});

describe('replaying a finished session', () => {
  async function finished(): Promise<{ composed: ComposedHost; record: SessionRecord }> {
    const composed = hostOn(freshDataDir());
    const views = await meetingWith(composed, 4);
    const record = stored(await call(composed, 'session.end', { sessionId: last(views).id }));
    return { composed, record };
  }

  it('starts a live meeting whose turns before the chosen one are the original ones, buyer lines included', async () => {
    const { composed, record } = await finished();
    const replay = await call(composed, 'session.replay', { sessionId: record.id, fromTurn: 3 });
    expect(replay.id).not.toBe(record.id);
    expect(replay.replayOf).toEqual({ sessionId: record.id, fromTurn: 3 });
    expect(replay.ended).toBe(false);
    expect(replay.opening).toBe(record.opening);
    expect(replay.turns).toHaveLength(2);
    for (const [index, turn] of replay.turns.entries()) {
      const original = record.turns[index];
      expect(turn).toMatchObject({
        n: index + 1,
        rep: original?.rep,
        buyer: original?.buyer,
        behavior: original?.behavior,
        meters: original?.meters,
      });
    }
    // The rep answers turn 3 differently, and the replay is stored as such.
    const changed = await call(composed, 'session.reply', {
      sessionId: replay.id,
      text: 'Our platform doubles pipeline for teams like yours.',
      source: 'typed',
    });
    expect(changed.turns).toHaveLength(3);
    const kept = stored(await call(composed, 'session.end', { sessionId: replay.id }));
    expect(kept.replayOf).toEqual({ sessionId: record.id, fromTurn: 3 });
    expect((await call(composed, 'history.list', PAGE)).rows.map((r) => r.id).sort()).toEqual(
      [record.id, replay.id].sort(),
    );
  });

  it('replaying from turn 1 starts over from the opening', async () => {
    const { composed, record } = await finished();
    const replay = await call(composed, 'session.replay', { sessionId: record.id, fromTurn: 1 });
    expect(replay.turns).toEqual([]);
    expect(replay.opening).toBe(record.opening);
    expect(replay.meters).toEqual(record.openingMeters);
  });

  it('a turn beyond the session is invalid, and a session that is not there is not_found', async () => {
    const { composed, record } = await finished();
    expect(
      await send(composed, 'session.replay', { sessionId: record.id, fromTurn: 5 }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'invalid', message: expect.stringMatching(/4 turns/) },
    });
    expect(
      await send(composed, 'session.replay', { sessionId: record.id, fromTurn: 4 }),
    ).toMatchObject({ ok: true });
    expect(
      await send(composed, 'session.replay', {
        sessionId: '20260101-000000-00000000',
        fromTurn: 1,
      }),
    ).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });
});

describe('deleting, undoing and exporting through the host', () => {
  it('a deleted session can be brought back until the next start', async () => {
    const dataDir = freshDataDir();
    const composed = hostOn(dataDir);
    const record = stored(
      await call(composed, 'session.end', {
        sessionId: last(await meetingWith(composed, 1)).id,
      }),
    );
    expect(await call(composed, 'history.delete', { sessionId: record.id })).toBeNull();
    expect((await call(composed, 'history.list', PAGE)).rows).toEqual([]);
    expect(await send(composed, 'history.get', { sessionId: record.id })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
    await call(composed, 'history.undoDelete', { sessionId: record.id });
    expect(await call(composed, 'history.get', { sessionId: record.id })).toEqual(record);
    await call(composed, 'history.delete', { sessionId: record.id });
    const restarted = hostOn(dataDir);
    expect(await send(restarted, 'history.undoDelete', { sessionId: record.id })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
  });

  it('a session exports as JSON that reads back as the stored record', async () => {
    const composed = hostOn(freshDataDir());
    const record = stored(
      await call(composed, 'session.end', {
        sessionId: last(await meetingWith(composed, 2)).id,
      }),
    );
    const file = await call(composed, 'history.exportSession', { sessionId: record.id });
    expect(file.mimeType).toBe('application/json');
    expect(file.fileName).toMatch(
      new RegExp(`^first-meeting-light-stack-leader-.*${record.id}\\.json$`),
    );
    expect(JSON.parse(file.content)).toEqual(record);
  });

  it('the history exports as CSV with a header and one row per session', async () => {
    const composed = hostOn(freshDataDir());
    const ids: string[] = [];
    for (const mode of ['coach', 'exam'] as const) {
      const view = last(await meetingWith(composed, 1, { ...START, mode }));
      ids.push(stored(await call(composed, 'session.end', { sessionId: view.id })).id);
    }
    const file = await call(composed, 'history.exportCsv', undefined);
    expect(file.mimeType).toBe('text/csv');
    expect(file.fileName).toMatch(/^first-meeting-history-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = file.content.split('\r\n');
    expect(last(lines)).toBe('');
    expect(lines[0]).toBe(
      'date,scenario,difficulty,mode,reps,turns,outcome,value_creation,pitching,overall,id',
    );
    expect(lines).toHaveLength(4);
    for (const id of ids) expect(lines.filter((l) => l.endsWith(`,${id}`))).toHaveLength(1);
  });
});
