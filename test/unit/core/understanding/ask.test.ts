// How big a commitment ask is: what a buyer with no need can say yes to.
import { describe, expect, it } from 'vitest';
import { askSizeOf } from '../../../../src-main/core/understanding/ask';
import { ConversationReader } from '../../../../src-main/core/understanding/turn';
import { defaultClassifier } from '../../../../src-main/core/understanding/default';

describe('ask size', () => {
  it.each([
    'Could I check in with you in the spring?',
    'would you introduce me to your COO',
    'Can we grab thirty minutes next week to keep talking?',
    "I'd love to stay in touch, maybe compare notes before your renewal?",
  ])('a check-in, an introduction or a next conversation is modest: %s', (text) => {
    expect(askSizeOf(text)).toBe('modest');
  });

  it.each([
    'Can I show you a quick demo next week?',
    'would you be open to a 30 day pilot',
    "Let's get a proposal over to you by Friday.",
    'Could we get the contract signed this quarter?',
    'Shall I set up a free trial for your team?',
  ])('a demo, a trial, a proposal or a signature is big: %s', (text) => {
    expect(askSizeOf(text)).toBe('big');
  });

  it('is recorded on commitment asks only', () => {
    const reader = new ConversationReader(defaultClassifier());
    reader.buyer('Thanks for coming in.');
    expect(reader.rep('Can I show you a quick demo next week?').facts.ask).toBe('big');
    expect(reader.rep('Where do deals get stuck for your team?').facts.ask).toBeUndefined();
  });
});
