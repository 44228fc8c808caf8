// One meeting is live at a time. Starting another (or a replay) parks the one
// in progress: its journal is kept and it is offered as interrupted, to resume
// with every turn intact, which in turn parks the other. Scoring an
// interrupted meeting leaves the live one alone.
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, hostsClosedAfterEach, send, stored } from '../support/host';
import { freshFolders } from '../support/folders';
import type { SessionView } from '../../../src-main/contract/api';
import { type ComposedHost } from '../../../src-main/host/compose';
import { LIGHT_STACK_VALUE_SCRIPT } from '../../fixtures/replies';

const freshFolder = freshFolders('live');

const hostOn = hostsClosedAfterEach();

function freshHost(): ComposedHost {
  return hostOn(freshFolder());
}

const A = { scenarioId: 'light-stack-leader', difficulty: 'normal', mode: 'coach' } as const;
const B = { scenarioId: 'average-cro', difficulty: 'easy', mode: 'coach' } as const;

function reply(composed: ComposedHost, view: SessionView, n: number): Promise<SessionView> {
  return call(composed, 'session.reply', {
    sessionId: view.id,
    text: LIGHT_STACK_VALUE_SCRIPT[n] ?? '',
    source: 'typed',
  });
}

const interrupted = async (composed: ComposedHost) =>
  (await call(composed, 'app.info', undefined)).interrupted.map(({ id, turns }) => ({
    id,
    turns,
  }));

