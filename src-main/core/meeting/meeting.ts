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
import type { MeetingContext, TurnFacts } from './types';

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

export interface SavedMeeting {
  readonly version: 1;
  readonly scenario: string;
  readonly difficulty: Difficulty;
  readonly seed: number;
  readonly opening: string;
  readonly turns: readonly MeetingTurn[];
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
    this.opening = saved
      ? saved.opening
      : this.context()
          .reply.map((l) => l.text)
          .join(' ');
    // The judge knows which nouns are the offer: the scenario says what the rep sells.
    this.reader = new ConversationReader(classifier.withOffer(offerOf(scenario)));
    this.reader.buyer(this.opening);
    for (const turn of this.turnsSoFar) {
      this.reader.remember(turn.rep);
      this.reader.buyer(turn.buyer);
    }
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
    const stated: BuyerSignal[] = context.needs
      .slice(needsBefore)
      .map((n) => ({ kind: n.kind === 'explicit' ? 'explicit_need' : 'implied_need', cue: buyer }));
    const read = readBuyerLine(buyer).filter(
      (s) => s.kind === 'objection' || s.kind === 'disengagement',
    );
    const turn: MeetingTurn = {
      rep: text,
      understanding,
      facts,
      buyer,
      buyerSignals: [...stated, ...read],
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
    for (const t of this.turnsSoFar) {
      entries.push({ speaker: 'rep', text: t.rep, understanding: t.understanding, facts: t.facts });
      if (t.buyer)
        entries.push({
          speaker: 'buyer',
          text: t.buyer,
          signals: t.buyerSignals,
          substantive: t.substantive,
        });
    }
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
