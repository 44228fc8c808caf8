// team --scenario ID --reps "Ana,Ben" --replies FILE: a team roleplay from a
// script, for preparing a session and for tests. In a relay the replies are
// taken in order and attributed by the rotation; in One meeting each the file
// holds one block of replies per rep, separated by a line `---`. A line
// `/event ID` triggers a scenario event, `/next` hands over early and `/skip`
// passes a turn (relay).
import { teamBoard } from '../../core/team/board';
import { TeamRoleplay } from '../../core/team/roleplay';
import { checkRoster } from '../../core/team/roster';
import {
  MAX_TURNS_PER_REP,
  TeamError,
  type Rotation,
  type TeamAction,
} from '../../core/team/types';
import { defaultClassifier } from '../../core/understanding/default';
import {
  InputError,
  nameOf,
  noPositionals,
  parseDifficulty,
  parseSeed,
  readInput,
  resolveScenario,
  UsageError,
  type Command,
} from '../args';

interface ScriptLine {
  readonly line: number;
  readonly action: TeamAction;
}

/** The script's lines as actions, in blocks (one block in a relay), each named by its line. */
export function readTeamScript(text: string, file: string, rotation: Rotation): ScriptLine[][] {
  const blocks: ScriptLine[][] = [[]];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '') return;
    if (trimmed === '---') {
      if (rotation === 'relay')
        throw new InputError(
          `${file}:${line}: "---" separates the reps' blocks in --rotation each; a relay's replies are one list`,
        );
      blocks.push([]);
      return;
    }
    const block = blocks[blocks.length - 1] as ScriptLine[];
    const command = /^\/(\w+)(?:\s+(.*))?$/.exec(trimmed);
    if (command) {
      const [, name, rest = ''] = command;
      if (name === 'event') {
        if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(rest.trim()))
          throw new InputError(
            `${file}:${line}: "/event" needs an event id, e.g. "/event cfo_joins"`,
          );
        block.push({ line, action: { type: 'event', id: rest.trim(), at: 0 } });
      } else if (name === 'next' || name === 'skip') {
        block.push({ line, action: { type: name, at: 0 } });
      } else {
        throw new InputError(
          `${file}:${line}: unknown command "/${name}"; use /event ID, /next or /skip`,
        );
      }
      return;
    }
    block.push({ line, action: { type: 'turn', text: raw, source: 'typed', at: 0 } });
  });
  return blocks;
}

