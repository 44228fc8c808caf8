// Practice results as xAPI 1.0.3 statements, for the organisation's learning
// record store. Pure: the statement ids come from `idFor`, a name-based UUID
// maker the caller gives (services/xapi/ids.ts makes UUID v5), so a statement
// rebuilt from the same result always has the same id and a resend is never a
// duplicate. Types are @xapi/xapi's (type-only: nothing of it runs here).
import type { DrillAttempt, Learner as DrillLearner, TrackCompletion } from '../drills/types';
import type { Actor, Context, Extensions, Result, Statement } from '@xapi/xapi';
import type { Difficulty, Outcome } from '../scenarios/schema';
import type { SessionReport } from '../scoring/report';

/**
 * What a statement needs of a stored session (the contract's SessionRecord
 * has all of it; the core may not import the contract).
 */
export interface PracticeSession {
  readonly id: string;
  readonly scenario: {
    readonly id: string;
    readonly title: string;
    readonly persona: { readonly name: string; readonly role: string; readonly company: string };
  };
  readonly difficulty: Difficulty;
  readonly mode: 'coach' | 'exam';
  readonly startedAt: string;
  readonly endedAt: string;
  readonly report: Pick<SessionReport, 'overall' | 'valueCreation' | 'pitching'> & {
    readonly outcome: Outcome | 'open';
  };
  /** Present for a real call scored from a transcript. */
  readonly call?: unknown;
}

// What the statements are about: drills' own shapes (core/drills/types.ts). A
// learner here may come without createdAt (a rep known only by name).
export type { DrillAttempt, TrackCompletion } from '../drills/types';
export type Learner = Omit<DrillLearner, 'createdAt'> & { readonly createdAt?: string };

/**
 * Whose a stored session is: the learner it names, else (a session from
 * before learners existed, or naming one no longer here) the first learner;
 * undefined when there are no learners.
 */
export function sessionOwner<L extends { readonly id: string }>(
  learnerId: string | undefined,
  learners: readonly L[],
): L | undefined {
  return (
    (learnerId === undefined ? undefined : learners.find((l) => l.id === learnerId)) ?? learners[0]
  );
}

/** A rep known only by name (no learners on this machine): a stable id from the name. */
export function repLearner(repName: string): Learner {
  const name = repName.trim() || 'Rep';
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return { id: `rep-${slug || 'rep'}`, name };
}

/** The ADL verbs this app says things with. */
export const VERBS = {
  attempted: 'http://adlnet.gov/expapi/verbs/attempted',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  scored: 'http://adlnet.gov/expapi/verbs/scored',
} as const;
export type VerbName = keyof typeof VERBS;

const ACTIVITY_TYPES = {
  simulation: 'http://adlnet.gov/expapi/activities/simulation',
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
  course: 'http://adlnet.gov/expapi/activities/course',
  module: 'http://adlnet.gov/expapi/activities/module',
} as const;

/** The default base IRI; an organisation sets its own in Settings. */
export const DEFAULT_BASE_IRI = 'https://first-meeting.app/xapi';

export interface StatementOptions {
  /** Every activity id, extension key and the actor's account home page sit under it. */
  readonly baseIri: string;
  /** A UUID made from a name: the same name, the same UUID. */
  readonly idFor: (name: string) => string;
}

/** The base IRI without a trailing slash; throws on anything but an absolute http(s) IRI. */
export function normaliseBaseIri(value: string): string {
  const trimmed = value.trim().replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i.test(trimmed)) {
    throw new Error(`the base IRI ${JSON.stringify(value)} is not an absolute http(s) address`);
  }
  return trimmed;
}

/** Extension keys: IRIs under the base. */
export function extensionIri(baseIri: string, name: string): string {
  return `${normaliseBaseIri(baseIri)}/extensions/${name}`;
}

function segment(id: string): string {
  return encodeURIComponent(id);
}

function actorOf(learner: Learner, base: string): Actor {
  return { objectType: 'Agent', name: learner.name, account: { homePage: base, name: learner.id } };
}

