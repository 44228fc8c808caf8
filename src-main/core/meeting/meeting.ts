// A meeting in progress: the persona machine, the classifier and the
// transcript. `reply` is one persona turn (understand, transition, choose a
// line); `save` captures everything needed to resume after any turn.
import { createActor, type Actor, type Snapshot } from 'xstate';
import type { BehaviorClassifier, Understanding } from '../understanding/classifier';
import { readBuyerLine, type BuyerSignal } from '../understanding/buyer';
import { ConversationReader } from '../understanding/turn';
import { offerOf, type CompiledScenario, type MeetingMachine } from '../scenarios/compile';
import type { Difficulty, Outcome } from '../scenarios/schema';
import { scoreSession, type SessionReport, type TranscriptEntry } from '../scoring/report';
import { checkReply, ReplyError } from './reply';
import type { MeetingContext, StatedNeed, TurnFacts } from './types';

export interface MeetingTurn {
  readonly rep: string;
  readonly understanding: Understanding;
  readonly facts: TurnFacts;
  /** The buyer's answer (empty once the meeting has ended without a word). */
  readonly buyer: string;
  readonly buyerSignals: readonly BuyerSignal[];
  readonly substantive: boolean;
  readonly meters: Readonly<Record<string, number>>;
  readonly state: string;
}

/** A scenario event the facilitator triggered, and what the buyer said. */
export interface MeetingEventTaken {
  readonly id: string;
  /** How many rep turns came before it. */
  readonly afterTurn: number;
  readonly buyer: string;
  readonly buyerSignals: readonly BuyerSignal[];
}

export interface SavedMeeting {
  readonly version: 1;
  readonly scenario: string;
  readonly difficulty: Difficulty;
  readonly seed: number;
  readonly opening: string;
  readonly turns: readonly MeetingTurn[];
  /** Scenario events triggered so far (team roleplays). */
  readonly events?: readonly MeetingEventTaken[];
  /** XState's persisted snapshot of the persona. */
  readonly persona: Snapshot<unknown>;
}

export interface MeetingOptions {
  readonly scenario: CompiledScenario;
  readonly classifier: BehaviorClassifier;
  readonly difficulty?: Difficulty;
  readonly seed?: number;
}

export class Meeting {
  readonly opening: string;
  readonly difficulty: Difficulty;
  readonly seed: number;
  private readonly actor: Actor<MeetingMachine>;
  private readonly turnsSoFar: MeetingTurn[];
  private readonly eventsSoFar: MeetingEventTaken[];
  private readonly reader: ConversationReader;

  private constructor(
    private readonly scenario: CompiledScenario,
    classifier: BehaviorClassifier,
    difficulty: Difficulty,
    seed: number,
    saved?: SavedMeeting,
  ) {
    this.difficulty = difficulty;
    this.seed = seed;
    this.actor = createActor(scenario.machine, {
      input: { difficulty, seed },
      ...(saved ? { snapshot: saved.persona as never } : {}),
    });
    this.actor.start();
    this.turnsSoFar = saved ? [...saved.turns] : [];
    this.eventsSoFar = saved?.events ? [...saved.events] : [];
    this.opening = saved
      ? saved.opening
      : this.context()
          .reply.map((l) => l.text)
          .join(' ');
    // The judge knows which nouns are the offer: the scenario says what the rep sells.
    this.reader = new ConversationReader(classifier.withOffer(offerOf(scenario)));
    this.reader.buyer(this.opening);
    const eventsAfter = (n: number) => this.eventsSoFar.filter((e) => e.afterTurn === n);
    for (const event of eventsAfter(0)) this.reader.buyer(event.buyer);
    this.turnsSoFar.forEach((turn, i) => {
      this.reader.remember(turn.rep);
      this.reader.buyer(turn.buyer);
      for (const event of eventsAfter(i + 1)) this.reader.buyer(event.buyer);
    });
  }

  static start(options: MeetingOptions): Meeting {
    return new Meeting(
      options.scenario,
      options.classifier,
      options.difficulty ?? 'normal',
      options.seed ?? 1,
    );
  }

  static resume(
    saved: SavedMeeting,
    scenario: CompiledScenario,
    classifier: BehaviorClassifier,
  ): Meeting {
    if (saved.scenario !== scenario.file.id) {
      throw new ReplyError(
        `this saved meeting is for scenario "${saved.scenario}", not "${scenario.file.id}"`,
      );
    }
    return new Meeting(scenario, classifier, saved.difficulty, saved.seed, saved);
  }

  get turns(): readonly MeetingTurn[] {
    return this.turnsSoFar;
  }

  get ended(): boolean {
    return this.actor.getSnapshot().status === 'done';
  }

