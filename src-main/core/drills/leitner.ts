// Spaced repetition for quick drills, Leitner style. A failed drill comes back
// the next day; a passed one after 1, 3, 7 and then 14 days as the passes in a
// row add up. Today's drills are the due ones first (the longest overdue, then
// the least known), then drills never tried, in the bank's order, up to the
// size the learner chose. Cards are worked out from the attempts alone, so
// there is no second copy of the truth to go stale.
import { addDays, dayOf, type DrillAttempt } from './types';

/** Days until a drill comes back after 1, 2, 3, and 4 or more passes in a row. */
export const PASS_INTERVALS = [1, 3, 7, 14] as const;
export const FAIL_INTERVAL = 1;
export const DEFAULT_DAILY = 10;

export interface Card {
  readonly drillId: string;
  /** Passes in a row (0 after a fail). */
  readonly box: number;
  /** The day it is due again (YYYY-MM-DD). */
  readonly due: string;
  readonly attempts: number;
  readonly lastPassed: boolean;
}

/** Every quick drill's card from a learner's attempts. */
export function cardsOf(attempts: readonly DrillAttempt[]): Map<string, Card> {
  const cards = new Map<string, Card>();
  const quick = attempts
    .filter((a) => a.kind === 'quick')
    .sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0));
  for (const attempt of quick) {
    const before = cards.get(attempt.drillId);
    const day = dayOf(new Date(attempt.startedAt));
    const box = attempt.passed ? Math.min((before?.box ?? 0) + 1, PASS_INTERVALS.length) : 0;
    const interval = attempt.passed ? (PASS_INTERVALS[box - 1] ?? 14) : FAIL_INTERVAL;
    cards.set(attempt.drillId, {
      drillId: attempt.drillId,
      box,
      due: addDays(day, interval),
      attempts: (before?.attempts ?? 0) + 1,
      lastPassed: attempt.passed,
    });
  }
  return cards;
}

export interface TodaysDrills {
  /** Due again today or earlier, in the order to do them. */
  readonly due: readonly string[];
  /** Never tried, in the bank's order. */
  readonly fresh: readonly string[];
  /** Today's set: due first, then fresh, at most `size`. */
  readonly today: readonly string[];
}

export function todaysDrills(
  cards: ReadonlyMap<string, Card>,
  quickIds: readonly string[],
  today: string,
  size: number = DEFAULT_DAILY,
): TodaysDrills {
  const known = new Set(quickIds);
  const due = [...cards.values()]
    .filter((c) => known.has(c.drillId) && c.due <= today)
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.box - b.box))
    .map((c) => c.drillId);
  const fresh = quickIds.filter((id) => !cards.has(id));
  return { due, fresh, today: [...due, ...fresh].slice(0, Math.max(0, size)) };
}
