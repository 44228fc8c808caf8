// The persona's pitch streak forgives a pitch only when it is a Benefit: it
// answers, in substance, the explicit need the buyer stated. The reader says
// which buyer lines a product turn answers; the registry's guard uses that.
import { describe, expect, it } from 'vitest';
import { GUARDS, type ScenarioRuntime } from '../../../../src-main/core/scenarios/registry';
import type { MeetingContext } from '../../../../src-main/core/meeting/types';
import type { ReadFacts } from '../../../../src-main/core/understanding/turn';

const runtime: ScenarioRuntime = {
  meters: {},
  difficulty: {
    easy: { gain: 1, loss: 1, vars: {} },
    normal: { gain: 1, loss: 1, vars: {} },
    hard: { gain: 1, loss: 1, vars: {} },
  },
  lines: {},
  placeholders: {},
};

const question: ReadFacts = {
  behavior: 'implication_question',
  group: 'value',
  repeated: false,
  buildsOnBuyer: true,
};
const pitch = (facts: Partial<ReadFacts>): ReadFacts => ({
  behavior: 'pitch',
  group: 'pitch',
  repeated: false,
  buildsOnBuyer: false,
  ...facts,
});

function streak(turns: readonly ReadFacts[], needs: MeetingContext['needs']): boolean {
  const context = {
    difficulty: 'normal',
    meters: {},
    turns: turns.slice(0, -1),
    revealed: [],
    needs,
    reply: [],
    lastLineSubstantive: false,
    answeringSubstantive: false,
    rng: 1,
    lastWording: {},
  } as MeetingContext;
  return GUARDS.pitchStreak({ context, turns, current: turns[turns.length - 1] }, 1, runtime);
}

describe('a pitch is a Benefit only when it answers the stated need', () => {
  const need = [{ kind: 'explicit' as const, turn: 1 }];

  it('a pitch answering the line where the buyer stated the need does not count as a pitch', () => {
    expect(streak([question, pitch({ buildsOnBuyer: true, answers: [1] })], need)).toBe(false);
  });

  it('a pitch that shares a word but answers no need counts as a pitch', () => {
    expect(streak([question, pitch({ buildsOnBuyer: true, answers: [] })], need)).toBe(true);
  });

  it('a pitch answering some other line, not the need, counts as a pitch', () => {
    expect(streak([question, pitch({ buildsOnBuyer: true, answers: [0] })], need)).toBe(true);
  });

  it('an implied need is not enough', () => {
    expect(
      streak(
        [question, pitch({ buildsOnBuyer: true, answers: [1] })],
        [{ kind: 'implied', turn: 1 }],
      ),
    ).toBe(true);
  });

  it('facts saved before the reader recorded answers fall back to building on the buyer', () => {
    expect(streak([question, pitch({ buildsOnBuyer: true })], need)).toBe(false);
    expect(streak([question, pitch({ buildsOnBuyer: false })], need)).toBe(true);
  });
});
