// The History screen over a long history: pages come newest first and tile the
// whole list (no session twice, none missing), the scenario filter lists each
// scenario once with its count, most recently practised first, and the
// progress chart shows one scenario's most recent sessions, oldest first.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, composeTestHost, send, stored } from '../support/host';
import {
  MAX_HISTORY_PAGE,
  PROGRESS_POINTS,
  type HistoryRow,
  type SessionRecord,
} from '../../../src-main/contract/api';
import { type ComposedHost } from '../../../src-main/host/compose';
import { LIGHT_STACK_VALUE_SCRIPT } from '../../fixtures/replies';
import { playedRecord } from '../services/storage/fixtures/records';

const SCENARIOS = {
  light: { id: 'light-stack-leader', title: 'The light-stack sales leader' },
  cro: { id: 'average-cro', title: 'The CRO who wants more pipeline' },
  locked: { id: 'locked-in-buyer', title: 'The buyer who just signed with a competitor' },
} as const;

const SESSIONS = 120;

/**
 * Session i (0 is the oldest) is held i hours after the first. Most are with
 * the light-stack leader (more than PROGRESS_POINTS of them); every twelfth is
 * with the CRO and every twenty-fourth with the locked-in buyer, the last
 * session of all being one of those.
 */
function scenarioOf(i: number): (typeof SCENARIOS)[keyof typeof SCENARIOS] {
  if (i % 24 === 23) return SCENARIOS.locked;
  if (i % 12 === 5) return SCENARIOS.cro;
  return SCENARIOS.light;
}

const idOf = (i: number) => `20240301-session-${String(i).padStart(3, '0')}`;

function startedAtOf(i: number): string {
  // Sessions 60 and 61 started in the same second: the list still has one order for them.
  const hours = i === 61 ? 60 : i;
  return new Date(Date.UTC(2024, 2, 1) + hours * 3_600_000).toISOString();
}

function recordOf(i: number): SessionRecord {
  const played = playedRecord();
  const scenario = scenarioOf(i);
  return {
    ...played,
    id: idOf(i),
    startedAt: startedAtOf(i),
    endedAt: new Date(Date.parse(startedAtOf(i)) + 20 * 60_000).toISOString(),
    scenario: { ...played.scenario, id: scenario.id, title: scenario.title },
    difficulty: i % 2 ? 'hard' : 'normal',
    report: {
      ...played.report,
      valueCreation: (i * 13) % 101,
      pitching: (i * 7) % 101,
      overall: (i * 37) % 101,
    },
  };
}

let root: string;
let dataDir: string;
let composed: ComposedHost;
/** Every session's id, newest first: what the whole history list should be. */
const newestFirst = Array.from({ length: SESSIONS }, (_, i) => idOf(SESSIONS - 1 - i));

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'first-meeting-history-'));
  dataDir = join(root, 'data');
  // Session files only, no history.json: opening the data folder rebuilds the list from them.
  mkdirSync(join(dataDir, 'sessions'), { recursive: true });
  for (let i = 0; i < SESSIONS; i++) {
    writeFileSync(join(dataDir, 'sessions', `${idOf(i)}.json`), JSON.stringify(recordOf(i)));
  }
  composed = composeTestHost(dataDir);
});

afterAll(() => {
  composed.host.close();
  rmSync(root, { recursive: true, force: true });
});

/** Reads the whole history page by page, as the History screen's "next" button does. */
async function allPages(on: ComposedHost, limit: number) {
  const pages = [];
  for (let offset = 0; ; offset += limit) {
    const page = await call(on, 'history.list', { offset, limit });
    pages.push(page);
    if (offset + limit >= page.total) return pages;
  }
}

const ids = (rows: readonly HistoryRow[]) => rows.map((row) => row.id);

const EXPECTED_SCENARIOS = [
  { ...SCENARIOS.locked, sessions: 5 },
  { ...SCENARIOS.light, sessions: 105 },
  { ...SCENARIOS.cro, sessions: 10 },
];

