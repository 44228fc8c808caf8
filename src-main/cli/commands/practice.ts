// `practice`: the interactive meeting in a terminal. Pick a scenario, type
// replies, and read the report at the end; the session is saved to the same
// History the app shows (the data folder's session store), unless --no-save.
// Reads lines from standard input, so it also works with piped replies.
// With --json the conversation goes to stderr and stdout gets one JSON object.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { SessionRecord } from '../../contract/api';
import { Meeting } from '../../core/meeting/meeting';
import { ReplyError } from '../../core/meeting/reply';
import type { CompiledScenario } from '../../core/scenarios/compile';
import { DIFFICULTIES, type Difficulty } from '../../core/scenarios/schema';
import { defaultClassifier } from '../../core/understanding/default';
import { dataFolderProblem } from '../../services/data-folder';
import { openJsonSettingsBackend } from '../../services/json-settings';
import { openSettings } from '../../services/settings';
import { newSessionId, sessionRecordOf } from '../../services/storage/session-record';
import { DataFolderError, SessionStore } from '../../services/storage/session-store';
import { formatReport, meetingJson } from '../format';
import {
  dataDirOf,
  libraryFor,
  InputError,
  noPositionals,
  parseDifficulty,
  parseSeed,
  resolveScenario,
  type Command,
  type Output,
} from '../args';

const DEFAULT_REP = 'Rep';

export const practiceCommand: Command = ({ values, positionals, json }, io) => {
  noPositionals(positionals, 'practice');
  const seed = values.seed === undefined ? undefined : parseSeed(values.seed);
  const difficulty = values.difficulty ? parseDifficulty(values.difficulty) : undefined;
  const scenario = values.scenario ? resolveScenario(values.scenario, values) : undefined;
  // Checked before the meeting, so a bad folder never costs the rep a meeting.
  let dataDir: string | undefined;
  if (!values['no-save']) {
    dataDir = dataDirOf(values);
    const problem = dataFolderProblem(dataDir);
    if (problem) throw new InputError(problem);
  }
  return practice({
    scenarios: libraryFor(values).list(),
    ...(scenario ? { scenario } : {}),
    ...(difficulty ? { difficulty } : {}),
    // A fresh seed each time, so practice does not sound like a recording.
    seed: seed ?? Date.now() % 1_000_000,
    ...(dataDir ? { dataDir } : {}),
    json,
    input: process.stdin,
    // The conversation is for the rep; with --json, stdout is kept for the result.
    talk: json ? process.stderr : process.stdout,
    io,
  });
};

export interface PracticeOptions {
  readonly scenarios: readonly CompiledScenario[];
  readonly scenario?: CompiledScenario;
  readonly difficulty?: Difficulty;
  readonly seed: number;
  /** Where History lives; without it the session is not saved. */
  readonly dataDir?: string;
  readonly json?: boolean;
  readonly input: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Where the conversation and prompts are written. */
  readonly talk: NodeJS.WritableStream;
  /** The result: the report (or JSON) and where it was saved. */
  readonly io: Output;
  readonly now?: () => Date;
}

