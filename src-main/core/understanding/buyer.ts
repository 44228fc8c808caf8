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
    /\b(too expensive|no budget|not in (the|our) budget|not interested|we('re| are) (fine|good|all set|happy with)|we already (have|use)|we just signed|not a priority|not right now|bad timing|sounds like a pitch|i don't see (why|the need|how)|why would (we|i)|we tried (that|this|something)|doesn't fit|does not fit|send me an email|we don't need|we do not need|not for us|locked in|under contract)\b/i,
  disengagement:
    /\b(i (have|need|'ve got|got) to (go|run|jump|drop)|let's wrap|we('re| are) done( here)?|i('m| am) going to (stop|end|cut) (this|it|here)|i('ll| will) let you go|out of time|not a good use of (my|our) time|another meeting|gotta run|this isn't going anywhere|we('ll| will) leave it there|thanks for your time, but)\b/i,
};

export function readBuyerLine(text: string): BuyerSignal[] {
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
