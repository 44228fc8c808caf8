// The command line: `npm run --silent cli -- COMMAND`. Every failure is one
// line on stderr and a non-zero exit (1 for bad input, 2 for bad usage), never
// a stack trace.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DIFFICULTIES, type Difficulty } from '../core/scenarios/schema';
import { formatProblem, type ScenarioProblem } from '../core/scenarios/load';
import { Meeting } from '../core/meeting/meeting';
import { checkReply, ReplyError } from '../core/meeting/reply';
import { defaultClassifier } from '../core/understanding/default';
import { parseLabelledTsv } from '../core/understanding/dataset';
import { evaluateClassifier } from '../core/understanding/evaluate';
import { parseTranscript, scoreTranscript } from '../core/scoring/transcript';
import type { CompiledScenario } from '../core/scenarios/compile';
import { FileError, readTextFile } from '../services/files';
import {
  createScenarioFile,
  loadScenarioFile,
  ScenarioLibrary,
} from '../services/scenario-library';
import { formatEvaluation, formatReport } from './format';
import { practice } from './practice';
import { commandHelp, isCommand, mainHelp, type CommandName } from './usage';

class UsageError extends Error {}
class InputError extends Error {}

interface Output {
  out(text: string): void;
  err(text: string): void;
}

const OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  file: { type: 'string' },
  scenario: { type: 'string' },
  replies: { type: 'string' },
  seed: { type: 'string' },
  difficulty: { type: 'string' },
  dir: { type: 'string' },
} as const;

const ALLOWED: Record<CommandName, readonly string[]> = {
  practice: ['scenario', 'seed', 'difficulty'],
  classify: ['file'],
  eval: [],
  play: ['scenario', 'replies', 'seed', 'difficulty'],
  score: [],
  validate: [],
  new: ['dir'],
  scenarios: [],
};

export function run(argv: readonly string[], io: Output): number | Promise<number> {
  try {
    const result = dispatch(argv, io);
    return typeof result === 'number'
      ? result
      : result.catch((error: unknown) => failure(error, io));
  } catch (error) {
    return failure(error, io);
  }
}

function failure(error: unknown, io: Output): number {
  if (error instanceof UsageError) {
    io.err(`first-meeting: ${error.message} (see --help)`);
    return 2;
  }
  if (error instanceof InputError || error instanceof FileError || error instanceof ReplyError) {
    io.err(`first-meeting: ${error.message}`);
    return 1;
  }
  io.err(
    `first-meeting: unexpected error: ${error instanceof Error ? error.message : String(error)}`,
  );
  return 1;
}

