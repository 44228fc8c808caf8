// The conversation reader as a coach would read a meeting: a question asked
// again in other words is a repeat (worse once the buyer has answered it), a
// new angle on the same topic is not; a turn builds on the buyer only when it
// takes up something specific they said; a product turn answers a need only
// when it speaks to what the need is about.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Behavior } from '../../../../src-main/core/behaviors/taxonomy';
import { GROUP_OF } from '../../../../src-main/core/behaviors/taxonomy';
import type { BehaviorClassifier } from '../../../../src-main/core/understanding/classifier';
import {
  ConversationReader,
  answersOf,
  repeatsAnswered,
} from '../../../../src-main/core/understanding/turn';

/**
 * A classifier that calls a turn what the test says it is, so these tests pin
 * the conversation reader and not the behaviour model (tested elsewhere).
 */
function labelled(labels: Readonly<Record<string, Behavior>> = {}): BehaviorClassifier {
  const classifier: BehaviorClassifier = {
    classify(text) {
      const behavior: Behavior =
        labels[text] ?? (/\?\s*$/.test(text) ? 'problem_question' : 'insight');
      return {
        text,
        behavior,
        group: GROUP_OF[behavior],
        confidence: 1,
        cues: [],
        alternative: 'goal_question',
      };
    },
    withOffer: () => classifier,
  };
  return classifier;
}

function reader(labels?: Readonly<Record<string, Behavior>>): ConversationReader {
  const r = new ConversationReader(labelled(labels));
  r.buyer('Hi. You have twenty minutes, go ahead.');
  return r;
}

describe('repeats are recognised by meaning', () => {
  it.each([
    ['Where do deals get stuck?', 'At what point do your opportunities tend to stall?'],
    [
      'What are your main priorities for the team this year?',
      "What's the team focused on most this year?",
    ],
    ['How do you forecast the quarter today?', 'How are you forecasting the quarter right now?'],
    ['Which deals slip the most?', 'What kind of opportunities tend to slip most?'],
    ['How long does it take a new rep to ramp?', 'How long before a new rep is fully ramped?'],
    [
      "What's your biggest challenge right now?",
      'What is the main problem you are facing at the moment?',
    ],
    ['How do you currently forecast?', 'Walk me through how you forecast today.'],
    ['What does churn cost you each year?', 'How much does customer churn cost you a year?'],
    ['Why do customers cancel?', 'What makes clients cancel?'],
    ['Who signs off on a purchase like this?', 'Who has to approve a purchase like this?'],
    [
      'Our platform doubles your pipeline in a quarter.',
      'With our tool you can double your pipeline in one quarter.',
    ],
  ])('"%s" then "%s" is a repeat', (first, second) => {
    const r = reader();
    expect(r.rep(first).facts.repeated).toBe(false);
    r.buyer('Mm.');
    expect(r.rep(second).facts.repeated).toBe(true);
  });

  it('the very same words are a repeat too', () => {
    const r = reader();
    r.rep('What are your main priorities for the team this year?');
    r.buyer('Pipeline.');
    expect(r.rep('What are your main priorities for the team this year?').facts.repeated).toBe(
      true,
    );
  });

  it.each([
    ['Where do deals get stuck?', 'What does it cost you when deals get stuck?'],
    ['Where do deals get stuck?', 'Why do deals get stuck?'],
    ['How many reps hit quota last year?', 'What happens to the reps who miss quota?'],
    ['How do you forecast today?', 'How accurate has the forecast been this year?'],
    ['Where do deals get stuck?', 'Deals get stuck in legal, then.'],
    ['What does your team look like today?', 'Who on the team owns the renewal?'],
    [
      'How long does it take a new rep to ramp?',
      'What does a slow ramp cost you in lost bookings?',
    ],
    ['How do you currently forecast?', 'Who owns the forecast?'],
    ['How many reps do you have?', 'How many reps hit quota?'],
    ['What does churn cost you each year?', 'Why do customers churn?'],
    ["What's your biggest challenge right now?", "What's your biggest challenge in hiring?"],
  ])('a new angle on the same topic is not a repeat: "%s" then "%s"', (first, second) => {
    const r = reader();
    r.rep(first);
    r.buyer('Mm.');
    expect(r.rep(second).facts.repeated).toBe(false);
  });

  it('short turns (a thank-you, a "why?") never count as repeats', () => {
    const r = reader();
    r.rep('Why?');
    r.buyer('Because the board asked.');
    expect(r.rep('Why?').facts.repeated).toBe(false);
    r.rep('Thanks.');
    expect(r.rep('Thanks.').facts.repeated).toBe(false);
  });

  it('marks a repeat of a question the buyer already answered', () => {
    const r = reader();
    r.rep('Where do deals get stuck?');
    r.buyer('Mostly in legal review. About six weeks on average, sometimes two months.');
    const again = r.rep('At what point do your opportunities tend to stall?').facts;
    expect(again.repeated).toBe(true);
    expect(again.alreadyAnswered).toBe(true);
    expect(repeatsAnswered(again)).toBe(true);
  });

  it('a repeat of a question the buyer brushed off is a repeat, but not of an answered one', () => {
    const r = reader();
    r.rep('Where do deals get stuck?');
    r.buyer('Mm. And?');
    const again = r.rep('At what point do your opportunities tend to stall?').facts;
    expect(again.repeated).toBe(true);
    expect(again.alreadyAnswered).toBe(false);
    expect(repeatsAnswered(again)).toBe(false);
  });

  it('once the buyer says "you asked me that already", asking a third time repeats an answered question', () => {
    const r = reader();
    r.rep('Where do deals get stuck?');
    r.buyer('Okay.');
    r.rep('Where do your deals get stuck?');
    r.buyer('You asked me that already.');
    expect(r.rep('At what point do deals tend to stall?').facts.alreadyAnswered).toBe(true);
  });

  it('remembers turns read before a resume', () => {
    const r = reader();
    r.remember('Where do deals get stuck?');
    r.buyer('In procurement, mostly, for four to six weeks.');
    const facts = r.rep('At what point do your opportunities tend to stall?').facts;
    expect(facts.repeated).toBe(true);
    expect(facts.alreadyAnswered).toBe(true);
  });
});

