// Delivery metrics for spoken replies, as a rep would notice them: a fast
// talker is flagged and told which turn, fillers are counted (but "I'd like to"
// is not a filler), the pause after an objection is measured, the longest turn
// is named, a typed-only meeting has no delivery section, and broken timings
// neither crash nor skew the numbers.
import { describe, expect, it } from 'vitest';
import {
  fillersIn,
  scoreDelivery,
  type DeliveryMetric,
  type DeliveryMetricKey,
  type DeliveryReport,
  type DeliveryTurnInput,
} from '../../../../src-main/core/scoring/delivery';
import { scoreSession, withDelivery } from '../../../../src-main/core/scoring/report';
import { THRESHOLDS } from '../../../../src-main/core/scoring/thresholds';

/** A spoken turn: `seconds` long, starting at `atMs`. */
function spoken(
  turn: number,
  text: string,
  atMs: number,
  seconds: number,
  extra: Partial<DeliveryTurnInput> & { patienceMs?: number | null } = {},
): DeliveryTurnInput {
  const { patienceMs = null, ...rest } = extra;
  return {
    turn,
    text,
    timing: { startMs: atMs, endMs: atMs + seconds * 1000, patienceMs, engine: 'whisper' },
    ...rest,
  };
}

function words(n: number, word = 'word'): string {
  return Array.from({ length: n }, () => word).join(' ');
}

function report(turns: readonly DeliveryTurnInput[]): DeliveryReport {
  const delivery = scoreDelivery(turns);
  if (!delivery) throw new Error('expected a delivery section');
  return delivery;
}

function metric(delivery: DeliveryReport, key: DeliveryMetricKey): DeliveryMetric {
  const found = delivery.metrics.find((m) => m.key === key);
  if (!found) throw new Error(`no ${key} metric`);
  return found;
}

describe('which meetings get a delivery section', () => {
  it('a typed-only meeting has none, and withDelivery leaves the report as it was', () => {
    const typed: DeliveryTurnInput[] = [
      { turn: 1, text: 'What made you take this meeting?' },
      { turn: 2, text: 'How do you forecast today?', timing: null },
    ];
    expect(scoreDelivery(typed)).toBeNull();
    expect(scoreDelivery([])).toBeNull();
    const base = scoreSession([], 'open');
    const same = withDelivery(base, typed);
    expect(same).toBe(base);
    expect('delivery' in same).toBe(false);
  });

  it('a mixed meeting measures only the spoken turns, and the scores stay the same', () => {
    const base = scoreSession([], 'open');
    const withIt = withDelivery(base, [
      { turn: 1, text: words(100), timing: null },
      spoken(2, words(30), 5_000, 12),
    ]);
    expect(withIt.delivery?.spokenTurns).toBe(1);
    expect(withIt.delivery?.words).toBe(30);
    expect(withIt.delivery?.turns.map((t) => t.turn)).toEqual([2]);
    expect({ ...withIt, delivery: undefined }).toEqual({ ...base, delivery: undefined });
  });

  it('every metric names its target and quotes its source', () => {
    const delivery = report([spoken(1, words(40), 0, 15, { patienceMs: 900 })]);
    expect(delivery.metrics.map((m) => m.key)).toEqual([
      'pace',
      'fillers',
      'patience',
      'monologue',
    ]);
    for (const m of delivery.metrics) {
      expect(m.target).not.toBe('');
      expect(m.source).not.toBe('');
    }
    expect(metric(delivery, 'pace').source).toContain('173');
    expect(metric(delivery, 'patience').source).toContain('1.5 s');
    expect(metric(delivery, 'monologue').source).toContain('328 meetings');
    expect(metric(delivery, 'fillers').source).toContain('no research figure');
  });
});

