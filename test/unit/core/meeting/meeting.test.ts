// A meeting with a buyer persona: it replays exactly from its seed, can be
// saved after any turn and resumed, refuses replies it cannot use, and the
// buyer reacts to how a turn is made (repeats, ignoring what was just said,
// magic words around a pitch) and to the difficulty.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Meeting, type SavedMeeting } from '../../../../src-main/core/meeting/meeting';
import { ReplyError } from '../../../../src-main/core/meeting/reply';
import type { CompiledScenario } from '../../../../src-main/core/scenarios/compile';
import { loadScenario } from '../../../../src-main/core/scenarios/load';
import type { Difficulty } from '../../../../src-main/core/scenarios/schema';
import { defaultClassifier } from '../../../../src-main/core/understanding/default';
import { LIGHT_STACK_VALUE_SCRIPT } from '../../../fixtures/replies';

function builtIn(id: string): CompiledScenario {
  const file = resolve(import.meta.dirname, `../../../../scenarios/${id}.yaml`);
  const result = loadScenario(readFileSync(file, 'utf8'), file);
  if (!result.scenario) throw new Error(`test setup: ${id} does not load`);
  return result.scenario;
}

const marcus = builtIn('light-stack-leader');
const classifier = defaultClassifier();

function start(seed = 1, difficulty: Difficulty = 'normal'): Meeting {
  return Meeting.start({ scenario: marcus, classifier, seed, difficulty });
}

function play(replies: readonly string[], seed = 1, difficulty: Difficulty = 'normal'): Meeting {
  const meeting = start(seed, difficulty);
  for (const reply of replies) {
    if (meeting.ended) break;
    meeting.reply(reply);
  }
  return meeting;
}

/** Everything a rep can see of a meeting, as plain data. */
function conversation(meeting: Meeting) {
  return {
    opening: meeting.opening,
    turns: JSON.parse(JSON.stringify(meeting.turns)) as unknown,
    outcome: meeting.outcome,
    ended: meeting.ended,
    meters: meeting.meters,
    revealed: meeting.revealed,
    state: meeting.stateName(),
  };
}

const VALUE_SCRIPT = LIGHT_STACK_VALUE_SCRIPT;

const PITCH_SCRIPT = [
  'Our platform is the only one that combines coaching and forecasting in one place.',
  'Customers who switched to us grew pipeline 40% in one quarter.',
  'We help sales teams like yours double their pipeline with our AI platform.',
  'Our dashboard gives every manager a live view of every deal.',
  'Our customers see a 3x ROI in the first year.',
  'We are the leading coaching platform for freight sales teams.',
];

const GOAL_QUESTION = VALUE_SCRIPT[0] as string;

describe('replaying a meeting', () => {
  it('the same scenario, difficulty, seed and replies give the identical conversation', () => {
    for (const difficulty of ['easy', 'normal', 'hard'] as const) {
      expect(conversation(play(VALUE_SCRIPT, 42, difficulty))).toEqual(
        conversation(play(VALUE_SCRIPT, 42, difficulty)),
      );
    }
    expect(conversation(play(PITCH_SCRIPT, 5))).toEqual(conversation(play(PITCH_SCRIPT, 5)));
  });

  it('a different seed changes some of the wording but not how the buyer reacts', () => {
    const one = play(VALUE_SCRIPT, 1);
    const two = play(VALUE_SCRIPT, 2);
    const words = (m: Meeting) => [m.opening, ...m.turns.map((t) => t.buyer)];
    expect(words(one)).not.toEqual(words(two));
    expect(one.turns.map((t) => t.state)).toEqual(two.turns.map((t) => t.state));
    expect(one.outcome).toBe(two.outcome);
  });

  it('never uses the same wording of a line twice in a row', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const meeting = start(seed);
      const answers = [
        'How many reps do you have on the team today?',
        'What tools does the team use for forecasting?',
        'Who else is involved when you pick a new vendor?',
      ].map((reply) => meeting.reply(reply));
      expect(answers.map((a) => a.facts.behavior)).toEqual(Array(3).fill('situation_question'));
      expect(answers[1]?.buyer, `seed ${seed}`).not.toBe(answers[0]?.buyer);
      expect(answers[2]?.buyer, `seed ${seed}`).not.toBe(answers[1]?.buyer);
    }
  });
});

