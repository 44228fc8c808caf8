// Validation of every call's arguments, run by the host before a call does
// anything. Payloads arrive as `unknown` from a page we do not trust blindly
// (a compromised renderer, or another page poking the browser-mode socket), so
// each schema is strict: no extra keys, bounded strings, known enums.
import { z } from 'zod';
import { DIFFICULTIES } from '../core/scenarios/schema';
import { MAX_REPLY_CHARACTERS } from '../core/meeting/reply';
import { MAX_TRANSCRIPT_BYTES } from '../core/transcripts/types';
import { MAX_REPS, MAX_REP_NAME } from '../core/team/roster';
import { pageActionSchema } from '../core/team/schema';
import { MAX_TURNS_PER_REP } from '../core/team/types';
import {
  END_OF_TURN_MS,
  MAX_BUNDLE_CHARS,
  MAX_CALL_PIECE_CHARS,
  MAX_CHUNK_BYTES,
  MAX_HISTORY_PAGE,
  MAX_UTTERANCE_SECONDS,
  type CallArgs,
  type CallName,
} from './api';

/** Session ids are made by the host: a timestamp and random letters. */
export const SESSION_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const SCENARIO_ID = /^[a-z][a-z0-9-]{0,63}$/;
export const MAX_NAME_CHARS = 80;

/** Upload ids (Score a call) are made by the host too. */
export const UPLOAD_ID = /^c[a-z0-9-]{1,63}$/;
const uploadId = z.string().regex(UPLOAD_ID, 'is not an upload id');

/** Utterance ids are made by the host too. */
export const UTTERANCE_ID = /^u[a-z0-9-]{1,63}$/;

const sessionId = z.string().regex(SESSION_ID, 'is not a session id');
const utteranceId = z.string().regex(UTTERANCE_ID, 'is not an utterance id');
/** Base64 of at most MAX_CHUNK_BYTES, whole 16-bit samples. */
const pcmChunk = z
  .string()
  .max(Math.ceil(MAX_CHUNK_BYTES / 3) * 4, 'carries more than one second of audio')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64');
/** More chunks than this would be far past the longest utterance. */
const MAX_CHUNKS = MAX_UTTERANCE_SECONDS * 50;
const none = z
  .undefined()
  .or(z.null())
  .transform(() => undefined);
const mode = z.enum(['coach', 'exam']);
/** Drill, track and module ids are kebab case, as their files give them. */
const drillId = z.string().regex(/^[a-z][a-z0-9-]{0,79}$/, 'is not a drill, track or module id');

