// A score needs evidence, the outcome counts, and the report says the same
// thing everywhere. Turns are built by hand where the point is the scoring
// rule, so these hold whatever the classifier reads; the classifier's own
// reading is used where the point is what a rep would actually type.
import { launderingWrapper } from '../../../../src-main/core/understanding/framing';
import { describe, expect, it } from 'vitest';
import { GROUP_OF, type Behavior } from '../../../../src-main/core/behaviors/taxonomy';
import type { TurnFacts } from '../../../../src-main/core/meeting/types';
import type { Outcome } from '../../../../src-main/core/scenarios/schema';
import {
  coachCues,
  MAX_CUE_CHARS,
  turnSubstance,
} from '../../../../src-main/core/scoring/evidence';
import {
  countedAs,
  countedTurns,
  endedText,
  momentBadge,
} from '../../../../src-main/core/scoring/moment-view';
import {
  scoreSession,
  type SessionReport,
  type TranscriptEntry,
} from '../../../../src-main/core/scoring/report';
import { parseTranscript, scoreTranscript } from '../../../../src-main/core/scoring/transcript';
import type { Understanding } from '../../../../src-main/core/understanding/classifier';
import { defaultClassifier } from '../../../../src-main/core/understanding/default';

const classifier = defaultClassifier();

function rep(
  text: string,
  behavior: Behavior,
  facts: Partial<TurnFacts> = {},
  cues: string[] = [],
): TranscriptEntry {
  return {
    speaker: 'rep',
    text,
    understanding: {
      text,
      behavior,
      group: GROUP_OF[behavior],
      confidence: 0.9,
      cues,
      alternative: behavior,
    } as Understanding,
    facts: {
      behavior,
      group: GROUP_OF[behavior],
      repeated: false,
      buildsOnBuyer: true,
      ...facts,
    } as TurnFacts,
  };
}

function buyer(text: string, need = false): TranscriptEntry {
  return {
    speaker: 'buyer',
    text,
    signals: need ? [{ kind: 'explicit_need', cue: text }] : [],
    substantive: true,
  };
}

const GOOD_QUESTIONS: readonly [string, Behavior][] = [
  ['What has to be true by the end of next year for you to call it a great year?', 'goal_question'],
  ['Where do new reps tend to lose the deals they should win?', 'problem_question'],
  [
    'When a rep chases a bad-fit deal, what does that do to the rest of the quarter?',
    'implication_question',
  ],
  ['If ramp took half as long, what would that free your managers to do?', 'need_payoff_question'],
  [
    'So the real constraint is how many good targets there are, not how hard the team works.',
    'acknowledge',
  ],
];

/** A meeting of good questions, each answered; the buyer states an explicit need after `needAfter`. */
function goodMeeting(turns: number, needAfter = 2): TranscriptEntry[] {
  const entries: TranscriptEntry[] = [buyer('Go ahead, I have twenty minutes.')];
  GOOD_QUESTIONS.slice(0, turns).forEach(([text, behavior], i) => {
    entries.push(rep(text, behavior));
    entries.push(
      buyer(
        i + 1 === needAfter
          ? 'We need to fix how long onboarding takes, honestly.'
          : 'Mostly in the first month, when they are still learning the product.',
        i + 1 === needAfter,
      ),
    );
  });
  return entries;
}

function transcript(text: string): SessionReport {
  const { lines, problems } = parseTranscript(text);
  expect(problems).toEqual([]);
  return scoreTranscript(lines, classifier);
}