describe('saving and resuming', () => {
  it('resumes after any turn, through JSON, exactly as if never interrupted', () => {
    const uninterrupted = play(VALUE_SCRIPT, 9);
    for (let k = 0; k <= VALUE_SCRIPT.length; k++) {
      const first = play(VALUE_SCRIPT.slice(0, k), 9);
      const saved = JSON.parse(JSON.stringify(first.save())) as SavedMeeting;
      const resumed = Meeting.resume(saved, marcus, classifier);
      expect(resumed.turns).toHaveLength(k);
      for (const reply of VALUE_SCRIPT.slice(k)) {
        if (resumed.ended) break;
        resumed.reply(reply);
      }
      expect(conversation(resumed), `saved after turn ${k}`).toEqual(conversation(uninterrupted));
      expect(resumed.report()).toEqual(uninterrupted.report());
    }
  });

  it('resumes a meeting the buyer walked out of as ended', () => {
    const walked = play(PITCH_SCRIPT);
    expect(walked.outcome).toBe('ended_by_buyer');
    const resumed = Meeting.resume(
      JSON.parse(JSON.stringify(walked.save())) as SavedMeeting,
      marcus,
      classifier,
    );
    expect(resumed.ended).toBe(true);
    expect(resumed.outcome).toBe('ended_by_buyer');
    expect(() => resumed.reply(GOAL_QUESTION)).toThrow(ReplyError);
  });

  it('refuses to resume a saved meeting with a different scenario', () => {
    const saved = start().save();
    expect(() =>
      Meeting.resume({ ...saved, scenario: 'someone-else' }, marcus, classifier),
    ).toThrow(/someone-else/);
  });
});

describe('replies the meeting cannot use', () => {
  it('a reply after the meeting ended is refused with a ReplyError', () => {
    const meeting = play(PITCH_SCRIPT);
    expect(meeting.ended).toBe(true);
    const turns = meeting.turns.length;
    expect(() => meeting.reply(GOAL_QUESTION)).toThrow(ReplyError);
    expect(() => meeting.reply(GOAL_QUESTION)).toThrow(/ended/);
    expect(meeting.turns).toHaveLength(turns);
  });

  it.each([
    ['an empty reply', '', /at least one word/],
    ['a blank reply', '   \n\t ', /at least one word/],
    ['an emoji-only reply', '🎯🔥👍', /at least one word/],
    ['a control-character-only reply', '\u0000\u0007\u001b', /at least one word/],
    ['a 50,000-character reply', 'word '.repeat(10_000), /at most \d+ characters.*50000/],
  ])('%s is refused with a clear ReplyError and changes nothing', (_name, reply, message) => {
    const meeting = start();
    const before = conversation(meeting);
    let error: unknown;
    try {
      meeting.reply(reply);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ReplyError);
    expect((error as Error).message).toMatch(message);
    expect(conversation(meeting)).toEqual(before);
  });

  it('emoji and control characters inside a real reply are tolerated', () => {
    const meeting = start();
    const turn = meeting.reply(
      'What has to be true 🎯 by the end of next year\u0007 for a great year?',
    );
    expect(turn.facts.behavior).toBe('goal_question');
    expect(turn.rep).not.toMatch(/\p{Cc}/u);
  });
});

