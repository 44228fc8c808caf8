// What a team roleplay looks like on disk: its journal (a start line with the
// set-up, then one line per action) and its stored record (the set-up, every
// action, and the state they gave). The set-up and the actions are the truth
// and are checked strictly; the state is checked where the board reads it.
import { z } from 'zod';
import { BEHAVIORS, BEHAVIOR_GROUPS } from '../../core/behaviors/taxonomy';
import { DIFFICULTIES, OUTCOMES } from '../../core/scenarios/schema';
import type { MeterInfo, SessionRecord } from '../../contract/api';
import type { TeamState } from '../../core/team/roleplay';
import { MAX_REPS, MAX_REP_NAME } from '../../core/team/roster';
import { journalActionSchema } from '../../core/team/schema';
import {
  MAX_TURNS_PER_REP,
  ROTATIONS,
  type TeamAction,
  type TeamSetup,
} from '../../core/team/types';

const ms = z.number().min(0).max(1e12);
const turnNumber = z.number().int().min(1).max(100_000);
const group = z.enum(BEHAVIOR_GROUPS);

export const teamSetupSchema = z.strictObject({
  scenarioId: z.string().min(1).max(64),
  difficulty: z.enum(DIFFICULTIES),
  mode: z.enum(['coach', 'exam']),
  rotation: z.enum(ROTATIONS as [TeamSetup['rotation'], ...TeamSetup['rotation'][]]),
  turnsPerRep: z.number().int().min(1).max(MAX_TURNS_PER_REP),
  reps: z.array(z.string().min(1).max(MAX_REP_NAME)).min(2).max(MAX_REPS),
  seed: z.number().int(),
  calling: z.boolean(),
}) satisfies z.ZodType<TeamSetup, unknown>;

/** An action as the journal keeps it: stamped with the roleplay time it happened at. */
export const teamActionLine = journalActionSchema satisfies z.ZodType<TeamAction, unknown>;

export const teamJournalHeader = z.strictObject({
  type: z.literal('team'),
  version: z.literal(1),
  id: z.string().min(1).max(64),
  scenarioTitle: z.string().max(500),
  /** A digest of the scenario as it was, to notice when it has changed since. */
  scenarioDigest: z.string().max(128),
  startedAt: z.string().max(64),
  setup: teamSetupSchema,
});
export type TeamJournalHeader = z.infer<typeof teamJournalHeader>;

export const teamJournalAction = z.strictObject({
  type: z.literal('action'),
  n: z.number().int().min(1),
  action: teamActionLine,
});

export const teamJournalEnd = z.strictObject({ type: z.literal('end') });

// The state, as far as the board and the reports read it; the rest is kept as written.
const understanding = z.looseObject({
  text: z.string().max(20_000),
  behavior: z.enum(BEHAVIORS),
  group,
  confidence: z.number().min(0).max(1),
  cues: z.array(z.string().max(2_000)),
  alternative: z.enum(BEHAVIORS),
});
const teamTurn = z.looseObject({
  n: turnNumber,
  rep: z.string().max(MAX_REP_NAME),
  meeting: z.number().int().min(0),
  meetingTurn: turnNumber,
  text: z.string().max(20_000),
  source: z.enum(['typed', 'spoken']),
  at: ms,
  understanding,
  facts: z.looseObject({ behavior: z.enum(BEHAVIORS), group }),
  buyer: z.string().max(20_000),
  buyerSignals: z.array(z.looseObject({ kind: z.string(), cue: z.string() })),
  substantive: z.boolean(),
  meters: z.record(z.string(), z.number()),
});
const teamState = z.looseObject({
  setup: teamSetupSchema,
  turns: z.array(teamTurn),
  events: z.array(
    z.looseObject({ id: z.string(), label: z.string(), meeting: z.number(), buyer: z.string() }),
  ),
  meetings: z.array(
    z.looseObject({
      rep: z.string().nullable(),
      opening: z.string(),
      outcome: z.enum([...OUTCOMES, 'open']),
      ended: z.boolean(),
    }),
  ),
  calls: z.record(z.string(), z.looseObject({})),
  notes: z.record(z.string(), z.array(z.string())),
  overrides: z.record(
    z.string(),
    z.looseObject({ behavior: z.enum(BEHAVIORS), reason: z.string() }),
  ),
});

export const teamRecordSchema = z.strictObject({
  version: z.literal(1),
  id: z.string().min(1).max(64),
  scenario: z.strictObject({
    id: z.string().max(64),
    title: z.string().max(500),
    persona: z.strictObject({
      name: z.string().max(500),
      role: z.string().max(500),
      company: z.string().max(500),
    }),
  }),
  meterInfo: z.array(
    z.strictObject({
      name: z.string().max(100),
      label: z.string().max(200),
      min: z.number(),
      max: z.number(),
    }),
  ),
  startedAt: z.string().max(64),
  endedAt: z.string().max(64),
  actions: z.array(teamActionLine),
  state: teamState,
});

/** A finished team roleplay, as stored in teams/ID.json. */
export interface TeamRecord {
  readonly version: 1;
  readonly id: string;
  readonly scenario: SessionRecord['scenario'];
  readonly meterInfo: readonly MeterInfo[];
  readonly startedAt: string;
  readonly endedAt: string;
  readonly actions: readonly TeamAction[];
  readonly state: TeamState;
}