describe('the history list, a page at a time', () => {
  it('pages of any size tile the whole history newest first, with no session twice and none missing', async () => {
    for (const limit of [25, 7, 120, MAX_HISTORY_PAGE]) {
      const pages = await allPages(composed, limit);
      expect(
        pages.flatMap((page) => ids(page.rows)),
        `limit ${limit}`,
      ).toEqual(newestFirst);
      for (const [n, page] of pages.entries()) {
        expect(page.offset).toBe(n * limit);
        expect(page.total).toBe(SESSIONS);
        expect(page.rows.length).toBe(Math.min(limit, SESSIONS - n * limit));
      }
    }
    // Newest first means by start time, newest at the top.
    const { rows } = await call(composed, 'history.list', { offset: 0, limit: SESSIONS });
    const times = rows.map((row) => row.startedAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('each row shows that session as stored: scenario, difficulty, turns and scores', async () => {
    const page = await call(composed, 'history.list', { offset: 50, limit: 10 });
    for (const row of page.rows) {
      const record = recordOf(Number(row.id.slice(-3)));
      expect(row).toEqual({
        id: record.id,
        startedAt: record.startedAt,
        scenarioId: record.scenario.id,
        scenarioTitle: record.scenario.title,
        difficulty: record.difficulty,
        mode: record.mode,
        reps: record.reps,
        turns: record.turns.length,
        outcome: record.outcome,
        valueCreation: record.report.valueCreation,
        pitching: record.report.pitching,
        overall: record.report.overall,
      });
    }
  });

  it('every page lists each scenario once with its number of sessions, most recently practised first', async () => {
    for (const offset of [0, 60, 115]) {
      const page = await call(composed, 'history.list', { offset, limit: 10 });
      expect(page.scenarios).toEqual(EXPECTED_SCENARIOS);
    }
  });

  it('a page past the end is empty but still says how many sessions there are', async () => {
    for (const offset of [SESSIONS, SESSIONS + 1, 10_000]) {
      const page = await call(composed, 'history.list', { offset, limit: 25 });
      expect(page).toEqual({ rows: [], offset, total: SESSIONS, scenarios: EXPECTED_SCENARIOS });
    }
    const lastPage = await call(composed, 'history.list', { offset: 115, limit: 25 });
    expect(ids(lastPage.rows)).toEqual(newestFirst.slice(115));
  });

  it('a page larger than MAX_HISTORY_PAGE, an empty page or a negative offset is refused as invalid', async () => {
    for (const args of [
      { offset: 0, limit: MAX_HISTORY_PAGE + 1 },
      { offset: 0, limit: 0 },
      { offset: -1, limit: 25 },
      { offset: 0.5, limit: 25 },
      { offset: 0 },
    ]) {
      expect(await send(composed, 'history.list', args), JSON.stringify(args)).toMatchObject({
        ok: false,
        error: { kind: 'invalid' },
      });
    }
    expect(
      await send(composed, 'history.list', { offset: 0, limit: MAX_HISTORY_PAGE }),
    ).toMatchObject({ ok: true, value: { total: SESSIONS } });
  });
});

describe('progress on one scenario', () => {
  /** The ids of one scenario's sessions, oldest first. */
  const sessionsWith = (scenarioId: string) =>
    Array.from({ length: SESSIONS }, (_, i) => i)
      .filter((i) => scenarioOf(i).id === scenarioId)
      .map(idOf);

  it('shows at most PROGRESS_POINTS sessions: the most recent ones, oldest first, and counts them all', async () => {
    const series = await call(composed, 'history.progress', { scenarioId: SCENARIOS.light.id });
    const all = sessionsWith(SCENARIOS.light.id);
    expect(all.length).toBeGreaterThan(PROGRESS_POINTS);
    expect(series.scenarioId).toBe(SCENARIOS.light.id);
    expect(series.total).toBe(all.length);
    expect(series.rows).toHaveLength(PROGRESS_POINTS);
    expect(ids(series.rows)).toEqual(all.slice(-PROGRESS_POINTS));
    expect(series.rows.every((row) => row.scenarioId === SCENARIOS.light.id)).toBe(true);
    // The scores are the sessions' own, in the order they were held.
    expect(series.rows.map((row) => row.overall)).toEqual(
      all.slice(-PROGRESS_POINTS).map((id) => recordOf(Number(id.slice(-3))).report.overall),
    );
  });

  it('a scenario with fewer sessions shows them all, oldest first, and nothing of the others', async () => {
    const series = await call(composed, 'history.progress', { scenarioId: SCENARIOS.cro.id });
    expect(series.total).toBe(10);
    expect(ids(series.rows)).toEqual(sessionsWith(SCENARIOS.cro.id));
    const locked = await call(composed, 'history.progress', { scenarioId: SCENARIOS.locked.id });
    expect(ids(locked.rows)).toEqual(sessionsWith(SCENARIOS.locked.id));
    expect(locked.total).toBe(5);
  });

  it('a scenario never practised has an empty series; a scenario id that is not one is invalid', async () => {
    expect(await call(composed, 'history.progress', { scenarioId: 'never-practised' })).toEqual({
      scenarioId: 'never-practised',
      rows: [],
      total: 0,
    });
    expect(await send(composed, 'history.progress', { scenarioId: '../x' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid' },
    });
  });

  it('asking for progress does not reorder the history list', async () => {
    await call(composed, 'history.progress', { scenarioId: SCENARIOS.light.id });
    const { rows } = await call(composed, 'history.list', { offset: 0, limit: SESSIONS });
    expect(ids(rows)).toEqual(newestFirst);
  });
});

describe('after a new session is stored', () => {
  it('it tops the first page and the scenario list, and the counts include it', async () => {
    // A copy of the history, so the other tests keep theirs.
    const copyDir = join(root, 'copy');
    mkdirSync(join(copyDir, 'sessions'), { recursive: true });
    for (let i = 0; i < SESSIONS; i++) {
      writeFileSync(join(copyDir, 'sessions', `${idOf(i)}.json`), JSON.stringify(recordOf(i)));
    }
    const copy = composeTestHost(copyDir);
    try {
      const view = await call(copy, 'session.start', {
        scenarioId: SCENARIOS.cro.id,
        difficulty: 'normal',
        mode: 'coach',
      });
      await call(copy, 'session.reply', {
        sessionId: view.id,
        text: LIGHT_STACK_VALUE_SCRIPT[0],
        source: 'typed',
      });
      const record = stored(await call(copy, 'session.end', { sessionId: view.id }));
      const page = await call(copy, 'history.list', { offset: 0, limit: 25 });
      expect(page.total).toBe(SESSIONS + 1);
      expect(ids(page.rows)).toEqual([record.id, ...newestFirst.slice(0, 24)]);
      expect(page.scenarios).toEqual([
        { ...SCENARIOS.cro, sessions: 11 },
        { ...SCENARIOS.locked, sessions: 5 },
        { ...SCENARIOS.light, sessions: 105 },
      ]);
      const series = await call(copy, 'history.progress', { scenarioId: SCENARIOS.cro.id });
      expect(series.total).toBe(11);
      expect(ids(series.rows).at(-1)).toBe(record.id);
    } finally {
      copy.host.close();
    }
  });
});