function dispatch(argv: readonly string[], io: Output): number | Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(mainHelp());
    return command === undefined ? 2 : 0;
  }
  if (!isCommand(command)) throw new UsageError(`unknown command "${command}"`);
  let parsed;
  try {
    parsed = parseArgs({ args: [...rest], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(
      error instanceof Error ? (error.message.split('\n')[0] ?? 'bad option') : 'bad option',
    );
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(commandHelp(command));
    return 0;
  }
  for (const name of Object.keys(values)) {
    if (name !== 'json' && name !== 'help' && !ALLOWED[command].includes(name)) {
      throw new UsageError(`${command} does not take --${name}`);
    }
  }
  const json = values.json ?? false;
  switch (command) {
    case 'practice':
      if (positionals.length > 0) throw new UsageError('practice takes no positional arguments');
      return practice({
        scenarios: ScenarioLibrary.load().list(),
        ...(values.scenario ? { scenario: resolveScenario(values.scenario) } : {}),
        ...(values.difficulty ? { difficulty: parseDifficulty(values.difficulty) } : {}),
        seed: values.seed === undefined ? Date.now() % 1_000_000 : parseSeed(values.seed),
      });
    case 'classify':
      return classify(positionals, values.file, io);
    case 'eval':
      return evaluate(one(positionals, 'eval', 'FILE'), json, io);
    case 'play':
      return play(values, json, io, positionals);
    case 'score':
      return score(one(positionals, 'score', 'FILE'), json, io);
    case 'validate':
      return validate(positionals, json, io);
    case 'new': {
      const path = createScenarioFile(one(positionals, 'new', 'ID'), values.dir ?? '.');
      io.out(
        json
          ? JSON.stringify({ path })
          : `Wrote ${path}\nEdit it, then run: npm run --silent cli -- validate ${path}`,
      );
      return 0;
    }
    case 'scenarios':
      return scenarios(json, io);
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
}

function one(positionals: readonly string[], command: string, name: string): string {
  if (positionals.length !== 1) throw new UsageError(`${command} takes exactly one ${name}`);
  return positionals[0] as string;
}

function readInput(path: string): string {
  if (path === '-') return readTextFile('/dev/stdin');
  return readTextFile(path);
}

// ------------------------------------------------------------------ classify

function classify(positionals: readonly string[], file: string | undefined, io: Output): number {
  if (positionals.length > 0 && file !== undefined)
    throw new UsageError('give TEXT or --file, not both');
  let utterances: { text: string; where: string }[];
  if (file !== undefined) {
    utterances = readInput(file)
      .split(/\r?\n/)
      .map((text, i) => ({ text, where: `${file}:${i + 1}` }))
      .filter((u) => u.text.trim() !== '');
  } else if (positionals.length > 0) {
    utterances = [{ text: positionals.join(' '), where: 'TEXT' }];
  } else {
    throw new UsageError('classify needs TEXT or --file FILE');
  }
  const checked = utterances.map((u) => {
    try {
      return checkReply(u.text);
    } catch (error) {
      throw new InputError(`${u.where}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  const classifier = defaultClassifier();
  for (const text of checked) {
    const u = classifier.classify(text);
    io.out(
      JSON.stringify({
        text: u.text,
        behavior: u.behavior,
        group: u.group,
        confidence: u.confidence,
        cues: u.cues,
      }),
    );
  }
  return 0;
}

// ---------------------------------------------------------------------- eval

function evaluate(path: string, json: boolean, io: Output): number {
  const { lines, problems } = parseLabelledTsv(readInput(path));
  if (problems.length > 0) {
    const first = problems[0] as { line: number; message: string };
    throw new InputError(
      `${path}:${first.line}: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`,
    );
  }
  if (lines.length === 0) throw new InputError(`${path}: no labelled lines`);
  const result = evaluateClassifier(defaultClassifier(), lines);
  io.out(json ? JSON.stringify(result) : formatEvaluation(result));
  return 0;
}

// ---------------------------------------------------------------------- play

function parseSeed(value: string): number {
  const seed = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(seed)) {
    throw new UsageError(`--seed must be a whole number 0 or more, not "${value}"`);
  }
  return seed;
}

function parseDifficulty(value: string): Difficulty {
  if (!(DIFFICULTIES as readonly string[]).includes(value)) {
    throw new UsageError(`--difficulty must be easy, normal or hard, not "${value}"`);
  }
  return value as Difficulty;
}

function resolveScenario(idOrPath: string): CompiledScenario {
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

function play(
  values: { scenario?: string; replies?: string; seed?: string; difficulty?: string },
  json: boolean,
  io: Output,
  positionals: readonly string[],
): number {
  if (positionals.length > 0)
    throw new UsageError(`play takes no positional arguments (got "${positionals[0]}")`);
  if (!values.scenario) throw new UsageError('play needs --scenario ID');
  if (!values.replies) throw new UsageError('play needs --replies FILE');
  const seed = values.seed === undefined ? 1 : parseSeed(values.seed);
  const difficulty = parseDifficulty(values.difficulty ?? 'normal');
  const scenario = resolveScenario(values.scenario);
  const replies = readInput(values.replies)
    .split(/\r?\n/)
    .map((text, i) => ({ text, line: i + 1 }))
    .filter((r) => r.text.trim() !== '');
  if (replies.length === 0) throw new InputError(`${values.replies}: no replies (one per line)`);
  for (const r of replies) {
    try {
      checkReply(r.text);
    } catch (error) {
      throw new InputError(
        `${values.replies}:${r.line}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  const meeting = Meeting.start({ scenario, classifier: defaultClassifier(), difficulty, seed });
  for (const r of replies) {
    if (meeting.ended) break;
    meeting.reply(r.text);
  }
  const report = meeting.report();
  const endedAtTurn = meeting.ended ? meeting.turns.length : null;
  if (json) {
    io.out(
      JSON.stringify({
        scenario: scenario.file.id,
        difficulty,
        seed,
        opening: meeting.opening,
        turns: meeting.turns.map((t) => ({
          rep: t.rep,
          behavior: t.facts.behavior,
          group: t.facts.group,
          buyer: t.buyer,
          meters: t.meters,
          state: t.state,
        })),
        outcome: meeting.outcome,
        endedAtTurn,
        report,
      }),
    );
    return 0;
  }
  const persona = scenario.file.persona;
  const out = [
    `${scenario.file.title} (${difficulty}, seed ${seed})`,
    `${persona.name}, ${persona.role}, ${persona.company}`,
    '',
  ];
  out.push(`${persona.name}: ${meeting.opening}`);
  for (const t of meeting.turns) {
    out.push('', `You [${t.facts.behavior}]: ${t.rep}`);
    const meters = Object.entries(t.meters)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    out.push(`${persona.name}: ${t.buyer}`, `  (${meters})`);
  }
  out.push('');
  if (endedAtTurn !== null && endedAtTurn < replies.length) {
    out.push(
      `The meeting ended at turn ${endedAtTurn}; ${replies.length - endedAtTurn} ${replies.length - endedAtTurn === 1 ? 'reply was' : 'replies were'} not used.`,
      '',
    );
  }
  out.push(formatReport(report));
  io.out(out.join('\n'));
  return 0;
}

// --------------------------------------------------------------------- score

function score(path: string, json: boolean, io: Output): number {
  const { lines, problems } = parseTranscript(readInput(path));
  if (problems.length > 0) {
    const first = problems[0] as { line: number; message: string };
    throw new InputError(`${path}:${first.line}: ${first.message}`);
  }
  const report = scoreTranscript(lines, defaultClassifier());
  io.out(json ? JSON.stringify(report) : formatReport(report));
  return 0;
}

// ------------------------------------------------------------------ validate

function validate(paths: readonly string[], json: boolean, io: Output): number {
  if (paths.length === 0) throw new UsageError('validate needs at least one PATH');
  const files: string[] = [];
  for (const path of paths) {
    let isDirectory = false;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      throw new InputError(`${path}: no such file or folder`);
    }
    if (isDirectory) {
      files.push(
        ...readdirSync(path)
          .filter((f) => /\.ya?ml$/.test(f))
          .sort()
          .map((f) => join(path, f)),
      );
    } else files.push(path);
  }
  const problems: ScenarioProblem[] = [];
  for (const file of files) {
    try {
      problems.push(...loadScenarioFile(file).problems);
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      problems.push({
        file,
        line: 1,
        column: 1,
        severity: 'error',
        message: error.message.replace(`${file}: `, ''),
      });
    }
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (json)
    io.out(
      JSON.stringify({ files: files.length, errors, warnings: problems.length - errors, problems }),
    );
  else {
    for (const p of problems) io.out(formatProblem(p));
    io.err(
      `${files.length} file${files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${problems.length - errors} warning${problems.length - errors === 1 ? '' : 's'}`,
    );
  }
  return errors > 0 ? 1 : 0;
}

// ----------------------------------------------------------------- scenarios

function scenarios(json: boolean, io: Output): number {
  const library = ScenarioLibrary.load();
  const list = library.list().map((s) => ({
    id: s.file.id,
    title: s.file.title,
    brief: s.file.brief,
    persona: {
      name: s.file.persona.name,
      role: s.file.persona.role,
      company: s.file.persona.company,
    },
    difficulties: Object.fromEntries(DIFFICULTIES.map((d) => [d, s.file.difficulty[d].note ?? ''])),
  }));
  if (json) io.out(JSON.stringify(list));
  else {
    for (const s of list) {
      io.out(
        `${s.id}\n  ${s.title}: ${s.persona.name}, ${s.persona.role}, ${s.persona.company}\n  ${s.brief}`,
      );
    }
  }
  for (const p of library.problems) io.err(formatProblem(p));
  return 0;
}

// Run when executed directly (not when imported by tests).
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  // npm runs scripts from the project folder; read the user's paths from where they typed them.
  const typedIn = process.env.INIT_CWD;
  if (typedIn && typedIn !== process.cwd()) process.chdir(typedIn);
  // A reader that stops early (`| head`) is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  void Promise.resolve(
    run(process.argv.slice(2), {
      out: (text) => process.stdout.write(`${text}\n`),
      err: (text) => process.stderr.write(`${text}\n`),
    }),
  ).then((code) => {
    process.exitCode = code;
  });
}
