// The clause reader: a turn split into clauses, each read for what it is about
// (our offer or the buyer's world) and what it does. These readings are what
// make a wrapped pitch read as a pitch and a rhetorical question read as
// pushback, so each case here is one a sceptical rep would try.
import { describe, expect, it } from 'vitest';
import { coreOf, readTurn, splitClauses } from '../../../../src-main/core/understanding/clauses';
import { compileOffer } from '../../../../src-main/core/understanding/offer';

const signals = (text: string, offer?: Parameters<typeof compileOffer>[0]) =>
  readTurn(text, compileOffer(offer)).signals;

describe('splitting a turn into clauses', () => {
  it('splits on commas, dashes, "but", "because" and "and" before a new subject', () => {
    const parts = splitClauses(
      'To be honest - no pressure - but our tool flags churn and we can set it up today. Where does it hurt?',
    ).map((c) => c.tokens.join(' '));
    expect(parts).toEqual([
      'to be honest',
      'no pressure',
      'but our tool flags churn',
      'and we can set it up today',
      'where does it hurt',
    ]);
  });

  it('keeps "and" inside a noun phrase', () => {
    const parts = splitClauses('How do sales and marketing share the forecast?');
    expect(parts).toHaveLength(1);
    expect(parts[0]?.question).toBe(true);
  });

  it('marks the clauses of a question sentence as a question', () => {
    const parts = splitClauses('Fair enough. But what happens when two reps leave?');
    expect(parts.map((p) => p.question)).toEqual([false, true]);
  });
});

describe('what a clause is about', () => {
  it.each([
    ['our X', 'Honestly, our forecasting module is the easiest thing out there.'],
    ['we built', 'No pressure, but we built this for teams exactly like yours.'],
    ['an invented CamelCase name', 'What happens to churn once DocuVault flags it?'],
    ['an invented lowercase name doing what products do', 'payharbour lets you pay suppliers'],
    ['a named module', 'The Atlas module builds your asset inventory from traffic.'],
    ['a product premise', 'How would you feel about a platform that writes the report?'],
    ['comparison with ours', "Pulsegrid's forecasting is weak compared to ours."],
  ])('%s reads as our offer', (_why, text) => {
    expect(signals(text).has('about:offer'), text).toBe(true);
  });

  it.each([
    ['a compliment that says "we"', 'Most teams we talk to would envy that.'],
    ['"but" before a question', 'But what happens to the plan when two reps leave?'],
    ['honesty about fit', "Honestly, I wouldn't change a thing you've built."],
    ['a competitor congratulated', 'Congratulations on the rollout with your new vendor.'],
    ['an insight that says "we see"', 'We see a lot of teams lose deals in the second meeting.'],
  ])('%s is not about our offer', (_why, text) => {
    expect(signals(text).has('about:offer'), text).toBe(false);
  });

  it("recognises the scenario's product name and feature words only when told what is sold", () => {
    const offer = { name: 'Signalwise', what: 'revenue intelligence', words: ['deal scoring'] };
    expect(signals('and signalwise would sort that', offer).has('about:offer')).toBe(true);
    expect(signals('what if deal scoring caught it earlier?', offer).has('about:offer')).toBe(true);
    expect(signals('what if deal scoring caught it earlier?').has('about:offer')).toBe(false);
  });

  it('says which clause decided and why, in words a coach would quote', () => {
    const why = signals(
      'To be honest, no pressure, but our platform is the only one that does it.',
    );
    expect(why.get('about:offer')).toBe(
      '"our platform": "but our platform is the only one that does it"',
    );
    expect(why.has('offer&wrapped')).toBe(true);
    expect(why.has('about:offer_main')).toBe(true);
  });
});

describe('what a clause does', () => {
  it.each([
    "Isn't that what every team says right before they miss?",
    "Don't you think you're too close to it?",
    'What makes you so sure?',
    'Are you really going to wait another year?',
  ])('"%s" is a question that argues', (text) => {
    expect(signals(text).has('act:rhetorical'), text).toBe(true);
  });

  it.each([
    'Where do deals tend to get stuck for your team?',
    'What would you do with the time you got back?',
    'How sure are you about the Q3 number?',
  ])('"%s" is an open question, not an argument', (text) => {
    expect(signals(text).has('act:rhetorical'), text).toBe(false);
  });

  it('tells agreeing-then-contradicting apart from agreeing-then-asking', () => {
    expect(
      signals("I hear you, but spreadsheets don't scale past 20 reps.").has('act:yes_but'),
    ).toBe(true);
    expect(
      signals('I hear you, but what happens when the forecast slips?').has('act:yes_but_question'),
    ).toBe(true);
  });
});

describe('the core of a line', () => {
  it.each([
    ['To be honest, no pressure, but our X is the best.', 'our X is the best.'],
    ['A lot of teams are surprised how much our X flags.', 'our X flags.'],
    ["I'm curious how you'd feel about a tool that does it?", 'a tool that does it?'],
    ['Imagine if your reps had our X.', 'your reps had our X.'],
  ])('"%s" comes down to "%s"', (text, core) => {
    expect(coreOf(text)).toBe(core);
  });

  it('leaves a line with no framing alone', () => {
    expect(coreOf('Where do deals get stuck?')).toBeUndefined();
  });
});