  get outcome(): Outcome {
    if (!this.ended) return 'open';
    return this.scenario.file.states[this.stateName()]?.outcome ?? 'open';
  }

  get meters(): Readonly<Record<string, number>> {
    return this.context().meters;
  }

  get revealed(): readonly string[] {
    return this.context().revealed;
  }

  get events(): readonly MeetingEventTaken[] {
    return this.eventsSoFar;
  }

  /**
   * A scenario event (`events.ID` in the file): the buyer says its line and
   * its effects apply. The next reply is read as answering that line.
   */
  trigger(id: string): MeetingEventTaken {
    if (this.ended)
      throw new ReplyError(`the meeting has ended (${this.outcome}); an event cannot happen now`);
    const events = this.scenario.file.events ?? {};
    if (!Object.hasOwn(events, id)) {
      const known = Object.keys(events);
      throw new ReplyError(
        known.length > 0
          ? `this scenario has no event "${id}"; its events are ${known.join(', ')}`
          : `this scenario has no events (asked for "${id}")`,
      );
    }
    const needsBefore = this.context().needs.length;
    this.actor.send({ type: 'scenario.event', id });
    const context = this.context();
    const buyer = context.reply.map((l) => l.text).join(' ');
    this.reader.buyer(buyer);
    const taken: MeetingEventTaken = {
      id,
      afterTurn: this.turnsSoFar.length,
      buyer,
      buyerSignals: signalsOf(buyer, context.needs.slice(needsBefore)),
    };
    this.eventsSoFar.push(taken);
    return taken;
  }

  /** One persona turn: read the reply, move the persona, and return the buyer's answer. */
  reply(raw: string): MeetingTurn {
    if (this.ended)
      throw new ReplyError(`the meeting has ended (${this.outcome}); start a new one`);
    const text = checkReply(raw);
    const { understanding, facts } = this.reader.rep(text);
    const needsBefore = this.context().needs.length;
    this.actor.send({ type: 'rep.turn', turn: facts });
    const context = this.context();
    const buyer = context.reply.map((l) => l.text).join(' ');
    this.reader.buyer(buyer);
    const turn: MeetingTurn = {
      rep: text,
      understanding,
      facts,
      buyer,
      buyerSignals: signalsOf(buyer, context.needs.slice(needsBefore)),
      substantive: context.lastLineSubstantive,
      meters: context.meters,
      state: this.stateName(),
    };
    this.turnsSoFar.push(turn);
    return turn;
  }

  report(): SessionReport {
    return scoreSession(this.transcript(), this.outcome);
  }

  transcript(): TranscriptEntry[] {
    const entries: TranscriptEntry[] = [
      { speaker: 'buyer', text: this.opening, signals: [], substantive: false },
    ];
    const eventLines = (n: number) => {
      for (const e of this.eventsSoFar) {
        if (e.afterTurn === n && e.buyer)
          entries.push({
            speaker: 'buyer',
            text: e.buyer,
            signals: e.buyerSignals,
            substantive: false,
          });
      }
    };
    eventLines(0);
    this.turnsSoFar.forEach((t, i) => {
      entries.push({ speaker: 'rep', text: t.rep, understanding: t.understanding, facts: t.facts });
      if (t.buyer)
        entries.push({
          speaker: 'buyer',
          text: t.buyer,
          signals: t.buyerSignals,
          substantive: t.substantive,
        });
      eventLines(i + 1);
    });
    return entries;
  }

  save(): SavedMeeting {
    return {
      version: 1,
      scenario: this.scenario.file.id,
      difficulty: this.difficulty,
      seed: this.seed,
      opening: this.opening,
      turns: [...this.turnsSoFar],
      ...(this.eventsSoFar.length > 0 ? { events: [...this.eventsSoFar] } : {}),
      persona: this.actor.getPersistedSnapshot() as Snapshot<unknown>,
    };
  }

  stateName(): string {
    const value = this.actor.getSnapshot().value;
    return typeof value === 'string' ? value : JSON.stringify(value);
  }

  private context(): MeetingContext {
    return this.actor.getSnapshot().context;
  }
}

/** What a buyer line signals: the needs the persona noted with it, and objections or disengagement read from its words. */
function signalsOf(buyer: string, needs: readonly StatedNeed[]): BuyerSignal[] {
  const stated: BuyerSignal[] = needs.map((n) => ({
    kind: n.kind === 'explicit' ? 'explicit_need' : 'implied_need',
    cue: buyer,
  }));
  const read = readBuyerLine(buyer).filter(
    (s) => s.kind === 'objection' || s.kind === 'disengagement',
  );
  return [...stated, ...read];
}
