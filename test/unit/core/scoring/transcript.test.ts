// Scoring a transcript typed up elsewhere: "REP:" and "BUYER:" lines, with
// every problem reported by line number rather than guessed around.
import { describe, expect, it } from 'vitest';
import {
  parseTranscript,
  scoreTranscript,
  transcriptEntries,
  transcriptOutcome,
} from '../../../../src-main/core/scoring/transcript';
import { defaultClassifier } from '../../../../src-main/core/understanding/default';

const classifier = defaultClassifier();

describe('parseTranscript', () => {
  it('reads REP: and BUYER: prefixes in any case, with or without spaces', () => {
    const { lines, problems } = parseTranscript(
      [
        'REP: Hello there.',
        'buyer: Hi.',
        'Rep:What brings you here?',
        '  BUYER :   Curiosity.',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(lines).toEqual([
      { speaker: 'rep', text: 'Hello there.', line: 1 },
      { speaker: 'buyer', text: 'Hi.', line: 2 },
      { speaker: 'rep', text: 'What brings you here?', line: 3 },
      { speaker: 'buyer', text: 'Curiosity.', line: 4 },
    ]);
  });

  it('joins unprefixed lines onto the entry before them, keeping its starting line', () => {
    const { lines, problems } = parseTranscript(
      'REP: Where do deals\n   get stuck\nfor your team?\nBUYER: Legal.\nMostly.',
    );
    expect(problems).toEqual([]);
    expect(lines).toEqual([
      { speaker: 'rep', text: 'Where do deals get stuck for your team?', line: 1 },
      { speaker: 'buyer', text: 'Legal. Mostly.', line: 4 },
    ]);
  });

  it('skips blank lines and reads Windows line endings', () => {
    const { lines, problems } = parseTranscript('\r\nREP: One.\r\n\r\n   \r\nBUYER: Two.\r\n');
    expect(problems).toEqual([]);
    expect(lines).toEqual([
      { speaker: 'rep', text: 'One.', line: 2 },
      { speaker: 'buyer', text: 'Two.', line: 5 },
    ]);
  });

  it('reports text before any prefix with its line number', () => {
    const { problems } = parseTranscript('\nMeeting notes, Tuesday\nREP: Hello.\nBUYER: Hi.');
    expect(problems).toEqual([{ line: 2, message: expect.stringMatching(/REP:.*BUYER:/) }]);
  });

  it('reports an empty REP or BUYER line with its line number', () => {
    const { problems } = parseTranscript('REP: Hello.\nBUYER:\nREP:   ?!\nBUYER: Fine.');
    expect(problems).toEqual([
      { line: 2, message: 'the BUYER line is empty' },
      { line: 3, message: 'the REP line is empty' },
    ]);
  });

  it('reports a transcript with no REP lines', () => {
    expect(parseTranscript('BUYER: Hello?\nBUYER: Anyone?').problems).toEqual([
      { line: 1, message: expect.stringMatching(/no REP: lines/) },
    ]);
    expect(parseTranscript('').problems).toEqual([
      { line: 1, message: expect.stringMatching(/no REP: lines/) },
    ]);
  });
});

describe('reading a transcript in context', () => {
  it('marks a repeated rep turn and a turn that builds on the buyer', () => {
    const { lines } = parseTranscript(
      [
        'REP: Where do deals tend to get stuck for your team?',
        'BUYER: Mostly in legal review; contracts sit there for weeks.',
        'REP: What does a slow legal review cost you each quarter?',
        'BUYER: A fair amount.',
        'REP: Where do deals tend to get stuck for your team?',
      ].join('\n'),
    );
    const reps = transcriptEntries(lines, classifier).flatMap((e) =>
      e.speaker === 'rep' ? [e.facts] : [],
    );
    expect(reps.map((f) => f.repeated)).toEqual([false, false, true]);
    expect(reps.map((f) => f.buildsOnBuyer)).toEqual([false, true, false]);
  });

  it("hears an explicit need in the buyer's words", () => {
    const { lines } = parseTranscript('REP: What matters most?\nBUYER: We need to fix onboarding.');
    const buyer = transcriptEntries(lines, classifier)[1];
    expect(buyer?.speaker).toBe('buyer');
    if (buyer?.speaker !== 'buyer') return;
    expect(buyer.signals.map((s) => s.kind)).toContain('explicit_need');
    expect(buyer.substantive).toBe(true);
  });

  it('a buyer who checks out at the end ended the meeting; otherwise it is open', () => {
    const ended = transcriptEntries(
      parseTranscript('REP: Our platform is great.\nBUYER: I have to go.').lines,
      classifier,
    );
    expect(transcriptOutcome(ended)).toBe('ended_by_buyer');
    const open = transcriptEntries(
      parseTranscript('REP: Where do deals get stuck?\nBUYER: In legal review, mostly.').lines,
      classifier,
    );
    expect(transcriptOutcome(open)).toBe('open');
  });

  it('scores a transcript into the same report a practice session gets', () => {
    const report = scoreTranscript(
      parseTranscript('REP: Where do deals get stuck?\nBUYER: In legal review, mostly.').lines,
      classifier,
    );
    expect(report.moments).toHaveLength(1);
    expect(report.moments[0]?.behavior).toBe('problem_question');
    expect(report.valueCreation).toBeGreaterThan(report.pitching);
  });

  it("lists the buyer's signals with the turn they answered, and counts pitches before the need", () => {
    const report = scoreTranscript(
      parseTranscript(
        [
          'BUYER: We already have a tool for that, so not interested.',
          'REP: Our platform is the only one with AI coaching built in.',
          'BUYER: Our biggest problem is that new reps take six months to ramp.',
          'REP: What does a slow ramp do to the rest of the team?',
          'BUYER: It costs us the quarter. We need to fix onboarding before we hire again.',
          'REP: Would it make sense to meet next week with your enablement lead?',
        ].join('\n'),
      ).lines,
      classifier,
    );
    expect(report.buyerSignals.map((s) => [s.afterTurn, s.kind])).toEqual([
      [0, 'objection'],
      [1, 'implied_need'],
      [2, 'explicit_need'],
    ]);
    expect(report.buyerSignals[2]?.cue).toMatch(/need to fix/i);
    expect(report.metrics.explicitNeedTurn).toBe(2);
    expect(report.metrics.pitchesBeforeExplicitNeed).toBe(1);
    // The ask comes after the explicit need: an earned advance, not a premature one.
    expect(report.moments[2]?.counts).toBe('value');
  });
});