describe('speaking pace', () => {
  it('a fast talker is flagged, with the fastest turn named and something to try', () => {
    const delivery = report([
      spoken(1, words(20), 0, 10), // 120 wpm
      spoken(2, `So what we do ${words(96)}`, 30_000, 24), // 250 wpm
    ]);
    const pace = metric(delivery, 'pace');
    expect(delivery.words).toBe(120);
    expect(delivery.speakingSeconds).toBe(34);
    expect(pace.value).toBe(Math.round(120 / (34 / 60)));
    expect(pace.value).toBeGreaterThan(THRESHOLDS.speakingPaceCeiling.value);
    expect(pace.met).toBe(false);
    expect(pace.turns).toEqual([2]);
    expect(pace.evidence).toContain('Fastest: turn 2 at 250 words a minute');
    expect(pace.tryInstead).toContain('turn 2');
    expect(pace.tryInstead).toContain('"So what we do');
    expect(delivery.turns.map((t) => t.wordsPerMinute)).toEqual([120, 250]);
  });

  it('is measured over speaking time, not the wall clock, and a normal pace passes', () => {
    // 173 words over 60 s of speech spread across ten minutes of meeting.
    const delivery = report([spoken(1, words(87), 0, 30), spoken(2, words(86), 570_000, 30)]);
    const pace = metric(delivery, 'pace');
    expect(pace.value).toBe(173);
    expect(pace.met).toBe(true);
    expect(pace.tryInstead).toBeNull();
  });

  it('counts a contraction or a number as one word, as said', () => {
    const delivery = report([spoken(1, "We don't have 20,000 reps, we've got 3.5 teams.", 0, 6)]);
    expect(delivery.words).toBe(9);
  });

  it('under a second of speech is too little to judge', () => {
    const delivery = report([spoken(1, 'Yes, absolutely.', 0, 0.6)]);
    const pace = metric(delivery, 'pace');
    expect(pace.value).toBeNull();
    expect(pace.met).toBeNull();
    expect(pace.evidence).toContain('too little');
    expect(metric(delivery, 'fillers').value).toBeNull();
  });

  it('does not name a quick "yes, sure" as the fastest turn', () => {
    const delivery = report([
      spoken(1, 'Yes, sure, makes sense.', 0, 1),
      spoken(2, words(30), 5_000, 12),
    ]);
    expect(delivery.turns[0]?.wordsPerMinute).toBeNull();
    expect(metric(delivery, 'pace').turns).toEqual([2]);
  });

  it('compares the pace after an objection with the pace elsewhere', () => {
    const delivery = report([
      spoken(1, words(30), 0, 12, { buyerBefore: 'Thanks for coming in.' }),
      spoken(2, words(60), 20_000, 15, { buyerBefore: 'We already use Salesforce for that.' }),
    ]);
    expect(metric(delivery, 'pace').evidence).toContain(
      'After an objection you spoke at 240 words a minute, elsewhere at 150.',
    );
  });
});

describe('filler words', () => {
  it.each([
    ["I'd like to understand how your team forecasts.", []],
    ['Would you like to see how others do it?', []],
    ['It sounds like a priority for you.', []],
    ["We don't like surprises either.", []],
    ["What's it like today?", []],
    ["Like I said, it's your call.", []],
    ['It looks like 20 reps would use it.', []],
    ['It was, like, a mess.', ['like']],
    ['They have like 20 reps.', ['like']],
    ["It's like really slow.", ['like']],
    ['You know, it depends.', ['you know']],
    ["It's hard to say, you know?", ['you know']],
    ['Do you know the number?', []],
    ['You know the team better than I do.', []],
    ["I mean, it's fine.", ['i mean']],
    ["That's not what I mean.", []],
    ['Umm, uh, basically yes.', ['um', 'uh', 'basically']],
  ])('%s', (text, expected) => {
    expect(fillersIn(text)).toEqual(expected);
  });

  it('the report lists which words were counted, how often and in which turns, without judging', () => {
    const delivery = report([
      spoken(1, 'Um, so we, like, help teams. I would like to ask, um, how many reps?', 0, 10),
      spoken(2, "Basically it's like really quick, you know?", 20_000, 5),
    ]);
    expect(delivery.fillers).toEqual([
      { word: 'like', count: 2, turns: [1, 2] },
      { word: 'um', count: 2, turns: [1] },
      { word: 'basically', count: 1, turns: [2] },
      { word: 'you know', count: 1, turns: [2] },
    ]);
    const fillers = metric(delivery, 'fillers');
    expect(fillers.value).toBe(Math.round((6 / (15 / 60)) * 10) / 10);
    expect(fillers.unit).toBe('per_minute');
    expect(fillers.met).toBeNull();
    expect(fillers.target).toContain('not judged');
    expect(fillers.evidence).toContain('"like" x2 (turns 1, 2)');
    expect(fillers.evidence).toContain('"um" x2 (turn 1)');
    expect(fillers.turns).toEqual([1, 2]);
    expect(fillers.tryInstead).toContain('"like"');
    expect(delivery.turns.map((t) => t.fillers)).toEqual([3, 3]);
  });

  it('says so when none were counted', () => {
    const fillers = metric(report([spoken(1, 'What would you change first?', 0, 3)]), 'fillers');
    expect(fillers.value).toBe(0);
    expect(fillers.evidence).toContain('No filler words counted');
    expect(fillers.tryInstead).toBeNull();
  });
});