/** ISO 8601 duration with hundredths of a second, as xAPI asks. */
export function isoDuration(ms: number): string {
  const hundredths = Math.max(0, Math.round(ms / 10));
  const hours = Math.floor(hundredths / 360_000);
  const minutes = Math.floor((hundredths % 360_000) / 6000);
  const seconds = (hundredths % 6000) / 100;
  return `PT${hours > 0 ? `${hours}H` : ''}${minutes > 0 ? `${minutes}M` : ''}${seconds}S`;
}

function score0to100(value: number): Result['score'] {
  const raw = Math.min(100, Math.max(0, Math.round(value * 100) / 100));
  return { scaled: Math.round(raw * 100) / 10_000, raw, min: 0, max: 100 };
}

function when(iso: string, what: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new Error(`${what}: ${JSON.stringify(iso)} is not a date and time`);
  return new Date(time).toISOString();
}

interface Parts {
  readonly kind: 'session' | 'drill' | 'track';
  readonly resultId: string;
  readonly learner: Learner;
  readonly activity: Statement['object'];
  readonly context: Context;
}

function build(
  parts: Parts,
  verb: VerbName,
  timestamp: string,
  options: StatementOptions,
  result?: Result,
): Statement {
  const base = normaliseBaseIri(options.baseIri);
  return {
    id: options.idFor(`${parts.kind}:${parts.resultId}:${verb}`),
    actor: actorOf(parts.learner, base),
    verb: { id: VERBS[verb], display: { 'en-US': verb } },
    object: parts.activity,
    ...(result ? { result } : {}),
    context: parts.context,
    timestamp,
  };
}

function contextFor(kind: Parts['kind'], resultId: string, options: StatementOptions): Context {
  return {
    registration: options.idFor(`registration:${kind}:${resultId}`),
    platform: 'First Meeting',
    language: 'en',
  };
}

/**
 * A practice meeting: `attempted` when it began, `scored` when it ended with
 * the report's overall score, the value-creation and pitching scores and the
 * outcome as extensions. Real calls scored from a transcript are not practice
 * and make no statements (an empty list).
 */
export function sessionStatements(
  record: PracticeSession,
  learner: Learner,
  options: StatementOptions,
): Statement[] {
  if (record.call) return [];
  const base = normaliseBaseIri(options.baseIri);
  const started = when(record.startedAt, `session ${record.id} startedAt`);
  const ended = when(record.endedAt, `session ${record.id} endedAt`);
  const context: Context = {
    ...contextFor('session', record.id, options),
    extensions: {
      [extensionIri(base, 'difficulty')]: record.difficulty,
      [extensionIri(base, 'mode')]: record.mode,
      [extensionIri(base, 'session-id')]: record.id,
    },
  };
  const parts: Parts = {
    kind: 'session',
    resultId: record.id,
    learner,
    context,
    activity: {
      objectType: 'Activity',
      id: `${base}/scenarios/${segment(record.scenario.id)}`,
      definition: {
        type: ACTIVITY_TYPES.simulation,
        name: { 'en-US': record.scenario.title },
        description: {
          'en-US': `A first meeting with ${record.scenario.persona.name}, ${record.scenario.persona.role} at ${record.scenario.persona.company}`,
        },
      },
    },
  };
  const report = record.report;
  const extensions: Extensions = {
    [extensionIri(base, 'value-creation')]: report.valueCreation,
    [extensionIri(base, 'pitching')]: report.pitching,
    [extensionIri(base, 'outcome')]: report.outcome,
  };
  return [
    build(parts, 'attempted', started, options),
    build(parts, 'scored', ended, options, {
      score: score0to100(report.overall),
      completion: true,
      duration: isoDuration(Date.parse(ended) - Date.parse(started)),
      extensions,
    }),
  ];
}

