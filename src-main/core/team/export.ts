// What a facilitator takes away: a CSV with one row per rep and one per turn,
// and the room's calls and the overrides as labelled lines
// (`label<TAB>text<TAB>source`) that `cli eval` reads, so a team's
// disagreements with the coach become test data for the judge. Overrides are
// marked in both.
import { csvText } from '../text/csv';
import { roomGroupOf, teamBoard } from './board';
import { groupOf, behaviorOf, type TeamState } from './roleplay';

const HEADER = [
  'row',
  'rep',
  'turn',
  'text',
  'coach_behavior',
  'coach_group',
  'behavior',
  'overridden',
  'override_reason',
  'room_call',
  'notes',
  'turns',
  'value_creation',
  'pitching',
  'overall',
  'talk_share',
  'agreement',
  'outcome',
  'rank',
] as const;

type Column = (typeof HEADER)[number];
type Row = Partial<Record<Column, string | number | null>>;

export function teamCsv(state: TeamState): string {
  const board = teamBoard(state);
  const rows: Row[] = board.reps.map((rep) => ({
    row: 'rep',
    rep: rep.name,
    turns: rep.turns,
    value_creation: rep.valueCreation,
    pitching: rep.pitching,
    overall: rep.overall,
    talk_share: Math.round(rep.talkShare * 100) / 100,
    agreement: rep.agreement,
    outcome: rep.outcome ?? board.outcome ?? null,
    rank: rep.rank ?? null,
  }));
  for (const turn of state.turns) {
    const override = state.overrides[turn.n];
    const call = state.calls[turn.n];
    const room = call ? roomGroupOf(call) : null;
    rows.push({
      row: 'turn',
      rep: turn.rep,
      turn: turn.n,
      text: turn.text,
      coach_behavior: turn.understanding.behavior,
      coach_group: turn.understanding.group,
      behavior: behaviorOf(state, turn),
      overridden: override ? 'yes' : 'no',
      override_reason: override?.reason ?? null,
      room_call: call?.tally
        ? `${room ?? 'split'} (value ${call.tally.value}, neutral ${call.tally.neutral}, pitch ${call.tally.pitch})`
        : room,
      notes: (state.notes[turn.n] ?? []).join(' | ') || null,
    });
  }
  return csvText([[...HEADER], ...rows.map((row) => HEADER.map((column) => row[column] ?? null))]);
}

/** One line of text for a TSV cell: tabs and line breaks become spaces. */
function cell(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ').trim();
}

/**
 * The room's calls (their group; a tied tally says nothing) and the
 * facilitator's overrides (the behaviour chosen) as labelled lines. Each
 * source says who labelled it and, for an override, why.
 */
export function teamLabelledLines(state: TeamState): string {
  const lines = [
    '# First Meeting team roleplay: labels from the room and the facilitator',
    '# label<TAB>text<TAB>source; a room call is labelled group:GROUP; `npm run cli -- eval FILE` reads it',
  ];
  for (const turn of state.turns) {
    const override = state.overrides[turn.n];
    if (override) {
      lines.push(
        `${behaviorOf(state, turn)}\t${cell(turn.text)}\toverride by the facilitator (coach read ${turn.understanding.behavior}): ${cell(override.reason)}`,
      );
    }
    const call = state.calls[turn.n];
    const room = call ? roomGroupOf(call) : null;
    if (room) {
      lines.push(
        `group:${room}\t${cell(turn.text)}\troom call (coach: ${turn.understanding.group}${override ? `, overridden to ${groupOf(state, turn)}` : ''})`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
