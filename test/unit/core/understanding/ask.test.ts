// How big a commitment ask is: what a buyer with no need can say yes to. The
// size comes from what is asked for (time, people, money, trial seats, a demo,
// a proposal, a contract), not from whether one word appears.
import { describe, expect, it } from 'vitest';
import { askParts, askSizeOf } from '../../../../src-main/core/understanding/ask';
import { ConversationReader } from '../../../../src-main/core/understanding/turn';
import { defaultClassifier } from '../../../../src-main/core/understanding/default';

describe('ask size', () => {
  it.each([
    'Could I check in with you in the spring?',
    'would you introduce me to your COO',
    'Can we grab thirty minutes next week to keep talking?',
    "I'd love to stay in touch, maybe compare notes before your renewal?",
    'worth a quick check-in in March?',
    'Could I check in once your budget cycle starts?',
    'Could I buy you a coffee next week and hear how the rollout went?',
    'How about a short call after your board meeting?',
    'Would a quick session in April be useful, just the two of us?',
  ])('a check-in, an introduction or a next conversation is modest: %s', (text) => {
    expect(askSizeOf(text)).toBe('modest');
  });

  it.each([
    'Can I show you a quick demo next week?',
    'would you be open to a 30 day pilot',
    "Let's get a proposal over to you by Friday.",
    'Could we get the contract signed this quarter?',
    'Shall I set up a free trial for your team?',
    'No pressure, but could I run a quick demo for you Thursday?',
    'Could I send over pricing so you have it?',
    'Can we get the paperwork started?',
  ])('a demo, a trial, a proposal, money or a signature is big: %s', (text) => {
    expect(askSizeOf(text)).toBe('big');
  });

  it.each([
    'could we get your whole team on a session with trial seats next week',
    'could we get your whole team on a session next week',
    'Would you be up for a working session with your sales leaders?',
    'Could I set your reps up with logins for two weeks?',
    'How about I show you how our platform handles this on Tuesday?',
    'Could we block half a day with your managers to map it out?',
  ])('big without the word "demo", from what it asks for: %s', (text) => {
    expect(askSizeOf(text)).toBe('big');
  });

  it.each([
    'Not a demo, just a quick check-in next month?',
    "I won't ask you to buy anything. Can we grab 20 minutes in April?",
    'No pricing, no proposal: would a fifteen-minute call in May be all right?',
  ])('a big thing taken back ("no demo, just...") leaves a modest ask: %s', (text) => {
    expect(askSizeOf(text)).toBe('modest');
  });

  it('says what was asked for, in the rep’s words', () => {
    const parts = askParts('could we get your whole team on a session with trial seats next week');
    expect(parts.map((p) => p.kind).sort()).toEqual(['people', 'time', 'trial']);
    expect(parts.find((p) => p.kind === 'trial')?.words).toBe('trial');
  });

  it('is recorded on commitment asks only', () => {
    const reader = new ConversationReader(defaultClassifier());
    reader.buyer('Thanks for coming in.');
    expect(reader.rep('Can I show you a quick demo next week?').facts.ask).toBe('big');
    expect(reader.rep('Where do deals get stuck for your team?').facts.ask).toBeUndefined();
  });
});
