// The team board and each rep's report, computed from a team roleplay's state
// alone (no classifier, no scenario), so a stored roleplay shows the same
// board it showed when it ended. Overrides count in every score; the coach's
// own reading is kept beside them. The room's agreement with the coach is the
// share of the room's votes that matched the coach's group on the turns it
// called (a single call is one vote), against the coach's reading, not an
// override: overrides are a second human call, not the coach's.
import { GROUP_OF, type BehaviorGroup } from '../behaviors/taxonomy';
import type { Outcome } from '../scenarios/schema';
import { scoreSession, type SessionReport, type TranscriptEntry } from '../scoring/report';
import type { RoomCall, TeamState, TeamTurn } from './roleplay';

export interface TeamMomentQuote {
  readonly turn: number;
  readonly text: string;
  readonly behavior: TeamTurn['understanding']['behavior'];
  readonly group: BehaviorGroup;
}

export interface RepBoardRow {
  readonly name: string;
  readonly turns: number;
  readonly valueCreation: number;
  readonly pitching: number;
  readonly overall: number;
  readonly talkShare: number;
  readonly best: TeamMomentQuote | null;
  readonly worst: TeamMomentQuote | null;
  /** The room's agreement with the coach on this rep's turns, 0-1, or null when none was called. */
  readonly agreement: number | null;
  readonly called: number;
  /** One meeting each: how the rep's meeting ended. */
  readonly outcome?: Outcome;
  /** One meeting each: 1 for the highest overall. */
  readonly rank?: number;
}

export interface TeamBoard {
  readonly rotation: TeamState['setup']['rotation'];
  readonly reps: readonly RepBoardRow[];
  readonly agreement: number | null;
  readonly called: number;
  readonly turns: number;
  readonly overrides: number;
  /** Relay: how the meeting ended. */
  readonly outcome?: Outcome;
}

/** The share of the room's votes that matched the coach's reading, and how many votes. */
export function agreementOf(
  call: RoomCall,
  coach: BehaviorGroup,
): { share: number; votes: number } {
  if (call.call) return { share: call.call === coach ? 1 : 0, votes: 1 };
  const tally = call.tally ?? { value: 0, neutral: 0, pitch: 0 };
  const votes = tally.value + tally.neutral + tally.pitch;
  return { share: votes === 0 ? 0 : tally[coach] / votes, votes };
}

/** The room's call as one group: the call, or the tally's most hands (null on a tie). */
export function roomGroupOf(call: RoomCall): BehaviorGroup | null {
  if (call.call) return call.call;
  const t = call.tally;
  if (!t) return null;
  const entries = (['value', 'neutral', 'pitch'] as const).map((g) => [g, t[g]] as const);
  const top = Math.max(...entries.map(([, c]) => c));
  const winners = entries.filter(([, c]) => c === top);
  return winners.length === 1 ? (winners[0]?.[0] ?? null) : null;
}

function meanAgreement(
  state: TeamState,
  turns: readonly TeamTurn[],
): {
  agreement: number | null;
  called: number;
} {
  let sum = 0;
  let called = 0;
  for (const turn of turns) {
    const call = state.calls[turn.n];
    if (!call) continue;
    sum += agreementOf(call, turn.understanding.group).share;
    called++;
  }
  return { agreement: called === 0 ? null : Math.round((1000 * sum) / called) / 1000, called };
}

/** A rep turn as the report reads it: the facilitator's override in place of the coach's reading. */
function repEntry(state: TeamState, turn: TeamTurn): TranscriptEntry {
  const override = state.overrides[turn.n];
  if (!override) {
    return {
      speaker: 'rep',
      text: turn.text,
      understanding: turn.understanding,
      facts: turn.facts,
    };
  }
  const group = GROUP_OF[override.behavior];
  return {
    speaker: 'rep',
    text: turn.text,
    understanding: {
      ...turn.understanding,
      behavior: override.behavior,
      group,
      confidence: 1,
      cues: [`changed by the facilitator: ${override.reason}`],
      alternative: turn.understanding.behavior,
    },
    facts: { ...turn.facts, behavior: override.behavior, group },
  };
}

/**
 * One meeting's transcript. With `rep`, only that rep's turns count: the other
 * reps' turns are left out, and buyer lines outside the rep's exchanges keep
 * their signals (a need the buyer stated to a teammate was still stated) but
 * not their words, so talk share is the rep's against the buyer's answers to them.
 */
