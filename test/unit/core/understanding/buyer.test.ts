// Reading the buyer's side of a transcript: objections, however politely
// worded, are objections; agreement and needs are not.
import { describe, expect, it } from 'vitest';
import { readBuyerLine, type BuyerSignalKind } from '../../../../src-main/core/understanding/buyer';

const kinds = (text: string): BuyerSignalKind[] => readBuyerLine(text).map((s) => s.kind);

describe('objections', () => {
  it.each([
    "Those numbers don't mean much to me.",
    "That's not really a priority.",
    "We're fine as we are.",
    "I don't see how that applies to us.",
    "Honestly, it's not a priority for us this year.",
    "We've got that covered already.",
    "I'm not convinced that's our problem.",
    "That doesn't really apply to us; we sell through partners.",
    "It wouldn't work for us, we run everything on-prem.",
    'That sounds like a pitch with a bow on it.',
    "We're not looking right now.",
    "I'm sceptical. We tried something like it two years ago.",
    "We don't have that problem.",
    'Too expensive, and there is no budget.',
    'Those numbers don\u2019t mean much to me.',
  ])('"%s" is an objection', (text) => {
    expect(kinds(text)).toContain('objection');
  });

  it.each([
    "I don't see why not, send it over.",
    "Sure, we're good to go next week.",
    "We're happy to take a look at it in March.",
    'Yes. That is exactly it.',
    'Honestly? We win about one in six.',
    "Fine, that's relevant. I'd want to see it work on deals like ours.",
    'That is the number I signed up for.',
    "That's not a problem, Tuesday works.",
  ])('"%s" is not an objection', (text) => {
    expect(kinds(text)).not.toContain('objection');
  });
});

describe('needs', () => {
  it.each([
    'We need to fix our win rate.',
    'I need to fix how we pick targets before they start.',
    'I want to fix that this time and go into the renewal with real numbers.',
  ])('"%s" is an explicit need', (text) => {
    expect(kinds(text)).toContain('explicit_need');
  });

  it('a problem stated as a fact is an implied need, not an objection', () => {
    const k = kinds('Our biggest problem is that deals slip in legal.');
    expect(k).toContain('implied_need');
    expect(k).not.toContain('objection');
  });

  it('keeps the words that raised each signal', () => {
    expect(readBuyerLine("Those numbers don't mean much to me.")[0]?.cue).toBe(
      "don't mean much to me",
    );
  });
});
