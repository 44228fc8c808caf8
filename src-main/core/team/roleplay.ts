// A team roleplay in progress. It is built by applying actions in order
// (types.ts); the same setup and actions always give the same roleplay, so the
// host journals actions and a resume replays them. Each action is checked
// first: a refused one throws a TeamError and changes nothing.
import { BEHAVIORS, GROUP_OF, type BehaviorGroup } from '../behaviors/taxonomy';
import { Meeting, type MeetingTurn } from '../meeting/meeting';
import { ReplyError } from '../meeting/reply';
import type { CompiledScenario } from '../scenarios/compile';
import type { Outcome } from '../scenarios/schema';
import type { BuyerSignal } from '../understanding/buyer';
import type { BehaviorClassifier } from '../understanding/classifier';
import { checkRoster } from './roster';
import {
  MAX_NOTE_CHARS,
  MAX_REASON_CHARS,
  MAX_TALLY,
  MAX_TURNS_PER_REP,
  TeamError,
  type TeamAction,
  type TeamSetup,
  type Tally,
} from './types';

/** One rep turn, with everything the board and the reports need (plain data, stored as is). */
export interface TeamTurn extends Pick<
  MeetingTurn,
  'understanding' | 'facts' | 'buyer' | 'buyerSignals' | 'substantive' | 'meters'
> {
  /** 1 for the first turn of the roleplay, counting every meeting. */
  readonly n: number;
  readonly rep: string;
  /** Which meeting: 0 in a relay; the rep's place in the roster in One meeting each. */
  readonly meeting: number;
  /** The turn's number within its meeting. */
  readonly meetingTurn: number;
  readonly text: string;
  readonly source: 'typed' | 'spoken';
  /** Roleplay time (pauses not counted) when it was sent, in ms. */
  readonly at: number;
}

export interface TeamEventTaken {
  readonly id: string;
  readonly label: string;
  readonly meeting: number;
  /** How many turns of that meeting came before it. */
  readonly afterMeetingTurn: number;
  readonly buyer: string;
  readonly buyerSignals: readonly BuyerSignal[];
  readonly at: number;
}

export interface TeamMeetingState {
  /** The rep who held it (One meeting each), or null for a relay's one meeting. */
  readonly rep: string | null;
  readonly opening: string;
  readonly openingMeters: Readonly<Record<string, number>>;
  readonly meters: Readonly<Record<string, number>>;
  readonly outcome: Outcome;
  readonly ended: boolean;
}

export interface RoomCall {
  readonly call?: BehaviorGroup;
  readonly tally?: Tally;
}

export interface TeamOverride {
  readonly behavior: (typeof BEHAVIORS)[number];
  readonly reason: string;
}

/** Everything a team roleplay is, as plain data: what the host stores and the board is built from. */
export interface TeamState {
  readonly setup: TeamSetup;
  readonly turns: readonly TeamTurn[];
  readonly events: readonly TeamEventTaken[];
  readonly meetings: readonly TeamMeetingState[];
  readonly calls: Readonly<Record<number, RoomCall>>;
  readonly notes: Readonly<Record<number, readonly string[]>>;
  readonly overrides: Readonly<Record<number, TeamOverride>>;
  /** The rep whose turn it is, or null when every rep has had their meeting or the meeting ended. */
  readonly current: string | null;
  /** Turns the current rep has taken in this stint (relay). */
  readonly stint: number;
  readonly paused: boolean;
  /** Roleplay time when the current speaker's turn began (the clock counts from it). */
  readonly turnStartedAt: number;
  /** Wall-clock ms spent paused so far, and when the current pause began. */
  readonly pausedMs: number;
  readonly pausedAt: number | null;
  /** Nothing more can be said: the relay's meeting ended, or every rep has had their meeting. */
  readonly complete: boolean;
}

export class TeamRoleplay {
  private readonly meetings: Meeting[] = [];
  private readonly openingMeters: Readonly<Record<string, number>>[] = [];
  private readonly turnList: TeamTurn[] = [];
  private readonly eventList: TeamEventTaken[] = [];
  private readonly callMap: Record<number, RoomCall> = {};
  private readonly noteMap: Record<number, string[]> = {};
  private readonly overrideMap: Record<number, TeamOverride> = {};
  private currentIndex = 0;
  private stintTurns = 0;
  private paused = false;
  private pausedMs = 0;
  private pausedAt: number | null = null;
  private turnStartedAt = 0;
  readonly setup: TeamSetup;

  constructor(
    setup: TeamSetup,
    private readonly scenario: CompiledScenario,
    private readonly classifier: BehaviorClassifier,
  ) {
    const roster = checkRoster(setup.reps);
    if ('problem' in roster) throw new TeamError(roster.problem.message);
    if (
      !Number.isInteger(setup.turnsPerRep) ||
      setup.turnsPerRep < 1 ||
      setup.turnsPerRep > MAX_TURNS_PER_REP
    )
      throw new TeamError(
        `Turns per rep must be a whole number from 1 to ${MAX_TURNS_PER_REP}; got ${setup.turnsPerRep}.`,
      );
    if (setup.scenarioId !== scenario.file.id)
      throw new TeamError(`This roleplay is for "${setup.scenarioId}", not "${scenario.file.id}".`);
    this.setup = { ...setup, reps: roster.reps };
    this.openMeeting();
  }

