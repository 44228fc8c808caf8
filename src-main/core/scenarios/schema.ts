// The shape of a scenario file. One zod schema validates files at load time and
// generates scenarios/scenario.schema.json for editor completion, so the two
// never disagree. Names a scenario may use in `when` and in reactions come from
// the registry (registry.ts); this file only says how they are written.
import { z } from 'zod';
import { BEHAVIORS, BEHAVIOR_GROUPS } from '../behaviors/taxonomy';

export const DIFFICULTIES = ['easy', 'normal', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export const OUTCOMES = ['advanced', 'declined', 'ended_by_buyer'] as const;
export type FinalOutcome = (typeof OUTCOMES)[number];
export type Outcome = FinalOutcome | 'open';

const identifier = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9_]*$/,
    'a name is letters, digits and underscores, starting with a letter',
  );

/** A number, or `$name` for a number that depends on the difficulty (see `difficulty.*.vars`). */
export const numberOrVar = z
  .union([
    z.number(),
    z.string().regex(/^\$[A-Za-z][A-Za-z0-9_]*$/, 'a number, or $name of a difficulty variable'),
  ])
  .describe('A number, or $name of a variable set per difficulty under difficulty.<level>.vars');

const behaviorName = z.enum(BEHAVIORS);
const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1)]);

export const range = z
  .strictObject({
    atLeast: numberOrVar.optional().describe('true when the value is at least this'),
    atMost: numberOrVar.optional().describe('true when the value is at most this'),
  })
  .describe('A range: atLeast, atMost, or both');

/** The conditions a reaction can test. Each key names a guard in the registry. */
export const simpleWhen = z.strictObject({
  behavior: oneOrMany(behaviorName)
    .optional()
    .describe("The rep's turn is one of these behaviours"),
  group: oneOrMany(z.enum(BEHAVIOR_GROUPS))
    .optional()
    .describe("The rep's turn is in one of these groups: value, neutral, pitch"),
  meter: z
    .record(identifier, range)
    .optional()
    .describe(
      "Meters (before this turn's effects) are in these ranges, e.g. { trust: { atLeast: 60 } }",
    ),
  pitchStreak: numberOrVar
    .optional()
    .describe(
      "At least this many pitch-group turns in a row, counting this one; a pitch that answers an explicit need in the buyer's words (a Benefit) breaks the streak",
    ),
  turn: range.optional().describe('The rep turn number (1 is the first reply) is in this range'),
  count: z
    .strictObject({
      behavior: oneOrMany(behaviorName).optional(),
      group: oneOrMany(z.enum(BEHAVIOR_GROUPS)).optional(),
      atLeast: numberOrVar.optional(),
      atMost: numberOrVar.optional(),
    })
    .optional()
    .describe('How many rep turns so far, this one included, had these behaviours or groups'),
  askSize: z
    .enum(['modest', 'big'])
    .optional()
    .describe(
      'The turn is a commitment ask of this size: modest (a check-in, an introduction, a next conversation) or big (a demo, a trial, a proposal, a contract)',
    ),
  repeated: z.boolean().optional().describe('The rep asked or said this before'),
  buildsOnBuyer: z
    .boolean()
    .optional()
    .describe("The rep's turn picks up words or ideas from the buyer's last two lines"),
  dressed: z
    .boolean()
    .optional()
    .describe(
      'The turn is a pitch or proof dressed in value words ("to be honest", "no pressure", "imagine if", "a lot of teams are surprised", a question built on our offer)',
    ),
  revealed: oneOrMany(identifier)
    .optional()
    .describe('The buyer has already revealed all these facts'),
  notRevealed: oneOrMany(identifier)
    .optional()
    .describe('The buyer has not yet revealed any of these facts'),
  explicitNeed: z
    .boolean()
    .optional()
    .describe('The buyer has (true) or has not (false) stated an explicit need'),
  difficulty: oneOrMany(z.enum(DIFFICULTIES))
    .optional()
    .describe('The session runs at one of these difficulties'),
});

export const when = simpleWhen
  .extend({
    any: z
      .array(simpleWhen)
      .min(1)
      .optional()
      .describe('True when any of these conditions is true'),
    not: simpleWhen.optional().describe('True when this condition is false'),
  })
  .describe('All conditions listed must hold');

/** What a reaction does. Each key but `when` and `goto` names an action in the registry. */
export const reaction = z.strictObject({
  when: when.optional().describe('When this reaction applies; leave out to always apply'),
  effects: z
    .record(identifier, z.number())
    .optional()
    .describe(
      'Meter changes, e.g. { trust: 10, patience: -5 }; scaled by difficulty and by how well the turn was made',
    ),
  say: identifier.optional().describe('Key of a line under `lines` the buyer says'),
  reveal: oneOrMany(identifier)
    .optional()
    .describe('Facts (under persona.facts) the buyer reveals'),
  need: z
    .enum(['implied', 'explicit'])
    .optional()
    .describe(
      'The buyer states a need: implied ("we have this problem") or explicit ("we want to fix it")',
    ),
  goto: identifier.optional().describe('The state the buyer moves to'),
});