describe('builds on the buyer only with something specific of theirs', () => {
  const builds = (buyer: string, rep: string): boolean => {
    const r = new ConversationReader(labelled());
    r.buyer(buyer);
    return r.rep(rep).facts.buildsOnBuyer;
  };

  it.each([
    [
      'a figure of theirs',
      'We win about one in six. Seventeen percent.',
      'What would moving that 17% to 25% mean for the board?',
    ],
    [
      'a name they used',
      'We just signed with Pulsegrid. Three years.',
      'What made Pulsegrid the right call for you?',
    ],
    [
      'their acronym',
      'Our SEs spend half their week on deals we lose.',
      'How much of that SE time goes to deals that were never winnable?',
    ],
    [
      'a rare word of theirs',
      'The real headache is late-stage slippage in enterprise.',
      'When enterprise deals slip late, who feels it first?',
    ],
    [
      '"you mentioned" with what they mentioned',
      'Managers still forecast in their own spreadsheets.',
      'You mentioned the spreadsheets. What does that do to the forecast call?',
    ],
    [
      'a distinctive phrase',
      'Our win rate has been flat for two years.',
      'What has the flat win rate done to hiring plans?',
    ],
  ])('%s', (_why, buyer, rep) => {
    expect(builds(buyer, rep)).toBe(true);
  });

  it.each([
    [
      'a common word',
      "We're in the middle of planning for next year, so I'm short on time.",
      'What are your priorities for next year?',
    ],
    ['"team" alone', 'The team is fine, thanks.', 'How big is the team?'],
    [
      'their name as a greeting',
      "Dana Kessler. Let's keep this tight.",
      "Thanks, Dana. What's on your plate this quarter?",
    ],
    [
      'a number that is only a span of time',
      'Sixty reps and twelve SDRs.',
      'What does success look like over the next twelve months?',
    ],
    [
      '"you mentioned" with nothing they said',
      "We're hiring more people this year.",
      'You mentioned priorities. What are they?',
    ],
    [
      'a generic word',
      'Honestly the work is the work.',
      'What would make the work easier for the team?',
    ],
  ])('not %s', (_why, buyer, rep) => {
    expect(builds(buyer, rep)).toBe(false);
  });

  it('looks back two buyer lines, not further', () => {
    const r = new ConversationReader(labelled());
    r.buyer('We just signed with Pulsegrid.');
    r.rep('How is it going so far?');
    r.buyer('Fine.');
    expect(r.rep('What made Pulsegrid the right call?').facts.buildsOnBuyer).toBe(true);
    r.buyer('Price.');
    r.rep('Got it.');
    r.buyer('Okay.');
    expect(r.rep('What else did you like about Pulsegrid?').facts.buildsOnBuyer).toBe(false);
  });

  it('a canned script that ignores the buyer builds on almost none of the built-in buyers’ lines', () => {
    const lines: string[] = [];
    for (const id of ['average-cro', 'light-stack-leader', 'locked-in-buyer']) {
      const file = parse(
        readFileSync(resolve(import.meta.dirname, `../../../../scenarios/${id}.yaml`), 'utf8'),
      ) as { lines: Record<string, string[]> };
      for (const wordings of Object.values(file.lines)) lines.push(...wordings);
    }
    const script = [
      'What are your main priorities for the team this year?',
      'How do you handle that today?',
      'What would it mean for the business if that kept happening?',
      'If you could fix that, what would it be worth to you?',
      'That makes sense. So the team is doing well overall.',
      'What does success look like for you over the next twelve months?',
      'Who else is involved in decisions like this?',
      'How are things going with your reps at the moment?',
    ];
    let pairs = 0;
    let built = 0;
    for (const turn of script) {
      for (const line of lines) {
        const r = new ConversationReader(labelled());
        r.buyer(line);
        pairs++;
        if (r.rep(turn).facts.buildsOnBuyer) built++;
      }
    }
    expect(lines.length).toBeGreaterThan(100);
    expect(built / pairs).toBeLessThan(0.02);
  });
});

