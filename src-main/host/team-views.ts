// What the page sees of a team roleplay: the presenter's view of a live one
// (the coach's call held back until the room has called the turn, and in exam
// mode until the board), the board of a stored one, and one rep's report in
// the shape of a solo session so the same report screen shows it.
import type {
  RecordTurn,
  ScenarioCard,
  SessionRecord,
  TeamBoardView,
  TeamTurnView,
  TeamView,
} from '../contract/api';
import { GROUP_OF } from '../core/behaviors/taxonomy';
import type { CompiledScenario } from '../core/scenarios/compile';
import { agreementOf, repReport, roomGroupOf, teamBoard } from '../core/team/board';
import type { TeamState, TeamTurn } from '../core/team/roleplay';
import type { TeamRecord } from '../services/storage/team-record';

function setupView(state: TeamState): TeamView['setup'] {
  const { difficulty, mode, rotation, turnsPerRep, reps, calling } = state.setup;
  return { difficulty, mode, rotation, turnsPerRep, reps, calling };
}

function turnView(state: TeamState, turn: TeamTurn, reveal: boolean): TeamTurnView {
  const call = state.calls[turn.n];
  const override = state.overrides[turn.n];
  const coach = { behavior: turn.understanding.behavior, group: turn.understanding.group };
  return {
    n: turn.n,
    rep: turn.rep,
    meeting: turn.meeting,
    meetingTurn: turn.meetingTurn,
    text: turn.text,
    source: turn.source,
    at: turn.at,
    buyer: turn.buyer,
    ...(reveal ? { coach } : {}),
    ...(reveal && override
      ? {
          override: {
            behavior: override.behavior,
            group: GROUP_OF[override.behavior],
            reason: override.reason,
          },
        }
      : {}),
    ...(call
      ? {
          room: {
            ...call,
            group: roomGroupOf(call),
            ...(reveal ? { agreement: agreementOf(call, coach.group).share } : {}),
          },
        }
      : {}),
    notes: state.notes[turn.n] ?? [],
    ...(state.setup.mode === 'coach' ? { meters: turn.meters } : {}),
  };
}

/** The turn waiting for the room's call: the latest, when calling is on and it has not been called. */
function awaitingCall(state: TeamState): number | null {
  if (!state.setup.calling) return null;
  const last = state.turns.at(-1);
  return last && !state.calls[last.n] ? last.n : null;
}

export function teamViewOf(live: {
  readonly id: string;
  readonly startedAt: string;
  readonly state: TeamState;
  readonly scenario: CompiledScenario;
  readonly card: ScenarioCard;
  readonly notice?: string;
}): TeamView {
  const { state } = live;
  const waiting = awaitingCall(state);
  // Exam mode keeps the coach's calls for the board; otherwise a turn is
  // revealed once the room has called it or the roleplay has moved past it.
  // An override is made after seeing the coach's call, so it reveals it.
  const reveal = (turn: TeamTurn) =>
    state.setup.mode === 'coach' && (turn.n !== waiting || state.overrides[turn.n] !== undefined);
  const meeting = state.meetings.at(-1);
  return {
    id: live.id,
    scenario: live.card,
    setup: setupView(state),
    startedAt: live.startedAt,
    meetings: state.meetings.map((m) => ({
      rep: m.rep,
      opening: m.opening,
      outcome: m.outcome,
      ended: m.ended,
    })),
    turns: state.turns.map((t) => turnView(state, t, reveal(t))),
    events: state.events.map(eventView),
    current: state.current,
    turnsLeft:
      state.setup.rotation === 'relay' && state.current !== null
        ? state.setup.turnsPerRep - state.stint
        : 0,
    paused: state.paused,
    pausedMs: state.pausedMs,
    pausedAt: state.pausedAt,
    turnStartedAt: state.turnStartedAt,
    ...(state.setup.mode === 'coach' && meeting ? { meters: meeting.meters } : {}),
    awaitingCall: waiting,
    availableEvents: Object.entries(live.scenario.file.events ?? {}).map(([id, e]) => ({
      id,
      label: e.label,
    })),
    complete: state.complete,
    ...(live.notice ? { notice: live.notice } : {}),
  };
}

function eventView(e: TeamState['events'][number]): TeamBoardView['events'][number] {
  return {
    id: e.id,
    label: e.label,
    meeting: e.meeting,
    afterMeetingTurn: e.afterMeetingTurn,
    buyer: e.buyer,
  };
}

export function teamBoardViewOf(record: TeamRecord): TeamBoardView {
  const { state } = record;
  const board = teamBoard(state);
  return {
    id: record.id,
    scenario: record.scenario,
    setup: setupView(state),
    startedAt: record.startedAt,
    endedAt: record.endedAt,
    reps: board.reps,
    agreement: board.agreement,
    called: board.called,
    overrides: board.overrides,
    ...(board.outcome ? { outcome: board.outcome } : {}),
    openings: state.meetings.map((m) => m.opening),
    turns: state.turns.map((t) => turnView(state, t, true)),
    events: state.events.map(eventView),
  };
}

/**
 * One rep's report as a session record, for the report screen: their meeting
 * in One meeting each, their turns of the relay otherwise. It is not stored;
 * its id is the team roleplay's.
 */
export function repRecordOf(record: TeamRecord, rep: string): SessionRecord | undefined {
  const { state } = record;
  if (!state.setup.reps.includes(rep)) return undefined;
  const { report, turns } = repReport(state, rep);
  const meetingIndex = state.setup.rotation === 'each' ? state.setup.reps.indexOf(rep) : 0;
  const meeting = state.meetings[meetingIndex];
  const recordTurns: RecordTurn[] = turns.map((t, i) => {
    const override = state.overrides[t.n];
    const behavior = override?.behavior ?? t.understanding.behavior;
    return {
      n: i + 1,
      rep: t.text,
      repName: t.rep,
      source: t.source,
      at: t.at,
      buyer: t.buyer,
      behavior,
      group: GROUP_OF[behavior],
      meters: t.meters,
    };
  });
  const lastAt = turns.at(-1)?.at ?? 0;
  return {
    version: 1,
    id: record.id,
    scenario: record.scenario,
    difficulty: state.setup.difficulty,
    mode: state.setup.mode,
    reps: [rep],
    seed: state.setup.seed,
    startedAt: record.startedAt,
    endedAt: new Date(Date.parse(record.startedAt) + lastAt).toISOString(),
    endedBy: meeting?.ended ? 'buyer' : 'rep',
    opening: meeting?.opening ?? '',
    meterInfo: record.meterInfo,
    openingMeters: meeting?.openingMeters ?? {},
    turns: recordTurns,
    outcome: report.outcome,
    report,
  };
}
