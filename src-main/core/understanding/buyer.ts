// Reading the buyer's side of a transcript that did not come from a persona:
// explicit needs ("we want to fix this"), implied needs ("we have this
// problem"), objections and disengagement. Rule-based and explainable; each
// signal keeps the words that raised it.

export const BUYER_SIGNALS = [
  'explicit_need',
  'implied_need',
  'objection',
  'disengagement',
] as const;
export type BuyerSignalKind = (typeof BUYER_SIGNALS)[number];

export interface BuyerSignal {
  readonly kind: BuyerSignalKind;
  readonly cue: string;
}

const PATTERNS: Readonly<Record<BuyerSignalKind, RegExp>> = {
  explicit_need:
    /\b(we need to (fix|solve|get|find|improve|change|sort)|we (really )?(want|have|need|would like|'d like) to (fix|solve|improve|change|get better|sort|stop|reduce|cut)|i (want|need|would like|'d like) to (fix|solve|get|improve|find a way)|we('re| are) looking for (a way|something|help)|that('s| is) (something|exactly what) (we|i) (need|want)|if (someone|you) could (fix|solve|help with) that|(fixing|solving) (that|this) is (a|our|my) (priority|goal)|we('ve| have) got to (fix|solve|change)|i('d| would) (pay|love) (for|to (fix|have|see))|we must (fix|solve|change))\b/i,
  implied_need:
    /\b(we (struggle|lose|miss|waste|keep losing|can't|cannot|don't manage)|(it's|it is|that's|that is) (hard|a pain|painful|frustrating|slow|a mess|a problem|an issue)|our (biggest )?(problem|challenge|issue|headache|bottleneck) is|we have (a|some) (problem|challenge|issue|gap)s?|not working|too slow|falls? through the cracks|we('re| are) stuck|keeps? me up|drives me (mad|crazy)|we('re| are) behind|slipp(ing|ed)|churn)\b/i,
  objection:
    /\b(too expensive|(too|very) pricey|no budget|not in (the|our) budget|can('t| ?not) afford|can('t| ?not) justify|not interested|we('re| are) (fine|good|all set|happy|ok|okay|doing fine|doing ok)(?! (to|with (that|this|it|you)|about|for (tuesday|next|a)))( (as we are|as is|the way we are|with what we have|for now|thanks|on that|there))?\b|we already (have|use|do)|we('ve| have) (already )?got (that|this|it) (covered|handled)|we have (that|this|it) (covered|handled)|we just signed|not (really |exactly |much of |such )?a (priority|focus|concern)( for (us|me))?|not (really )?(our|my) (priority|focus|problem|concern)|not right now|bad timing|sounds like a pitch|pitch with a bow|i don('t| not) see (why|the need|how|the point|what)(?! not\b)|i do not see (why|the need|how|the point)(?! not\b)|why would (we|i)|we tried (that|this|something)|(doesn't|does not|don't|do not|wouldn't|would not|won't|will not) (fit|apply|work) (for|to|here|with)|(doesn't|does not) fit|(doesn't|does not|don't|do not) (really )?mean (much|anything|a lot|a great deal) to (me|us)|(doesn't|does not) (really )?(apply|relate) to us|not (really )?relevant (to|for) (us|me|what)|(that|this|it)('s| is) not relevant|i('m| am) not (convinced|sold|sure (that|this|it|how|why|we))|i('m| am) (sceptical|skeptical)|i doubt (it|that|this)|send me an email|we don't need|we do not need|not for us|locked in|under contract|not (looking|shopping|in the market)( for| right now|\b)|(no|don't have the) (appetite|bandwidth|capacity) for|we('re| are) not (looking|shopping)|(we|i) don('t| not) have (that|this) problem)\b/i,
  disengagement:
    /\b(i (have|need|'ve got|got) to (go|run|jump|drop)|let's wrap|we('re| are) done( here)?|i('m| am) going to (stop|end|cut) (this|it|here)|i('ll| will) let you go|out of time|not a good use of (my|our) time|another meeting|gotta run|this isn't going anywhere|we('ll| will) leave it there|thanks for your time, but)\b/i,
};

export function readBuyerLine(raw: string): BuyerSignal[] {
  // Typed and pasted text uses curly apostrophes ("don’t"); one character for one, so cues stay verbatim.
  const text = raw.replace(/[\u2018\u2019\u02bc]/g, "'");
  const signals: BuyerSignal[] = [];
  for (const kind of BUYER_SIGNALS) {
    const match = PATTERNS[kind].exec(text);
    if (match) signals.push({ kind, cue: match[0] });
  }
  // A curt answer ("Fine.", "OK.") is a buyer checking out.
  if (
    !signals.some((s) => s.kind === 'disengagement') &&
    /^\s*(ok(ay)?|fine|sure|mm+|right|uh-huh|if you say so)[.!]?\s*$/i.test(text)
  ) {
    signals.push({ kind: 'disengagement', cue: text.trim() });
  }
  return signals;
}
