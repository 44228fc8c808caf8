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

export function teamCsv(state: TeamState): string {
  const board = teamBoard(state);
  const rows: (string | number | null)[][] = [[...HEADER]];
  for (const rep of board.reps) {
    rows.push([
      'rep',
      rep.name,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      rep.turns,
      rep.valueCreation,
      rep.pitching,
      rep.overall,
      Math.round(rep.talkShare * 100) / 100,
      rep.agreement,
      rep.outcome ?? board.outcome ?? null,
      rep.rank ?? null,
    ]);
  }
  for (const turn of state.turns) {
    const override = state.overrides[turn.n];
    const call = state.calls[turn.n];
    const room = call ? roomGroupOf(call) : null;
    rows.push([
      'turn',
      turn.rep,
      turn.n,
      turn.text,
      turn.understanding.behavior,
      turn.understanding.group,
      behaviorOf(state, turn),
      override ? 'yes' : 'no',
      override?.reason ?? null,
      call?.tally
        ? `${room ?? 'split'} (value ${call.tally.value}, neutral ${call.tally.neutral}, pitch ${call.tally.pitch})`
        : (room ?? null),
      (state.notes[turn.n] ?? []).join(' | ') || null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  }
  return csvText(rows);
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
