// The shape of a drill bank file (scenarios/drills/*.yaml, or the data
// folder's drills/): quick drills (the buyer says one line, the rep answers
// once) and meeting drills (a scenario with objectives checked from its
// report). One zod schema validates files and generates the JSON Schema.
import { z } from 'zod';
import { BEHAVIORS, BEHAVIOR_GROUPS } from '../behaviors/taxonomy';
import { DIFFICULTIES, OUTCOMES } from '../scenarios/schema';

const drillId = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'use lowercase letters, digits and hyphens')
  .max(80);
const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1)]);

export const SKILLS = [
  'brush-off',
  'objection',
  'situation',
  'problem',
  'implication',
  'need-payoff',
  'insight',
  'concede-fit',
  'next-step',
  'listening',
] as const;
export type Skill = (typeof SKILLS)[number];

export const quickTargetSchema = z
  .strictObject({
    say: z
      .string()
      .min(1)
      .max(200)
      .describe(
        'What the rep is asked to do, shown above the buyer\'s line, e.g. "Answer without pitching or arguing"',
      ),
    behavior: oneOrMany(z.enum(BEHAVIORS))
      .optional()
      .describe('The answer must be read as one of these behaviours'),
    group: oneOrMany(z.enum(BEHAVIOR_GROUPS))
      .optional()
      .describe('The answer must be in one of these groups: value, neutral, pitch'),
    buildsOnBuyer: z
      .boolean()
      .optional()
      .describe("The answer must pick up something specific from the buyer's line"),
    ask: z
      .literal('modest')
      .optional()
      .describe(
        'The answer must ask for a modest next step (a check-in, an introduction), not a demo or a contract',
      ),
    noPitch: z
      .boolean()
      .optional()
      .describe(
        'The answer must not pitch, push proof or argue (default true), dressed in value words or not',
      ),
  })
  .describe('What a passing answer does; every condition given must hold');

export const quickDrillSchema = z.strictObject({
  id: drillId.describe('Unique id, e.g. qd-already-have-vendor'),
  title: z.string().min(1).max(120).describe('Shown in the drill library'),
  skill: z.enum(SKILLS).describe('The skill it drills, for the library and the tracks'),
  buyer: z.string().min(1).max(600).describe('What the buyer says'),
  target: quickTargetSchema,
  models: z
    .array(z.string().min(1).max(600))
    .min(2, 'give two model answers')
    .describe('Two answers that pass, shown after the attempt'),
  tip: z.string().max(400).optional().describe('One line on why, shown with the result'),
});

export const objectiveSchema = z
  .strictObject({
    noPitchBeforeNeed: z
      .literal(true)
      .optional()
      .describe('No pitch before the buyer states an explicit need'),
    talkShareAtMost: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe('The rep talks at most this share of the words, e.g. 0.5'),
    atLeast: z
      .strictObject({
        behavior: oneOrMany(z.enum(BEHAVIORS)),
        count: z.number().int().min(1),
      })
      .optional()
      .describe('At least this many turns of these behaviours, e.g. two implication questions'),
    reach: z
      .enum(OUTCOMES)
      .optional()
      .describe('The meeting ends with this outcome, e.g. advanced'),
    pitchingAtMost: z.number().min(0).max(100).optional().describe('Pitching score at most this'),
  })
  .describe('One objective: give exactly one key');

export const meetingDrillSchema = z.strictObject({
  id: drillId,
  title: z.string().min(1).max(120),
  scenario: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/)
    .describe('The scenario id'),
  difficulty: z.enum(DIFFICULTIES),
  objectives: z.array(objectiveSchema).min(1),
  passMark: z.number().min(0).max(100).describe('The overall score the meeting must reach'),
  maxAttempts: z.number().int().min(1).max(100).describe('How many tries a learner has'),
});

export const drillBankSchema = z
  .strictObject({
    quick: z.array(quickDrillSchema).optional(),
    meeting: z.array(meetingDrillSchema).optional(),
  })
  .describe('A First Meeting drill bank: quick drills and meeting drills');

export type QuickDrill = z.infer<typeof quickDrillSchema>;
export type MeetingDrill = z.infer<typeof meetingDrillSchema>;
export type Objective = z.infer<typeof objectiveSchema>;
export type DrillBankFile = z.infer<typeof drillBankSchema>;
export type QuickTarget = z.infer<typeof quickTargetSchema>;
