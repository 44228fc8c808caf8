// How big a commitment ask is. A modest ask (a check-in, an introduction, a
// next conversation) is one a buyer with no need can still say yes to; a big
// one asks them to start buying. The size is read from what is asked for, not
// from a word list: how much of the buyer's time, whether their team or other
// people are pulled in, and whether it asks for money, trial seats or a pilot,
// a demo, a proposal or a contract. Personas react to the difference; the
// report advises on it.

export type AskSize = 'modest' | 'big';

/** One thing an ask asks for, and how much it weighs. */
export interface AskPart {
  readonly kind: 'time' | 'people' | 'money' | 'trial' | 'demo' | 'proposal' | 'contract';
  readonly words: string;
  readonly weight: number;
}

/** A total this heavy asks the buyer to start buying (or to spend their team on it). */
const BIG_AT = 1;

const PARTS: readonly [AskPart['kind'], RegExp, number][] = [
  // Money: a price, a budget, a purchase.
  [
    'money',
    /\b(pric(e|es|ing)|quote|budget(?! (cycle|season|planning|review|round))|purchase|buy(ing)?(?! you)|invoice|po|purchase order|payment|pay for|spend (money|budget|on)|investment|discount)\b/,
    1,
  ],
  // Trying it: seats, a pilot, a sandbox, accounts set up for them.
  [
    'trial',
    /\b(trial|pilot|proof of concept|poc|sandbox|seats?|licen[cs]es?|logins?|test drive|try (it|us|out|the)|give it a (spin|go|try)|set (you|your team|them) up|spin up|(free|test) accounts?)\b/,
    1,
  ],
  // Seeing the product.
  [
    'demo',
    /\b(demo(s|nstration)?|walk ?through of (our|the|my)|(show|showing) (you|your team|them|everyone) (how )?(our|the|my) (platform|product|tool|software|system|solution|app)|see (it|our \w+|the (platform|product|tool)) in action|product tour|tour of (our|the)|screen ?share)\b/,
    1,
  ],
  // A written offer.
  [
    'proposal',
    /\b(proposal|sow|statement of work|business case|terms (sheet|and conditions)|rfp|order form)\b/,
    1,
  ],
  // Signing and starting.
  [
    'contract',
    /\b(contract|sign(ed|ing|ature)?|paperwork|procurement|legal review|security review|an agreement|onboard (you|your|them)|(start|begin|plan|scope|kick off) (the |an? |your )?(onboarding|implementation|roll ?out)|roll (it|this|us) out|kick ?off|get (you )?started|move forward|go live|commit to)\b/,
    1,
  ],
  // Other people: the whole team, several leaders, everyone.
  [
    'people',
    /\b((your|the) (whole|entire|full) (team|org|organisation|organization|department|staff)|everyone|all (of )?(your|the) (reps|team|managers|leaders|staff)|your (reps|managers|leaders|team leads|sales leaders|stakeholders|leadership team|exec team)|(bring|pull|loop|get) in (your|the) (team|cfo|ceo|vp|it|finance|procurement|boss)|(your|the) team on)\b/,
    0.6,
  ],
  // Time: a long block, or a session or workshop (on its own, modest).
  [
    'time',
    /\b(half a day|half-day|(a |the )?(full|whole) day|two days|(two|three|four|2|3|4) hours|an afternoon|a morning|workshop|offsite|onsite|on-site|deep ?dive|working session|discovery session|training session|sessions?|a week of)\b/,
    0.5,
  ],
];

const GLOBAL_PARTS = PARTS.map(
  ([kind, pattern, weight]) => [kind, new RegExp(pattern.source, 'g'), weight] as const,
);

/** Words that take an ask back ("no demo, just a call"): a part they govern does not count. */
const TAKEN_BACK =
  /\b(no|not|without|rather than|instead of|never|nothing like|won'?t|don'?t|do not|will not|isn'?t|no need for|skip)\b[^.?!,;]{0,24}$/;

/** What an ask asks for, each part with the words that show it. */
export function askParts(text: string): AskPart[] {
  const lower = text.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  const parts: AskPart[] = [];
  for (const [kind, pattern, weight] of GLOBAL_PARTS) {
    pattern.lastIndex = 0;
    for (const m of lower.matchAll(pattern)) {
      if (TAKEN_BACK.test(lower.slice(0, m.index))) continue;
      parts.push({ kind, words: m[0], weight });
      break;
    }
  }
  return parts;
}

/** Big when it asks the buyer to start buying or to spend their team on it; modest otherwise. */
export function askSizeOf(text: string): AskSize {
  const total = askParts(text).reduce((sum, part) => sum + part.weight, 0);
  return total >= BIG_AT ? 'big' : 'modest';
}
