// Drills through the host, by the door the page uses: nobody practises before
// a learner is added, a quick drill's answer is judged and kept, a failed
// drill comes back the next (simulated) day before new ones and leaves the
// set once passed, and two learners' drills and sessions stay apart.
import { afterEach, describe, expect, it } from 'vitest';
import { freshFolders } from '../support/folders';
import { call, hostsClosedAfterEach, send, stored } from '../support/host';

const hostOn = hostsClosedAfterEach();
const freshDataDir = freshFolders('drills');
const PITCH = 'Our platform is the leading solution, let me show you our features.';
const GOOD = 'Fair enough. When it works well, what does that look like for your team?';

afterEach(() => {
  delete process.env.FIRST_MEETING_DAYS_AHEAD;
});

describe('drills in the host', () => {
  it('asks who is practising first, and refuses a bad name in words', async () => {
    const composed = hostOn(freshDataDir());
    const before = await send(composed, 'drills.overview', {});
    expect(before).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(before.ok ? '' : before.error.message).toMatch(/Who is practising\?/);
    const long = await send(composed, 'learners.add', { name: 'x'.repeat(61) });
    expect(long.ok ? '' : long.error.message).toMatch(/at most 60 characters; this one has 61/);
    const view = await call(composed, 'learners.add', { name: '  Sam  ' });
    expect(view.learners.map((l) => l.name)).toEqual(['Sam']);
    expect(view.active).toBe(view.learners[0]?.id);
    const twice = await send(composed, 'learners.add', { name: 'sam' });
    expect(twice.ok ? '' : twice.error.message).toMatch(/Sam is a learner already/);
  });

  it('a failed drill comes back the next day before new ones, and leaves once passed', async () => {
    const dataDir = freshDataDir();
    const today = hostOn(dataDir);
    await call(today, 'learners.add', { name: 'Sam' });
    const first = await call(today, 'drills.overview', { dailySize: 5 });
    expect(first.today).toHaveLength(5);
    expect(first.today.every((d) => !d.due)).toBe(true);
    const drillId = 'qd-already-have-vendor';
    const view = await call(today, 'drills.quick', { drillId });
    expect(view.buyer).toMatch(/vendor/);
    const failed = await call(today, 'drills.answer', { drillId, answer: PITCH, source: 'typed' });
    expect(failed.passed).toBe(false);
    expect(failed.objectives.find((o) => !o.met)?.why).toMatch(/talks about us|argues/);
    expect(failed.models).toHaveLength(2);
    const tomorrowDate = (await call(today, 'drills.overview', {})).date;
    expect(failed.nextDue > tomorrowDate).toBe(true);
    // Not due again today.
    expect((await call(today, 'drills.overview', {})).today.some((d) => d.id === drillId)).toBe(
      false,
    );

    // The next day (the app started again with its clock a day on).
    process.env.FIRST_MEETING_DAYS_AHEAD = '1';
    const tomorrow = hostOn(dataDir);
    const next = await call(tomorrow, 'drills.overview', { dailySize: 5 });
    expect(next.date).toBe(failed.nextDue);
    expect(next.today[0]).toMatchObject({ id: drillId, due: true });
    const passed = await call(tomorrow, 'drills.answer', {
      drillId,
      answer: GOOD,
      source: 'typed',
    });
    expect(passed.passed).toBe(true);
    expect((await call(tomorrow, 'drills.overview', {})).today.some((d) => d.id === drillId)).toBe(
      false,
    );
  });

  it("two learners' attempts and sessions stay apart; sessions from before learners are the first one's", async () => {
    const dataDir = freshDataDir();
    const composed = hostOn(dataDir);
    // A session held before anyone was added.
    const early = await call(composed, 'session.start', {
      scenarioId: 'light-stack-leader',
      difficulty: 'normal',
      mode: 'coach',
    });
    await call(composed, 'session.reply', { sessionId: early.id, text: GOOD, source: 'typed' });
    stored(await call(composed, 'session.end', { sessionId: early.id }));

    const sam = (await call(composed, 'learners.add', { name: 'Sam' })).active as string;
    const ana = (await call(composed, 'learners.add', { name: 'Ana' })).active as string;
    expect(ana).not.toBe(sam);
    await call(composed, 'drills.answer', {
      drillId: 'qd-no-budget',
      answer: PITCH,
      source: 'typed',
    });
    const anaMeeting = await call(composed, 'session.start', {
      scenarioId: 'average-cro',
      difficulty: 'easy',
      mode: 'coach',
    });
    await call(composed, 'session.reply', {
      sessionId: anaMeeting.id,
      text: GOOD,
      source: 'typed',
    });
    const record = stored(await call(composed, 'session.end', { sessionId: anaMeeting.id }));
    expect(record.learnerId).toBe(ana);
    const anaHistory = await call(composed, 'history.list', { offset: 0, limit: 50 });
    expect(anaHistory.rows.map((r) => r.id)).toEqual([anaMeeting.id]);

    await call(composed, 'learners.choose', { learnerId: sam });
    const samHistory = await call(composed, 'history.list', { offset: 0, limit: 50 });
    expect(samHistory.rows.map((r) => r.id)).toEqual([early.id]);
    const samToday = await call(composed, 'drills.overview', {});
    expect(samToday.today.find((d) => d.id === 'qd-no-budget')?.due ?? false).toBe(false);
    expect(samToday.learner.name).toBe('Sam');

    // Each learner's daily size is their own, and kept.
    expect((await call(composed, 'drills.overview', { dailySize: 3 })).today).toHaveLength(3);
    await call(composed, 'learners.choose', { learnerId: ana });
    expect((await call(composed, 'drills.overview', {})).dailySize).toBe(10);
    await call(composed, 'learners.choose', { learnerId: sam });

    // Started again: the choice of learner and their daily size are kept.
    const again = hostOn(dataDir);
    expect((await call(again, 'learners.list', undefined)).active).toBe(sam);
    const kept = await call(again, 'drills.overview', {});
    expect(kept.dailySize).toBe(3);
    expect(kept.today).toHaveLength(3);
  });
});
