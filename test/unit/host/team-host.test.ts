// Team roleplays through the host, by the door the page uses: set-up refused
// in words, every action journalled before it is answered, a full disk that
// takes a turn back, the coach's call held back until the room has called,
// a restart that resumes with calls, notes and overrides intact, the board
// and History, and names and notes that stay text in every export.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ComposedHost } from '../../../src-main/host/compose';
import { readTeamJournal } from '../../../src-main/services/storage/team-store';
import { FaultyDisk } from '../support/faulty-disk';
import { freshFolders } from '../support/folders';
import { call, hostsClosedAfterEach, send } from '../support/host';

const hostOn = hostsClosedAfterEach();
const freshDataDir = freshFolders('team');
const SETUP = {
  scenarioId: 'light-stack-leader',
  difficulty: 'normal',
  mode: 'coach',
  rotation: 'relay',
  turnsPerRep: 1,
  reps: ['Ana', 'Ben', 'Chloe'],
  calling: true,
} as const;
const GOOD = 'What does a great year look like for your team?';
const FOLLOW = 'What gets in the way of that today?';
const PITCH = 'Our platform is the leading solution with the best dashboards on the market.';

async function turn(composed: ComposedHost, teamId: string, text: string) {
  return call(composed, 'team.act', { teamId, action: { type: 'turn', text, source: 'typed' } });
}