describe('scores need evidence', () => {
  it('one good question and then ending the meeting does not score 100', () => {
    const report = scoreSession(goodMeeting(1), 'open');
    expect(report.moments[0]?.valuePoints).toBe(1);
    expect(report.overall).toBeLessThanOrEqual(20);
    expect(report.valueCreation).toBeLessThanOrEqual(20);
    expect(report.adjustments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          points: expect.any(Number),
          reason: expect.stringMatching(/only 1 of your turns was substantive.*capped at 20/),
        }),
      ]),
    );
    // The overall is the base plus the adjustments shown: nothing hidden.
    const typed = transcript(
      'REP: What has to be true by the end of next year for you to call it a great year?\nBUYER: Hiring, mostly.',
    );
    expect(typed.overall).toBeLessThanOrEqual(20);
  });

  it('the ceiling rises with each substantive turn and is gone at five', () => {
    const overall = [1, 2, 3, 4, 5].map((n) => scoreSession(goodMeeting(n), 'open').overall);
    for (let i = 1; i < overall.length; i++)
      expect(overall[i]).toBeGreaterThan(overall[i - 1] as number);
    expect(overall[1]).toBeLessThanOrEqual(40);
    expect(overall[4]).toBeGreaterThanOrEqual(90);
    const full = scoreSession(goodMeeting(5), 'open');
    expect(full.adjustments.some((a) => /substantive/.test(a.reason))).toBe(false);
  });

  it('filler turns earn nothing and count as no evidence', () => {
    const report = transcript(
      [
        'REP: um ok',
        'BUYER: Okay?',
        'REP: yeah',
        'BUYER: Right.',
        'REP: Uh, yeah, sure.',
        'BUYER: Hm.',
      ].join('\n'),
    );
    expect(report.moments.map((m) => m.valuePoints)).toEqual([0, 0, 0]);
    expect(report.moments.every((m) => m.counts === 'neutral')).toBe(true);
    expect(report.moments[0]?.why).toMatch(/filler/);
    expect(report.overall).toBe(0);
  });

  it('gibberish and one word repeated earn nothing, whatever they were tagged', () => {
    const entries = [
      buyer('Go ahead.'),
      rep('sdkfjh qwrtzp xcvbnm plkjhg', 'goal_question'),
      buyer('Sorry?'),
      rep('why why why why why why why why', 'need_payoff_question'),
      buyer('What?'),
    ];
    const report = scoreSession(entries, 'open');
    expect(report.moments.map((m) => [m.counts, m.valuePoints, m.pitchPoints])).toEqual([
      ['neutral', 0, 0],
      ['neutral', 0, 0],
    ]);
    expect(report.moments[1]?.why).toMatch(/"why", 8 times/);
    expect(report.metrics.questionsAsked).toBe(0);
    expect(report.overall).toBe(0);
  });

  it('a 4,000-character "why why why ..." is not a need-payoff question worth 100', () => {
    const why = 'why '.repeat(1000).trim();
    expect(why.length).toBeLessThanOrEqual(4000);
    const tagged = scoreSession([buyer('Go ahead.'), rep(why, 'need_payoff_question')], 'open');
    expect(tagged.moments[0]).toMatchObject({ counts: 'neutral', valuePoints: 0 });
    expect(tagged.valueCreation).toBe(0);
    const read = transcript(`REP: ${why}\nBUYER: I am not sure what you are asking.`);
    expect(read.moments[0]?.valuePoints).toBe(0);
    expect(read.valueCreation).toBe(0);
    expect(read.overall).toBeLessThan(20);
  });

  it('turn substance: real turns are substantive, however long or plain', () => {
    expect(turnSubstance('What gets in the way of that today?').kind).toBe('substantive');
    expect(turnSubstance('No, no, I mean what happens after the first month?').kind).toBe(
      'substantive',
    );
    expect(turnSubstance('Why?').kind).toBe('thin');
    expect(turnSubstance('um ok').kind).toBe('filler');
    expect(turnSubstance('yeah').kind).toBe('filler');
    expect(turnSubstance('why why why why').kind).toBe('one_word');
    expect(turnSubstance('qwrtzp sdkfjh xcvbnm').kind).toBe('gibberish');
  });
});

describe('the outcome counts', () => {
  const ask =
    'Would it make sense to put thirty minutes in the diary for after the new reps start?';
  function withAsk(outcome: Outcome): SessionReport {
    return scoreSession(
      [...goodMeeting(5), rep(ask, 'commitment_ask', { ask: 'modest' }), buyer('Thanks.')],
      outcome,
    );
  }

  it('a declined or walked-out meeting never outscores an advanced one of the same turns', () => {
    const advanced = withAsk('advanced');
    const declined = withAsk('declined');
    const walked = withAsk('ended_by_buyer');
    expect(advanced.overall).toBeGreaterThan(declined.overall);
    expect(declined.overall).toBeGreaterThan(walked.overall);
    expect(declined.overall).toBeLessThanOrEqual(70);
    expect(walked.overall).toBeLessThanOrEqual(50);
    expect(declined.adjustments.map((a) => a.reason).join(' ')).toMatch(/declined.*capped at 70/);
  });

  it('a declined meeting of perfect turns scores below an advanced one with a weaker turn', () => {
    const weaker = goodMeeting(5);
    weaker[3] = rep('How many reps are on the team today?', 'situation_question');
    const advanced = scoreSession(
      [...weaker, rep(ask, 'commitment_ask', { ask: 'modest' }), buyer('Sure, let us do that.')],
      'advanced',
    );
    expect(advanced.overall).toBeGreaterThan(withAsk('declined').overall);
  });

  it('the moment never praises a declined ask', () => {
    for (const outcome of ['declined', 'ended_by_buyer'] as const) {
      const last = withAsk(outcome).moments.at(-1);
      expect(last?.behavior).toBe('commitment_ask');
      expect(last?.why).not.toMatch(/earned advance/);
      expect(last?.tryInstead).not.toMatch(/good timing/i);
      expect(last?.counts).not.toBe('value');
      expect(last?.why).toMatch(outcome === 'declined' ? /declined/ : /walked out/);
    }
    const agreed = withAsk('advanced').moments.at(-1);
    expect(agreed).toMatchObject({ counts: 'value', valuePoints: 0.5 });
    expect(agreed?.why).toMatch(/agreed: an earned advance/);
  });

  it('a premature ask the buyer declined still counts as premature, not as value', () => {
    const report = scoreSession(
      [
        buyer('Go ahead.'),
        rep('Can we set up a demo with your team next week?', 'commitment_ask', { ask: 'big' }),
      ],
      'declined',
    );
    expect(report.moments[0]).toMatchObject({ counts: 'pitch', pitchPoints: 0.5 });
    expect(report.moments[0]?.why).toMatch(/premature/);
    expect(report.moments[0]?.tryInstead).not.toMatch(/good timing/i);
  });
});

