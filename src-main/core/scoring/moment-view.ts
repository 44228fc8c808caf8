// How a moment and a meeting's end read, in one place, so the badge, the
// "counted as" line, the summary counts and the timeline can never disagree.
// No runtime imports: the renderer uses these too.
import type { Behavior, BehaviorGroup } from '../behaviors/taxonomy';
import type { Outcome } from '../scenarios/schema';

/** The parts of a moment that decide how it reads. */
export interface CountedMoment {
  readonly behavior: Behavior;
  readonly group: BehaviorGroup;
  readonly counts: 'value' | 'pitch' | 'neutral';
  readonly valuePoints: number;
  readonly pitchPoints: number;
}

const GROUP_WORD: Readonly<Record<BehaviorGroup, string>> = {
  value: 'Value',
  neutral: 'Neutral',
  pitch: 'Pitch',
};

/**
 * The group a moment counts in: the one its badge, the timeline and the
 * summary show. A commitment ask (a neutral behaviour) counts as value when
 * earned and as pitch when premature; a repeated question counts as neutral.
 */
export function countedGroup(m: CountedMoment): BehaviorGroup {
  return m.counts;
}

function points(x: number): string {
  const rounded = Math.round(x * 100) / 100;
  return rounded > 0 ? `+${rounded}` : String(rounded);
}

/** "Value +0.5", "Pitch +1", "Neutral": how the moment counted, with its points. */
export function countedAs(m: CountedMoment): string {
  const group = countedGroup(m);
  if (group === 'value') return `Value ${points(m.valuePoints)}`;
  if (group === 'pitch') return `Pitch ${points(m.pitchPoints)}`;
  return 'Neutral';
}

/** "Implication question", from "implication_question". */
export function behaviorName(behavior: Behavior): string {
  const words = behavior.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The badge: the behaviour and the group it counted in, e.g. "Commitment ask ·
 * value" for an earned ask; the group is left out when it repeats the name
 * ("Pitch", not "Pitch · pitch").
 */
export function momentBadge(m: CountedMoment): string {
  const group = countedGroup(m);
  return m.behavior === group
    ? behaviorName(m.behavior)
    : `${behaviorName(m.behavior)} · ${GROUP_WORD[group].toLowerCase()}`;
}

/** The summary's counts, from the same function the badges use. */
export function countedTurns(moments: readonly CountedMoment[]): Record<BehaviorGroup, number> {
  const out: Record<BehaviorGroup, number> = { value: 0, neutral: 0, pitch: 0 };
  for (const m of moments) out[countedGroup(m)]++;
  return out;
}

/** Who ended the meeting: the buyer (their reply closed it), the rep, or the app (a recovery). */
export type EndedBy = 'buyer' | 'rep' | 'recovery';

/** Who ended the meeting and how, in words for the report's "Ended" line. */
export function endedText(outcome: Outcome, endedBy: EndedBy, buyerName: string): string {
  if (endedBy === 'recovery') return 'Scored after the app stopped during the meeting.';
  switch (outcome) {
    case 'advanced':
      return `A next step was agreed: ${buyerName} said yes to your ask, which closed the meeting.`;
    case 'declined':
      return `${buyerName} declined your ask, which closed the meeting without a next step.`;
    case 'ended_by_buyer':
      return `${buyerName} walked out: they ended the meeting before any next step.`;
    case 'open':
      return endedBy === 'rep'
        ? 'You ended the meeting before any outcome.'
        : `${buyerName} ended the meeting before any outcome.`;
  }
}
