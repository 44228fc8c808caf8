// Every threshold and weight the report uses, in one place a manager can read
// and change, each with the research it comes from (see docs/scoring.md). The
// report quotes `source` in its explanations.

export interface Threshold {
  readonly value: number;
  readonly source: string;
}

export const THRESHOLDS = {
  /** Rep share of talk: top performers about 43%. */
  talkShareTarget: {
    value: 0.43,
    source:
      'Gong Labs, 25,537 calls: top performers talk about 43% of the time (average reps 65-75%)',
  },
  /** Above this share of talk, conversion falls. */
  talkShareCeiling: {
    value: 0.65,
    source: "Gong Labs' 2025 update: a rep talk share above about 65% goes with lower conversion",
  },
  /** Share of rep turns that ask a discovery question. */
  questionShareTarget: {
    value: 0.213,
    source:
      "Rackham/Huthwaite: questions were 21.3% of skilled negotiators' behaviour, 9.6% of average ones'",
  },
  /** Questions in a full discovery call, quoted for reference; a practice meeting is shorter. */
  questionsPerDiscoveryCall: {
    value: 11,
    source: 'Gong: 11-14 questions is the best band for a full discovery call',
  },
  /** Share of all questions asked in the first third of the meeting above which they are front-loaded. */
  frontLoadedShare: {
    value: 0.6,
    source:
      'Gong via OpenView (1 million calls): top reps spread questions through the call instead of front-loading an interrogation',
  },
  /** Longest rep monologue, in seconds. Weak evidence, and said so. */
  monologueSeconds: {
    value: 76,
    source: 'Demodesk: about 76 s as the longest rep monologue (weak evidence: 328 meetings)',
  },
  /** Speaking pace used to turn typed words into seconds. */
  wordsPerMinute: {
    value: 173,
    source: 'about 173 words a minute is a normal speaking pace (secondary source citing Gong)',
  },
  /** A company overview longer than this, in seconds, goes with falling win rates. */
  pitchSeconds: {
    value: 120,
    source:
      'Gong, 257,967 calls: a company overview longer than about 2 minutes goes with falling win rates',
  },
  // Delivery of spoken replies (scoring/delivery.ts). The longest spoken turn is
  // judged against `monologueSeconds` above, measured instead of estimated.
  /** Speaking pace above this, in words a minute over the rep's speaking time, reads as rushed. */
  speakingPaceCeiling: {
    value: 200,
    source:
      'about 173 words a minute is a normal speaking pace, and reps speed up when rattled (secondary source citing Gong); the line of 200, about 15% above normal, is a house line: the research gives no ceiling',
  },
  /** The pause before answering an objection, in seconds: top reps about 1.5 s. */
  objectionPauseSeconds: {
    value: 1.5,
    source:
      "Gong's 67,149-call study (via a secondary source): after an objection top reps pause about 1.5 s before answering, average reps about 0.3 s",
  },
  /** Less speech than this, in seconds, and the pace is not judged: too little to measure. */
  minSpeechSecondsForPace: {
    value: 1,
    source: 'house guard: under a second of speech gives no meaningful pace',
  },
  /** A turn shorter than this, in seconds, is not named as the fastest: a quick "Yes, sure" is no evidence of rushing. */
  minTurnSecondsForPace: {
    value: 3,
    source: 'house guard: very short turns give noisy per-turn paces',
  },
} as const satisfies Record<string, Threshold>;

/**
 * Figures the report shows without a pass or fail, and why: the research gives
 * no line, and inventing one would dress a guess up as evidence.
 */
export const UNJUDGED = {
  fillersPerMinute: {
    source:
      'no research figure: the research notes give none for filler words, so the rate is shown, not judged; fewer is clearer. Speech engines differ in how many fillers they write down (some leave out most "um"s), so the count also depends on the engine',
  },
} as const satisfies Record<string, { readonly source: string }>;

/** Points a turn earns; see docs/scoring.md for the reasoning. */
export const WEIGHTS = {
  /** A value behaviour made well. */
  value: 1,
  /** A situation question: necessary, but buyers find them boring (Rackham). */
  situationQuestion: 0.25,
  /** Situation questions beyond this many earn nothing. */
  situationQuestionsUseful: 3,
  /** A commitment ask after the buyer stated an explicit need: an earned advance. */
  earnedAsk: 0.5,
  /** A commitment ask before any explicit need: premature, a mild pitch. */
  prematureAsk: 0.5,
  /** Product talk that answers a need the buyer stated in their own words (a Benefit). */
  benefit: 0.3,
  /** Proof offered after an explicit need. */
  proofAfterNeed: 0.5,
  /** Neutral turns (rapport, the closing ask) that do not count against value creation. */
  neutralAllowance: 2,
  /** Relevance factors, shared with the persona's meters (scenarios/registry.ts). */
  ignoresBuyer: 0.5,
  repeated: 0,
  /**
   * A repeat of something the buyer already answered: not listening. It costs
   * pitch points in the report, and the persona turns what the turn would have
   * earned into a loss of this share (a negative relevance).
   */
  repeatedAfterAnswer: -0.5,
  /**
   * Below this confidence, with the runner-up in another group, the coach is
   * unsure between two behaviours: the report names both and the turn counts
   * for `unsure` of its points. On the held-out sets, readings this unsure are
   * right about half the time (see the reliability table `npm run eval` prints).
   */
  unsureBelow: 0.6,
  unsure: 0.5,
  /** Overall = valueShare x value + (1 - valueShare) x (100 - pitching), then adjustments. */
  valueShare: 0.6,
  /**
   * Substantive turns (not filler, gibberish, one word repeated, under three
   * words or a repeat) a score needs to be trusted in full; with fewer, overall
   * and value creation are capped at 100 x turns / this. A house rule: one good
   * question is not a good meeting.
   */
  fullEvidenceTurns: 5,
  /** The highest overall score of a meeting the buyer declined (house rule: the outcome counts). */
  declinedCeiling: 70,
  /** The highest overall score of a meeting the buyer walked out of. */
  endedByBuyerCeiling: 50,
} as const;

/** Adjustments to the overall score, each shown with its reason in the report. */
export const ADJUSTMENTS = {
  talkShareAboveCeiling: -5,
  monologueTooLong: -5,
  questionsFrontLoaded: -3,
  endedByBuyer: -10,
  advanced: 5,
} as const;
