// Metamorphic variants: pitch-group lines wrapped in value words must stay in
// the pitch group, value lines given "we" or "but" must stay value. These tests
// check the wrappers themselves and the report, with small fake classifiers;
// the threshold on the shipped model is asserted elsewhere.
import { describe, expect, it } from 'vitest';
import { GROUP_OF, type Behavior } from '../../../../src-main/core/behaviors/taxonomy';
import {
  lowerFirst,
  PITCH_WRAPPERS,
  runMetamorphic,
  VALUE_WRAPPERS,
  variantsOf,
} from '../../../../src-main/core/understanding/metamorphic';
import type { BehaviorClassifier } from '../../../../src-main/core/understanding/classifier';
import type { LabelledLine } from '../../../../src-main/core/understanding/train';

/** All that measuring needs of a classifier. */
type ClassifyOnly = Pick<BehaviorClassifier, 'classify'>;

const line = (behavior: Behavior, text: string): LabelledLine => ({ behavior, text });

function wrapped(id: string, l: LabelledLine): string | undefined {
  return variantsOf([l]).find((v) => v.wrapper === id)?.text;
}

/** A classifier that reads any turn as `behavior` if `test` matches, else `otherwise`. */
function fake(
  test: (text: string) => boolean,
  behavior: Behavior,
  otherwise: Behavior,
): ClassifyOnly {
  return {
    classify(text) {
      const b = test(text) ? behavior : otherwise;
      return { text, behavior: b, group: GROUP_OF[b], confidence: 0.9, cues: [], alternative: b };
    },
  };
}

const statement = line('pitch', 'Our platform cuts ramp time in half.');
const copula = line('pitch', "We're the only vendor that does both.");
const question = line('pushback', "Don't you think you're too close to it?");

describe('pitch wrappers', () => {
  it('has at least eight distinct wrappers, all for pitch-group lines', () => {
    expect(PITCH_WRAPPERS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(PITCH_WRAPPERS.map((w) => w.id)).size).toBe(PITCH_WRAPPERS.length);
    expect(PITCH_WRAPPERS.every((w) => w.side === 'pitch')).toBe(true);
  });

  it('wraps a statement in value words inside the same sentence', () => {
    expect(wrapped('to-be-honest', statement)).toBe(
      'To be honest, our platform cuts ramp time in half.',
    );
    expect(wrapped('no-pressure', statement)).toBe(
      'No pressure, but our platform cuts ramp time in half.',
    );
    expect(wrapped('if-its-a-fit', statement)).toBe(
      "If it's a fit, our platform cuts ramp time in half.",
    );
    expect(wrapped('honestly', statement)).toBe('Honestly, our platform cuts ramp time in half.');
    expect(wrapped('im-curious', statement)).toBe(
      "I'm curious: our platform cuts ramp time in half.",
    );
    expect(wrapped('just-a-thought', statement)).toBe(
      'Just a thought: our platform cuts ramp time in half.',
    );
    expect(wrapped('value-tail', statement)).toBe(
      "Our platform cuts ramp time in half, if that helps with what you're working on.",
    );
  });

  it('uses the surprise framing that reads: "how much" for a verb, "to hear that" for is/are', () => {
    expect(wrapped('surprised', statement)).toBe(
      'A lot of teams are surprised how much our platform cuts ramp time in half.',
    );
    expect(wrapped('surprised', copula)).toBe(
      "A lot of teams are surprised to hear that we're the only vendor that does both.",
    );
    expect(wrapped('surprised', question)).toBe(
      "A lot of teams are surprised when I ask this: don't you think you're too close to it?",
    );
  });

  it('rephrases a statement as a question on the premise of the offer', () => {
    expect(wrapped('what-would-change', statement)).toBe(
      'What would change if our platform cuts ramp time in half?',
    );
    expect(wrapped('wouldnt-it-help', copula)).toBe(
      "Wouldn't it help if we're the only vendor that does both?",
    );
  });

  it('drops leading "so, look," before embedding a clause', () => {
    expect(wrapped('what-would-change', line('pitch', 'So, look, our app logs every call.'))).toBe(
      'What would change if our app logs every call?',
    );
  });

  it('does not make broken sentences: no question made of a question, an imperative or two sentences', () => {
    expect(wrapped('what-would-change', question)).toBeUndefined();
    expect(
      wrapped('what-would-change', line('pitch', 'Let me show you our dashboard.')),
    ).toBeUndefined();
    expect(
      wrapped('what-would-change', line('pitch', 'Our tool is great. It does everything.')),
    ).toBeUndefined();
    expect(wrapped('value-tail', question)).toBeUndefined();
    // The prefixes still apply to any pitch.
    expect(wrapped('to-be-honest', question)).toBe(
      "To be honest, don't you think you're too close to it?",
    );
  });

  it('does not double a wrapper the line already starts with', () => {
    expect(wrapped('honestly', line('pitch', 'Honestly, our tool is the best.'))).toBeUndefined();
  });

  it('keeps "I", acronyms and invented product names capitalised', () => {
    expect(lowerFirst("I'm with Acme and we sell CRM.")).toBe("I'm with Acme and we sell CRM.");
    expect(lowerFirst('DocuVault stores every contract.')).toBe('DocuVault stores every contract.');
    expect(lowerFirst('ROI is the point.')).toBe('ROI is the point.');
    expect(lowerFirst('Customers love it.')).toBe('customers love it.');
    expect(wrapped('what-would-change', line('pitch', 'DocuVault stores every contract.'))).toBe(
      'What would change if DocuVault stores every contract?',
    );
  });
});

