// What a team-roleplay action looks like, checked with zod, in the two forms
// it travels in: from the page (contract/validate.ts; the host stamps the time,
// a spoken turn names its recording) and in the journal
// (services/storage/team-record.ts; every action carries its time). The fields
// are defined once. Lengths only keep absurd payloads out; the roleplay checks
// emptiness and length itself, with a friendlier message.
import { z } from 'zod';
import { BEHAVIORS, BEHAVIOR_GROUPS } from '../behaviors/taxonomy';
import { MAX_REPLY_CHARACTERS } from '../meeting/reply';
import { MAX_NOTE_CHARS, MAX_REASON_CHARS, MAX_TALLY } from './types';

const turnNumber = z.number().int().min(1).max(100_000);
const hands = z.number().int().min(0).max(MAX_TALLY);

export const tallySchema = z.strictObject({ value: hands, neutral: hands, pitch: hands });

const FIELDS = {
  turn: {
    type: z.literal('turn'),
    text: z.string().max(MAX_REPLY_CHARACTERS * 4),
    source: z.enum(['typed', 'spoken']),
  },
  event: {
    type: z.literal('event'),
    id: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'is not an event id'),
  },
  call: {
    type: z.literal('call'),
    turn: turnNumber,
    call: z.enum(BEHAVIOR_GROUPS).optional(),
    tally: tallySchema.optional(),
  },
  note: { type: z.literal('note'), turn: turnNumber, text: z.string().max(MAX_NOTE_CHARS * 2) },
  override: {
    type: z.literal('override'),
    turn: turnNumber,
    behavior: z.enum(BEHAVIORS),
    reason: z.string().max(MAX_REASON_CHARS * 2),
  },
} as const;

/** An action from the page: no time (the host stamps it); a spoken turn names its utterance. */
export function pageActionSchema(utteranceId: z.ZodString) {
  return z.discriminatedUnion('type', [
    z.strictObject({ ...FIELDS.turn, utteranceId: utteranceId.optional() }),
    z.strictObject({ type: z.literal('skip') }),
    z.strictObject({ type: z.literal('next') }),
    z.strictObject(FIELDS.event),
    z.strictObject({ type: z.literal('pause') }),
    z.strictObject({ type: z.literal('resume') }),
    z.strictObject(FIELDS.call),
    z.strictObject(FIELDS.note),
    z.strictObject(FIELDS.override),
  ]);
}

const at = z.number().min(0).max(1e12);

/** An action as the journal keeps it: the controls and turns with the roleplay time they happened at. */
export const journalActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...FIELDS.turn, at }),
  z.strictObject({ type: z.literal('skip'), at }),
  z.strictObject({ type: z.literal('next'), at }),
  z.strictObject({ ...FIELDS.event, at }),
  z.strictObject({ type: z.literal('pause'), at }),
  z.strictObject({ type: z.literal('resume'), at }),
  z.strictObject(FIELDS.call),
  z.strictObject(FIELDS.note),
  z.strictObject(FIELDS.override),
]);
