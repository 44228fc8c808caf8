// Spaced repetition across a moved clock, track unlocking and statuses, and
// certificates whose code changes when any fact does.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DrillBank } from '../../../../src-main/core/drills/bank';
import { cardsOf, todaysDrills } from '../../../../src-main/core/drills/leitner';
import type { QuickDrill } from '../../../../src-main/core/drills/schema';
import { addDays, type DrillAttempt } from '../../../../src-main/core/drills/types';
import { certificateFor, verifyCertificate } from '../../../../src-main/core/tracks/certificate';
import { trackProgress } from '../../../../src-main/core/tracks/progress';
import type { TrackFile } from '../../../../src-main/core/tracks/schema';

const sha256 = (t: string) => createHash('sha256').update(t).digest('hex');
let n = 0;
function attempt(
  drillId: string,
  day: string,
  passed: boolean,
  extra: Partial<DrillAttempt> = {},
): DrillAttempt {
  return {
    id: `a-${++n}`,
    learnerId: 'l-1',
    drillId,
    kind: 'quick',
    startedAt: `${day}T10:00:00`,
    durationMs: 1000,
    passed,
    score: passed ? 100 : 0,
    objectives: [],
    answer: 'x',
    ...extra,
  };
}
const quick = (id: string): QuickDrill => ({
  id,
  title: id,
  skill: 'brush-off',
  buyer: 'Hi.',
  target: { say: 'x' },
  models: ['a', 'b'],
});

describe('Leitner boxes', () => {
  it('a failed drill comes back the next day, a passed one after 1, 3, 7 and 14 days', () => {
    const day = '2026-03-02';
    const history: DrillAttempt[] = [attempt('d1', day, false)];
    expect(cardsOf(history).get('d1')?.due).toBe(addDays(day, 1));
    let at = addDays(day, 1);
    for (const gap of [1, 3, 7, 14, 14]) {
      history.push(attempt('d1', at, true));
      const card = cardsOf(history).get('d1');
      expect(card?.due).toBe(addDays(at, gap));
      at = addDays(at, gap);
    }
    history.push(attempt('d1', at, false));
    expect(cardsOf(history).get('d1')).toMatchObject({ box: 0, due: addDays(at, 1) });
  });

  it("today's set has the due drills first, then new ones, up to its size", () => {
    const ids = ['d1', 'd2', 'd3', 'd4', 'd5'];
    const cards = cardsOf([
      attempt('d3', '2026-03-01', false),
      attempt('d2', '2026-03-02', false),
      attempt('d1', '2026-03-02', true),
    ]);
    // On 3 March: d3 (due 2 March) and d2 (due 3 March) are due, d1 too (1 day); d4, d5 are new.
    expect(todaysDrills(cards, ids, '2026-03-03', 10).today).toEqual([
      'd3',
      'd2',
      'd1',
      'd4',
      'd5',
    ]);
    expect(todaysDrills(cards, ids, '2026-03-03', 2).today).toEqual(['d3', 'd2']);
    // The day before: nothing due yet but d3.
    expect(todaysDrills(cards, ids, '2026-03-02', 10).due).toEqual(['d3']);
  });
});

describe('tracks', () => {
  const bank = new DrillBank();
  bank.add('bank.yaml', {
    quick: [quick('q1'), quick('q2'), quick('q3')],
    meeting: [
      {
        id: 'm1',
        title: 'M1',
        scenario: 'average-cro',
        difficulty: 'normal',
        objectives: [{ noPitchBeforeNeed: true }],
        passMark: 60,
        maxAttempts: 2,
      },
    ],
    problems: [],
  });
  const track: TrackFile = {
    id: 't',
    title: 'Track',
    modules: [
      { id: 'day-1', title: 'Day 1', quick: ['q1', 'q2'], pass: { quick: 1 } },
      { id: 'day-2', title: 'Day 2', quick: ['q3'] },
      { id: 'day-3', title: 'Day 3', meeting: ['m1'] },
    ],
  };
  const meetingTry = (passed: boolean, score: number) =>
    attempt('m1', '2026-03-05', passed, {
      kind: 'meeting',
      trackId: 't',
      moduleId: 'day-3',
      score,
    });

  it('unlocks a module once the one before is passed, and counts meeting attempts left', () => {
    const none = trackProgress(track, bank, []);
    expect(none.modules.map((m) => [m.status, m.locked])).toEqual([
      ['Not started', false],
      ['Not started', true],
      ['Not started', true],
    ]);
    const some = trackProgress(track, bank, [
      attempt('q1', '2026-03-02', false),
      attempt('q2', '2026-03-02', true),
    ]);
    expect(some.modules.map((m) => [m.status, m.locked])).toEqual([
      ['Passed', false],
      ['Not started', false],
      ['Not started', true],
    ]);
    const failed = trackProgress(track, bank, [
      attempt('q2', '2026-03-02', true),
      attempt('q3', '2026-03-03', true),
      meetingTry(false, 40),
      meetingTry(false, 55),
    ]);
    expect(failed.modules[2]).toMatchObject({
      status: 'Did not pass',
      locked: false,
      bestScore: 55,
    });
    expect(failed.modules[2]?.meeting[0]?.attemptsLeft).toBe(0);
    expect(failed.passed).toBe(false);
  });

  it('a passed track earns a certificate whose code verifies, and any change breaks it', () => {
    const done = trackProgress(track, bank, [
      attempt('q1', '2026-03-02', true),
      attempt('q3', '2026-03-03', true),
      meetingTry(true, 72),
    ]);
    expect(done.passed).toBe(true);
    const cert = certificateFor(done, { id: 'l-1', name: 'Sam' }, '2026-03-05', sha256);
    expect(cert?.verificationCode).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){4}$/);
    if (!cert) return;
    expect(verifyCertificate(cert, sha256)).toBe(true);
    expect(
      verifyCertificate({ ...cert, learner: { ...cert.learner, name: 'Samantha' } }, sha256),
    ).toBe(false);
    const raised = { ...cert, modules: cert.modules.map((m) => ({ ...m, score: 100 })) };
    expect(verifyCertificate(raised, sha256)).toBe(false);
    expect(
      certificateFor(
        trackProgress(track, bank, []),
        { id: 'l-1', name: 'Sam' },
        '2026-03-05',
        sha256,
      ),
    ).toBeUndefined();
  });
});