export function transcriptOf(
  state: TeamState,
  meeting: number,
  rep?: string,
): { entries: TranscriptEntry[]; turns: TeamTurn[] } {
  const m = state.meetings[meeting];
  if (!m) return { entries: [], turns: [] };
  const turns = state.turns.filter((t) => t.meeting === meeting);
  const inScope = (t: TeamTurn | undefined) => rep === undefined || t?.rep === rep;
  const eventsAfter = (k: number) =>
    state.events.filter((e) => e.meeting === meeting && e.afterMeetingTurn === k);
  const entries: TranscriptEntry[] = [];
  const buyerLine = (
    text: string,
    signals: Extract<TranscriptEntry, { speaker: 'buyer' }>['signals'],
    substantive: boolean,
    before: TeamTurn | undefined,
    after: TeamTurn | undefined,
  ) => {
    const kept = inScope(before) || inScope(after);
    if (!text && signals.length === 0) return;
    entries.push({
      speaker: 'buyer',
      text: kept ? text : '',
      signals,
      substantive: kept && substantive,
    });
  };
  const events = (k: number, before: TeamTurn | undefined, after: TeamTurn | undefined) => {
    for (const e of eventsAfter(k)) buyerLine(e.buyer, e.buyerSignals, false, before, after);
  };
  buyerLine(m.opening, [], false, undefined, turns[0]);
  events(0, undefined, turns[0]);
  const scoped: TeamTurn[] = [];
  turns.forEach((turn, i) => {
    const following = turns[i + 1];
    if (inScope(turn)) {
      entries.push(repEntry(state, turn));
      scoped.push(turn);
    }
    buyerLine(turn.buyer, turn.buyerSignals, turn.substantive, turn, following);
    events(turn.meetingTurn, turn, following);
  });
  return { entries, turns: scoped };
}

/** The outcome a rep's report counts: their meeting's, or in a relay the meeting's for the rep whose turn it ended on. */
function outcomeFor(state: TeamState, meeting: number, rep: string | undefined): Outcome {
  const m = state.meetings[meeting];
  if (!m) return 'open';
  if (state.setup.rotation === 'each' || rep === undefined) return m.outcome;
  const last = state.turns.filter((t) => t.meeting === meeting).at(-1);
  return last?.rep === rep ? m.outcome : 'open';
}

/** A rep's own report: their meeting (One meeting each) or their turns of the relay. */
export function repReport(
  state: TeamState,
  rep: string,
): { report: SessionReport; turns: TeamTurn[] } {
  const meeting =
    state.setup.rotation === 'each' ? state.meetings.findIndex((m) => m.rep === rep) : 0;
  if (meeting < 0) return { report: scoreSession([], 'open'), turns: [] };
  const { entries, turns } = transcriptOf(
    state,
    meeting,
    state.setup.rotation === 'relay' ? rep : undefined,
  );
  return { report: scoreSession(entries, outcomeFor(state, meeting, rep)), turns };
}

export function teamBoard(state: TeamState): TeamBoard {
  const rows: RepBoardRow[] = state.setup.reps.map((name) => {
    const { report, turns } = repReport(state, name);
    const quotes = report.moments.map((m, i) => ({ moment: m, turn: turns[i] as TeamTurn }));
    const net = (q: (typeof quotes)[number]) => q.moment.valuePoints - q.moment.pitchPoints;
    const quoteOf = (q: (typeof quotes)[number] | undefined): TeamMomentQuote | null =>
      q
        ? { turn: q.turn.n, text: q.turn.text, behavior: q.moment.behavior, group: q.moment.group }
        : null;
    // Best: the turn that created the most value (none when no turn did). Worst:
    // of the others, the one that cost the most; the later on a tie, so a rep
    // who only ever did well sees where it faded.
    let best: (typeof quotes)[number] | undefined;
    for (const q of quotes) if (net(q) > 0 && (!best || net(q) > net(best))) best = q;
    let worst: (typeof quotes)[number] | undefined;
    for (const q of quotes) if (q !== best && (!worst || net(q) <= net(worst))) worst = q;
    const { agreement, called } = meanAgreement(state, turns);
    const meeting = state.meetings.find((m) => m.rep === name);
    return {
      name,
      turns: turns.length,
      valueCreation: report.valueCreation,
      pitching: report.pitching,
      overall: report.overall,
      talkShare: report.metrics.repTalkShare,
      best: quoteOf(best),
      worst: quoteOf(worst),
      agreement,
      called,
      ...(state.setup.rotation === 'each' ? { outcome: meeting?.outcome ?? 'open' } : {}),
    };
  });
  let reps = rows;
  if (state.setup.rotation === 'each') {
    const order = [...rows].sort(
      (a, b) =>
        b.overall - a.overall ||
        b.valueCreation - a.valueCreation ||
        a.pitching - b.pitching ||
        a.name.localeCompare(b.name),
    );
    reps = order.map((row, i) => ({ ...row, rank: i + 1 }));
  }
  const { agreement, called } = meanAgreement(state, state.turns);
  return {
    rotation: state.setup.rotation,
    reps,
    agreement,
    called,
    turns: state.turns.length,
    overrides: Object.keys(state.overrides).length,
    ...(state.setup.rotation === 'relay' ? { outcome: state.meetings[0]?.outcome ?? 'open' } : {}),
  };
}