/** A drill attempt: `attempted`, then `passed` or `failed` with its score and objectives. */
export function drillAttemptStatements(
  attempt: DrillAttempt,
  learner: Learner,
  options: StatementOptions,
): Statement[] {
  const base = normaliseBaseIri(options.baseIri);
  const started = when(attempt.startedAt, `drill attempt ${attempt.id} startedAt`);
  const ended = new Date(Date.parse(started) + Math.max(0, attempt.durationMs)).toISOString();
  const parents = [
    ...(attempt.trackId && attempt.moduleId
      ? [
          {
            objectType: 'Activity' as const,
            id: `${base}/tracks/${segment(attempt.trackId)}/modules/${segment(attempt.moduleId)}`,
          },
        ]
      : []),
  ];
  const grouping = attempt.trackId
    ? [{ objectType: 'Activity' as const, id: `${base}/tracks/${segment(attempt.trackId)}` }]
    : [];
  const context: Context = {
    ...contextFor('drill', attempt.id, options),
    ...(parents.length > 0 || grouping.length > 0
      ? {
          contextActivities: {
            ...(parents.length > 0 ? { parent: parents } : {}),
            ...(grouping.length > 0 ? { grouping } : {}),
          },
        }
      : {}),
    extensions: {
      [extensionIri(base, 'drill-kind')]: attempt.kind,
      ...(attempt.sessionId ? { [extensionIri(base, 'session-id')]: attempt.sessionId } : {}),
    },
  };
  const parts: Parts = {
    kind: 'drill',
    resultId: attempt.id,
    learner,
    context,
    activity: {
      objectType: 'Activity',
      id: `${base}/drills/${segment(attempt.drillId)}`,
      definition: {
        type: ACTIVITY_TYPES.assessment,
        name: {
          'en-US': `${attempt.kind === 'quick' ? 'Quick' : 'Meeting'} drill ${attempt.drillId}`,
        },
      },
    },
  };
  const extensions: Extensions = {
    [extensionIri(base, 'objectives')]: attempt.objectives.map((o) => ({ ...o })),
    ...(attempt.valueCreation !== undefined
      ? { [extensionIri(base, 'value-creation')]: attempt.valueCreation }
      : {}),
    ...(attempt.pitching !== undefined
      ? { [extensionIri(base, 'pitching')]: attempt.pitching }
      : {}),
    ...(attempt.outcome !== undefined ? { [extensionIri(base, 'outcome')]: attempt.outcome } : {}),
  };
  return [
    build(parts, 'attempted', started, options),
    build(parts, attempt.passed ? 'passed' : 'failed', ended, options, {
      score: score0to100(attempt.score),
      success: attempt.passed,
      completion: true,
      duration: isoDuration(attempt.durationMs),
      ...(attempt.answer ? { response: attempt.answer } : {}),
      extensions,
    }),
  ];
}

/** A whole track passed: `completed` and `passed`, the mean module score, the verification code. */
export function trackCompletionStatements(
  completion: TrackCompletion,
  learner: Learner,
  options: StatementOptions,
): Statement[] {
  const base = normaliseBaseIri(options.baseIri);
  const at = when(completion.completedAt, `track completion ${completion.id} completedAt`);
  const scores = completion.moduleScores.map((m) => m.score);
  const mean = scores.length === 0 ? 100 : scores.reduce((a, b) => a + b, 0) / scores.length;
  const parts: Parts = {
    kind: 'track',
    resultId: completion.id,
    learner,
    context: contextFor('track', completion.id, options),
    activity: {
      objectType: 'Activity',
      id: `${base}/tracks/${segment(completion.trackId)}`,
      definition: { type: ACTIVITY_TYPES.course, name: { 'en-US': `Track ${completion.trackId}` } },
    },
  };
  const result: Result = {
    score: score0to100(mean),
    success: true,
    completion: true,
    extensions: {
      [extensionIri(base, 'module-scores')]: completion.moduleScores.map((m) => ({ ...m })),
      [extensionIri(base, 'verification-code')]: completion.verificationCode,
    },
  };
  return [
    build(parts, 'completed', at, options, result),
    build(parts, 'passed', at, options, result),
  ];
}
