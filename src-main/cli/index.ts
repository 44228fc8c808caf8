// The command line: `npm run --silent cli -- COMMAND`. Every failure is one
// line on stderr and a non-zero exit (1 for bad input, 2 for bad usage), never
// a stack trace. Each command lives in commands/; shared argument handling in
// args.ts; help text in usage.ts.
import { parseArgs } from 'node:util';
import { ReplyError } from '../core/meeting/reply';
import { FileError } from '../services/files';
import { InputError, UsageError, type Command, type Output } from './args';
import { classify } from './commands/classify';
import { drill } from './commands/drill';
import { evaluate } from './commands/evaluate';
import { newScenario } from './commands/new';
import { play } from './commands/play';
import { practiceCommand } from './commands/practice';
import { scenarios } from './commands/scenarios';
import { score } from './commands/score';
import { team } from './commands/team';
import { results } from './commands/results';
import { certificate, track } from './commands/track';
import { transcribe } from './commands/transcribe';
import { validate } from './commands/validate';
import { xapi } from './commands/xapi';
import { commandHelp, isCommand, mainHelp, type CommandName } from './usage';

const OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  file: { type: 'string' },
  scenario: { type: 'string' },
  replies: { type: 'string' },
  seed: { type: 'string' },
  difficulty: { type: 'string' },
  dir: { type: 'string' },
  out: { type: 'string' },
  engine: { type: 'string' },
  rep: { type: 'string' },
  format: { type: 'string' },
  metamorphic: { type: 'boolean' },
  agreement: { type: 'boolean' },
  'data-dir': { type: 'string' },
  'no-save': { type: 'boolean' },
  reps: { type: 'string' },
  rotation: { type: 'string' },
  turns: { type: 'string' },
  learner: { type: 'string' },
  since: { type: 'string' },
  'base-iri': { type: 'string' },
} as const;

/** Each command, and the options it takes besides --json and --help. */
const COMMAND_RUNNERS: Record<CommandName, { run: Command; options: readonly string[] }> = {
  practice: {
    run: practiceCommand,
    options: ['scenario', 'seed', 'difficulty', 'data-dir', 'no-save'],
  },
  classify: { run: classify, options: ['file'] },
  eval: { run: evaluate, options: ['metamorphic', 'agreement'] },
  play: { run: play, options: ['scenario', 'replies', 'seed', 'difficulty', 'data-dir'] },
  score: { run: score, options: ['rep', 'format'] },
  team: {
    run: team,
    options: ['scenario', 'reps', 'rotation', 'turns', 'replies', 'seed', 'difficulty', 'data-dir'],
  },
  validate: { run: validate, options: ['data-dir'] },
  drill: { run: drill, options: ['replies', 'learner', 'data-dir', 'seed'] },
  track: { run: track, options: ['learner', 'data-dir'] },
  certificate: { run: certificate, options: [] },
  results: { run: results, options: ['learner', 'data-dir'] },
  new: { run: newScenario, options: ['out', 'dir', 'data-dir'] },
  scenarios: { run: scenarios, options: [] },
  transcribe: { run: transcribe, options: ['engine', 'data-dir'] },
  xapi: { run: xapi, options: ['learner', 'since', 'base-iri', 'data-dir'] },
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
    parsed = parseArgs({
      args: joinDashValues(rest),
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(optionProblem(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(commandHelp(command));
    return 0;
  }
  const runner = COMMAND_RUNNERS[command];
  for (const name of Object.keys(values)) {
    if (name !== 'json' && name !== 'help' && !runner.options.includes(name)) {
      throw new UsageError(`${command} does not take --${name}`);
    }
  }
  return runner.run({ values, positionals, json: values.json ?? false }, io);
}

/**
 * `--seed -1`: a value that starts with a dash is read as another option by
 * parseArgs ("ambiguous"). A number is plainly the option's value, so it is
 * joined to it (`--seed=-1`) and checked like any other value.
 */
function joinDashValues(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = args[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : '';
    const option = Object.hasOwn(OPTIONS, name) ? OPTIONS[name as keyof typeof OPTIONS] : undefined;
    if (option?.type === 'string' && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** parseArgs' errors in the command line's own words: one line, balanced quotes. */
function optionProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const option = /'(-[^' <]*)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
    return `unknown option "${option}"; to pass text that starts with "-", put it after --, as in: -- "${option}"`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    if (/does not take an argument/.test(message)) return `${option} takes no value`;
    return `${option} needs a value (for one that starts with "-", write ${option}=VALUE)`;
  }
  return message.split('\n')[0] || 'bad option';
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