describe('pause before answering an objection', () => {
  const answers = (patience: [number, number]) => [
    spoken(1, words(20), 0, 8, { patienceMs: 2_500, buyerBefore: 'Thanks for making the time.' }),
    spoken(2, words(20), 20_000, 8, {
      patienceMs: patience[0],
      buyerBefore: 'Honestly, we already use Salesforce for that.',
    }),
    spoken(3, words(20), 40_000, 8, {
      patienceMs: patience[1],
      buyerBefore: "I'm not sure. It's too expensive for what it does.",
    }),
  ];

  it('quick answers to objections miss, naming the quickest and what the buyer said', () => {
    const delivery = report(answers([200, 800]));
    const patience = metric(delivery, 'patience');
    expect(patience.value).toBe(0.5);
    expect(patience.met).toBe(false);
    expect(patience.turns).toEqual([2]);
    expect(patience.evidence).toContain('2 answers after an objection');
    expect(patience.evidence).toContain('turn 2, 0.2 s after the buyer said "we already use"');
    expect(patience.tryInstead).toContain('Turn 2 started 0.2 s after they finished');
    expect(delivery.turns.map((t) => t.afterObjection)).toEqual([false, true, true]);
    expect(delivery.turns.map((t) => t.patienceSeconds)).toEqual([2.5, 0.2, 0.8]);
  });

  it('patient answers meet the top-rep target', () => {
    const patience = metric(report(answers([1_600, 1_800])), 'patience');
    expect(patience.value).toBe(1.7);
    expect(patience.met).toBe(true);
    expect(patience.tryInstead).toBeNull();
  });

  it('the caller can say a line was an objection, or was not', () => {
    const flagged = report([
      spoken(1, words(20), 0, 8, { patienceMs: 300, buyerBefore: 'Hmm.', afterObjection: true }),
    ]);
    expect(metric(flagged, 'patience').met).toBe(false);
    const cleared = report([
      spoken(1, words(20), 0, 8, {
        patienceMs: 300,
        buyerBefore: 'We already use Salesforce.',
        afterObjection: false,
      }),
    ]);
    expect(metric(cleared, 'patience').met).toBeNull();
  });

  it('without an objection it shows the average pause, not judged', () => {
    const patience = metric(
      report([
        spoken(1, words(20), 0, 8, { patienceMs: 1_000 }),
        spoken(2, words(20), 20_000, 8, { patienceMs: 400 }),
      ]),
      'patience',
    );
    expect(patience.value).toBe(0.7);
    expect(patience.met).toBeNull();
    expect(patience.evidence).toContain('No spoken reply came straight after an objection');
    expect(patience.evidence).toContain('quickest: turn 2, 0.4 s');
  });

  it('a pause that was not measured is said so; starting before the buyer finished counts as 0 s', () => {
    const unmeasured = report([
      spoken(1, words(20), 0, 8, { buyerBefore: 'Not interested, sorry.' }),
    ]);
    expect(metric(unmeasured, 'patience').value).toBeNull();
    expect(metric(unmeasured, 'patience').evidence).toContain(
      'turn 1 (after an objection) was not measured',
    );
    const interrupted = report([
      spoken(1, words(20), 0, 8, { patienceMs: -400, buyerBefore: 'We are happy with our tools.' }),
    ]);
    expect(metric(interrupted, 'patience').value).toBe(0);
    expect(interrupted.notes.join(' ')).toContain('before the buyer finished');
  });
});

