// Every kind of statement the app makes is valid xAPI 1.0.3 by Learning
// Locker's validator, says what happened with the ADL verbs, and is rebuilt
// with the same ids from the same result.
import validate from '@learninglocker/xapi-validation';
import { describe, expect, it } from 'vitest';
import {
  drillAttemptStatements,
  isoDuration,
  sessionStatements,
  trackCompletionStatements,
  VERBS,
  type DrillAttempt,
  type TrackCompletion,
  sessionOwner,
} from '../../../../src-main/core/xapi/statements';
import { uuidV5 } from '../../../../src-main/services/xapi/ids';
import { playedRecord } from '../../services/storage/fixtures/records';

const options = {
  baseIri: 'https://lrs.example.com/first-meeting/',
  idFor: (n: string) => uuidV5(n),
};
const learner = { id: 'l-7f3a', name: 'Ana Ruiz' };
const base = 'https://lrs.example.com/first-meeting';

const quick: DrillAttempt = {
  id: '5b1e8f0e-8a51-4a39-9d0f-1f6f7d4a2c10',
  learnerId: learner.id,
  drillId: 'brush-off-vendor-1',
  kind: 'quick',
  trackId: 'first-week',
  moduleId: 'day-4',
  startedAt: '2026-03-02T09:00:00.000Z',
  durationMs: 41_250,
  passed: false,
  score: 0,
  objectives: [{ name: 'no pitch', met: false, why: 'The answer describes the product.' }],
  answer: 'Our platform does that better than your vendor.',
};
const meetingDrill: DrillAttempt = {
  ...quick,
  id: '9a7c1d52-3e0b-4f5e-8f71-0c2b9e6d4a33',
  drillId: 'certify-light-stack',
  kind: 'meeting',
  passed: true,
  score: 78,
  answer: '',
  sessionId: '20260101-120000-aaaaaaaa',
  valueCreation: 81,
  pitching: 12,
  outcome: 'advanced',
};
const track: TrackCompletion = {
  id: 'c2f1a3e4-5b6c-4d7e-8f90-a1b2c3d4e5f6',
  learnerId: learner.id,
  trackId: 'first-week',
  completedAt: '2026-03-06T16:30:00.000Z',
  moduleScores: [
    { moduleId: 'day-1', score: 80 },
    { moduleId: 'day-2', score: 90 },
  ],
  verificationCode: 'FM-7Q2K-99XD',
};

const every = () => [
  ...sessionStatements(playedRecord(), learner, options),
  ...drillAttemptStatements(quick, learner, options),
  ...drillAttemptStatements(meetingDrill, learner, options),
  ...trackCompletionStatements(track, learner, options),
];

