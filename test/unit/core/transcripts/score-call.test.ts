// Scoring a real call: the chosen rep against a buyer side kept by name, with
// talk share, the longest monologue, the spread of questions and the delivery
// section measured from the file's times where it has them, and the word-based
// estimates, labelled as estimates, where it has none.
import { describe, expect, it } from 'vitest';
import { readTranscript } from '../../../../src-main/core/transcripts/index';
import {
  parseTranscript,
  scoreCall,
  scoreTranscript,
} from '../../../../src-main/core/scoring/transcript';
import { defaultClassifier } from '../../../../src-main/core/understanding/default';

const classifier = defaultClassifier();

type Cue = readonly [speaker: string, start: number, end: number, text: string];

/** A Zoom-style WebVTT file from cues given in seconds. */
function vtt(cues: readonly Cue[]): string {
  const time = (s: number) => {
    const ms = Math.round(s * 1000);
    const h = Math.floor(ms / 3_600_000);
    const m = Math.floor(ms / 60_000) % 60;
    const sec = (ms % 60_000) / 1000;
    return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${sec.toFixed(3).padStart(6, '0')}`;
  };
  return [
    'WEBVTT',
    '',
    ...cues.flatMap(([who, start, end, text], i) => [
      String(i + 1),
      `${time(start)} --> ${time(end)}`,
      `${who}: ${text}`,
      '',
    ]),
  ].join('\n');
}

describe('scoreCall without times', () => {
  const typed =
    'REP: Thanks for making the time.\nBUYER: Sure.\nREP: Where do deals tend to get stuck for your team?\nBUYER: In legal review, mostly. It adds weeks.\nREP: What does a slipped quarter do to your plan?';

  it('gives the same scores as the existing REP:/BUYER: scoring, labelled as estimates', () => {
    const call = scoreCall(readTranscript(typed, 'typed.txt'), 'Rep', classifier);
    const old = scoreTranscript(parseTranscript(typed).lines, classifier);
    expect([call.overall, call.valueCreation, call.pitching]).toEqual([
      old.overall,
      old.valueCreation,
      old.pitching,
    ]);
    expect(call.moments.map((m) => m.behavior)).toEqual(old.moments.map((m) => m.behavior));
    expect(call.metrics.timings).toBe('estimated');
    expect(call.metrics.timingSource).toMatch(/estimated from words at 173 words a minute/);
    expect(call.metrics.repSeconds).toBeNull();
    expect(call.checks[0]?.metric).toBe('rep talk share (estimated from words)');
    expect(call.delivery).toBeUndefined();
  });
});

describe('scoreCall with cue times', () => {
  // The rep speaks few words slowly; the buyers many words quickly.
  const cues: Cue[] = [
    ['Dana Reyes', 0, 20, 'Thanks for making the time today, both of you.'],
    [
      'Sam Okafor',
      20.5,
      25,
      'Sure. We have about twenty minutes, then I have a board prep call that I cannot move.',
    ],
    ['Dana Reyes', 26, 46, 'Where do deals tend to get stuck for your team?'],
    [
      'Sam Okafor',
      47,
      52,
      'Mostly in legal review. It adds weeks to every deal and we lose the quarter more often than not.',
    ],
    [
      'Priya Shah',
      52.5,
      56,
      "Honestly I'm not sure we need another tool for that. We have tried two already.",
    ],
    [
      'Dana Reyes',
      56.4,
      150,
      'That makes sense. When a deal slips a quarter, what does that do to the rest of your plan?',
    ],
  ];
  const transcript = readTranscript(vtt(cues), 'zoom.vtt');
  const report = scoreCall(transcript, 'Dana Reyes', classifier);

  it('measures talk share from speaking time, not words', () => {
    const rep = 20 + 20 + 93.6;
    const buyers = 4.5 + 5 + 3.5;
    expect(report.metrics.timings).toBe('measured');
    expect(report.metrics.repSeconds).toBe(133.6);
    expect(report.metrics.buyerSeconds).toBe(13);
    expect(report.metrics.repTalkShare).toBe(Math.round((100 * rep) / (rep + buyers)) / 100);
    // By words the rep said less than the buyers: the same call typed up scores the other way.
    const typed = cues.map(([who, , , text]) => `${who}: ${text}`).join('\n');
    const byWords = scoreCall(readTranscript(typed, 'typed.txt'), 'Dana', classifier);
    expect(byWords.metrics.repTalkShare).toBeLessThan(0.5);
    const check = report.checks.find((c) => c.metric.startsWith('rep talk share'));
    expect(check).toMatchObject({
      metric: 'rep talk share (measured from speaking time)',
      value: 0.91,
      met: false,
    });
    expect(report.adjustments.map((a) => a.reason)).toContain(
      "you talked 91% of the speaking time; Gong Labs' 2025 update: a rep talk share above about 65% goes with lower conversion",
    );
  });

  it('measures the longest monologue in seconds and says so', () => {
    expect(report.metrics.longestMonologue).toMatchObject({ turn: 3, seconds: 93.6 });
    expect(report.checks.find((c) => c.metric.startsWith('longest monologue'))).toMatchObject({
      metric: 'longest monologue (seconds, measured)',
      value: 93.6,
      met: false,
    });
    expect(
      report.adjustments.some((a) => a.reason.startsWith('your longest turn ran 93.6 s')),
    ).toBe(true);
  });

  it("feeds the delivery section from the cue times: the rep's pause before answering an objection, pace, longest turn", () => {
    const metric = (key: string) => report.delivery?.metrics.find((m) => m.key === key);
    // Priya's objection ended at 56 s; Dana answered at 56.4 s.
    expect(metric('patience')).toMatchObject({ value: 0.4, met: false, turns: [3] });
    expect(metric('monologue')).toMatchObject({ value: 93.6, turns: [3] });
    expect(report.delivery?.turns.map((t) => t.patienceSeconds)).toEqual([null, 1, 0.4]);
    expect(metric('pace')?.value).toBe(Math.round((report.delivery?.words ?? 0) / (133.6 / 60)));
  });

  it('keeps the buyer side by name: who said what, and whom the rep answered', () => {
    expect(report.call.rep).toBe('Dana Reyes');
    expect(report.call.buyers).toEqual(['Sam Okafor', 'Priya Shah']);
    expect(report.call.speakers.map((s) => [s.name, s.role])).toEqual([
      ['Dana Reyes', 'rep'],
      ['Sam Okafor', 'buyer'],
      ['Priya Shah', 'buyer'],
    ]);
    expect(report.moments.map((m) => m.answering)).toEqual([null, 'Sam Okafor', 'Priya Shah']);
    const objection = report.buyerSignals.find((s) => s.kind === 'objection');
    expect(objection?.speaker).toBe('Priya Shah');
    expect(report.call.turns.map((t) => [t.speaker, t.turn, t.startMs])).toEqual([
      ['Dana Reyes', 1, 0],
      ['Sam Okafor', null, 20500],
      ['Dana Reyes', 2, 26000],
      ['Sam Okafor', null, 47000],
      ['Priya Shah', null, 52500],
      ['Dana Reyes', 3, 56400],
    ]);
  });
});

describe('question spread over the meeting’s minutes', () => {
  // Four questions in the first three minutes of a fifteen-minute call, then two long statements.
  const questions = [
    'Where do deals tend to get stuck for your team?',
    'What happens to the forecast when a big deal slips?',
    'Who else gets pulled in when that happens?',
    'What would a great year look like for your team?',
  ];
  const cues: Cue[] = [];
  questions.forEach((q, i) => {
    cues.push(['Dana', i * 40, i * 40 + 5, q]);
    cues.push([
      'Sam',
      i * 40 + 6,
      i * 40 + 30,
      'It is complicated, mostly legal review and a lot of waiting around for signatures.',
    ]);
  });
  cues.push(['Dana', 400, 410, 'Thank you, that is really helpful to hear.']);
  cues.push([
    'Sam',
    411,
    700,
    'We have been living with it for a long time, and the team is tired of it.',
  ]);
  cues.push(['Dana', 800, 810, 'Thanks again for your time today.']);
  cues.push(['Sam', 811, 900, 'Likewise, it was a good conversation.']);

  it('counts questions by the minute they were asked, and flags front-loading the turn count hides', () => {
    const timed = scoreCall(readTranscript(vtt(cues), 'spread.vtt'), 'Dana', classifier);
    const untimed = scoreCall(
      readTranscript(cues.map(([who, , , text]) => `${who}: ${text}`).join('\n'), 'spread.txt'),
      'Dana',
      classifier,
    );
    expect(untimed.metrics.questionsAsked).toBe(4);
    expect(untimed.metrics.questionSpread).toEqual({ early: 2, middle: 2, late: 0 });
    expect(untimed.metrics.questionsFrontLoaded).toBe(false);
    expect(timed.metrics.questionSpread).toEqual({ early: 4, middle: 0, late: 0 });
    expect(timed.metrics.questionsFrontLoaded).toBe(true);
    expect(timed.metrics.meetingSeconds).toBe(900);
    expect(timed.checks.find((c) => c.metric.startsWith('questions spread'))).toMatchObject({
      metric: 'questions spread through the meeting (by its minutes)',
      value: 1,
      met: false,
    });
    expect(
      timed.adjustments.some((a) =>
        a.reason.startsWith(
          "most of your questions came in the first third of the meeting's minutes",
        ),
      ),
    ).toBe(true);
    expect(timed.overall).toBeLessThan(untimed.overall);
  });
});

describe('scoreCall with start times only (Otter)', () => {
  it('measures from turn starts, and does not claim to know the pause before answering', () => {
    const otter = [
      'Dana Reyes  0:00',
      'Thanks for making the time. Where do deals get stuck for your team?',
      '',
      'Sam Okafor  0:12',
      "Legal review, mostly. Honestly I'm not sure we need another tool.",
      '',
      'Dana Reyes  0:30',
      'Fair enough. What would have to change for it to be worth a look?',
    ].join('\n');
    const report = scoreCall(readTranscript(otter, 'otter.txt'), 'dana reyes', classifier);
    expect(report.metrics.timings).toBe('measured');
    expect(report.metrics.timingSource).toMatch(/when each turn starts/);
    expect(report.metrics.repSeconds).toBeCloseTo(12 + (14 / 173) * 60, 1);
    expect(report.delivery?.turns.map((t) => t.patienceSeconds)).toEqual([null, null]);
    expect(report.delivery?.notes.join(' ')).toMatch(/only when each turn starts/);
  });
});
