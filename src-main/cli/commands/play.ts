// play --scenario ID|FILE --replies FILE: a scripted meeting and its report.
import { Meeting } from '../../core/meeting/meeting';
import { defaultClassifier } from '../../core/understanding/default';
import {
  InputError,
  noPositionals,
  parseDifficulty,
  parseSeed,
  readReplies,
  resolveScenario,
  UsageError,
  type Command,
} from '../args';
import { formatReport, meetingJson } from '../format';

export const play: Command = ({ values, positionals, json }, io) => {
  noPositionals(positionals, 'play');
  if (!values.scenario) throw new UsageError('play needs --scenario ID');
  if (!values.replies) throw new UsageError('play needs --replies FILE');
  const seed = values.seed === undefined ? 1 : parseSeed(values.seed);
  const difficulty = parseDifficulty(values.difficulty ?? 'normal');
  const scenario = resolveScenario(values.scenario, values);
  const replies = readReplies(values.replies);
  if (replies.length === 0) throw new InputError(`${values.replies}: no replies (one per line)`);

  const meeting = Meeting.start({ scenario, classifier: defaultClassifier(), difficulty, seed });
  for (const reply of replies) {
    if (meeting.ended) break;
    meeting.reply(reply);
  }
  const endedAtTurn = meeting.ended ? meeting.turns.length : null;
  if (json) {
    io.out(JSON.stringify(meetingJson(meeting, scenario, difficulty, seed)));
    return 0;
  }

  const persona = scenario.file.persona;
  const out = [
    `${scenario.file.title} (${difficulty}, seed ${seed})`,
    `${persona.name}, ${persona.role}, ${persona.company}`,
    '',
    `${persona.name}: ${meeting.opening}`,
  ];
  for (const t of meeting.turns) {
    const meters = Object.entries(t.meters)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    out.push(
      '',
      `You [${t.facts.behavior}]: ${t.rep}`,
      `${persona.name}: ${t.buyer}`,
      `  (${meters})`,
    );
  }
  out.push('');
  const unused = endedAtTurn === null ? 0 : replies.length - endedAtTurn;
  if (unused > 0) {
    out.push(
      `The meeting ended at turn ${endedAtTurn}; ${unused} ${unused === 1 ? 'reply was' : 'replies were'} not used.`,
      '',
    );
  }
  out.push(formatReport(meeting.report()));
  io.out(out.join('\n'));
  return 0;
};
