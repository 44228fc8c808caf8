// The session report a rep reads afterwards: value creation versus pitching,
// an overall score, research-backed metrics, and for every turn why it counted
// and what to try instead. Saying the right words must not be enough.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BEHAVIORS } from '../../../../src-main/core/behaviors/taxonomy';
import { Meeting } from '../../../../src-main/core/meeting/meeting';
import type { MeetingContext, MeetingEvent } from '../../../../src-main/core/meeting/types';
import { ACTIONS, type ScenarioRuntime } from '../../../../src-main/core/scenarios/registry';
import { loadScenario } from '../../../../src-main/core/scenarios/load';
import { scoreSession, type SessionReport } from '../../../../src-main/core/scoring/report';
import {
  countedAs,
  countedTurns,
  momentBadge,
} from '../../../../src-main/core/scoring/moment-view';
import {
  parseTranscript,
  scoreTranscript,
  transcriptEntries,
} from '../../../../src-main/core/scoring/transcript';
import { defaultClassifier } from '../../../../src-main/core/understanding/default';
import { LIGHT_STACK_VALUE_SCRIPT } from '../../../fixtures/replies';

const classifier = defaultClassifier();
const scenarioFile = resolve(import.meta.dirname, '../../../../scenarios/light-stack-leader.yaml');
const loaded = loadScenario(readFileSync(scenarioFile, 'utf8'), scenarioFile).scenario;
if (!loaded) throw new Error('test setup: light-stack-leader does not load');
const marcus = loaded;

function meetingReport(replies: readonly string[]): SessionReport {
  const meeting = Meeting.start({ scenario: marcus, classifier, seed: 1 });
  for (const reply of replies) if (!meeting.ended) meeting.reply(reply);
  return meeting.report();
}

function transcriptReport(text: string): SessionReport {
  const { lines, problems } = parseTranscript(text);
  expect(problems).toEqual([]);
  return scoreTranscript(lines, classifier);
}

const VALUE_SCRIPT = LIGHT_STACK_VALUE_SCRIPT;

const PITCH_SCRIPT = [
  'Our platform is the only one that combines coaching and forecasting in one place.',
  'Customers who switched to us grew pipeline 40% in one quarter.',
  "That's what everyone says until they see our numbers.",
];

describe('value creation versus pitching', () => {
  const value = meetingReport(VALUE_SCRIPT);
  const pitching = meetingReport(PITCH_SCRIPT);

  it('a value-creating session scores high on value and low on pitching', () => {
    expect(value.valueCreation).toBeGreaterThanOrEqual(70);
    expect(value.pitching).toBeLessThanOrEqual(10);
    expect(value.outcome).toBe('advanced');
  });

  it('a pitching session scores low on value and high on pitching', () => {
    expect(pitching.valueCreation).toBeLessThanOrEqual(10);
    expect(pitching.pitching).toBeGreaterThanOrEqual(90);
    expect(pitching.outcome).toBe('ended_by_buyer');
  });

  it('the value-creating session scores higher overall', () => {
    expect(value.overall).toBeGreaterThan(pitching.overall);
    for (const r of [value, pitching]) {
      expect(r.overall).toBeGreaterThanOrEqual(0);
      expect(r.overall).toBeLessThanOrEqual(100);
    }
  });

  it('every moment says what the turn was, why it counted and what to try instead', () => {
    for (const report of [value, pitching]) {
      expect(report.moments.map((m) => m.turn)).toEqual(report.moments.map((_m, i) => i + 1));
      for (const moment of report.moments) {
        expect(moment.why.trim()).not.toBe('');
        expect(moment.tryInstead.trim()).not.toBe('');
        expect(BEHAVIORS).toContain(moment.behavior);
      }
    }
    expect(pitching.moments[0]?.why).toMatch(/our company or product/);
  });

  it('the summary and adjustments say how the meeting ended', () => {
    expect(value.summary).toMatch(/agreed to a next step/);
    expect(pitching.summary).toMatch(/ended the meeting/);
    expect(pitching.adjustments).toEqual(
      expect.arrayContaining([expect.objectContaining({ reason: 'the buyer ended the meeting' })]),
    );
    expect(value.adjustments.map((a) => a.reason)).toContain('the buyer agreed to a next step');
  });
});