describe('value wrappers', () => {
  it('adds "but" to a value question and "we" where the meaning stays', () => {
    const q = line('problem_question', 'Where do deals tend to get stuck?');
    expect(wrapped('but', q)).toBe('But where do deals tend to get stuck?');
    expect(wrapped('we-wanted-to-ask', q)).toBe(
      'We wanted to ask: where do deals tend to get stuck?',
    );
    expect(wrapped('we-find-that', q)).toBeUndefined();
    const insight = line('insight', 'Most teams lose deals in the first meeting.');
    expect(wrapped('we-find-that', insight)).toBe(
      'We find that most teams lose deals in the first meeting.',
    );
    expect(wrapped('honestly-value', insight)).toBe(
      'Honestly, most teams lose deals in the first meeting.',
    );
  });

  it('leaves "but" off lines where it would change or break the meaning', () => {
    expect(wrapped('but', line('acknowledge', 'Thanks, that helps.'))).toBeUndefined();
    expect(wrapped('but', line('acknowledge', 'But that is fair.'))).toBeUndefined();
  });

  it('are all for value lines', () => {
    expect(VALUE_WRAPPERS.every((w) => w.side === 'value')).toBe(true);
  });
});

describe('variantsOf', () => {
  it('wraps pitch-group and value-group lines, never neutral ones, and never returns the line itself', () => {
    const variants = variantsOf([
      statement,
      line('proof_to_sell', 'Customers who switched grew pipeline 40%.'),
      question,
      line('rapport', 'Thanks for making the time.'),
      line('commitment_ask', 'Worth thirty minutes next week?'),
      line('goal_question', 'What does a great year look like?'),
    ]);
    const sides = new Set(variants.map((v) => `${v.original.behavior}:${v.side}`));
    expect(sides).toEqual(
      new Set(['pitch:pitch', 'proof_to_sell:pitch', 'pushback:pitch', 'goal_question:value']),
    );
    for (const v of variants) expect(v.text).not.toBe(v.original.text);
    expect(variants.filter((v) => v.original === statement)).toHaveLength(PITCH_WRAPPERS.length);
  });
});

describe('runMetamorphic', () => {
  const lines = [
    statement,
    question,
    line('goal_question', 'What does a great year look like?'),
    line('rapport', 'Hello there.'),
  ];

  it('finds nothing when the classifier ignores the wrapping', () => {
    // Pitch whenever the offer or an argument is there, else value.
    const steady = fake((t) => /our platform|too close/i.test(t), 'pitch', 'goal_question');
    const r = runMetamorphic(steady, lines);
    expect(r.pitch).toMatchObject({ lines: 2, originalsInGroup: 2, left: 0, share: 0, toValue: 0 });
    expect(r.value).toMatchObject({ lines: 1, originalsInGroup: 1, left: 0, share: 0 });
    expect(r.perWrapper.every((w) => w.left === 0)).toBe(true);
  });

  it('reports, per wrapper and overall, the share of variants a fooled classifier moves', () => {
    // Fooled by honesty words (read as concede_fit) and by curiosity (read as a situation question).
    const fooled: ClassifyOnly = {
      classify(text) {
        const b: Behavior = /honest/i.test(text)
          ? 'concede_fit'
          : /curious/i.test(text)
            ? 'situation_question'
            : /our platform|too close/i.test(text)
              ? 'pitch'
              : 'goal_question';
        return { text, behavior: b, group: GROUP_OF[b], confidence: 0.9, cues: [], alternative: b };
      },
    };
    const r = runMetamorphic(fooled, lines);
    const of = (id: string) => r.perWrapper.find((w) => w.wrapper === id);
    expect(of('to-be-honest')).toMatchObject({ applied: 2, left: 2, share: 1, flipped: 2 });
    expect(of('honestly')).toMatchObject({ applied: 2, left: 2, share: 1 });
    expect(of('no-pressure')).toMatchObject({ applied: 2, left: 0, share: 0 });
    expect(of('to-be-honest')?.examples[0]).toEqual({
      original: statement.text,
      variant: 'To be honest, our platform cuts ramp time in half.',
      readAs: 'concede_fit',
    });
    // Value lines read as concede_fit stay value: "Honestly, what does..." is not a leak.
    expect(of('honestly-value')).toMatchObject({ applied: 1, left: 0 });
    const pitchVariants = variantsOf(lines).filter((v) => v.side === 'pitch').length;
    expect(r.pitch.variants).toBe(pitchVariants);
    expect(of('im-curious')).toMatchObject({ applied: 2, left: 2 });
    expect(r.pitch.left).toBe(6);
    // Only the honesty-word variants were read as value; the curious ones went neutral.
    expect(r.pitch.toValue).toBe(4);
    expect(r.pitch.share).toBeCloseTo(6 / pitchVariants, 3);
  });

  it('tells a variant that left from a line that was already misread', () => {
    // Reads everything as insight: the pitch lines were never read right, so none "flipped".
    const r = runMetamorphic(
      fake(() => true, 'insight', 'insight'),
      lines,
    );
    expect(r.pitch.originalsInGroup).toBe(0);
    expect(r.pitch.share).toBe(1);
    expect(r.pitch.flipped).toBe(0);
    expect(r.value.share).toBe(0);
  });

  it('catches a value line pushed into the pitch group by "we" or "but"', () => {
    const wary = fake((t) => /^(but|we)\b/i.test(t), 'pitch', 'goal_question');
    const r = runMetamorphic(wary, [line('goal_question', 'What does a great year look like?')]);
    expect(r.value).toMatchObject({ variants: 3, left: 2 });
    expect(r.perWrapper.find((w) => w.wrapper === 'but')).toMatchObject({ applied: 1, left: 1 });
    expect(r.perWrapper.find((w) => w.wrapper === 'we-wanted-to-ask')).toMatchObject({
      applied: 1,
      left: 1,
    });
  });
});