const SCHEMAS: { readonly [K in CallName]: z.ZodType<CallArgs<K>, unknown> } = {
  'app.info': none,
  'app.log': none,
  'app.openScenarioFolder': none,
  'app.printToPdf': z.strictObject({
    fileName: z.string().regex(/^[\w.-]{1,120}\.pdf$/, 'is not a file name ending in .pdf'),
  }),
  'scenarios.list': none,
  'session.start': z.strictObject({
    scenarioId: z.string().regex(SCENARIO_ID, 'is not a scenario id'),
    difficulty: z.enum(DIFFICULTIES),
    mode,
  }),
  'session.current': none,
  'session.reply': z
    .strictObject({
      sessionId,
      // The meeting checks emptiness and length itself with a friendlier message;
      // this bound only keeps absurd payloads out.
      text: z.string().max(MAX_REPLY_CHARACTERS * 4),
      source: z.enum(['typed', 'spoken']),
      utteranceId: utteranceId.optional(),
    })
    .refine((reply) => reply.source === 'typed' || reply.utteranceId !== undefined, {
      message: 'a spoken reply names the recording it was heard in (utteranceId)',
      path: ['utteranceId'],
    }),
  'session.end': z.strictObject({ sessionId }),
  'session.replay': z.strictObject({ sessionId, fromTurn: z.number().int().min(1).max(10_000) }),
  'recovery.resume': z.strictObject({ sessionId }),
  'recovery.score': z.strictObject({ sessionId }),
  'recovery.discard': z.strictObject({ sessionId }),
  'history.list': z.strictObject({
    offset: z.number().int().min(0),
    limit: z.number().int().min(1).max(MAX_HISTORY_PAGE),
  }),
  'history.progress': z.strictObject({
    scenarioId: z.string().regex(SCENARIO_ID, 'is not a scenario id'),
  }),
  'history.get': z.strictObject({ sessionId }),
  'history.delete': z.strictObject({ sessionId }),
  'history.undoDelete': z.strictObject({ sessionId }),
  'history.exportSession': z.strictObject({ sessionId }),
  'history.exportCsv': none,
  'speech.status': none,
  'speech.begin': z.strictObject({
    sessionId,
    sinceBuyerMs: z.number().min(0).max(86_400_000).optional(),
  }),
  'speech.audio': z.strictObject({
    utteranceId,
    seq: z.number().int().min(0).max(MAX_CHUNKS),
    pcm: pcmChunk,
  }),
  'speech.finish': z.strictObject({ utteranceId }),
  'speech.cancel': z.strictObject({ utteranceId }),
  'settings.get': none,
  'settings.set': z.strictObject({
    repName: z.string().trim().max(MAX_NAME_CHARS).optional(),
    theme: z.enum(['light', 'dark', 'system']).optional(),
    mode: mode.optional(),
    speechEngine: z.enum(['auto', 'pocketsphinx', 'whisper']).optional(),
    whisperModel: z.string().trim().max(4096).optional(),
    micMode: z.enum(['push', 'handsFree']).optional(),
    endOfTurnMs: z.number().int().min(END_OF_TURN_MS.min).max(END_OF_TURN_MS.max).optional(),
    reviewTranscript: z.boolean().optional(),
    buyerVoice: z.boolean().optional(),
    sendResults: z.boolean().optional(),
  }),
  'call.begin': z.strictObject({
    fileName: z.string().trim().min(1, 'is empty').max(255, 'is longer than 255 characters'),
    // The host says how large is too large, in words; this only keeps absurd numbers out.
    bytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  }),
  'call.text': z.strictObject({
    uploadId,
    seq: z
      .number()
      .int()
      .min(0)
      .max(Math.ceil(MAX_TRANSCRIPT_BYTES / 1024)),
    text: z
      .string()
      .max(MAX_CALL_PIECE_CHARS, `carries more than ${MAX_CALL_PIECE_CHARS} characters`),
  }),
  'call.preview': z.strictObject({ uploadId }),
  'call.score': z.strictObject({
    uploadId,
    rep: z.string().trim().min(1, 'is empty').max(MAX_NAME_CHARS),
    keepFile: z.boolean(),
  }),
  'call.cancel': z.strictObject({ uploadId }),
  'team.start': z.strictObject({
    scenarioId: z.string().regex(SCENARIO_ID, 'is not a scenario id'),
    difficulty: z.enum(DIFFICULTIES),
    mode,
    rotation: z.enum(['relay', 'each']),
    turnsPerRep: z.number().int().min(1).max(MAX_TURNS_PER_REP),
    // The roster's rules (count, length, unique) are checked by the core with a message per rep.
    reps: z.array(z.string().max(MAX_REP_NAME * 4)).max(MAX_REPS * 2),
    calling: z.boolean(),
  }),
  'team.current': none,
  'team.act': z.strictObject({
    teamId: sessionId,
    action: pageActionSchema(utteranceId),
  }),
  'team.end': z.strictObject({ teamId: sessionId }),
  'team.board': z.strictObject({ teamId: sessionId }),
  'team.repReport': z.strictObject({
    teamId: sessionId,
    rep: z
      .string()
      .min(1)
      .max(MAX_REP_NAME * 4),
  }),
  'team.rosters': none,
  'team.resume': z.strictObject({ teamId: sessionId }),
  'team.discard': z.strictObject({ teamId: sessionId }),
  'team.exportCsv': z.strictObject({ teamId: sessionId }),
  'team.exportLabels': z.strictObject({ teamId: sessionId }),
  'learners.list': none,
  // The learner store checks the name's length and uniqueness with a message; this bound keeps absurd payloads out.
  'learners.add': z.strictObject({ name: z.string().max(MAX_NAME_CHARS * 4) }),
  'learners.choose': z.strictObject({
    learnerId: z.string().regex(/^l-[a-z0-9-]{1,60}$/, 'is not a learner id'),
  }),
  'drills.overview': z.strictObject({ dailySize: z.number().int().min(1).max(100).optional() }),
  'drills.quick': z.strictObject({ drillId }),
  'drills.answer': z.strictObject({
    drillId,
    answer: z.string().max(MAX_REPLY_CHARACTERS * 4),
    source: z.enum(['typed', 'spoken']),
    trackId: drillId.optional(),
    moduleId: drillId.optional(),
  }),
  'drills.startMeeting': z.strictObject({ drillId, trackId: drillId, moduleId: drillId }),
  'results.export': z.strictObject({ everyone: z.boolean() }),
  'results.import': z.strictObject({
    fileName: z.string().trim().min(1, 'is empty').max(255),
    text: z
      .string()
      .max(
        MAX_BUNDLE_CHARS,
        `is larger than the app imports at once; use: npm run --silent cli -- results import FILE`,
      ),
  }),
  'lrs.status': none,
  'lrs.save': z.strictObject({
    endpoint: z.string().trim().min(1, 'is empty').max(2048, 'is longer than 2048 characters'),
    key: z.string().trim().min(1, 'is empty').max(1024, 'is longer than 1024 characters'),
    secret: z.string().min(1, 'is empty').max(4096, 'is longer than 4096 characters').optional(),
    baseIri: z.string().trim().max(2048, 'is longer than 2048 characters').optional(),
  }),
  'lrs.test': none,
  'lrs.sendNow': none,
};

export type ArgsCheck<K extends CallName> =
  | { readonly ok: true; readonly args: CallArgs<K> }
  | { readonly ok: false; readonly message: string };

/** Checks a call's arguments; the message names the field and what was wrong. */
export function checkArgs<K extends CallName>(name: K, args: unknown): ArgsCheck<K> {
  const schema = SCHEMAS[name] as z.ZodType<CallArgs<K>, unknown>;
  const result = schema.safeParse(args);
  if (result.success) return { ok: true, args: result.data };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'arguments';
  return { ok: false, message: `${name}: ${where}: ${issue?.message ?? 'invalid'}` };
}