describe('a laundered pitch costs at least as much as a plain one', () => {
  const plain = 'Our coaching module flags every bad-fit deal before a rep spends a week on it.';
  const WRAPPERS = [
    `To be honest, ${plain.charAt(0).toLowerCase()}${plain.slice(1)}`,
    `No pressure at all, but ${plain.charAt(0).toLowerCase()}${plain.slice(1)}`,
    `If it's a fit, ${plain.charAt(0).toLowerCase()}${plain.slice(1)}`,
    `A lot of teams are surprised how much ${plain.charAt(0).toLowerCase()}${plain.slice(1)}`,
    `Imagine if ${plain.charAt(0).toLowerCase()}${plain.slice(1)}`,
    "I'm curious how you'd feel about a module that flags every bad-fit deal before a rep spends a week on it?",
    'What would change if your reps had our module flagging every bad-fit deal?',
  ];
  function after(text: string, behavior: Behavior = 'pitch'): SessionReport {
    return scoreSession(
      [
        buyer('Go ahead.'),
        rep('Where do new reps lose time?', 'problem_question'),
        buyer('We need to fix how long new reps spend on bad-fit deals.', true),
        rep(text, behavior, { buildsOnBuyer: true }),
        buyer('Hm.'),
      ],
      'open',
    );
  }

  it('after a stated need a plain Benefit is discounted, a wrapped one is not', () => {
    const base = after(plain).moments[1];
    expect(base?.pitchPoints).toBe(0.3);
    for (const wrapped of WRAPPERS) {
      const moment = after(wrapped).moments[1];
      expect(moment?.pitchPoints, wrapped).toBeGreaterThanOrEqual(base?.pitchPoints ?? 1);
      expect(moment?.pitchPoints, wrapped).toBe(1);
      expect(moment?.why, wrapped).toMatch(/dressed in value words/);
      expect(after(wrapped).pitching, wrapped).toBeGreaterThanOrEqual(after(plain).pitching);
    }
  });

  it('proof in value words costs in full too', () => {
    const proof = 'Customers like you cut ramp time by 30% in a quarter.';
    expect(after(proof, 'proof_to_sell').moments[1]?.pitchPoints).toBe(0.5);
    expect(after(`Honestly, ${proof}`, 'proof_to_sell').moments[1]?.pitchPoints).toBe(1);
  });

  it('a Benefit followed by a check question is not laundering', () => {
    expect(launderingWrapper(`${plain} Would that help with the ramp problem?`)).toBeUndefined();
    expect(launderingWrapper(plain)).toBeUndefined();
  });
});