  /** Replays a journal's actions; the first that no longer applies stops it, with its index. */
  static replay(
    setup: TeamSetup,
    actions: readonly TeamAction[],
    scenario: CompiledScenario,
    classifier: BehaviorClassifier,
  ): { roleplay: TeamRoleplay; kept: number } {
    const roleplay = new TeamRoleplay(setup, scenario, classifier);
    let kept = 0;
    for (const action of actions) {
      try {
        roleplay.apply(action);
      } catch (error) {
        if (error instanceof TeamError) break;
        throw error;
      }
      kept++;
    }
    return { roleplay, kept };
  }

  get current(): string | null {
    if (this.complete) return null;
    return this.setup.reps[this.currentIndex] ?? null;
  }

  get complete(): boolean {
    if (this.setup.rotation === 'relay') return this.meeting().ended;
    return this.currentIndex >= this.setup.reps.length;
  }

  /** The meeting being held now (the last one opened). */
  meeting(): Meeting {
    return this.meetings[this.meetings.length - 1] as Meeting;
  }

  /** Applies one action, or throws a TeamError and changes nothing. */
  apply(action: TeamAction): void {
    switch (action.type) {
      case 'turn':
        return this.turn(action);
      case 'skip':
        return this.skip(action.at);
      case 'next':
        return this.next(action.at);
      case 'event':
        return this.event(action.id, action.at);
      case 'pause':
        if (this.paused) throw new TeamError('The roleplay is paused already.');
        this.paused = true;
        this.pausedAt = action.at;
        return;
      case 'resume':
        if (!this.paused || this.pausedAt === null)
          throw new TeamError('The roleplay is not paused.');
        this.pausedMs += Math.max(0, action.at - this.pausedAt);
        this.paused = false;
        this.pausedAt = null;
        return;
      case 'call':
        return this.call(action.turn, action.call, action.tally);
      case 'note': {
        this.turnOf(action.turn);
        const text = action.text.replace(/[\p{Cc}\p{Cf}]+/gu, ' ').trim();
        if (text.length === 0) throw new TeamError('A note needs some words.');
        if (text.length > MAX_NOTE_CHARS)
          throw new TeamError(`A note can be at most ${MAX_NOTE_CHARS} characters.`);
        (this.noteMap[action.turn] ??= []).push(text);
        return;
      }
      case 'override': {
        const turn = this.turnOf(action.turn);
        if (!(BEHAVIORS as readonly string[]).includes(action.behavior))
          throw new TeamError(`"${action.behavior}" is not one of the thirteen behaviours.`);
        const reason = action.reason.replace(/[\p{Cc}\p{Cf}]+/gu, ' ').trim();
        if (reason.length === 0)
          throw new TeamError('Say why the behaviour is changed: a reason is required.');
        if (reason.length > MAX_REASON_CHARS)
          throw new TeamError(`A reason can be at most ${MAX_REASON_CHARS} characters.`);
        if (action.behavior === turn.understanding.behavior && !this.overrideMap[action.turn])
          throw new TeamError(`The coach read turn ${action.turn} as that already.`);
        this.overrideMap[action.turn] = { behavior: action.behavior, reason };
        return;
      }
    }
  }

  state(): TeamState {
    return {
      setup: this.setup,
      turns: [...this.turnList],
      events: [...this.eventList],
      meetings: this.meetings.map((m, i) => ({
        rep: this.setup.rotation === 'each' ? (this.setup.reps[i] ?? null) : null,
        opening: m.opening,
        openingMeters: this.openingMeters[i] ?? {},
        meters: m.meters,
        outcome: m.outcome,
        ended: m.ended,
      })),
      calls: { ...this.callMap },
      notes: Object.fromEntries(Object.entries(this.noteMap).map(([k, v]) => [k, [...v]])),
      overrides: { ...this.overrideMap },
      current: this.current,
      stint: this.stintTurns,
      paused: this.paused,
      turnStartedAt: this.turnStartedAt,
      pausedMs: this.pausedMs,
      pausedAt: this.pausedAt,
      complete: this.complete,
    };
  }

  private active(at: number): number {
    return Math.max(0, at - this.pausedMs);
  }

  private speaking(what: string): string {
    if (this.paused) throw new TeamError(`The roleplay is paused: resume it before ${what}.`);
    const rep = this.current;
    if (rep === null)
      throw new TeamError(
        this.setup.rotation === 'relay'
          ? `The buyer has ended the meeting (${this.meeting().outcome}); end the roleplay to see the board.`
          : 'Every rep has had their meeting; end the roleplay to see the board.',
      );
    return rep;
  }