describe('longest spoken turn', () => {
  it('names the right turn and quotes how it started', () => {
    const delivery = report([
      spoken(1, words(50), 0, 20),
      spoken(2, `So what we do is help revenue teams ${words(200)}`, 30_000, 90),
      spoken(3, words(60), 150_000, 30),
    ]);
    const longest = metric(delivery, 'monologue');
    expect(longest.value).toBe(90);
    expect(longest.met).toBe(false);
    expect(longest.turns).toEqual([2]);
    expect(longest.evidence).toBe('Turn 2, 90 s, starting "So what we do is help revenue teams…".');
    expect(longest.tryInstead).toContain('turn 2 ran 90 s');
  });

  it('a turn under the line passes; of equal turns the first is named', () => {
    const longest = metric(
      report([spoken(1, 'Short one.', 0, 30), spoken(2, 'Another.', 40_000, 30)]),
      'monologue',
    );
    expect(longest.met).toBe(true);
    expect(longest.turns).toEqual([1]);
    expect(longest.evidence).toBe('Turn 1, 30 s, starting "Short one.".');
  });
});

describe('broken timings', () => {
  it('zero, negative and impossible timings are left out, with a note, and do not crash', () => {
    const delivery = report([
      spoken(1, words(20), 0, 10),
      spoken(2, words(500), 20_000, 0),
      { turn: 3, text: words(500), timing: { startMs: 40_000, endMs: 30_000, patienceMs: null } },
      { turn: 4, text: words(500), timing: { startMs: -5_000, endMs: 1_000, patienceMs: null } },
      {
        turn: 5,
        text: words(500),
        timing: { startMs: Number.NaN, endMs: Number.POSITIVE_INFINITY, patienceMs: Number.NaN },
      },
    ]);
    expect(delivery.spokenTurns).toBe(5);
    expect(delivery.speakingSeconds).toBe(10);
    expect(delivery.words).toBe(20);
    expect(metric(delivery, 'pace').value).toBe(120);
    expect(metric(delivery, 'monologue').turns).toEqual([1]);
    expect(delivery.turns.map((t) => t.seconds)).toEqual([10, null, null, null, null]);
    expect(delivery.notes).toHaveLength(4);
    expect(delivery.notes[0]).toContain('Turn 2');
  });

  it('overlapping turns never count the same moment twice', () => {
    const delivery = report([
      spoken(1, words(30), 0, 10),
      spoken(2, words(40), 8_000, 12), // 8-20 s: only 10-20 s counts
      spoken(3, words(99), 12_000, 3), // inside turn 2: left out
    ]);
    expect(delivery.speakingSeconds).toBe(20);
    expect(delivery.words).toBe(70);
    expect(delivery.turns.map((t) => t.seconds)).toEqual([10, 10, null]);
    expect(delivery.notes).toEqual([
      "Turn 2: its timing overlaps turn 1's; only the part after turn 1 ends is counted.",
      "Turn 3: its timing lies inside turn 2's, so it is left out of pace, fillers and the longest turn.",
    ]);
  });

  it('with no usable timing at all there is still a section, with nothing judged', () => {
    const delivery = report([spoken(1, words(20), 5_000, 0)]);
    expect(delivery.metrics.map((m) => m.met)).toEqual([null, null, null, null]);
    expect(metric(delivery, 'monologue').evidence).toBe('No spoken turn had usable timing.');
  });
});

describe('determinism', () => {
  it('the same turns in any order give the same report', () => {
    const turns = [
      spoken(1, 'Um, what made you take the meeting?', 0, 4, { patienceMs: 700 }),
      spoken(2, `We have like 20 reps and ${words(40)}`, 10_000, 15, {
        patienceMs: 300,
        buyerBefore: 'We already have a tool for that.',
      }),
      spoken(3, words(10), 40_000, 5, { patienceMs: 1_200 }),
    ];
    const first = report(turns);
    expect(report([...turns].reverse())).toEqual(first);
    expect(report(turns)).toEqual(first);
    expect(first.engines).toEqual(['whisper']);
  });
});