describe('one reading everywhere: badge, counted as, summary and timeline', () => {
  const report = scoreSession(
    [
      buyer('Go ahead.'),
      rep('Thanks for making the time today.', 'rapport'),
      buyer('Sure.'),
      rep('Can we book a demo with your team next week?', 'commitment_ask', { ask: 'big' }),
      buyer('Not yet.'),
      ...goodMeeting(5).slice(1),
      rep('What has to be true by the end of next year?', 'goal_question', { repeated: true }),
      buyer('I told you already.'),
      rep('Shall we put thirty minutes in the diary for next month?', 'commitment_ask', {
        ask: 'modest',
      }),
      buyer('Yes, let us do that.'),
    ],
    'advanced',
  );
  const turn = (n: number) => {
    const m = report.moments[n - 1];
    if (!m) throw new Error(`no moment for turn ${n}`);
    return m;
  };
  const [rapport, premature, repeated, earned] = [turn(1), turn(2), turn(8), turn(9)];

  it('an earned ask reads as value on its badge and in "counted as"', () => {
    expect(earned).toMatchObject({ behavior: 'commitment_ask', counts: 'value' });
    expect(momentBadge(earned)).toBe('Commitment ask · value');
    expect(countedAs(earned)).toBe('Value +0.5');
  });

  it('a premature ask reads as pitch, a repeated question as neutral, rapport as neutral', () => {
    expect(momentBadge(premature)).toBe('Commitment ask · pitch');
    expect(countedAs(premature)).toBe('Pitch +0.5');
    expect(momentBadge(repeated)).toBe('Goal question · neutral');
    expect(countedAs(repeated)).toBe('Neutral');
    expect(momentBadge(rapport)).toBe('Rapport · neutral');
  });

  it('the summary counts are the badges counted', () => {
    const counted = countedTurns(report.moments);
    const fromBadges = report.moments.filter((m) => momentBadge(m).endsWith('· value')).length;
    const pitchBadges = report.moments.filter((m) =>
      / · pitch$|^Pitch$/.test(momentBadge(m)),
    ).length;
    expect(counted.value).toBe(fromBadges);
    expect(counted.pitch).toBe(pitchBadges);
    expect(report.summary).toContain(
      `${counted.value} of ${report.moments.length} turns created value`,
    );
    expect(report.summary).toContain(`and ${counted.pitch} pitched`);
    expect(counted.value).toBe(6);
  });
});

describe('questions spread through the meeting', () => {
  function spread(questionTurns: readonly number[], turns: number) {
    const entries: TranscriptEntry[] = [buyer('Go ahead.')];
    for (let t = 1; t <= turns; t++) {
      entries.push(
        questionTurns.includes(t)
          ? rep(`Where does the plan for quarter ${t} tend to slip?`, 'problem_question')
          : rep(`That makes sense, the plan for quarter ${t} sounds demanding.`, 'acknowledge'),
      );
      entries.push(buyer('Mostly hiring, and then ramp.'));
    }
    return scoreSession(entries, 'open').checks.find(
      (c) => c.metric === 'questions spread through the meeting',
    );
  }

  it('shows the share asked in the first third, between 0 and 100%', () => {
    for (const [questions, turns] of [
      [[1, 2], 6],
      [[1, 3, 5], 6],
      [[1, 2, 3, 4, 5, 6], 6],
      [[6], 6],
    ] as const) {
      const check = spread(questions, turns);
      expect(check?.unit).toBe('share');
      expect(check?.value).toBeGreaterThanOrEqual(0);
      expect(check?.value).toBeLessThanOrEqual(1);
    }
    expect(spread([1, 2], 6)?.value).toBe(1);
    expect(spread([1, 3, 5], 6)?.value).toBe(0.33);
  });

  it('is met only when the questions really are spread', () => {
    expect(spread([1, 2], 6)?.met).toBe(false); // every question came first
    expect(spread([1, 2], 3)?.met).toBe(true);
    expect(spread([1], 6)?.met).toBe(false);
    expect(spread([5, 6], 6)?.met).toBe(false); // all in the last third
    expect(spread([1, 3, 5], 6)?.met).toBe(true);
    const none = spread([], 4);
    expect(none).toMatchObject({ value: null, met: false });
  });
});

describe('"Ended" says who ended the meeting and how', () => {
  it('names the way each meeting ended', () => {
    expect(endedText('advanced', 'buyer', 'Marcus Hale')).toMatch(/next step was agreed/);
    expect(endedText('advanced', 'buyer', 'Marcus Hale')).not.toMatch(/walked|ended the meeting/);
    expect(endedText('declined', 'buyer', 'Marcus Hale')).toMatch(/Marcus Hale declined/);
    expect(endedText('ended_by_buyer', 'buyer', 'Marcus Hale')).toMatch(
      /Marcus Hale walked out: they ended the meeting/,
    );
    expect(endedText('open', 'rep', 'Marcus Hale')).toMatch(/^You ended the meeting/);
    expect(endedText('open', 'recovery', 'Marcus Hale')).toMatch(/app stopped/);
  });

  it('the summary says a walk-out is a walk-out', () => {
    expect(scoreSession(goodMeeting(2), 'ended_by_buyer').summary).toMatch(/walked out/);
  });
});