export const team: Command = ({ values, positionals, json }, io) => {
  noPositionals(positionals, 'team');
  if (!values.scenario) throw new UsageError('team needs --scenario ID');
  if (!values.reps) throw new UsageError('team needs --reps "Ana,Ben,Chloe"');
  if (!values.replies) throw new UsageError('team needs --replies FILE');
  const rotation = values.rotation ?? 'relay';
  if (rotation !== 'relay' && rotation !== 'each')
    throw new UsageError(`--rotation must be relay or each, not "${rotation}"`);
  const turnsPerRep = values.turns === undefined ? 1 : Number(values.turns);
  if (!/^\d+$/.test(values.turns ?? '1') || turnsPerRep < 1 || turnsPerRep > MAX_TURNS_PER_REP)
    throw new UsageError(
      `--turns must be a whole number from 1 to ${MAX_TURNS_PER_REP}, not "${values.turns}"`,
    );
  const roster = checkRoster(values.reps.split(','));
  if ('problem' in roster) throw new InputError(`--reps: ${roster.problem.message}`);
  const seed = values.seed === undefined ? 1 : parseSeed(values.seed);
  const difficulty = parseDifficulty(values.difficulty ?? 'normal');
  const scenario = resolveScenario(values.scenario, values);
  const file = nameOf(values.replies);
  const blocks = readTeamScript(readInput(values.replies), file, rotation);
  if (rotation === 'each' && blocks.length !== roster.reps.length)
    throw new InputError(
      `${file}: ${blocks.length} block${blocks.length === 1 ? '' : 's'} of replies for ${roster.reps.length} reps; separate one block per rep with a line "---"`,
    );
  if (blocks.every((b) => b.length === 0))
    throw new InputError(`${file}: no replies (one per line)`);

  const roleplay = new TeamRoleplay(
    {
      scenarioId: scenario.file.id,
      difficulty,
      mode: 'coach',
      rotation,
      turnsPerRep,
      reps: roster.reps,
      seed,
      calling: false,
    },
    scenario,
    defaultClassifier(),
  );
  const unused: number[] = [];
  blocks.forEach((block, b) => {
    for (const { line, action } of block) {
      const meeting = roleplay.meeting();
      if (roleplay.complete || meeting.ended) {
        unused.push(line);
        continue;
      }
      try {
        roleplay.apply(action);
      } catch (error) {
        if (error instanceof TeamError) throw new InputError(`${file}:${line}: ${error.message}`);
        throw error;
      }
    }
    // One meeting each: the next block is the next rep's meeting.
    if (rotation === 'each' && b < blocks.length - 1) roleplay.apply({ type: 'next', at: 0 });
  });

  const state = roleplay.state();
  const board = teamBoard(state);
  const quote = (q: (typeof board.reps)[number]['best']) =>
    q ? { turn: q.turn, text: q.text, behavior: q.behavior } : null;
  if (json) {
    io.out(
      JSON.stringify({
        scenario: scenario.file.id,
        rotation,
        reps: board.reps.map((r) => ({
          name: r.name,
          turns: r.turns,
          valueCreation: r.valueCreation,
          pitching: r.pitching,
          overall: r.overall,
          talkShare: r.talkShare,
          best: quote(r.best),
          worst: quote(r.worst),
          ...(rotation === 'each' ? { outcome: r.outcome, rank: r.rank } : {}),
        })),
        turns: state.turns.map((t) => ({
          rep: t.rep,
          text: t.text,
          behavior: t.understanding.behavior,
          group: t.understanding.group,
          buyer: t.buyer,
        })),
        ...(rotation === 'relay' ? { outcome: board.outcome } : {}),
        ...(state.events.length > 0 ? { events: state.events.map((e) => e.id) } : {}),
      }),
    );
    return 0;
  }
  const persona = scenario.file.persona;
  const out = [
    `${scenario.file.title}: team roleplay, ${rotation === 'relay' ? `relay (${turnsPerRep} turn${turnsPerRep === 1 ? '' : 's'} each)` : 'one meeting each'} (${difficulty}, seed ${seed})`,
    `${persona.name}, ${persona.role}, ${persona.company}`,
  ];
  state.meetings.forEach((m, i) => {
    out.push('', ...(m.rep ? [`${m.rep}'s meeting`] : []), `${persona.name}: ${m.opening}`);
    const events = (k: number) =>
      state.events
        .filter((e) => e.meeting === i && e.afterMeetingTurn === k)
        .map((e) => `  [${e.label}] ${persona.name}: ${e.buyer}`);
    out.push(...events(0));
    for (const t of state.turns.filter((x) => x.meeting === i)) {
      out.push(`${t.rep} [${t.understanding.behavior}]: ${t.text}`);
      if (t.buyer) out.push(`${persona.name}: ${t.buyer}`);
      out.push(...events(t.meetingTurn));
    }
    if (rotation === 'each') out.push(`  Outcome: ${m.outcome}`);
  });
  out.push('', rotation === 'relay' ? `Outcome: ${board.outcome}` : 'Ranking', '');
  out.push(`${'rep'.padEnd(14)} turns  value  pitch  overall  talk`);
  for (const r of board.reps) {
    out.push(
      `${(r.rank ? `${r.rank}. ${r.name}` : r.name).slice(0, 14).padEnd(14)} ${String(r.turns).padStart(5)}  ${String(r.valueCreation).padStart(5)}  ${String(r.pitching).padStart(5)}  ${String(r.overall).padStart(7)}  ${Math.round(r.talkShare * 100)}%${r.outcome ? `  ${r.outcome}` : ''}`,
    );
  }
  for (const r of board.reps) {
    if (r.best)
      out.push('', `${r.name}, best (turn ${r.best.turn}, ${r.best.behavior}): ${r.best.text}`);
    if (r.worst)
      out.push(`${r.name}, worst (turn ${r.worst.turn}, ${r.worst.behavior}): ${r.worst.text}`);
  }
  if (unused.length > 0)
    out.push(
      '',
      `Not used (the meeting had ended): line${unused.length === 1 ? '' : 's'} ${unused.join(', ')}.`,
    );
  io.out(out.join('\n'));
  return 0;
};
