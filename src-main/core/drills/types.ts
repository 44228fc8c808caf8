// What a learner's drill work is made of: attempts (one per quick answer or
// meeting drill played), track completions (a certificate's facts), and the
// learners themselves. Plain data, stored as is and sent in results bundles
// and xAPI statements; ids are made once by the client and never change.
import type { Outcome } from '../scenarios/schema';
import type { ObjectiveResult } from './judge';

export interface Learner {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface DrillAttempt {
  readonly id: string;
  readonly learnerId: string;
  readonly drillId: string;
  readonly kind: 'quick' | 'meeting';
  readonly trackId?: string;
  readonly moduleId?: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly passed: boolean;
  /** 0-100: a quick drill's share of its target met; a meeting drill's overall. */
  readonly score: number;
  readonly objectives: readonly ObjectiveResult[];
  /** A quick drill's answer; '' for a meeting drill (its session has the turns). */
  readonly answer: string;
  readonly sessionId?: string;
  readonly valueCreation?: number;
  readonly pitching?: number;
  readonly outcome?: Outcome;
}

export interface TrackCompletion {
  readonly id: string;
  readonly learnerId: string;
  readonly trackId: string;
  readonly completedAt: string;
  readonly moduleScores: readonly { readonly moduleId: string; readonly score: number }[];
  readonly verificationCode: string;
}

/** The one place dates come from, so tests (and demos) can move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The learner's calendar day of a moment, as YYYY-MM-DD (local time). */
export function dayOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The day `days` after a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  // Noon, so a change of summer time never moves the day.
  return dayOf(new Date(y, m - 1, d + days, 12));
}
