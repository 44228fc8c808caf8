// What a stored session and a history row must look like when read back from
// disk. Files can be hand-edited or damaged, so nothing read is trusted until
// it passes these schemas; a file that fails is set aside, not shown.
import { z } from 'zod';
import { BEHAVIORS, BEHAVIOR_GROUPS } from '../../core/behaviors/taxonomy';
import { DIFFICULTIES, OUTCOMES } from '../../core/scenarios/schema';
import { BUYER_SIGNALS } from '../../core/understanding/buyer';
import { TRANSCRIPT_FORMATS } from '../../core/transcripts/types';
import type { HistoryRow, SessionRecord } from '../../contract/api';
import { spokenTiming } from './journal';

const text = z.string().max(50_000);
const name = z.string().max(500);
const score = z.number().min(0).max(100);
const outcome = z.enum([...OUTCOMES, 'open']);
const behavior = z.enum(BEHAVIORS);
const group = z.enum(BEHAVIOR_GROUPS);
const meters = z.record(z.string().max(100), z.number());
const count = z.number().int().min(0);
const replayOf = z.object({ sessionId: z.string().max(64), fromTurn: z.number().int().min(1) });

// The delivery section of a report with spoken replies (core/scoring/delivery.ts).
const seconds = z.number().min(0);
const delivery = z.object({
  spokenTurns: count,
  speakingSeconds: seconds,
  words: count,
  fillers: z.array(z.object({ word: name, count, turns: z.array(z.number().int().min(1)) })),
  metrics: z.array(
    z.object({
      key: z.enum(['pace', 'fillers', 'patience', 'monologue']),
      metric: name,
      value: z.number().nullable(),
      unit: z.enum(['words_per_minute', 'per_minute', 'seconds']),
      target: name,
      met: z.boolean().nullable(),
      source: text,
      evidence: text,
      turns: z.array(z.number().int().min(1)),
      tryInstead: text.nullable(),
    }),
  ),
  turns: z.array(
    z.object({
      turn: z.number().int().min(1),
      seconds: seconds.nullable(),
      words: count,
      wordsPerMinute: z.number().min(0).nullable(),
      fillers: count,
      patienceSeconds: seconds.nullable(),
      afterObjection: z.boolean(),
    }),
  ),
  engines: z.array(name),
  notes: z.array(text),
});

const report = z.object({
  outcome,
  valueCreation: score,
  pitching: score,
  overall: score,
  summary: text,
  adjustments: z.array(z.object({ points: z.number(), reason: text })),
  metrics: z.object({
    repTurns: count,
    repTalkShare: z.number(),
    questionsAsked: count,
    questionShare: z.number(),
    questionSpread: z.object({ early: z.number(), middle: z.number(), late: z.number() }),
    questionsFrontLoaded: z.boolean(),
    longestMonologue: z.object({
      turn: z.number().int().nullable(),
      words: z.number(),
      seconds: z.number(),
    }),
    firstPitchTurn: z.number().int().nullable(),
    explicitNeedTurn: z.number().int().nullable(),
    pitchesBeforeExplicitNeed: count,
    byBehavior: z.record(behavior, z.number()),
    byGroup: z.record(group, z.number()),
  }),
  checks: z.array(
    z.object({
      metric: name,
      value: z.number().nullable(),
      unit: z.enum(['share', 'seconds', 'count']),
      target: name,
      met: z.boolean(),
      source: text,
    }),
  ),
  moments: z.array(
    z.object({
      turn: z.number().int().min(1),
      text,
      behavior,
      group,
      confidence: z.number(),
      cues: z.array(text),
      counts: z.enum(['value', 'pitch', 'neutral']),
      valuePoints: z.number(),
      pitchPoints: z.number(),
      why: text,
      tryInstead: text,
      unsureBetween: z.tuple([behavior, behavior]).optional(),
    }),
  ),
  buyerSignals: z.array(
    z.object({ kind: z.enum(BUYER_SIGNALS), cue: text, afterTurn: z.number().int().min(0) }),
  ),
  delivery: delivery.optional(),
});

export const sessionRecordSchema = z.object({
  version: z.literal(1),
  id: z.string().max(64),
  scenario: z.object({
    id: z.string().max(64),
    title: name,
    persona: z.object({ name, role: name, company: name }),
  }),
  difficulty: z.enum(DIFFICULTIES),
  mode: z.enum(['coach', 'exam']),
  reps: z.array(name).min(1),
  seed: z.number().int(),
  startedAt: z.string().max(64),
  endedAt: z.string().max(64),
  endedBy: z.enum(['buyer', 'rep', 'recovery']),
  opening: text,
  meterInfo: z.array(
    z.object({ name: z.string().max(100), label: name, min: z.number(), max: z.number() }),
  ),
  openingMeters: meters,
  turns: z.array(
    z.object({
      n: z.number().int().min(1),
      rep: text,
      repName: name,
      source: z.enum(['typed', 'spoken']),
      at: z.number().min(0),
      buyer: text,
      behavior,
      group,
      meters,
      speech: spokenTiming.optional(),
    }),
  ),
  outcome,
  report,
  replayOf: replayOf.optional(),
  learnerId: z.string().max(80).optional(),
  drill: z
    .object({
      drillId: z.string().max(80),
      title: name,
      trackId: z.string().max(80).optional(),
      moduleId: z.string().max(80).optional(),
      passed: z.boolean(),
      score,
      objectives: z.array(z.object({ name, met: z.boolean(), why: text })).max(50),
    })
    .optional(),
  call: z
    .object({
      fileName: name,
      format: z.enum(TRANSCRIPT_FORMATS),
      rep: name,
      buyers: z.array(name),
      timings: z.enum(['measured', 'estimated']),
      timingSource: text,
      speakers: z.array(
        z.object({
          name,
          role: z.enum(['rep', 'buyer']),
          turns: count,
          words: count,
          seconds: seconds.optional(),
        }),
      ),
      keptAs: name.optional(),
    })
    .optional(),
}) satisfies z.ZodType<SessionRecord, unknown>;

export const historyRowSchema = z.object({
  id: z.string().max(64),
  call: name.optional(),
  learnerId: z.string().max(80).optional(),
  drill: z.string().max(80).optional(),
  startedAt: z.string().max(64),
  scenarioId: z.string().max(64),
  scenarioTitle: name,
  difficulty: z.enum(DIFFICULTIES),
  mode: z.enum(['coach', 'exam']),
  reps: z.array(name),
  turns: count,
  outcome,
  valueCreation: score,
  pitching: score,
  overall: score,
}) satisfies z.ZodType<HistoryRow, unknown>;

/** history.json: the rows, each session file's size and a digest of the rows, to notice edits. */
export const historyIndexSchema = z.object({
  version: z.literal(2),
  digest: z.string().max(64),
  sizes: z.record(z.string().max(64), z.number().int().min(0)),
  rows: z.array(historyRowSchema),
});

export function historyRowOf(record: SessionRecord): HistoryRow {
  return {
    id: record.id,
    ...(record.call ? { call: record.call.fileName } : {}),
    ...(record.learnerId ? { learnerId: record.learnerId } : {}),
    ...(record.drill ? { drill: record.drill.drillId } : {}),
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
  };
}