describe('metrics', () => {
  // Words: rep 6 + 11 + 7 + 13 = 37, buyer 4 + 1 + 11 + 1 = 17.
  const TRANSCRIPT = [
    'REP: Hi, thanks for the time today.',
    'BUYER: Sure, happy to talk.',
    'REP: Our platform is the only one that combines coaching and forecasting.',
    'BUYER: Okay.',
    'REP: What are your goals for this year?',
    'BUYER: We need to fix how long onboarding takes for new reps.',
    'REP: We help sales teams like yours double their pipeline with our AI platform.',
    'BUYER: Fine.',
  ].join('\n');
  const report = transcriptReport(TRANSCRIPT);
  const m = report.metrics;

  it('reads each turn as expected (precondition for the numbers below)', () => {
    expect(report.moments.map((x) => x.behavior)).toEqual([
      'rapport',
      'pitch',
      'goal_question',
      'pitch',
    ]);
  });

  it('rep talk share is the rep words over all words', () => {
    expect(m.repTurns).toBe(4);
    expect(m.repTalkShare).toBe(0.69);
  });

  it('counts discovery questions', () => {
    expect(m.questionsAsked).toBe(1);
    expect(m.questionShare).toBe(0.25);
  });

  it('finds the first pitch and the pitches made before the buyer stated an explicit need', () => {
    expect(m.firstPitchTurn).toBe(2);
    expect(m.explicitNeedTurn).toBe(3);
    expect(m.pitchesBeforeExplicitNeed).toBe(1);
  });

  it('finds the longest monologue in words and speaking seconds', () => {
    expect(m.longestMonologue).toEqual({ turn: 4, words: 13, seconds: 5 });
  });

  it('counts every one of the thirteen behaviours, including those never used', () => {
    expect(Object.keys(m.byBehavior).sort()).toEqual([...BEHAVIORS].sort());
    expect(m.byBehavior).toMatchObject({
      rapport: 1,
      pitch: 2,
      goal_question: 1,
      insight: 0,
      proof_to_sell: 0,
    });
    expect(m.byGroup).toEqual({ value: 1, neutral: 1, pitch: 2 });
  });

  it('talking more than the research ceiling lowers the overall score, with the reason', () => {
    expect(report.adjustments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ points: -5, reason: expect.stringMatching(/69%/) }),
      ]),
    );
    const talkShare = report.checks.find((c) => c.metric === 'rep talk share');
    expect(talkShare).toMatchObject({ value: 0.69, met: false });
    expect(talkShare?.source).toMatch(/Gong/);
  });

  it('a session with no pitch has no first pitch turn', () => {
    expect(meetingReport(VALUE_SCRIPT).metrics.firstPitchTurn).toBeNull();
  });

  it('an empty session scores zero and has no moments', () => {
    const empty = scoreSession([], 'open');
    expect(empty).toMatchObject({ valueCreation: 0, pitching: 0, overall: 0, moments: [] });
    expect(empty.metrics.longestMonologue.turn).toBeNull();
  });
});

describe('determinism', () => {
  it('the same transcript always gives the same report', () => {
    const { lines } = parseTranscript(
      'REP: Where do deals get stuck?\nBUYER: In legal review, mostly.\nREP: Our platform fixes that.',
    );
    const entries = transcriptEntries(lines, classifier);
    expect(scoreSession(entries, 'open')).toEqual(scoreSession(entries, 'open'));
    expect(scoreTranscript(lines, classifier)).toEqual(scoreTranscript(lines, classifier));
    expect(meetingReport(VALUE_SCRIPT)).toEqual(meetingReport(VALUE_SCRIPT));
  });
});

describe('keyword gaming does not pay', () => {
  it('stuffing value words around pitches scores no better on value than plain pitches', () => {
    const plain = transcriptReport(
      [
        'REP: Our platform is the only one that combines coaching and forecasting.',
        'BUYER: Okay.',
        'REP: Our dashboard gives every manager a live view of every deal.',
        'BUYER: Right.',
        'REP: We help sales teams like yours double their pipeline with our AI platform.',
        'BUYER: I see.',
      ].join('\n'),
    );
    const stuffed = transcriptReport(
      [
        'REP: Great question about your goals and priorities! Our platform is the only one that combines coaching and forecasting.',
        'BUYER: Okay.',
        'REP: I hear your challenges and I understand what success looks like for you. Our dashboard gives every manager a live view of every deal.',
        'BUYER: Right.',
        'REP: What would solving that be worth to you? We help sales teams like yours double their pipeline with our AI platform.',
        'BUYER: I see.',
      ].join('\n'),
    );
    expect(stuffed.valueCreation).toBeLessThanOrEqual(plain.valueCreation);
    expect(stuffed.pitching).toBeGreaterThanOrEqual(plain.pitching);
    expect(stuffed.overall).toBeLessThanOrEqual(plain.overall);
    expect(stuffed.metrics.byGroup.pitch).toBe(3);
  });

  it('asking the same good question five times scores below five different good questions', () => {
    const answer = 'BUYER: Mostly in legal review, and then procurement.';
    const same = transcriptReport(
      Array.from(
        { length: 5 },
        () => `REP: Where do deals tend to get stuck for your team?\n${answer}`,
      ).join('\n'),
    );
    const different = transcriptReport(
      [
        'What has to be true by the end of next year for you to call it a great year?',
        'Where do deals tend to get stuck for your team?',
        'When a deal stalls in legal, what does that do to the quarter?',
        'If legal review took a day instead of a month, what would you do differently?',
        'What is getting in the way of hiring the reps you need?',
      ]
        .map((q) => `REP: ${q}\n${answer}`)
        .join('\n'),
    );
    expect(same.metrics.questionsAsked).toBe(5);
    expect(different.metrics.questionsAsked).toBe(5);
    expect(same.valueCreation).toBeLessThan(different.valueCreation);
    expect(same.overall).toBeLessThan(different.overall);
    expect(same.moments.slice(1).every((m) => m.valuePoints === 0)).toBe(true);
    expect(same.moments[1]?.why).toMatch(/repeats/);
  });
});

