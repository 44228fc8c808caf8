// A team roleplay: one buyer, several reps taking turns, the room calling each
// turn. Everything that happens is an action in a log; the roleplay is what
// replaying the log gives, so a journal of actions is all a resume needs.
import type { Behavior, BehaviorGroup } from '../behaviors/taxonomy';
import type { Difficulty } from '../scenarios/schema';

/** Relay: one meeting, reps take N turns each in roster order. Each: every rep holds the whole meeting, same buyer and seed. */
export type Rotation = 'relay' | 'each';
export const ROTATIONS: readonly Rotation[] = ['relay', 'each'];

export interface TeamSetup {
  readonly scenarioId: string;
  readonly difficulty: Difficulty;
  readonly mode: 'coach' | 'exam';
  readonly rotation: Rotation;
  /** Relay: how many turns each rep takes before handing over. */
  readonly turnsPerRep: number;
  readonly reps: readonly string[];
  readonly seed: number;
  /** The room calls each turn (Value, Neutral, Pitch) before the coach's call is shown. */
  readonly calling: boolean;
}

/** How many hands the room raised for each call. */
export interface Tally {
  readonly value: number;
  readonly neutral: number;
  readonly pitch: number;
}

/** Everything that can happen in a team roleplay, in the order it happened. */
export type TeamAction =
  | {
      readonly type: 'turn';
      readonly text: string;
      readonly source: 'typed' | 'spoken';
      /** Milliseconds of roleplay time (pauses not counted) when it was sent. */
      readonly at: number;
    }
  /** The current rep passes this turn (relay only). */
  | { readonly type: 'skip'; readonly at: number }
  /** Hand over to the next rep now. */
  | { readonly type: 'next'; readonly at: number }
  | { readonly type: 'event'; readonly id: string; readonly at: number }
  | { readonly type: 'pause'; readonly at: number }
  | { readonly type: 'resume'; readonly at: number }
  /** The room's call on a turn: one call, or a tally of hands. A later call replaces an earlier one. */
  | {
      readonly type: 'call';
      readonly turn: number;
      readonly call?: BehaviorGroup;
      readonly tally?: Tally;
    }
  | { readonly type: 'note'; readonly turn: number; readonly text: string }
  | {
      readonly type: 'override';
      readonly turn: number;
      readonly behavior: Behavior;
      readonly reason: string;
    };

export const MAX_NOTE_CHARS = 1000;
export const MAX_REASON_CHARS = 300;
export const MAX_TURNS_PER_REP = 10;
export const MAX_TALLY = 500;

/** A refusal in words: the action is not applied and nothing changes. */
export class TeamError extends Error {
  override readonly name = 'TeamError';
}
