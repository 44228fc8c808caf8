// What every command shares: its input (parsed options), its output, the two
// kinds of failure, and the readers for files and options users type.
import { DIFFICULTIES, type Difficulty } from '../core/scenarios/schema';
import { formatProblem } from '../core/scenarios/load';
import { checkReply } from '../core/meeting/reply';
import type { CompiledScenario } from '../core/scenarios/compile';
import { parseTranscript } from '../core/scoring/transcript';
import { kindOf } from '../services/data-folder';
import { readTextFile } from '../services/files';
import { defaultDataDir } from '../services/paths';
import { loadScenarioFile, ownScenarioFolder, ScenarioLibrary } from '../services/scenario-library';

/** A mistake in how the command was called: exit 2. */
export class UsageError extends Error {}
/** Input that cannot be used (a file, a reply, a scenario): exit 1. */
export class InputError extends Error {}

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export interface CommandInput {
  readonly values: {
    readonly file?: string;
    readonly scenario?: string;
    readonly replies?: string;
    readonly seed?: string;
    readonly difficulty?: string;
    readonly dir?: string;
    /** new: the folder to write the scenario to (the data folder's scenarios folder by default). */
    readonly out?: string;
    /** transcribe: which speech engine (auto, pocketsphinx, whisper). */
    readonly engine?: string;
    /** eval: wrap each line in value words and measure how many leave their group. */
    readonly metamorphic?: boolean;
    /** eval: Cohen's kappa between two label files instead of the classifier. */
    readonly agreement?: boolean;
    /** practice, transcribe, new, validate: the data folder (History, settings, models, own scenarios) instead of the app's. */
    readonly 'data-dir'?: string;
    /** score: the speaker who is the rep, by name (any case, or a unique first name). */
    readonly rep?: string;
    /** score: read the file as this format instead of detecting it. */
    readonly format?: string;
    /** practice: do not save the session to History. */
    readonly 'no-save'?: boolean;
    /** team: the roster, comma-separated. */
    readonly reps?: string;
    /** team: relay or each. */
    readonly rotation?: string;
    /** team: turns each rep takes in a relay before handing over. */
    readonly turns?: string;
    /** drill, track: the learner, by name. */
    readonly learner?: string;
    /** xapi export: only results from this date on. */
    readonly since?: string;
    /** xapi export: the base IRI instead of the one saved in Settings. */
    readonly 'base-iri'?: string;
  };
  readonly positionals: readonly string[];
  readonly json: boolean;
}

export type Command = (input: CommandInput, io: Output) => number | Promise<number>;

export function one(positionals: readonly string[], command: string, name: string): string {
  if (positionals.length !== 1) throw new UsageError(`${command} takes exactly one ${name}`);
  return positionals[0] as string;
}

export function noPositionals(positionals: readonly string[], command: string): void {
  if (positionals.length > 0) {
    throw new UsageError(`${command} takes no positional arguments (got "${positionals[0]}")`);
  }
}

/** A text file, or standard input for "-". */
export function readInput(path: string): string {
  return readTextFile(path === '-' ? '/dev/stdin' : path);
}

/** How a file given as "-" is named in messages. */
export function nameOf(path: string): string {
  return path === '-' ? 'standard input' : path;
}

/** Non-empty lines of a file, each checked as a reply; a bad one is named by file and line. */
export function readReplies(path: string): string[] {
  return readInput(path)
    .split(/\r?\n/)
    .map((text, i) => ({ text, line: i + 1 }))
    .filter((r) => r.text.trim() !== '')
    .map((r) => {
      try {
        return checkReply(r.text);
      } catch (error) {
        throw new InputError(
          `${nameOf(path)}:${r.line}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    });
}

export function parseSeed(value: string): number {
  const seed = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(seed)) {
    throw new UsageError(`--seed must be a whole number from 0 up (0, 1, 2...), not "${value}"`);
  }
  return seed;
}

export function parseDifficulty(value: string): Difficulty {
  if (!(DIFFICULTIES as readonly string[]).includes(value)) {
    throw new UsageError(`--difficulty must be easy, normal or hard, not "${value}"`);
  }
  return value as Difficulty;
}

/** The scenarios the app offers: the built-in ones and the data folder's own. */
export function libraryFor(values: CommandInput['values']): ScenarioLibrary {
  return ScenarioLibrary.load(undefined, undefined, ownScenarioFolder(dataDirOf(values)));
}

export function resolveScenario(
  idOrPath: string,
  values: CommandInput['values'] = {},
): CompiledScenario {
  if (idOrPath.endsWith('.yaml') || idOrPath.endsWith('.yml') || idOrPath.includes('/')) {
    const result = loadScenarioFile(idOrPath);
    const errors = result.problems.filter((p) => p.severity === 'error');
    if (!result.scenario) {
      const other = whatElse(idOrPath);
      if (other) throw new InputError(`${idOrPath}: ${other}`);
      throw new InputError(
        errors[0] ? formatProblem(errors[0]) : `${idOrPath}: not a valid scenario`,
      );
    }
    return result.scenario;
  }
  const library = libraryFor(values);
  const scenario = library.get(idOrPath);
  if (!scenario) {
    throw new InputError(`unknown scenario "${idOrPath}"; scenarios: ${library.ids().join(', ')}`);
  }
  return scenario;
}

/**
 * What a file that failed to load as a scenario is instead, when it is one of
 * the app's other files: a transcript (for `score`) or a saved session.
 */
function whatElse(path: string): string | undefined {
  let text: string;
  try {
    text = readTextFile(path);
  } catch {
    return undefined;
  }
  const first = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  if (/^\s*(rep|buyer)\s*:/i.test(first) && parseTranscript(text).lines.length > 0) {
    return `this is a transcript (REP: and BUYER: lines), not a scenario file; score it with: npm run --silent cli -- score ${path}`;
  }
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value === 'object' && value !== null && 'turns' in value && 'report' in value) {
      return 'this is a saved session (exported from History), not a scenario file';
    }
  } catch {
    // Not JSON: the scenario loader's own message says what is wrong.
  }
  return undefined;
}

/** The data folder: --data-dir, or the app's own; refused in one line when it is a file. */
export function dataDirOf(values: CommandInput['values']): string {
  const dir = values['data-dir'] ?? defaultDataDir();
  if (dir === '') throw new UsageError('--data-dir needs a folder');
  if (kindOf(dir) === 'file') {
    throw new InputError(
      `The data folder ${dir} is a file, not a folder. Choose another with --data-dir, or move the file away.`,
    );
  }
  return dir;
}