describe('a product turn answers a need only in substance', () => {
  const WIN_NEED =
    'Okay. We lost four strategic accounts to the same competitor last year, all on three-year contracts. Tripling pipeline just triples that. We need to fix our win rate.';
  const RENEWAL_NEED =
    "If adoption's still at forty percent at renewal, I'm the one explaining it. I need to get ahead of that renewal, not wake up ninety days before it.";
  const TARGETS_NEED =
    'If new hires start pursuing anything that moves, our win rate drops. I need to fix how we pick targets before they start.';

  function afterNeed(need: string, pitch: string) {
    const r = reader({ [pitch]: 'pitch' });
    r.rep('What happens if that continues?');
    r.buyer(need);
    return r.rep(pitch).facts;
  }

  it.each([
    [
      WIN_NEED,
      'Our deal scoring shows your reps which opportunities they can actually win, so they convert more of what they already work.',
    ],
    [
      WIN_NEED,
      'That is exactly what our platform does: it helps teams win more of the deals they already have.',
    ],
    [
      RENEWAL_NEED,
      'Our adoption tracking flags which managers are still in spreadsheets months before your renewal, so you walk in with real usage numbers.',
    ],
    [
      TARGETS_NEED,
      'Our targeting module helps new hires pick the right accounts before they start chasing anything.',
    ],
  ])('answers the need it speaks to: "%s" / "%s"', (need, pitch) => {
    const facts = afterNeed(need, pitch);
    expect(answersOf(facts)).toEqual([1]);
    expect(facts.buildsOnBuyer).toBe(true);
  });

  it.each([
    [
      WIN_NEED,
      'Our platform is the leading AI revenue suite: forecasting, coaching, conversation intelligence, win-loss dashboards, pipeline analytics, territory planning and more, trusted by four hundred companies.',
    ],
    [
      WIN_NEED,
      'We are the market leader in revenue intelligence, with the best AI on the market and a team of engineers that ships every week.',
    ],
    [
      RENEWAL_NEED,
      'Our deal scoring shows your reps which opportunities they can actually win, so they convert more of what they already work.',
    ],
    [
      TARGETS_NEED,
      'Our adoption tracking flags which managers are still in spreadsheets months before your renewal.',
    ],
    [
      WIN_NEED,
      'Our platform has great dashboards and a beautiful interface your team will love, and our win rate reports are the best in the market, plus forecasting, territory design, commission tracking, coaching libraries, call recording and a mobile app with offline mode.',
    ],
  ])('does not answer a need it does not speak to: "%s" / "%s"', (need, pitch) => {
    const facts = afterNeed(need, pitch);
    expect(answersOf(facts)).toEqual([]);
    expect(facts.buildsOnBuyer).toBe(false);
  });

  it('answering a problem the buyer only implied is noted, but is not building on their need', () => {
    const pitch = 'Our deal desk flags stalled legal reviews so your deals stop slipping.';
    const r = reader({ [pitch]: 'pitch' });
    r.rep('Where do deals get stuck?');
    r.buyer('Our biggest problem is that deals slip in legal review.');
    const facts = r.rep(pitch).facts;
    expect(answersOf(facts)).toEqual([1]);
    expect(facts.buildsOnBuyer).toBe(false);
  });

  it('answers nothing before the buyer has stated a need', () => {
    const pitch = 'Our platform helps teams win more of the deals they already have.';
    const r = reader({ [pitch]: 'pitch' });
    r.rep('How is the quarter going?');
    r.buyer('Fine. Our win rate is about average.');
    expect(answersOf(r.rep(pitch).facts)).toEqual([]);
  });

  it('only product turns carry the needs they answer', () => {
    const r = reader();
    r.rep('What happens if that continues?');
    r.buyer(WIN_NEED);
    expect(answersOf(r.rep('What would a better win rate change for you?').facts)).toBeUndefined();
  });
});
