// What a running meeting knows: the facts about each rep turn the buyer reacts
// to, and the persona machine's context. Plain data, so a session can be saved
// after any turn (XState's persisted snapshot) and resumed.
import type { Behavior, BehaviorGroup } from '../behaviors/taxonomy';
import type { AskSize } from '../understanding/ask';
import type { Difficulty } from '../scenarios/schema';

/** What the buyer reacts to in one rep turn. */
export interface TurnFacts {
  readonly behavior: Behavior;
  readonly group: BehaviorGroup;
  /** The rep said or asked this before. */
  readonly repeated: boolean;
  /**
   * The turn takes up something specific the buyer said in their last two
   * lines (a figure, a name, a named problem, their own words); a product turn,
   * only by answering the need they stated.
   */
  readonly buildsOnBuyer: boolean;
  /** For a commitment ask: a modest next step, or a big one (demo, trial, contract). */
  readonly ask?: AskSize;
  /** A repeat of something the buyer had already answered (costs more than a plain repeat). */
  readonly alreadyAnswered?: boolean;
  /**
   * For a product turn (pitch or proof): the buyer lines whose stated need it
   * answers in substance, each as the number of rep turns before that line
   * (0 = the opening), the same count a scenario's noted need carries.
   */
  readonly answers?: readonly number[];
  /**
   * A product turn (pitch or proof) dressed in value words: honesty or
   * no-pressure openers, "imagine if", "most teams are surprised", curiosity,
   * or a question built on our offer. Buyers hear the pitch, and the bow.
   */
  readonly dressed?: boolean;
}

export interface BuyerLine {
  readonly key: string;
  readonly text: string;
}

export interface StatedNeed {
  readonly kind: 'implied' | 'explicit';
  /** The rep turn after which the buyer stated it. */
  readonly turn: number;
}

export interface MeetingContext {
  readonly difficulty: Difficulty;
  readonly meters: Readonly<Record<string, number>>;
  readonly turns: readonly TurnFacts[];
  readonly revealed: readonly string[];
  readonly needs: readonly StatedNeed[];
  /** What the buyer says in answer to the latest turn (or the opening). */
  readonly reply: readonly BuyerLine[];
  /** The buyer's latest line revealed something (a fact or a need). */
  readonly lastLineSubstantive: boolean;
  /** The buyer line the current turn answers revealed something: a question that ignores it earns less. */
  readonly answeringSubstantive: boolean;
  /** Seeded generator state for choosing wordings. */
  readonly rng: number;
  /** Last wording used per line key, so the buyer does not repeat itself word for word. */
  readonly lastWording: Readonly<Record<string, number>>;
}

export type MeetingEvent =
  | { type: 'rep.turn'; turn: TurnFacts }
  | { type: 'turn.settled' }
  /** A scenario event the facilitator triggered (`events` in the scenario file). */
  | { type: 'scenario.event'; id: string };

export interface MeetingInput {
  readonly difficulty: Difficulty;
  readonly seed: number;
}
