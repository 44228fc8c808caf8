// Words and numbers the screens show: dates, the meeting clock, outcomes,
// difficulties, behaviours. One place, so every screen says things the same way.
import { BEHAVIOR_DESCRIPTIONS } from '../../../src-main/core/behaviors/taxonomy';
import type {
  Behavior,
  BehaviorGroup,
  Difficulty,
  Mode,
  Outcome,
} from '../../../src-main/contract/api';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const shortDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/** A timestamp as people read it; the raw string if it does not parse. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

export function formatShortDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : shortDate.format(date);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** "13:40", local time on a 24-hour clock. */
export function formatTime(date: Date): string {
  return `${two(date.getHours())}:${two(date.getMinutes())}`;
}

/**
 * When a session was held, short enough for a button's name: "3 Dec, 13:40"
 * (with the year when it is not this year's: "3 Dec 2024, 13:40").
 */
export function formatWhen(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const year = date.getFullYear() === now.getFullYear() ? '' : ` ${date.getFullYear()}`;
  return `${date.getDate()} ${MONTHS[date.getMonth()]}${year}, ${formatTime(date)}`;
}

function localDay(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

/**
 * Labels for a chart's time axis, one per timestamp: the day ("3 Dec") when
 * every session fell on a different day; the time ("13:40") when they all
 * fell on one day; both ("3 Dec, 13:40") when some days hold several.
 */
export function timeAxisLabels(isos: readonly string[]): string[] {
  const dates = isos.map((iso) => new Date(iso));
  if (dates.some((d) => Number.isNaN(d.getTime()))) return isos.map(formatShortDate);
  const days = new Set(dates.map(localDay));
  if (days.size === dates.length) return isos.map(formatShortDate);
  if (days.size === 1) return dates.map(formatTime);
  return dates.map((d) => `${shortDate.format(d)}, ${formatTime(d)}`);
}

/** mm:ss; minutes keep counting past 59 because meetings this long are rare. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

export const DIFFICULTY_LABEL: Readonly<Record<Difficulty, string>> = {
  easy: 'Easy',
  normal: 'Normal',
  hard: 'Hard',
};

export const MODE_LABEL: Readonly<Record<Mode, string>> = { coach: 'Coach', exam: 'Exam' };

/** The report's sentence for each outcome. */
export const OUTCOME_TEXT: Readonly<Record<Outcome, string>> = {
  advanced: 'Advanced: the buyer agreed to a next step',
  declined: 'Declined',
  ended_by_buyer: 'Ended by the buyer',
  open: 'Ended by you before an outcome',
};

/** The same, short enough for a table cell. */
export const OUTCOME_SHORT: Readonly<Record<Outcome, string>> = {
  advanced: 'Advanced',
  declined: 'Declined',
  ended_by_buyer: 'Ended by the buyer',
  open: 'Ended by you',
};

/** A real call's outcome, read from what the buyer side said to the rep's last ask. */
export const CALL_OUTCOME_TEXT: Readonly<Record<Outcome, string>> = {
  advanced: 'A next step was agreed',
  declined: 'The buyer side declined the ask',
  ended_by_buyer: 'The buyer side ended the call',
  open: 'No next step was agreed in the transcript',
};

/** The same, short enough for a table cell. */
export const CALL_OUTCOME_SHORT: Readonly<Record<Outcome, string>> = {
  advanced: 'Advanced',
  declined: 'Declined',
  ended_by_buyer: 'Ended by the buyer',
  open: 'No next step',
};

export const GROUP_LABEL: Readonly<Record<BehaviorGroup, string>> = {
  value: 'Value',
  neutral: 'Neutral',
  pitch: 'Pitch',
};

/** "implication_question" → "Implication question". */
export function behaviorLabel(behavior: Behavior | string): string {
  const words = behavior.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function behaviorDescription(behavior: Behavior): string {
  return BEHAVIOR_DESCRIPTIONS[behavior] ?? behaviorLabel(behavior);
}

export function formatPoints(points: number): string {
  const rounded = Math.round(points * 100) / 100;
  return rounded > 0 ? `+${rounded}` : String(rounded);
}

export function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
