// What every command shares: its input (parsed options), its output, the two
// kinds of failure, and the readers for files and options users type.
import { DIFFICULTIES, type Difficulty } from '../core/scenarios/schema';
import { formatProblem } from '../core/scenarios/load';
import { checkReply } from '../core/meeting/reply';
import type { CompiledScenario } from '../core/scenarios/compile';
import { readTextFile } from '../services/files';
import { loadScenarioFile, ScenarioLibrary } from '../services/scenario-library';

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
    /** transcribe: which speech engine (auto, pocketsphinx, whisper). */
    readonly engine?: string;
    /** eval: wrap each line in value words and measure how many leave their group. */
    readonly metamorphic?: boolean;
    /** eval: Cohen's kappa between two label files instead of the classifier. */
    readonly agreement?: boolean;
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
          `${path}:${r.line}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    });
}

export function parseSeed(value: string): number {
  const seed = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(seed)) {
    throw new UsageError(`--seed must be a whole number 0 or more, not "${value}"`);
  }
  return seed;
}

export function parseDifficulty(value: string): Difficulty {
  if (!(DIFFICULTIES as readonly string[]).includes(value)) {
    throw new UsageError(`--difficulty must be easy, normal or hard, not "${value}"`);
  }
  return value as Difficulty;
}

export function resolveScenario(idOrPath: string): CompiledScenario {
  if (idOrPath.endsWith('.yaml') || idOrPath.endsWith('.yml') || idOrPath.includes('/')) {
    const result = loadScenarioFile(idOrPath);
    const errors = result.problems.filter((p) => p.severity === 'error');
    if (!result.scenario) {
      throw new InputError(
        errors[0] ? formatProblem(errors[0]) : `${idOrPath}: not a valid scenario`,
      );
    }
    return result.scenario;
  }
  const library = ScenarioLibrary.load();
  const scenario = library.get(idOrPath);
  if (!scenario) {
    throw new InputError(
      `unknown scenario "${idOrPath}"; built-in scenarios: ${library.ids().join(', ')}`,
    );
  }
  return scenario;
}