  private turn(action: Extract<TeamAction, { type: 'turn' }>): void {
    const rep = this.speaking('the next turn');
    const meeting = this.meeting();
    if (meeting.ended)
      throw new TeamError(
        `The buyer has ended ${rep}'s meeting (${meeting.outcome}); press Next rep to hand over.`,
      );
    let answer: MeetingTurn;
    try {
      answer = meeting.reply(action.text);
    } catch (error) {
      if (error instanceof ReplyError) throw new TeamError(capitalise(error.message));
      throw error;
    }
    const at = this.active(action.at);
    this.turnList.push({
      n: this.turnList.length + 1,
      rep,
      meeting: this.meetings.length - 1,
      meetingTurn: meeting.turns.length,
      text: answer.rep,
      source: action.source,
      at,
      understanding: answer.understanding,
      facts: answer.facts,
      buyer: answer.buyer,
      buyerSignals: answer.buyerSignals,
      substantive: answer.substantive,
      meters: answer.meters,
    });
    this.turnStartedAt = at;
    if (this.setup.rotation === 'relay') this.countTurn();
  }

  private skip(at: number): void {
    this.speaking('skipping a turn');
    if (this.setup.rotation === 'each')
      throw new TeamError(
        'In One meeting each a rep holds the whole meeting; use Next rep to hand over.',
      );
    this.turnStartedAt = this.active(at);
    this.countTurn();
  }

  private next(at: number): void {
    this.speaking('handing over');
    this.turnStartedAt = this.active(at);
    this.currentIndex++;
    this.stintTurns = 0;
    if (this.setup.rotation === 'relay') this.currentIndex %= this.setup.reps.length;
    else if (this.currentIndex < this.setup.reps.length) this.openMeeting();
  }

  private countTurn(): void {
    this.stintTurns++;
    if (this.stintTurns >= this.setup.turnsPerRep) {
      this.stintTurns = 0;
      this.currentIndex = (this.currentIndex + 1) % this.setup.reps.length;
    }
  }

  private event(id: string, at: number): void {
    this.speaking('an event');
    const meeting = this.meeting();
    if (meeting.ended) throw new TeamError('This meeting has ended; an event cannot happen now.');
    let taken;
    try {
      taken = meeting.trigger(id);
    } catch (error) {
      if (error instanceof ReplyError) throw new TeamError(capitalise(error.message));
      throw error;
    }
    this.eventList.push({
      id,
      label: this.scenario.file.events?.[id]?.label ?? id,
      meeting: this.meetings.length - 1,
      afterMeetingTurn: taken.afterTurn,
      buyer: taken.buyer,
      buyerSignals: taken.buyerSignals,
      at: this.active(at),
    });
    this.turnStartedAt = this.active(at);
  }

  private call(n: number, call: BehaviorGroup | undefined, tally: Tally | undefined): void {
    this.turnOf(n);
    if ((call === undefined) === (tally === undefined))
      throw new TeamError('Give the room’s call or a tally of hands, not both and not neither.');
    if (call !== undefined) {
      if (!['value', 'neutral', 'pitch'].includes(call))
        throw new TeamError(`A call is Value, Neutral or Pitch; got "${call}".`);
      this.callMap[n] = { call };
      return;
    }
    const t = tally as Tally;
    const counts = [t.value, t.neutral, t.pitch];
    if (counts.some((c) => !Number.isInteger(c) || c < 0 || c > MAX_TALLY))
      throw new TeamError(`Each count of hands is a whole number from 0 to ${MAX_TALLY}.`);
    if (counts.every((c) => c === 0)) throw new TeamError('A tally needs at least one hand.');
    this.callMap[n] = { tally: { value: t.value, neutral: t.neutral, pitch: t.pitch } };
  }

  private turnOf(n: number): TeamTurn {
    const turn = Number.isInteger(n) ? this.turnList[n - 1] : undefined;
    if (!turn)
      throw new TeamError(
        this.turnList.length === 0
          ? 'No turn has been taken yet.'
          : `There is no turn ${n}; the turns so far are 1 to ${this.turnList.length}.`,
      );
    return turn;
  }

  private openMeeting(): void {
    const meeting = Meeting.start({
      scenario: this.scenario,
      classifier: this.classifier,
      difficulty: this.setup.difficulty,
      seed: this.setup.seed,
    });
    this.meetings.push(meeting);
    this.openingMeters.push(meeting.meters);
  }
}

/** The behaviour a turn counts as: the facilitator's override, else the coach's reading. */
export function behaviorOf(
  state: TeamState,
  turn: TeamTurn,
): TeamTurn['understanding']['behavior'] {
  return state.overrides[turn.n]?.behavior ?? turn.understanding.behavior;
}

export function groupOf(state: TeamState, turn: TeamTurn): BehaviorGroup {
  return GROUP_OF[behaviorOf(state, turn)];
}

function capitalise(text: string): string {
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
