// Measuring the classifier against labelled lines (the group confusion matrix,
// pitch leak, calibration) and two labellers against each other (Cohen's kappa).
import { describe, expect, it } from 'vitest';
import { GROUP_OF, type Behavior } from '../../../../src-main/core/behaviors/taxonomy';
import {
  agreement,
  evaluateClassifier,
  kappa,
  matchKey,
  summarise,
} from '../../../../src-main/core/understanding/evaluate';
import type { BehaviorClassifier } from '../../../../src-main/core/understanding/classifier';
import type { LabelledLine } from '../../../../src-main/core/understanding/train';

/** All that measuring needs of a classifier. */
type ClassifyOnly = Pick<BehaviorClassifier, 'classify'>;

const line = (behavior: Behavior, text: string): LabelledLine => ({ behavior, text });

/** A classifier that answers from a table, with a fixed confidence per answer. */
function tableClassifier(table: Record<string, [Behavior, number]>): ClassifyOnly {
  return {
    classify(text) {
      const [behavior, confidence] = table[text] ?? ['rapport', 0.5];
      return {
        text,
        behavior,
        group: GROUP_OF[behavior],
        confidence,
        cues: [],
        alternative: behavior,
      };
    },
  };
}

describe('summarise', () => {
  const lines = [
    line('pitch', 'p1'),
    line('pitch', 'p2'),
    line('proof_to_sell', 'p3'),
    line('pushback', 'p4'),
    line('pitch', 'p5'),
    line('goal_question', 'v1'),
    line('insight', 'v2'),
    line('rapport', 'n1'),
  ];
  const predicted: Behavior[] = [
    'pitch', // right
    'insight', // pitch read as value: a leak
    'pitch', // wrong behaviour, right group
    'situation_question', // pitch read as neutral: wrong group, not a leak
    'commitment_ask', // and again
    'goal_question', // right
    'proof_to_sell', // value read as pitch
    'rapport', // right
  ];

  it('counts the group confusion matrix with expected groups as rows', () => {
    const e = summarise(lines, predicted);
    expect(e.groupConfusion.groups).toEqual(['value', 'neutral', 'pitch']);
    expect(e.groupConfusion.counts).toEqual([
      [1, 0, 1],
      [0, 1, 0],
      [1, 2, 2],
    ]);
    expect(e.groupAccuracy).toBeCloseTo(4 / 8, 3);
    expect(e.accuracy).toBeCloseTo(3 / 8, 3);
  });

  it('reports the share of pitch-group lines read as value as the pitch leak', () => {
    const e = summarise(lines, predicted);
    expect(e.pitchLines).toBe(5);
    expect(e.pitchLeak).toBe(0.2);
    expect(e.valueToPitch).toBe(0.5);
  });

  it('has no leak when no pitch line is read as value, and none when there are no pitch lines', () => {
    expect(summarise([line('pitch', 'a')], ['pushback']).pitchLeak).toBe(0);
    expect(summarise([line('rapport', 'a')], ['insight'])).toMatchObject({
      pitchLines: 0,
      pitchLeak: 0,
    });
  });

  it('calibrates only when confidences are given', () => {
    expect(summarise(lines, predicted).calibration).toBeNull();
    const e = summarise(lines, predicted, [1, 1, 1, 1, 1, 1, 1, 1]);
    // All said 1.0 and three of eight right: an error of 5/8.
    expect(e.calibration?.ece).toBeCloseTo(5 / 8, 3);
  });

  it('refuses predictions that do not line up with the lines', () => {
    expect(() => summarise(lines, predicted.slice(1))).toThrow(RangeError);
    expect(() => summarise(lines, predicted, [1])).toThrow(RangeError);
  });
});

describe('evaluateClassifier', () => {
  it("uses the classifier's behaviours and confidences", () => {
    const classifier = tableClassifier({
      'our platform does it all': ['pitch', 0.9],
      'what keeps you up at night?': ['problem_question', 0.8],
      'to be honest our platform does it all': ['concede_fit', 0.6],
    });
    const e = evaluateClassifier(classifier, [
      line('pitch', 'our platform does it all'),
      line('problem_question', 'what keeps you up at night?'),
      line('pitch', 'to be honest our platform does it all'),
    ]);
    expect(e.accuracy).toBeCloseTo(2 / 3, 3);
    expect(e.pitchLeak).toBe(0.5);
    expect(e.errors).toEqual([
      {
        text: 'to be honest our platform does it all',
        expected: 'pitch',
        predicted: 'concede_fit',
      },
    ]);
    expect(e.calibration?.bins[8]).toMatchObject({ count: 1, accuracy: 1 });
    expect(e.calibration?.bins[5]).toMatchObject({ count: 1, accuracy: 0 });
  });
});

