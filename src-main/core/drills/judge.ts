// Judging a drill with the coach's own reading. A quick drill's answer is read
// as the reply to the buyer's line (what it does, whether it builds on the
// line, the size of an ask, a dressed pitch), and passes when every condition
// of its target holds. A meeting drill's objectives are checked from the
// meeting's report. Every result says why, in words.
import type { Behavior, BehaviorGroup } from '../behaviors/taxonomy';
import type { SessionReport } from '../scoring/report';
import type { BehaviorClassifier } from '../understanding/classifier';
import { ConversationReader } from '../understanding/turn';
import type { MeetingDrill, Objective, QuickDrill } from './schema';

export interface ObjectiveResult {
  readonly name: string;
  readonly met: boolean;
  readonly why: string;
}

export interface QuickResult {
  readonly drill: string;
  readonly passed: boolean;
  /** The share of the target's conditions met, 0-100. */
  readonly score: number;
  readonly objectives: readonly ObjectiveResult[];
  readonly answer: string;
  readonly behavior: Behavior;
  readonly group: BehaviorGroup;
  readonly models: readonly string[];
}

const list = <T>(value: T | readonly T[] | undefined): readonly T[] =>
  value === undefined ? [] : Array.isArray(value) ? (value as readonly T[]) : [value as T];

function label(behavior: string): string {
  return behavior.replace(/_/g, ' ');
}

export function judgeQuickDrill(
  drill: QuickDrill,
  answer: string,
  classifier: BehaviorClassifier,
): QuickResult {
  const reader = new ConversationReader(classifier);
  reader.buyer(drill.buyer);
  const { facts } = reader.rep(answer);
  const read =
    facts.behavior === facts.group
      ? `read as ${label(facts.behavior)}`
      : `read as ${label(facts.behavior)} (${facts.group})`;
  const { target } = drill;
  const objectives: ObjectiveResult[] = [];
  if (target.noPitch !== false) {
    const pitched = facts.group === 'pitch';
    objectives.push({
      name: 'No pitch or argument',
      met: !pitched && !facts.dressed,
      why: pitched
        ? `The answer ${read}: it talks about us or argues instead of about them.`
        : facts.dressed
          ? 'The answer is a pitch dressed in value words; buyers hear the pitch.'
          : `The answer ${read}: no pitch, no argument.`,
    });
  }
  const behaviors = list(target.behavior);
  if (behaviors.length > 0) {
    const met = behaviors.includes(facts.behavior);
    objectives.push({
      // A long list of accepted kinds is named by its size; the why lists them.
      name:
        behaviors.length > 3
          ? `Reads as one of the ${behaviors.length} kinds this drill accepts`
          : `Reads as ${either(behaviors.map(label))}`,
      met,
      why: met ? `The answer ${read}.` : `The answer ${read}, not ${either(behaviors.map(label))}.`,
    });
  }
  const groups = list(target.group);
  if (groups.length > 0) {
    const met = groups.includes(facts.group);
    objectives.push({
      name: `Creates ${either(groups)}`,
      met,
      why: met
        ? `The answer ${read}.`
        : `The answer ${read}; the drill asks for ${either(groups)}.`,
    });
  }
  if (target.buildsOnBuyer) {
    objectives.push({
      name: 'Builds on what they said',
      met: facts.buildsOnBuyer,
      why: facts.buildsOnBuyer
        ? 'The answer picks up something specific from the buyer’s line.'
        : 'The answer does not pick up anything specific the buyer said; use their words or their figure.',
    });
  }
  if (target.ask === 'modest') {
    const met = facts.ask === 'modest';
    objectives.push({
      name: 'Asks for a modest next step',
      met,
      why:
        facts.ask === 'modest'
          ? 'The answer asks for a small, easy next step.'
          : facts.ask === 'big'
            ? 'The answer asks for a big commitment (a demo, a trial, a contract) too soon.'
            : 'The answer does not ask for a next step.',
    });
  }
  const met = objectives.filter((o) => o.met).length;
  return {
    drill: drill.id,
    passed: met === objectives.length,
    score: objectives.length === 0 ? 100 : Math.round((100 * met) / objectives.length),
    objectives,
    answer,
    behavior: facts.behavior,
    group: facts.group,
    models: drill.models,
  };
}

/** The name and check of one meeting objective, read from the report. */
export function checkObjective(objective: Objective, report: SessionReport): ObjectiveResult {
  const { metrics } = report;
  if (objective.noPitchBeforeNeed) {
    const n = metrics.pitchesBeforeExplicitNeed;
    return {
      name: 'No pitch before the buyer states an explicit need',
      met: n === 0,
      why:
        n === 0
          ? metrics.explicitNeedTurn === null
            ? 'You did not pitch; the buyer never stated an explicit need.'
            : `You held the pitch until the buyer stated a need (after turn ${metrics.explicitNeedTurn}).`
          : `You pitched ${n} time${n === 1 ? '' : 's'} before the buyer stated an explicit need.`,
    };
  }
  if (objective.talkShareAtMost !== undefined) {
    const share = metrics.repTalkShare;
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    return {
      name: `Talk share at most ${pct(objective.talkShareAtMost)}`,
      met: share <= objective.talkShareAtMost,
      why: `You talked ${pct(share)} of the words.`,
    };
  }
  if (objective.atLeast) {
    const behaviors = list(objective.atLeast.behavior);
    const count = behaviors.reduce((sum, b) => sum + (metrics.byBehavior[b] ?? 0), 0);
    const noun = behaviors.map(label).join(' or ');
    return {
      name: `At least ${objective.atLeast.count} ${noun}${objective.atLeast.count === 1 ? '' : 's'}`,
      met: count >= objective.atLeast.count,
      why: `You asked ${count}.`,
    };
  }
  if (objective.reach) {
    return {
      name: `Reach ${objective.reach.replace(/_/g, ' ')}`,
      met: report.outcome === objective.reach,
      why: `The meeting ended ${report.outcome.replace(/_/g, ' ')}.`,
    };
  }
  if (objective.pitchingAtMost !== undefined) {
    return {
      name: `Pitching at most ${objective.pitchingAtMost}`,
      met: report.pitching <= objective.pitchingAtMost,
      why: `Your pitching score was ${report.pitching}.`,
    };
  }
  return { name: 'Unknown objective', met: false, why: 'This objective names nothing to check.' };
}

export interface MeetingResult {
  readonly drill: string;
  readonly passed: boolean;
  readonly score: number;
  readonly objectives: readonly ObjectiveResult[];
}

/** A meeting drill passes when its overall reaches the pass mark and every objective is met. */
export function judgeMeetingDrill(drill: MeetingDrill, report: SessionReport): MeetingResult {
  const objectives = [
    {
      name: `Overall at least ${drill.passMark}`,
      met: report.overall >= drill.passMark,
      why: `Your overall score was ${report.overall}.`,
    },
    ...drill.objectives.map((o) => checkObjective(o, report)),
  ];
  return {
    drill: drill.id,
    passed: objectives.every((o) => o.met),
    score: report.overall,
    objectives,
  };
}

/** "a or b", "a, b or c": a list a reader takes in at once. */
function either(items: readonly string[]): string {
  return items.length <= 2
    ? items.join(' or ')
    : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;
}
