// The command line: `npm run --silent cli -- COMMAND`. Every failure is one
// line on stderr and a non-zero exit (1 for bad input, 2 for bad usage), never
// a stack trace. Each command lives in commands/; shared argument handling in
// args.ts; help text in usage.ts.
import { parseArgs } from 'node:util';
import { ReplyError } from '../core/meeting/reply';
import { FileError } from '../services/files';
import { InputError, UsageError, type Command, type Output } from './args';
import { classify } from './commands/classify';
import { evaluate } from './commands/evaluate';
import { newScenario } from './commands/new';
import { play } from './commands/play';
import { practiceCommand } from './commands/practice';
import { scenarios } from './commands/scenarios';
import { score } from './commands/score';
import { transcribe } from './commands/transcribe';
import { validate } from './commands/validate';
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
  engine: { type: 'string' },
  metamorphic: { type: 'boolean' },
  agreement: { type: 'boolean' },
} as const;

/** Each command, and the options it takes besides --json and --help. */
const COMMAND_RUNNERS: Record<CommandName, { run: Command; options: readonly string[] }> = {
  practice: { run: practiceCommand, options: ['scenario', 'seed', 'difficulty'] },
  classify: { run: classify, options: ['file'] },
  eval: { run: evaluate, options: ['metamorphic', 'agreement'] },
  play: { run: play, options: ['scenario', 'replies', 'seed', 'difficulty'] },
  score: { run: score, options: [] },
  validate: { run: validate, options: [] },
  new: { run: newScenario, options: ['dir'] },
  scenarios: { run: scenarios, options: [] },
  transcribe: { run: transcribe, options: ['engine'] },
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
  const runner = COMMAND_RUNNERS[command];
  for (const name of Object.keys(values)) {
    if (name !== 'json' && name !== 'help' && !runner.options.includes(name)) {
      throw new UsageError(`${command} does not take --${name}`);
    }
  }
  return runner.run({ values, positionals, json: values.json ?? false }, io);
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
