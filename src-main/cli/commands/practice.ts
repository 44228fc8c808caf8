// `practice`: the interactive meeting in a terminal, until the desktop app
// arrives. Pick a scenario, type replies, and read the report at the end.
// Reads lines from standard input, so it also works with piped replies.
import { createInterface } from 'node:readline';
import { Meeting } from '../../core/meeting/meeting';
import { ReplyError } from '../../core/meeting/reply';
import type { CompiledScenario } from '../../core/scenarios/compile';
import { DIFFICULTIES, type Difficulty } from '../../core/scenarios/schema';
import { defaultClassifier } from '../../core/understanding/default';
import { formatReport } from '../format';
import { noPositionals, parseDifficulty, parseSeed, resolveScenario, type Command } from '../args';
import { ScenarioLibrary } from '../../services/scenario-library';

export const practiceCommand: Command = ({ values, positionals }) => {
  noPositionals(positionals, 'practice');
  return practice({
    scenarios: ScenarioLibrary.load().list(),
    ...(values.scenario ? { scenario: resolveScenario(values.scenario) } : {}),
    ...(values.difficulty ? { difficulty: parseDifficulty(values.difficulty) } : {}),
    // A fresh seed each time, so practice does not sound like a recording.
    seed: values.seed === undefined ? Date.now() % 1_000_000 : parseSeed(values.seed),
  });
};

export interface PracticeOptions {
  readonly scenarios: readonly CompiledScenario[];
  readonly scenario?: CompiledScenario;
  readonly difficulty?: Difficulty;
  readonly seed: number;
}

export async function practice(options: PracticeOptions): Promise<number> {
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: process.stdin.isTTY,
  });
  const lines = rl[Symbol.asyncIterator]();
  const say = (text: string) => process.stdout.write(`${text}\n`);
  const ask = async (prompt: string): Promise<string | undefined> => {
    process.stdout.write(prompt);
    const next = await lines.next();
    return next.done ? undefined : String(next.value);
  };

  try {
    let scenario = options.scenario;
    if (!scenario) {
      say('Scenarios:');
      options.scenarios.forEach((s, i) => say(`  ${i + 1}. ${s.file.title}: ${s.file.brief}`));
      while (!scenario) {
        const answer = await ask(`Choose 1-${options.scenarios.length}: `);
        if (answer === undefined) return 0;
        scenario = options.scenarios[Number(answer.trim()) - 1];
      }
    }
    let difficulty = options.difficulty;
    while (!difficulty) {
      const answer = await ask('Difficulty (easy, normal, hard) [normal]: ');
      if (answer === undefined) return 0;
      const choice = answer.trim() || 'normal';
      if ((DIFFICULTIES as readonly string[]).includes(choice)) difficulty = choice as Difficulty;
    }

    const meeting = Meeting.start({
      scenario,
      classifier: defaultClassifier(),
      difficulty,
      seed: options.seed,
    });
    const persona = scenario.file.persona;
    say(
      `\n${persona.name}, ${persona.role} at ${persona.company}. ${scenario.file.difficulty[difficulty].note ?? ''}`,
    );
    say(
      `Type your reply and press Enter. Type /end to end the meeting. (Seed ${options.seed}: use --seed ${options.seed} to meet the same wording again.)\n`,
    );
    say(`${persona.name}: ${meeting.opening}`);
    while (!meeting.ended) {
      const reply = await ask('\nYou: ');
      if (reply === undefined || reply.trim() === '/end') break;
      if (reply.trim() === '') continue;
      try {
        const turn = meeting.reply(reply);
        say(`${persona.name}: ${turn.buyer}`);
      } catch (error) {
        if (!(error instanceof ReplyError)) throw error;
        say(`(${error.message})`);
      }
    }
    if (meeting.ended) say(`\nThe meeting is over: ${meeting.outcome.replace(/_/g, ' ')}.`);
    if (meeting.turns.length > 0) say(`\n${formatReport(meeting.report())}`);
    return 0;
  } finally {
    rl.close();
  }
}