describe('kappa', () => {
  it('is 1 for perfect agreement and 0 for agreement no better than chance', () => {
    expect(kappa(['a', 'b', 'a', 'c'], ['a', 'b', 'a', 'c'])).toBe(1);
    // Each rater says yes half the time, independently: agreement 0.5, chance 0.5.
    expect(kappa(['y', 'y', 'n', 'n'], ['y', 'n', 'y', 'n'])).toBe(0);
  });

  it('matches the textbook example: 70% agreement, 50% by chance, kappa 0.4', () => {
    const a = [
      ...Array(20).fill('yes'),
      ...Array(5).fill('yes'),
      ...Array(10).fill('no'),
      ...Array(15).fill('no'),
    ];
    const b = [
      ...Array(20).fill('yes'),
      ...Array(5).fill('no'),
      ...Array(10).fill('yes'),
      ...Array(15).fill('no'),
    ];
    expect(kappa(a, b)).toBeCloseTo(0.4, 10);
  });

  it('goes negative when raters disagree more than chance', () => {
    expect(kappa(['y', 'n', 'y', 'n'], ['n', 'y', 'n', 'y'])).toBe(-1);
  });

  it('is undefined (null) for no items or when both raters used one label throughout', () => {
    expect(kappa([], [])).toBeNull();
    expect(kappa(['a', 'a'], ['a', 'a'])).toBeNull();
    expect(() => kappa(['a'], ['a', 'b'])).toThrow(RangeError);
  });
});

describe('agreement', () => {
  const a = [
    line('goal_question', 'What does a great year look like?'),
    line('pitch', 'Our platform is the best.'),
    line('insight', 'Most teams lose deals early.'),
    line('pushback', "That's what everyone says."),
    line('rapport', 'Thanks for the time.'),
    line('acknowledge', 'Only in A.'),
  ];
  const b = [
    line('rapport', 'thanks for   the time.'),
    line('goal_question', 'what does a great year look like?'),
    line('proof_to_sell', 'Our platform is the best.'),
    line('insight', 'Most teams lose deals early.'),
    line('pitch', "That's what everyone says."),
    line('pitch', 'Only in B.'),
  ];

  it('matches lines by their text, ignoring case and spacing, in any order', () => {
    const r = agreement(a, b);
    expect(r).toMatchObject({ matched: 5, onlyInA: 1, onlyInB: 1 });
    expect(matchKey('  Thanks  for the TIME. ')).toBe(matchKey('thanks for the time.'));
  });

  it('scores behaviours and groups separately: pitch vs proof is a behaviour split but the same group', () => {
    const r = agreement(a, b);
    expect(r.observed).toBe(0.6);
    expect(r.groupObserved).toBe(1);
    expect(r.groupKappa).toBe(1);
    // Behaviour: A = goal, pitch, insight, pushback, rapport; B = goal, proof, insight, pitch, rapport.
    // Observed 3/5; chance = (1/5)(1/5) [goal] + (1/5)(1/5) [pitch] + (1/5)(1/5) [insight] + (1/5)(1/5) [rapport] = 4/25.
    expect(r.kappa).toBeCloseTo((0.6 - 0.16) / (1 - 0.16), 3);
    expect(r.disagreements).toEqual([
      { a: 'pitch', b: 'proof_to_sell', count: 1 },
      { a: 'pushback', b: 'pitch', count: 1 },
    ]);
  });

  it('gives per-behaviour kappa, and none for a behaviour neither rater used', () => {
    const r = agreement(a, b);
    const of = (behavior: Behavior) => r.perBehavior.find((x) => x.behavior === behavior);
    expect(of('goal_question')).toMatchObject({ usedByA: 1, usedByB: 1, kappa: 1 });
    expect(of('pushback')).toMatchObject({ usedByA: 1, usedByB: 0, kappa: 0 });
    expect(of('concede_fit')).toMatchObject({ usedByA: 0, usedByB: 0, kappa: null });
    expect(r.perBehavior).toHaveLength(13);
  });

  it('pairs a text that appears twice occurrence by occurrence', () => {
    const r = agreement(
      [line('rapport', 'Hi.'), line('rapport', 'Hi.')],
      [line('rapport', 'hi.'), line('acknowledge', 'Hi.')],
    );
    expect(r).toMatchObject({ matched: 2, onlyInA: 0, onlyInB: 0, observed: 0.5 });
  });
});