describe('a played meeting reads the same everywhere', () => {
  const value = meetingReport(VALUE_SCRIPT);
  const pitching = meetingReport(PITCH_SCRIPT);

  it('each badge names the group the turn counted in, and "counted as" agrees', () => {
    for (const report of [value, pitching]) {
      for (const m of report.moments) {
        const badgeGroup = momentBadge(m).includes(' · ')
          ? momentBadge(m).split(' · ')[1]
          : m.behavior;
        expect(badgeGroup, momentBadge(m)).toBe(m.counts);
        expect(countedAs(m).toLowerCase().startsWith(m.counts)).toBe(true);
        if (m.counts === 'value') expect(m.valuePoints).toBeGreaterThan(0);
        if (m.counts === 'pitch') expect(m.pitchPoints).toBeGreaterThan(0);
        if (m.counts === 'neutral') expect(m.valuePoints + m.pitchPoints).toBe(0);
      }
      const { value: v, pitch: p } = countedTurns(report.moments);
      expect(report.summary).toContain(
        `${v} of ${report.moments.length} turns created value and ${p} pitched`,
      );
    }
  });

  it('the ask the buyer agreed to says so, and the report quotes no lone function word', () => {
    const last = value.moments.at(-1);
    expect(last?.behavior).toBe('commitment_ask');
    expect(last?.why).toMatch(/agreed/);
    for (const cue of [...value.moments, ...pitching.moments].flatMap((m) => m.cues))
      expect(cue).not.toMatch(/^(word|opens with) "(a|an|the|for|to|of|and|by|ok|so)"$/);
  });

  it('a six-turn meeting with every turn substantive is not capped for evidence', () => {
    expect(value.adjustments.some((a) => /substantive/.test(a.reason))).toBe(false);
  });
});

describe('asking again what the buyer already answered', () => {
  const asked = 'Where do deals tend to get stuck for your team?';
  const again = 'At what point do your opportunities usually stall?';

  it('costs more than a plain repeat: it counts against the rep', () => {
    const answered = transcriptReport(
      [
        `REP: ${asked}`,
        'BUYER: Mostly in legal review, it adds about three weeks to every deal.',
        `REP: ${again}`,
      ].join('\n'),
    );
    const repeat = answered.moments[1];
    expect(repeat?.counts).toBe('pitch');
    expect(repeat?.pitchPoints).toBeGreaterThan(0);
    expect(repeat?.why).toMatch(/already answered/);
  });

  it('the buyer holds it against the rep: what the turn would earn becomes a loss', () => {
    const runtime: ScenarioRuntime = {
      meters: { trust: { min: 0, max: 100, perTurn: 0 } },
      difficulty: {
        easy: { gain: 1, loss: 1, vars: {} },
        normal: { gain: 1, loss: 1, vars: {} },
        hard: { gain: 1, loss: 1, vars: {} },
      },
      lines: {},
      placeholders: {},
    };
    const repeat = {
      behavior: 'problem_question',
      group: 'value',
      repeated: true,
      buildsOnBuyer: false,
    } as const;
    const trustAfter = (alreadyAnswered: boolean) => {
      const context: MeetingContext = {
        difficulty: 'normal',
        meters: { trust: 50 },
        turns: [{ ...repeat, alreadyAnswered }],
        revealed: [],
        needs: [],
        reply: [],
        lastLineSubstantive: false,
        answeringSubstantive: false,
        rng: 1,
        lastWording: {},
      };
      const event = { type: 'rep.turn', turn: context.turns[0] } as MeetingEvent;
      return ACTIONS.effects(context, { trust: 10 }, runtime, event).meters?.trust;
    };
    expect(trustAfter(false)).toBe(50); // a plain repeat earns nothing
    expect(trustAfter(true)).toBe(45); // asked again after an answer: a loss
  });
});