export async function practice(options: PracticeOptions): Promise<number> {
  const now = options.now ?? (() => new Date());
  const rl = createInterface({
    input: options.input,
    output: options.talk,
    terminal: options.input.isTTY === true,
  });
  const lines = rl[Symbol.asyncIterator]();
  const say = (text: string) => options.talk.write(`${text}\n`);
  const ask = async (prompt: string): Promise<string | undefined> => {
    options.talk.write(prompt);
    const next = await lines.next();
    return next.done ? undefined : String(next.value);
  };
  /** Standard input ran out: say so on a line of its own and fail. */
  const ended = (what: string): never => {
    options.talk.write('\n');
    throw new InputError(`standard input ended ${what}`);
  };

  try {
    let scenario = options.scenario;
    if (!scenario) {
      say('Scenarios:');
      options.scenarios.forEach((s, i) => say(`  ${i + 1}. ${s.file.title}: ${s.file.brief}`));
      while (!scenario) {
        const answer = await ask(`Choose 1-${options.scenarios.length}: `);
        if (answer === undefined) return ended('before a scenario was chosen; no meeting was held');
        scenario = options.scenarios[Number(answer.trim()) - 1];
      }
    }
    let difficulty = options.difficulty;
    while (!difficulty) {
      const answer = await ask('Difficulty (easy, normal, hard) [normal]: ');
      if (answer === undefined) return ended('before a difficulty was chosen; no meeting was held');
      const choice = answer.trim() || 'normal';
      if ((DIFFICULTIES as readonly string[]).includes(choice)) difficulty = choice as Difficulty;
    }

    const startedAt = now();
    const meeting = Meeting.start({
      scenario,
      classifier: defaultClassifier(),
      difficulty,
      seed: options.seed,
    });
    const openingMeters = meeting.meters;
    const repName = options.dataDir ? repNameIn(options.dataDir) : DEFAULT_REP;
    const replyTimes: number[] = [];
    const persona = scenario.file.persona;
    say(
      `\n${persona.name}, ${persona.role} at ${persona.company}. ${scenario.file.difficulty[difficulty].note ?? ''}`,
    );
    say(
      `Type your reply and press Enter. Type /end to end the meeting. (Seed ${options.seed}: use --seed ${options.seed} to meet the same wording again.)\n`,
    );
    say(`${persona.name}: ${meeting.opening}`);
    let inputEnded = false;
    while (!meeting.ended) {
      const reply = await ask('\nYou: ');
      if (reply === undefined) {
        inputEnded = true;
        break;
      }
      if (reply.trim() === '/end') break;
      if (reply.trim() === '') continue;
      try {
        const turn = meeting.reply(reply);
        replyTimes.push(Math.max(0, now().getTime() - startedAt.getTime()));
        say(`${persona.name}: ${turn.buyer}`);
      } catch (error) {
        if (!(error instanceof ReplyError)) throw error;
        say(`(${error.message})`);
      }
    }
    if (meeting.turns.length === 0) {
      if (inputEnded) return ended('before your first reply; there is nothing to score or save');
      say('\nThe meeting ended before your first reply: there is nothing to score or save.');
      return 0;
    }
    if (meeting.ended) say(`\nThe meeting is over: ${meeting.outcome.replace(/_/g, ' ')}.`);

    let record: SessionRecord | undefined;
    let saveProblem: string | undefined;
    if (options.dataDir) {
      record = sessionRecordOf(
        {
          header: {
            id: newSessionId(startedAt),
            difficulty,
            mode: 'coach',
            reps: [repName],
            seed: options.seed,
            startedAt: startedAt.toISOString(),
          },
          scenario,
          meeting,
          turns: replyTimes.map((at) => ({ repName, source: 'typed' as const, at })),
          openingMeters,
        },
        now(),
        meeting.ended ? 'buyer' : 'rep',
      );
      saveProblem = saveTo(options.dataDir, record);
    }
    const saved =
      record && !saveProblem ? { id: record.id, dataDir: options.dataDir as string } : null;
    if (options.json) {
      options.io.out(
        JSON.stringify({
          ...meetingJson(meeting, scenario, difficulty, options.seed),
          saved,
        }),
      );
    } else {
      options.io.out(`\n${formatReport(meeting.report())}`);
      if (saved) options.io.out(`\nSaved to History in ${saved.dataDir} (session ${saved.id}).`);
    }
    if (saveProblem) throw new InputError(saveProblem);
    return 0;
  } finally {
    rl.close();
  }
}

/** Stores the session where the app's History reads it; a sentence saying why not, if it fails. */
function saveTo(dataDir: string, record: SessionRecord): string | undefined {
  try {
    // No sweep: the app may be running, and its Undo needs the trash.
    SessionStore.open(dataDir, { sweep: false }).save(record);
    return undefined;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    if (error instanceof DataFolderError) return `the session was not saved: ${why}`;
    return `the session could not be saved to History in ${dataDir}: ${why}`;
  }
}

/** The rep's name from the app's Settings, if the app has saved any (nothing is created). */
function repNameIn(dataDir: string): string {
  if (!existsSync(join(dataDir, 'settings.json'))) return DEFAULT_REP;
  return openSettings(dataDir, openJsonSettingsBackend).get().repName.trim() || DEFAULT_REP;
}