export const otherwise = reaction
  .omit({ when: true })
  .describe('What the buyer does when no reaction applies');

/** Something the facilitator of a team roleplay can make happen: the buyer says a line and moves. */
export const eventSchema = z
  .strictObject({
    label: z
      .string()
      .min(1)
      .max(80)
      .describe('What the facilitator sees on the button, e.g. "The CFO joins"'),
    effects: z
      .record(identifier, z.number())
      .optional()
      .describe(
        "Meter changes, e.g. { patience: -15 }; scaled by difficulty (not by the rep's turn)",
      ),
    say: identifier.describe('Key of a line under `lines` the buyer says when it happens'),
    reveal: oneOrMany(identifier)
      .optional()
      .describe('Facts (under persona.facts) the buyer reveals'),
    need: z
      .enum(['implied', 'explicit'])
      .optional()
      .describe('The buyer states a need: implied or explicit'),
    goto: identifier.optional().describe('The state the buyer moves to'),
  })
  .describe(
    'A scenario event: the facilitator triggers it between turns; the buyer says its line and its effects apply through the same actions as reactions',
  );

export const stateSchema = z.strictObject({
  description: z.string().optional().describe('What this state means, for people reading the file'),
  outcome: z
    .enum(OUTCOMES)
    .optional()
    .describe('Makes this a final state: the meeting ends with this outcome'),
  reactions: z
    .array(reaction)
    .optional()
    .describe('Checked in order; the first that applies is used'),
  otherwise: otherwise.optional(),
});

export const meterSchema = z.strictObject({
  start: z.number().describe('Value at the start of the meeting'),
  min: z.number().optional().describe('Lowest value (default 0)'),
  max: z.number().optional().describe('Highest value (default 100)'),
  perTurn: z
    .number()
    .optional()
    .describe('Change after every rep turn, e.g. -4 for patience running out'),
  label: z.string().optional().describe('Name shown to the rep'),
});

export const difficultySchema = z.strictObject({
  gain: z.number().positive().optional().describe('Multiplies meter gains (default 1)'),
  loss: z
    .number()
    .positive()
    .optional()
    .describe('Multiplies meter losses and per-turn drift (default 1)'),
  start: z
    .record(identifier, z.number())
    .optional()
    .describe('Meter start values at this difficulty'),
  vars: z.record(identifier, z.number()).optional().describe('Values for $name in conditions'),
  note: z.string().optional().describe('How this difficulty changes the buyer, shown to the rep'),
});

const lineVariants = z
  .array(z.string().min(1, 'a line cannot be empty'))
  .min(1, 'give at least one wording');

export const scenarioSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, 'use lowercase letters, digits and hyphens')
      .describe('Unique id, used on the command line: --scenario ID'),
    title: z.string().min(1).describe('Shown on the scenario card'),
    brief: z.string().min(1).describe('One line that tells the rep what they walk into'),
    sells: z
      .strictObject({
        name: z.string().min(1).describe('The product\'s name, e.g. "Signalwise"'),
        what: z.string().min(1).describe('One line saying what it does, shown in the brief'),
        words: z
          .array(z.string().min(1, 'a feature word cannot be empty'))
          .optional()
          .describe('Feature words a rep would use about it, e.g. "deal scoring"'),
      })
      .optional()
      .describe(
        'What the rep sells. The judge reads clauses about these names and words as being about our offer, however they are wrapped',
      ),
    persona: z.strictObject({
      name: z.string().min(1),
      role: z.string().min(1),
      company: z.string().min(1),
      caresAbout: z.array(z.string().min(1)).min(1).describe('What this buyer cares about'),
      facts: z
        .record(identifier, z.string().min(1))
        .optional()
        .describe('What the buyer knows that the rep can uncover, by id'),
    }),
    meters: z.record(identifier, meterSchema).describe('Meters that move during the meeting'),
    difficulty: z
      .strictObject({ easy: difficultySchema, normal: difficultySchema, hard: difficultySchema })
      .describe('How each difficulty changes the buyer'),
    opening: identifier.describe('Key of the line the buyer opens the meeting with'),
    initial: identifier.describe('The state the meeting starts in'),
    rules: z
      .array(reaction)
      .optional()
      .describe("Checked before the current state's reactions, in every state that is not final"),
    endings: z
      .array(reaction)
      .optional()
      .describe(
        'Checked after every turn in every state that is not final, to end or move the meeting',
      ),
    states: z.record(identifier, stateSchema),
    events: z
      .record(identifier, eventSchema)
      .optional()
      .describe(
        'Events a facilitator can trigger in a team roleplay ("the CFO joins", "budget frozen"), by id; `/event ID` in a script',
      ),
    lines: z
      .record(identifier, lineVariants)
      .describe('What the buyer says, by key; several wordings each so sessions differ'),
  })
  .describe('A First Meeting scenario: one buyer persona and how they react');

export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type ReactionSpec = z.infer<typeof reaction>;
export type WhenSpec = z.infer<typeof when>;
export type SimpleWhenSpec = z.infer<typeof simpleWhen>;
export type StateSpec = z.infer<typeof stateSchema>;
export type EventSpec = z.infer<typeof eventSchema>;