describe('team roleplays in the host', () => {
  it('a bad roster is refused with a message naming the rep, and nothing is started', async () => {
    const composed = hostOn(freshDataDir());
    const answer = await send(composed, 'team.start', { ...SETUP, reps: ['Ana', ' ana '] });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    expect(answer.ok ? '' : answer.error.message).toMatch(/Rep 2: ana is on the roster already/);
    expect(await call(composed, 'team.current', undefined)).toBeNull();
    const tooMany = await send(composed, 'team.start', {
      ...SETUP,
      reps: Array.from({ length: 13 }, (_, i) => `R${i}`),
    });
    expect(tooMany.ok ? '' : tooMany.error.message).toMatch(/at most 12 reps/);
  });

  it('holds the coach’s call back until the room calls the turn, then shows both', async () => {
    const composed = hostOn(freshDataDir());
    const view = await call(composed, 'team.start', SETUP);
    expect(view.current).toBe('Ana');
    const after = await turn(composed, view.id, PITCH);
    expect(after.awaitingCall).toBe(1);
    expect(after.turns[0]?.coach).toBeUndefined();
    expect(after.current).toBe('Ben');
    const called = await call(composed, 'team.act', {
      teamId: view.id,
      action: { type: 'call', turn: 1, call: 'pitch' },
    });
    expect(called.turns[0]?.coach?.group).toBe('pitch');
    expect(called.turns[0]?.room).toMatchObject({ call: 'pitch', group: 'pitch', agreement: 1 });
    expect(called.awaitingCall).toBeNull();
  });

  it('journals every action, resumes after a restart with calls, notes and overrides, and stores the board', async () => {
    const dataDir = freshDataDir();
    const first = hostOn(dataDir);
    const { id } = await call(first, 'team.start', SETUP);
    await turn(first, id, GOOD);
    await call(first, 'team.act', {
      teamId: id,
      action: { type: 'call', turn: 1, tally: { value: 4, neutral: 1, pitch: 0 } },
    });
    await turn(first, id, PITCH);
    await call(first, 'team.act', {
      teamId: id,
      action: { type: 'note', turn: 2, text: '<img src=x onerror=alert(1)>' },
    });
    await call(first, 'team.act', {
      teamId: id,
      action: { type: 'override', turn: 2, behavior: 'insight', reason: 'The buyer had asked' },
    });
    await call(first, 'team.act', { teamId: id, action: { type: 'event', id: 'budget_frozen' } });
    const journalPath = join(dataDir, 'teams', 'journal', `${id}.jsonl`);
    const journal = readTeamJournal(readFileSync(journalPath, 'utf8'), journalPath);
    expect(journal.actions.map((a) => a.type)).toEqual([
      'turn',
      'call',
      'turn',
      'note',
      'override',
      'event',
    ]);

    // The app stops without closing anything, and starts again on the same folder.
    const second = hostOn(dataDir);
    const info = await call(second, 'app.info', undefined);
    expect(info.interruptedTeams).toEqual([
      expect.objectContaining({ id, reps: ['Ana', 'Ben', 'Chloe'], rotation: 'relay', turns: 2 }),
    ]);
    const resumed = await call(second, 'team.resume', { teamId: id });
    expect(resumed.current).toBe('Chloe');
    expect(resumed.turns[1]?.notes).toEqual(['<img src=x onerror=alert(1)>']);
    expect(resumed.turns[1]?.override).toMatchObject({
      behavior: 'insight',
      reason: 'The buyer had asked',
    });
    expect(resumed.turns[0]?.room?.tally).toEqual({ value: 4, neutral: 1, pitch: 0 });
    expect(resumed.events.map((e) => e.id)).toEqual(['budget_frozen']);
    await turn(second, id, FOLLOW);

    const board = await call(second, 'team.end', { teamId: id });
    expect(board?.reps.map((r) => [r.name, r.turns])).toEqual([
      ['Ana', 1],
      ['Ben', 1],
      ['Chloe', 1],
    ]);
    expect(board?.overrides).toBe(1);
    expect(board?.turns[1]?.coach?.behavior).not.toBe('insight');
    expect(existsSync(journalPath)).toBe(false);
    const again = await call(second, 'team.board', { teamId: id });
    expect(again).toEqual(board);

    // History lists it, marked, with the roster; the rep's report is scoped to their turns.
    const history = await call(second, 'history.list', { offset: 0, limit: 50 });
    expect(history.rows[0]).toMatchObject({ id, team: 'relay', reps: ['Ana', 'Ben', 'Chloe'] });
    const ben = await call(second, 'team.repReport', { teamId: id, rep: 'Ben' });
    expect(ben.turns.map((t) => t.rep)).toEqual([PITCH]);
    expect(ben.report.moments[0]?.behavior).toBe('insight');
    const progress = await call(second, 'team.rosters', undefined);
    expect(progress.saved[0]?.reps).toEqual(['Ana', 'Ben', 'Chloe']);
    expect(progress.progress.map((p) => [p.name, p.roleplays.length])).toEqual([
      ['Ana', 1],
      ['Ben', 1],
      ['Chloe', 1],
    ]);
    const csv = await call(second, 'team.exportCsv', { teamId: id });
    expect(csv.content).toContain('<img src=x onerror=alert(1)>');
    const labels = await call(second, 'team.exportLabels', { teamId: id });
    expect(labels.content).toMatch(/^insight\t/m);
    expect(labels.content).toMatch(/^group:value\tWhat does a great year/m);
  });

  it('a turn the disk cannot take is taken back: the room sees nothing the journal does not have', async () => {
    const disk = new FaultyDisk();
    const dataDir = freshDataDir();
    const composed = hostOn(dataDir, undefined, disk);
    const { id } = await call(composed, 'team.start', SETUP);
    await turn(composed, id, GOOD);
    disk.fail('writeSync', 'ENOSPC');
    const refused = await send(
      composed,
      'team.act',
      {
        teamId: id,
        action: { type: 'turn', text: FOLLOW, source: 'typed' },
      },
      () => undefined,
    );
    expect(refused).toMatchObject({ ok: false, error: { kind: 'storage' } });
    disk.heal();
    const view = await call(composed, 'team.current', undefined);
    expect(view?.turns).toHaveLength(1);
    expect(view?.current).toBe('Ben');
    const retried = await turn(composed, id, FOLLOW);
    expect(retried.turns.map((t) => t.rep)).toEqual(['Ana', 'Ben']);
  });

  it('One meeting each: same buyer and seed for every rep, ranked on the board', async () => {
    const composed = hostOn(freshDataDir());
    const { id, meetings } = await call(composed, 'team.start', {
      ...SETUP,
      rotation: 'each',
      reps: ['Ana', 'Ben'],
      calling: false,
    });
    await turn(composed, id, GOOD);
    await turn(composed, id, FOLLOW);
    const handed = await call(composed, 'team.act', { teamId: id, action: { type: 'next' } });
    expect(handed.current).toBe('Ben');
    expect(handed.meetings.map((m) => m.opening)).toEqual([
      meetings[0]?.opening,
      meetings[0]?.opening,
    ]);
    await turn(composed, id, PITCH);
    await turn(composed, id, `${PITCH} We integrate with everything.`);
    const board = await call(composed, 'team.end', { teamId: id });
    expect(board?.reps.map((r) => [r.name, r.rank])).toEqual([
      ['Ana', 1],
      ['Ben', 2],
    ]);
  });

  it('an unknown event or an action while paused is refused in words', async () => {
    const composed = hostOn(freshDataDir());
    const { id } = await call(composed, 'team.start', SETUP);
    const unknown = await send(composed, 'team.act', {
      teamId: id,
      action: { type: 'event', id: 'ceo_arrives' },
    });
    expect(unknown.ok ? '' : unknown.error.message).toMatch(/no event "ceo_arrives"/);
    await call(composed, 'team.act', { teamId: id, action: { type: 'pause' } });
    const paused = await send(composed, 'team.act', {
      teamId: id,
      action: { type: 'turn', text: GOOD, source: 'typed' },
    });
    expect(paused.ok ? '' : paused.error.message).toMatch(/paused/);
    const markup = await send(composed, 'team.act', {
      teamId: id,
      action: { type: 'call', turn: 1, call: 'value', extra: 1 },
    });
    expect(markup).toMatchObject({ ok: false, error: { kind: 'invalid' } });
  });
});