describe('evidence a coach would quote', () => {
  it('drops lone function words, quotes figures whole and shows the words the rep used', () => {
    const text =
      'We cut ramp time by 30% for a lot of companies your size, and most of them kept the change for good.';
    const cues = coachCues(
      [
        'word "a"',
        'word "for"',
        'opens with "we"',
        'a figure ("3")',
        'word "company"',
        'short turn',
        'prior',
      ],
      text,
    );
    expect(cues).not.toContain('word "a"');
    expect(cues).not.toContain('word "for"');
    expect(cues).toContain('a figure ("30%")');
    expect(cues).toContain('word "companies"');
    expect(cues).not.toContain('short turn');
    expect(cues).not.toContain('prior');
    expect(cues.length).toBeLessThanOrEqual(4);
  });

  it('a 50,000-character line is never a "short turn", and every evidence item is bounded', () => {
    const long = `${'Our platform helps every team with forecasting and coaching '.repeat(820)}end.`;
    expect(long.length).toBeGreaterThan(49_000);
    const report = transcript(`REP: ${long}\nBUYER: That was a lot.`);
    const cues = report.moments[0]?.cues ?? [];
    expect(cues).not.toContain('short turn');
    for (const cue of cues) expect(cue.length).toBeLessThanOrEqual(MAX_CUE_CHARS);
    const quoted = coachCues([`a sentence that pitches: "${long}"`], long)[0] ?? '';
    expect(quoted.length).toBeLessThanOrEqual(MAX_CUE_CHARS);
    expect(quoted).toMatch(/\.\.\."$/);
  });

  it('no evidence item in real reports quotes a lone function word', () => {
    const report = transcript(
      [
        'REP: Hi, thanks for the time today.',
        'BUYER: Sure.',
        'REP: We help sales teams like yours double their pipeline for a fraction of the cost.',
        'BUYER: Okay.',
        'REP: What is getting in the way of hiring the reps you need?',
        'BUYER: Budget, and a slow approval chain.',
        'REP: Customers grew pipeline 30% after switching to us.',
        'BUYER: Fine.',
      ].join('\n'),
    );
    for (const cue of report.moments.flatMap((m) => m.cues)) {
      expect(cue).not.toMatch(/"(a|an|the|for|to|of|in|on|and|is|it|by)"/);
      expect(cue).not.toMatch(/\("\d"\)/);
    }
  });
});

describe('a close call between groups is reported as one, and counts for less', () => {
  function unsure(
    confidence: number,
    alternative: Behavior,
    behavior: Behavior = 'problem_question',
    text = 'When the CFO looks at the decision at renewal, what will he judge it on?',
  ) {
    const entry = rep(text, behavior);
    const understanding = { ...(entry as { understanding: Understanding }).understanding };
    return scoreSession(
      [
        buyer('Go ahead.'),
        {
          ...entry,
          understanding: { ...understanding, confidence, alternative },
        } as TranscriptEntry,
        buyer('Adoption, mostly.'),
      ],
      'open',
    ).moments[0];
  }

  it('names both behaviours and halves the points when the runner-up is in another group', () => {
    const sure = unsure(0.9, 'pushback');
    const close = unsure(0.45, 'pushback');
    expect(sure?.unsureBetween).toBeUndefined();
    expect(close?.unsureBetween).toEqual(['problem_question', 'pushback']);
    expect(close?.valuePoints).toBe((sure?.valuePoints ?? 0) / 2);
    expect(close?.why).toMatch(/unsure whether this was a problem question or a pushback/);
  });

  it('says nothing when the runner-up is in the same group: the score does not depend on it', () => {
    const close = unsure(0.45, 'implication_question');
    expect(close?.unsureBetween).toBeUndefined();
    expect(close?.valuePoints).toBe(1);
  });

  it('a pitch the coach was unsure about costs half, unless it is dressed in value words', () => {
    const claim = 'our dashboards show every renewal risk a quarter ahead.';
    const plain = unsure(0.45, 'insight', 'pitch', `O${claim.slice(1)}`);
    expect(plain?.unsureBetween).toEqual(['pitch', 'insight']);
    expect(plain?.pitchPoints).toBe(0.5);
    const dressed = unsure(0.45, 'insight', 'pitch', `To be honest, ${claim}`);
    expect(dressed?.unsureBetween).toBeUndefined();
    expect(dressed?.pitchPoints).toBe(1);
  });
});