describe('starting a meeting while another is in progress', () => {
  it('makes the new one current and parks the other as interrupted, with its turn', async () => {
    const host = freshHost();
    const a = await reply(host, await call(host, 'session.start', A), 0);
    const b = await call(host, 'session.start', B);

    expect(await call(host, 'session.current', undefined)).toEqual(b);
    expect(await interrupted(host)).toEqual([{ id: a.id, turns: 1 }]);
    const [parked] = (await call(host, 'app.info', undefined)).interrupted;
    expect(parked).toEqual({
      id: a.id,
      scenarioTitle: a.scenario.title,
      difficulty: 'normal',
      startedAt: a.startedAt,
      turns: 1,
    });
    // The parked meeting does not take replies until it is resumed; the new one does.
    expect(
      await send(host, 'session.reply', { sessionId: a.id, text: 'Hello?', source: 'typed' }),
    ).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect((await reply(host, b, 0)).turns).toHaveLength(1);
  });

  it('resuming the parked meeting brings it back as it stood and parks the other in its turn', async () => {
    const host = freshHost();
    const a = await reply(host, await call(host, 'session.start', A), 0);
    const b = await reply(host, await call(host, 'session.start', B), 0);

    const resumed = await call(host, 'recovery.resume', { sessionId: a.id });
    expect(resumed.id).toBe(a.id);
    expect(resumed.turns).toEqual(a.turns);
    expect(resumed.meters).toEqual(a.meters);
    expect(resumed).not.toHaveProperty('notice');
    expect(await call(host, 'session.current', undefined)).toEqual(resumed);
    expect(await interrupted(host)).toEqual([{ id: b.id, turns: 1 }]);
    expect(
      await send(host, 'session.reply', { sessionId: b.id, text: 'Hello?', source: 'typed' }),
    ).toMatchObject({ ok: false, error: { kind: 'conflict' } });

    // A carries on from its first turn.
    const next = await reply(host, resumed, 1);
    expect(next.turns.map((t) => t.rep)).toEqual(LIGHT_STACK_VALUE_SCRIPT.slice(0, 2));
    expect(next.turns[0]).toEqual(a.turns[0]);

    // And B comes back the same way, parking A.
    const backToB = await call(host, 'recovery.resume', { sessionId: b.id });
    expect(backToB.turns).toEqual(b.turns);
    expect(await interrupted(host)).toEqual([{ id: a.id, turns: 2 }]);
  });

  it('resuming the meeting that is already live changes nothing', async () => {
    const host = freshHost();
    const a = await reply(host, await call(host, 'session.start', A), 0);
    expect(await call(host, 'recovery.resume', { sessionId: a.id })).toEqual(a);
    expect(await call(host, 'session.current', undefined)).toEqual(a);
    expect(await interrupted(host)).toEqual([]);
  });

  it('scoring an interrupted meeting stores it and leaves the live one live', async () => {
    const host = freshHost();
    const a = await reply(host, await call(host, 'session.start', A), 0);
    const b = await reply(host, await call(host, 'session.start', B), 0);

    const record = stored(await call(host, 'recovery.score', { sessionId: a.id }));
    expect(record).toMatchObject({ id: a.id, endedBy: 'recovery' });
    expect(record.turns.map((t) => t.buyer)).toEqual(a.turns.map((t) => t.buyer));
    expect(await call(host, 'session.current', undefined)).toEqual(b);
    expect(await interrupted(host)).toEqual([]);
    expect((await reply(host, b, 1)).turns).toHaveLength(2);
    const page = await call(host, 'history.list', { offset: 0, limit: 10 });
    expect(page.rows.map((row) => row.id)).toEqual([a.id]);
  });

  it('a start for a scenario that is not there is not_found and the meeting in progress carries on', async () => {
    const host = freshHost();
    const a = await reply(host, await call(host, 'session.start', A), 0);
    expect(await send(host, 'session.start', { ...A, scenarioId: 'no-such-buyer' })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
    expect(await call(host, 'session.current', undefined)).toEqual(a);
    expect(await interrupted(host)).toEqual([]);
  });

  it('resuming a meeting whose scenario was removed is not_found and the meeting in progress carries on', async () => {
    const folder = freshFolder();
    const scenarioDir = join(folder, 'scenarios');
    cpSync(join(import.meta.dirname, '../../../scenarios'), scenarioDir, { recursive: true });
    const dataDir = join(folder, 'data');
    const before = hostOn(dataDir, scenarioDir);
    const a = await reply(before, await call(before, 'session.start', A), 0);
    before.host.close();
    // The manager removes A's scenario; the app starts again and B is begun.
    rmSync(join(scenarioDir, 'light-stack-leader.yaml'));
    const host = hostOn(dataDir, scenarioDir);
    const b = await reply(host, await call(host, 'session.start', B), 0);
    expect(await interrupted(host)).toEqual([{ id: a.id, turns: 1 }]);
    expect(await send(host, 'recovery.resume', { sessionId: a.id })).toMatchObject({
      ok: false,
      error: { kind: 'not_found', message: expect.stringMatching(/light-stack-leader/) },
    });
    expect(await call(host, 'session.current', undefined)).toEqual(b);
    expect(await interrupted(host)).toEqual([{ id: a.id, turns: 1 }]);
    expect((await reply(host, b, 1)).turns).toHaveLength(2);
  });
});

describe('replaying a finished session while a meeting is in progress', () => {
  async function finishedAndLive(host: ComposedHost) {
    const done = await reply(host, await call(host, 'session.start', A), 0);
    const record = stored(await call(host, 'session.end', { sessionId: done.id }));
    const live = await reply(host, await call(host, 'session.start', B), 0);
    return { record, live };
  }

  it('parks the meeting in progress; the replay is current', async () => {
    const host = freshHost();
    const { record, live } = await finishedAndLive(host);
    const replay = await call(host, 'session.replay', { sessionId: record.id, fromTurn: 1 });
    expect(await call(host, 'session.current', undefined)).toEqual(replay);
    expect(await interrupted(host)).toEqual([{ id: live.id, turns: 1 }]);
    expect(
      await send(host, 'session.reply', { sessionId: live.id, text: 'Hello?', source: 'typed' }),
    ).toMatchObject({ ok: false, error: { kind: 'conflict' } });
  });

  it('a replay that is refused (no such turn, no such session) leaves the meeting in progress live', async () => {
    const host = freshHost();
    const { record, live } = await finishedAndLive(host);
    expect(await send(host, 'session.replay', { sessionId: record.id, fromTurn: 9 })).toMatchObject(
      { ok: false, error: { kind: 'invalid' } },
    );
    expect(
      await send(host, 'session.replay', { sessionId: '20260101-000000-00000000', fromTurn: 1 }),
    ).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(await call(host, 'session.current', undefined)).toEqual(live);
    expect(await interrupted(host)).toEqual([]);
    expect((await reply(host, live, 1)).turns).toHaveLength(2);
  });
});