describe('how the buyer reacts to the way a turn is made', () => {
  it('a repeated question costs patience and earns no trust, unlike a fresh question', () => {
    const repeated = start();
    repeated.reply(GOAL_QUESTION);
    const before = repeated.meters;
    const again = repeated.reply(GOAL_QUESTION);
    expect(again.facts.repeated).toBe(true);

    const fresh = start();
    fresh.reply(GOAL_QUESTION);
    const other = fresh.reply('What is the hardest part of your job right now?');
    expect(other.facts.repeated).toBe(false);

    expect(again.meters.trust).toBeLessThanOrEqual(before.trust as number);
    expect(again.meters.trust).toBeLessThan(other.meters.trust as number);
    expect(again.meters.patience).toBeLessThan(other.meters.patience as number);
  });

  it('a question that ignores what the buyer just revealed earns less trust than one that builds on it', () => {
    const ignoring = start();
    ignoring.reply(GOAL_QUESTION);
    expect(ignoring.turns[0]?.substantive).toBe(true); // the buyer revealed something
    const before = ignoring.meters.trust as number;
    const ignores = ignoring.reply('What is the hardest part of your job right now?');
    expect(ignores.facts).toMatchObject({ behavior: 'problem_question', buildsOnBuyer: false });

    const building = start();
    building.reply(GOAL_QUESTION);
    const builds = building.reply(
      'You mentioned the win rate. What gets in the way of keeping it as you grow?',
    );
    expect(builds.facts).toMatchObject({ behavior: 'problem_question', buildsOnBuyer: true });

    const ignoredGain = (ignores.meters.trust as number) - before;
    const builtGain = (builds.meters.trust as number) - before;
    expect(builtGain).toBeGreaterThan(0);
    expect(ignoredGain).toBeLessThan(builtGain);
  });

  it('value words wrapped around a pitch move the buyer exactly like the pitch', () => {
    const wrapped = start();
    const magic = wrapped.reply(
      'Great question about your goals! Our platform is the only one that combines coaching and forecasting.',
    );
    const plain = start();
    const pitch = plain.reply(
      'Our platform is the only one that combines coaching and forecasting.',
    );
    expect(magic.facts.group).toBe('pitch');
    expect(magic.meters).toEqual(pitch.meters);
    expect(magic.state).toBe(pitch.state);
    expect(magic.meters.trust).toBeLessThan(35);
  });

  it('a pitch dressed in honesty words costs more trust than the plain pitch, and the buyer says so', () => {
    const pitch = 'our platform is the only one that combines coaching and forecasting.';
    const plain = start().reply(`O${pitch.slice(1)}`);
    const dressed = start().reply(`To be honest, and no pressure at all, ${pitch}`);
    expect(plain.facts.dressed).toBeUndefined();
    expect(dressed.facts).toMatchObject({ group: 'pitch', dressed: true });
    expect(dressed.meters.trust).toBeLessThan(plain.meters.trust as number);
    const bow = marcus.file.lines.dressed_pitch ?? [];
    expect(bow.some((line) => dressed.buyer.includes(line))).toBe(true);
    expect(bow.some((line) => plain.buyer.includes(line))).toBe(false);
  });

  it('difficulty changes the buyer: the same pitching script ends sooner on hard than on easy', () => {
    const hard = play(PITCH_SCRIPT, 1, 'hard');
    const normal = play(PITCH_SCRIPT, 1, 'normal');
    const easy = play(PITCH_SCRIPT, 1, 'easy');
    for (const m of [hard, normal, easy]) expect(m.outcome).toBe('ended_by_buyer');
    expect(hard.turns.length).toBeLessThan(normal.turns.length);
    expect(normal.turns.length).toBeLessThan(easy.turns.length);
  });

  it('creating value and then asking for a modest next step advances the meeting', () => {
    const meeting = play(VALUE_SCRIPT);
    expect(meeting.outcome).toBe('advanced');
    expect(meeting.ended).toBe(true);
    expect(meeting.revealed).toEqual(expect.arrayContaining(['win_rate', 'hiring']));
  });

  it('an open meeting reports outcome "open" while replies remain', () => {
    const meeting = play([GOAL_QUESTION]);
    expect(meeting.ended).toBe(false);
    expect(meeting.outcome).toBe('open');
  });
});