describe('xAPI statements', () => {
  it('are every one valid by the validator', () => {
    const statements = every();
    expect(statements).toHaveLength(8);
    for (const statement of statements)
      expect(validate(statement), JSON.stringify(statement)).toEqual([]);
  });

  it('the validator does catch a broken statement (so the check above can fail)', () => {
    const [broken] = sessionStatements(playedRecord(), learner, options);
    expect(validate({ ...broken, verb: { id: 'passed' } }).length).toBeGreaterThan(0);
  });

  it('get the same ids when rebuilt, and different ids for different results', () => {
    const ids = every().map((s) => s.id);
    expect(every().map((s) => s.id)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('a practice meeting: attempted, then scored with value creation, pitching and outcome', () => {
    const record = playedRecord();
    const [attempted, scored] = sessionStatements(record, learner, options);
    expect(attempted?.verb.id).toBe(VERBS.attempted);
    expect(scored?.verb.id).toBe(VERBS.scored);
    expect(scored?.object).toMatchObject({ id: `${base}/scenarios/light-stack-leader` });
    expect(scored?.result?.score).toEqual({
      scaled: record.report.overall / 100,
      raw: record.report.overall,
      min: 0,
      max: 100,
    });
    expect(scored?.result?.completion).toBe(true);
    expect(scored?.result?.duration).toBe('PT20M0S');
    expect(scored?.result?.extensions).toEqual({
      [`${base}/extensions/value-creation`]: record.report.valueCreation,
      [`${base}/extensions/pitching`]: record.report.pitching,
      [`${base}/extensions/outcome`]: record.report.outcome,
    });
    expect(attempted?.context?.registration).toBe(scored?.context?.registration);
    expect(attempted?.actor).toEqual({
      objectType: 'Agent',
      name: 'Ana Ruiz',
      account: { homePage: base, name: 'l-7f3a' },
    });
  });

  it('a real call scored from a transcript is not practice and makes none', () => {
    const record = playedRecord();
    const call = {
      ...record,
      call: {
        fileName: 'call.vtt',
        format: 'vtt' as const,
        rep: 'Ana',
        buyers: ['Bo'],
        timings: 'measured' as const,
        timingSource: 'cues',
        speakers: [],
      },
    };
    expect(sessionStatements(call, learner, options)).toEqual([]);
  });

  it('a failed quick drill: failed, success false, with its answer and the objectives', () => {
    const [attempted, failed] = drillAttemptStatements(quick, learner, options);
    expect(attempted?.verb.id).toBe(VERBS.attempted);
    expect(failed?.verb.id).toBe(VERBS.failed);
    expect(failed?.result).toMatchObject({
      success: false,
      completion: true,
      duration: 'PT41.25S',
      response: quick.answer,
      score: { scaled: 0, raw: 0, min: 0, max: 100 },
    });
    expect(failed?.context?.contextActivities?.parent).toEqual([
      { objectType: 'Activity', id: `${base}/tracks/first-week/modules/day-4` },
    ]);
    expect(failed?.timestamp).toBe('2026-03-02T09:00:41.250Z');
  });

  it('a passed meeting drill: passed with its scores as extensions; each attempt its own registration', () => {
    const [, passed] = drillAttemptStatements(meetingDrill, learner, options);
    const [, failed] = drillAttemptStatements(quick, learner, options);
    expect(passed?.verb.id).toBe(VERBS.passed);
    expect(passed?.result?.score?.scaled).toBe(0.78);
    expect(passed?.result?.extensions?.[`${base}/extensions/value-creation`]).toBe(81);
    expect(passed?.result?.extensions?.[`${base}/extensions/outcome`]).toBe('advanced');
    expect(passed?.context?.registration).not.toBe(failed?.context?.registration);
  });

  it('a track completion: completed and passed, with the mean module score and the code', () => {
    const statements = trackCompletionStatements(track, learner, options);
    expect(statements.map((s) => s.verb.id)).toEqual([VERBS.completed, VERBS.passed]);
    expect(statements[0]?.result?.score?.raw).toBe(85);
    expect(statements[0]?.result?.extensions?.[`${base}/extensions/verification-code`]).toBe(
      'FM-7Q2K-99XD',
    );
  });

  it('refuses a base IRI that is not an absolute web address', () => {
    expect(() =>
      sessionStatements(playedRecord(), learner, { ...options, baseIri: 'first-meeting' }),
    ).toThrow(/not an absolute http/);
  });

  it('durations are ISO 8601 with hundredths', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(3_723_456)).toBe('PT1H2M3.46S');
  });
});

describe('uuidV5', () => {
  it('matches the RFC 9562 example (www.example.com in the DNS namespace)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});

describe('whose a stored session is', () => {
  const ana = { id: 'l-ana', name: 'Ana' };
  const bo = { id: 'l-bo', name: 'Bo' };
  it('the learner it names; else, from before learners or naming one gone, the first', () => {
    expect(sessionOwner('l-bo', [ana, bo])).toBe(bo);
    expect(sessionOwner(undefined, [ana, bo])).toBe(ana);
    expect(sessionOwner('l-gone', [ana, bo])).toBe(ana);
    expect(sessionOwner(undefined, [])).toBeUndefined();
  });
});
