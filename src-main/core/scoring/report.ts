// The session report: value creation versus pitching, with the evidence for
// every point. Deterministic: the same transcript always gives the same report.
// Each rep turn becomes a moment that says what it was, why it counts and what
// to try instead; every threshold is quoted from thresholds.ts.
import {
  BEHAVIORS,
  BEHAVIOR_GROUPS,
  GROUP_OF,
  QUESTION_BEHAVIORS,
  type Behavior,
  type BehaviorGroup,
} from '../behaviors/taxonomy';
import type { TurnFacts } from '../meeting/types';
import type { Outcome } from '../scenarios/schema';
import { wordCount } from '../text/normalize';
import type { BuyerSignal } from '../understanding/buyer';
import type { Understanding } from '../understanding/classifier';
import { launderingWrapper } from '../understanding/framing';
import { ADJUSTMENTS, THRESHOLDS, WEIGHTS } from './thresholds';
import { adviceFor } from './advice';
import { scoreDelivery, type DeliveryReport, type DeliveryTurnInput } from './delivery';
import { coachCues, nothingWhy, saysNothing, turnSubstance, type TurnSubstance } from './evidence';
import { countedTurns } from './moment-view';

export type TranscriptEntry =
  | {
      readonly speaker: 'buyer';
      readonly text: string;
      readonly signals: readonly BuyerSignal[];
      /** The line revealed something a good next question would pick up. */
      readonly substantive: boolean;
    }
  | {
      readonly speaker: 'rep';
      readonly text: string;
      readonly understanding: Understanding;
      readonly facts: TurnFacts;
    };

export interface Moment {
  readonly turn: number;
  readonly text: string;
  readonly behavior: Behavior;
  readonly group: BehaviorGroup;
  readonly confidence: number;
  readonly cues: readonly string[];
  /** How the turn counted: value, pitch, or neither. */
  readonly counts: 'value' | 'pitch' | 'neutral';
  readonly valuePoints: number;
  readonly pitchPoints: number;
  readonly why: string;
  readonly tryInstead: string;
  /**
   * The two behaviours the coach was unsure between (the reading first), when
   * they are close and in different groups; the turn then counts for less.
   */
  readonly unsureBetween?: readonly [Behavior, Behavior];
}

/** How a check's value reads: a fraction of turns or questions, seconds, or a count. */
export type MetricUnit = 'share' | 'seconds' | 'count';

export interface MetricCheck {
  readonly metric: string;
  readonly value: number | null;
  readonly unit: MetricUnit;
  readonly target: string;
  readonly met: boolean;
  readonly source: string;
}

export interface SessionMetrics {
  readonly repTurns: number;
  readonly repTalkShare: number;
  readonly questionsAsked: number;
  readonly questionShare: number;
  readonly questionSpread: {
    readonly early: number;
    readonly middle: number;
    readonly late: number;
  };
  readonly questionsFrontLoaded: boolean;
  readonly longestMonologue: {
    readonly turn: number | null;
    readonly words: number;
    readonly seconds: number;
  };
  readonly firstPitchTurn: number | null;
  readonly explicitNeedTurn: number | null;
  readonly pitchesBeforeExplicitNeed: number;
  readonly byBehavior: Readonly<Record<Behavior, number>>;
  readonly byGroup: Readonly<Record<BehaviorGroup, number>>;
}

export interface SessionReport {
  readonly outcome: Outcome;
  readonly valueCreation: number;
  readonly pitching: number;
  readonly overall: number;
  readonly summary: string;
  readonly adjustments: readonly { readonly points: number; readonly reason: string }[];
  readonly metrics: SessionMetrics;
  readonly checks: readonly MetricCheck[];
  readonly moments: readonly Moment[];
  /** What the buyer signalled (needs, objections, disengagement), with the words that showed it. */
  readonly buyerSignals: readonly BuyerMoment[];
  /**
   * How the spoken replies were delivered (pace, fillers, pauses, longest turn);
   * absent when no reply was spoken, and in sessions stored before speech.
   */
  readonly delivery?: DeliveryReport;
}

export interface BuyerMoment extends BuyerSignal {
  /** The rep turn the buyer was answering (0 for the opening). */
  readonly afterTurn: number;
}

export function scoreSession(
  transcript: readonly TranscriptEntry[],
  outcome: Outcome,
): SessionReport {
  const reps = transcript.filter((e) => e.speaker === 'rep');
  const repTurns = reps.length;

  // What the buyer signalled, and after which rep turn; the first explicit need matters most.
  const buyerSignals: BuyerMoment[] = [];
  let repSoFar = 0;
  for (const entry of transcript) {
    if (entry.speaker === 'rep') repSoFar++;
    else for (const signal of entry.signals) buyerSignals.push({ afterTurn: repSoFar, ...signal });
  }
  const explicitNeedTurn = buyerSignals.find((s) => s.kind === 'explicit_need')?.afterTurn ?? null;

  const moments: Moment[] = [];
  let lastBuyer: Extract<TranscriptEntry, { speaker: 'buyer' }> | undefined;
  let situationQuestions = 0;
  let turn = 0;
  const substances: TurnSubstance[] = [];
  for (const entry of transcript) {
    if (entry.speaker === 'buyer') {
      lastBuyer = entry;
      continue;
    }
    turn++;
    const needStated = explicitNeedTurn !== null && explicitNeedTurn < turn;
    const substance = turnSubstance(entry.text);
    substances.push(substance);
    if (entry.facts.behavior === 'situation_question' && !saysNothing(substance))
      situationQuestions++;
    moments.push(
      momentFor(entry, turn, {
        needStated,
        lastBuyer,
        situationQuestions,
        substance,
        // The last turn of a meeting that ended with an outcome is the one the buyer answered with it.
        decidedOutcome: turn === repTurns && outcome !== 'open' ? outcome : undefined,
      }),
    );
  }

  const valuePoints = moments.reduce((sum, m) => sum + m.valuePoints, 0);
  const pitchPoints = moments.reduce((sum, m) => sum + m.pitchPoints, 0);
  // Turns that say nothing (filler, gibberish, one word repeated) get no allowance.
  const neutralTurns = moments.filter(
    (m, i) =>
      m.counts === 'neutral' &&
      m.valuePoints === 0 &&
      m.pitchPoints === 0 &&
      !saysNothing(substances[i] as TurnSubstance),
  ).length;
  const substantive = Math.max(1, repTurns - Math.min(neutralTurns, WEIGHTS.neutralAllowance));
  const rawValueCreation =
    repTurns === 0 ? 0 : clamp(Math.round((100 * valuePoints) / substantive));
  const pitching = repTurns === 0 ? 0 : clamp(Math.round((100 * pitchPoints) / repTurns));

  // How much the meeting gives to go on: turns that said something, not repeated.
  const evidenceTurns = moments.filter(
    (_m, i) =>
      (substances[i] as TurnSubstance).kind === 'substantive' &&
      !(reps[i] as Extract<TranscriptEntry, { speaker: 'rep' }>).facts.repeated,
  ).length;
  const evidenceCap = evidenceCeiling(evidenceTurns);
  const valueCreation = Math.min(rawValueCreation, evidenceCap);

  const metrics = metricsOf(transcript, moments, explicitNeedTurn);
  const checks = checksOf(metrics);
  const { adjustments, overall } = overallOf({
    metrics,
    outcome,
    valueCreation,
    pitching,
    evidenceTurns,
    measured: false,
  });

  return {
    outcome,
    valueCreation,
    pitching,
    overall,
    summary: summaryOf(moments, valueCreation, pitching, outcome),
    adjustments,
    metrics,
    checks,
    moments,
    buyerSignals,
  };
}

/**
 * The report with its delivery section added, when any turn was spoken; the
 * scores are unchanged. The host calls it with every rep turn, typed ones
 * without timing.
 */
export function withDelivery(
  report: SessionReport,
  turns: readonly DeliveryTurnInput[],
): SessionReport {
  const delivery = scoreDelivery(turns);
  return delivery ? { ...report, delivery } : report;
}

export interface OverallInput {
  readonly metrics: Pick<
    SessionMetrics,
    'repTurns' | 'repTalkShare' | 'longestMonologue' | 'questionsFrontLoaded'
  >;
  readonly outcome: Outcome;
  readonly valueCreation: number;
  readonly pitching: number;
  /** Turns that said something and were not repeats. */
  readonly evidenceTurns: number;
  /** Talk share and monologue measured from times (a real call's cues), not estimated from words. */
  readonly measured: boolean;
}

/**
 * The overall score and every adjustment behind it, with its reason: the
 * research checks that failed, the outcome, and the ceilings (the outcome
 * counts, and a score needs evidence), each shown only when it bites. One
 * function for practice and for real calls, so both are scored by one rule.
 */
export function overallOf(input: OverallInput): {
  adjustments: { points: number; reason: string }[];
  overall: number;
} {
  const { metrics, outcome, valueCreation, pitching, evidenceTurns, measured } = input;
  const adjustments: { points: number; reason: string }[] = [];
  if (metrics.repTalkShare > THRESHOLDS.talkShareCeiling.value) {
    adjustments.push({
      points: ADJUSTMENTS.talkShareAboveCeiling,
      reason: `you talked ${pct(metrics.repTalkShare)} of the ${measured ? 'speaking ' : ''}time; ${THRESHOLDS.talkShareCeiling.source}`,
    });
  }
  if (metrics.longestMonologue.seconds > THRESHOLDS.monologueSeconds.value) {
    adjustments.push({
      points: ADJUSTMENTS.monologueTooLong,
      reason: measured
        ? `your longest turn ran ${metrics.longestMonologue.seconds} s; ${THRESHOLDS.monologueSeconds.source}`
        : `your longest turn would take about ${metrics.longestMonologue.seconds} s to say; ${THRESHOLDS.monologueSeconds.source}`,
    });
  }
  if (metrics.questionsFrontLoaded) {
    adjustments.push({
      points: ADJUSTMENTS.questionsFrontLoaded,
      reason: `most of your questions came in the first third${measured ? " of the meeting's minutes" : ''}; ${THRESHOLDS.frontLoadedShare.source}`,
    });
  }
  if (outcome === 'ended_by_buyer')
    adjustments.push({ points: ADJUSTMENTS.endedByBuyer, reason: 'the buyer ended the meeting' });
  if (outcome === 'advanced')
    adjustments.push({ points: ADJUSTMENTS.advanced, reason: 'the buyer agreed to a next step' });

  // The formula uses the value creation the report shows, so a reader can redo it.
  const base = WEIGHTS.valueShare * valueCreation + (1 - WEIGHTS.valueShare) * (100 - pitching);
  const sum = () => adjustments.reduce((total, a) => total + a.points, 0);
  const outcomeCeiling = OUTCOME_CEILINGS[outcome];
  if (outcomeCeiling !== undefined && Math.round(base + sum()) > outcomeCeiling.value) {
    adjustments.push({
      points: outcomeCeiling.value - Math.round(base + sum()),
      reason: `${outcomeCeiling.reason}, so the score is capped at ${outcomeCeiling.value}`,
    });
  }
  const evidenceCap = evidenceCeiling(evidenceTurns);
  if (metrics.repTurns > 0 && Math.round(base + sum()) > evidenceCap) {
    adjustments.push({
      points: evidenceCap - Math.round(base + sum()),
      reason: evidenceReason(evidenceTurns, evidenceCap),
    });
  }
  const overall = metrics.repTurns === 0 ? 0 : clamp(Math.round(base + sum()));
  return { adjustments, overall };
}

/**
 * The highest overall score for each outcome that did not advance: a meeting
 * the buyer declined or walked out of never outscores an advanced one of
 * similar turns (which also gets +5).
 */
const OUTCOME_CEILINGS: Partial<Record<Outcome, { value: number; reason: string }>> = {
  declined: {
    value: WEIGHTS.declinedCeiling,
    reason: 'the buyer declined a next step; a meeting that did not advance cannot score high',
  },
  ended_by_buyer: {
    value: WEIGHTS.endedByBuyerCeiling,
    reason: 'the buyer walked out; a meeting the buyer ended cannot score high',
  },
};

/** The highest score the evidence supports: full marks need `fullEvidenceTurns` substantive turns. */
export function evidenceCeiling(evidenceTurns: number): number {
  return Math.round(100 * Math.min(1, evidenceTurns / WEIGHTS.fullEvidenceTurns));
}

function evidenceReason(turns: number, cap: number): string {
  const said =
    turns === 0
      ? 'none of your turns said something substantive'
      : `only ${turns} of your turns ${turns === 1 ? 'was' : 'were'} substantive (filler, gibberish, a word repeated, very short and repeated turns do not count)`;
  return `${said}; a score needs ${WEIGHTS.fullEvidenceTurns} to be trusted in full, so overall and value creation are capped at ${cap}`;
}

interface MomentContext {
  readonly needStated: boolean;
  readonly lastBuyer: Extract<TranscriptEntry, { speaker: 'buyer' }> | undefined;
  readonly situationQuestions: number;
  readonly substance: TurnSubstance;
  /** Set on the turn the buyer answered with the meeting's outcome. */
  readonly decidedOutcome: Outcome | undefined;
}

function momentFor(
  entry: Extract<TranscriptEntry, { speaker: 'rep' }>,
  turn: number,
  ctx: MomentContext,
): Moment {
  const { behavior, group } = entry.facts;
  const ignoresBuyer =
    QUESTION_BEHAVIORS.has(behavior) &&
    (ctx.lastBuyer?.substantive ?? false) &&
    !entry.facts.buildsOnBuyer;
  let valuePoints = 0;
  let pitchPoints = 0;
  let why = '';
  let counts: Moment['counts'] = group;
  const decided = behavior === 'commitment_ask' ? ctx.decidedOutcome : undefined;
  const refused = decided === 'declined' || decided === 'ended_by_buyer';
  const wrapper = group === 'pitch' ? launderingWrapper(entry.text) : undefined;
  let whole: string | undefined;

  if (saysNothing(ctx.substance)) {
    counts = 'neutral';
    whole = nothingWhy(ctx.substance);
  } else if (entry.facts.repeated && entry.facts.alreadyAnswered) {
    why =
      'asks again what the buyer already answered: it tells them you were not listening, so it counts against you';
    counts = 'pitch';
    pitchPoints = group === 'pitch' ? 1 : -WEIGHTS.repeatedAfterAnswer;
  } else if (entry.facts.repeated) {
    why =
      "repeats something you already said or asked, so it earns nothing and tests the buyer's patience";
    counts = group === 'pitch' ? 'pitch' : 'neutral';
    pitchPoints = group === 'pitch' ? 1 : 0;
  } else if (group === 'value') {
    valuePoints = WEIGHTS.value * (ignoresBuyer ? WEIGHTS.ignoresBuyer : 1);
    why = VALUE_WHY[behavior] ?? 'creates value for the buyer';
    if (ignoresBuyer) why += ', but it ignores what the buyer just told you, so it earns half';
  } else if (group === 'pitch') {
    if (wrapper !== undefined && behavior !== 'pushback') {
      // Dressed in value words: it costs at least what a plain pitch costs, never a discount.
      pitchPoints = 1;
      why = `${PITCH_WHY[behavior] ?? 'is about us, not the buyer'}, dressed in value words (${quoteWrapper(wrapper)}); wrapping a pitch does not make it value, so it counts in full`;
    } else if (behavior === 'pitch' && ctx.needStated && entry.facts.buildsOnBuyer) {
      pitchPoints = WEIGHTS.benefit;
      why =
        "talks about our offer, but answers a need the buyer stated in their own words (a Benefit in Rackham's sense), so it counts for little";
    } else if (behavior === 'proof_to_sell' && ctx.needStated) {
      pitchPoints = WEIGHTS.proofAfterNeed;
      why =
        'uses figures or customers to argue for buying; after a stated need it costs less, but it still sells instead of teaching';
    } else {
      pitchPoints = 1;
      why = PITCH_WHY[behavior] ?? 'is about us, not the buyer';
      if (behavior === 'pitch' && !ctx.needStated)
        why +=
          " before the buyer has stated any need (an Advantage in Rackham's sense, which predicts objections)";
    }
  } else if (behavior === 'commitment_ask') {
    if (refused) {
      const answer = decided === 'declined' ? 'the buyer declined it' : 'the buyer walked out';
      if (ctx.needStated) {
        counts = 'neutral';
        why = `asks for a next step, and ${answer}: the need they stated was not yet enough for this ask, so it earns nothing`;
      } else {
        pitchPoints = WEIGHTS.prematureAsk;
        counts = 'pitch';
        why = `asks for a next step before the buyer has said they want to change anything, and ${answer}: premature`;
      }
    } else if (ctx.needStated) {
      valuePoints = WEIGHTS.earnedAsk;
      counts = 'value';
      why =
        decided === 'advanced'
          ? 'asks for a next step after the buyer stated a need, and the buyer agreed: an earned advance'
          : 'asks for a next step after the buyer stated a need: an earned advance';
    } else if (decided === 'advanced') {
      counts = 'neutral';
      why =
        'asks for a next step the buyer agreed to, though they had not said they want to change anything: a continuation more than an earned advance, so it earns nothing';
    } else {
      pitchPoints = WEIGHTS.prematureAsk;
      counts = 'pitch';
      why =
        'asks for a next step before the buyer has said they want to change anything: premature';
    }
  } else if (behavior === 'situation_question') {
    const useful = ctx.situationQuestions <= WEIGHTS.situationQuestionsUseful;
    valuePoints = useful ? WEIGHTS.situationQuestion : 0;
    why = useful
      ? 'gathers facts: necessary, but buyers find these boring, so they earn a little (Rackham: experienced sellers ask fewer)'
      : `is your situation question number ${ctx.situationQuestions}; beyond ${WEIGHTS.situationQuestionsUseful} they earn nothing`;
  } else {
    why = 'builds rapport: fine in small doses, neither value nor pitch';
  }

  // Close call between groups: say so, and count the turn for less. A pitch
  // dressed in value words and a repeat are read with certainty of another kind.
  const { confidence, alternative } = entry.understanding;
  const unsure =
    (counts === 'value' || counts === 'pitch') &&
    counts === group &&
    wrapper === undefined &&
    !entry.facts.repeated &&
    confidence < WEIGHTS.unsureBelow &&
    alternative !== behavior &&
    GROUP_OF[alternative] !== group;
  if (unsure) {
    valuePoints *= WEIGHTS.unsure;
    pitchPoints *= WEIGHTS.unsure;
    why += `; the coach was unsure whether this was ${behaviorNoun(behavior)} or ${behaviorNoun(alternative)}, so it counts for half`;
  }

  return {
    turn,
    text: entry.text,
    behavior,
    group,
    confidence,
    ...(unsure ? { unsureBetween: [behavior, alternative] as const } : {}),
    cues: coachCues(entry.understanding.cues, entry.text),
    counts,
    valuePoints: round2(valuePoints),
    pitchPoints: round2(pitchPoints),
    why: whole ?? `${capitalise(behaviorNoun(behavior))} that ${why}.`,
    tryInstead: saysNothing(ctx.substance)
      ? 'Say something the buyer can answer: ask about their goals or what gets in the way ("What would make this quarter a success for you?").'
      : adviceFor(behavior, {
          repeated: entry.facts.repeated,
          ignoresBuyer,
          needStated: ctx.needStated,
          lastBuyerText: ctx.lastBuyer?.text,
          ask: entry.facts.ask,
          answered: refused ? 'refused' : decided === 'advanced' ? 'agreed' : undefined,
        }),
  };
}

const VALUE_WHY: Partial<Record<Behavior, string>> = {
  goal_question: "asks about the buyer's own goals and outcomes",
  problem_question: 'asks what is not working for the buyer',
  implication_question:
    'explores what a problem costs the buyer, which turns implied needs into explicit ones (Rackham)',
  need_payoff_question: 'lets the buyer say in their own words what solving the problem is worth',
  insight:
    'teaches the buyer something about their own world without selling (commercial teaching, CEB)',
  acknowledge:
    'shows you listened (skilled negotiators summarise almost twice as often: 7.5% vs 4.2%, Rackham)',
  concede_fit: 'is honest about fit, which earns trust',
};

const PITCH_WHY: Partial<Record<Behavior, string>> = {
  pitch: 'talks about our company or product',
  proof_to_sell: 'uses data or customer stories to argue for buying, instead of teaching',
  pushback: "argues with the buyer's position",
};

function quoteWrapper(wrapper: string): string {
  return wrapper.startsWith('a question') ? wrapper : `"${wrapper}"`;
}

function behaviorNoun(behavior: Behavior): string {
  return `a ${behavior.replace(/_/g, ' ')}`.replace(/^a (a|e|i|o|u)/, 'an $1');
}

function metricsOf(
  transcript: readonly TranscriptEntry[],
  moments: readonly Moment[],
  explicitNeedTurn: number | null,
): SessionMetrics {
  let repWords = 0;
  let buyerWords = 0;
  let longest = { turn: null as number | null, words: 0 };
  let turn = 0;
  for (const entry of transcript) {
    const words = wordCount(entry.text);
    if (entry.speaker === 'rep') {
      turn++;
      repWords += words;
      if (words > longest.words) longest = { turn, words };
    } else buyerWords += words;
  }
  const repTurns = moments.length;
  // A turn that said nothing is no question, whatever it was tagged.
  const questionTurns = moments
    .filter((m) => QUESTION_BEHAVIORS.has(m.behavior) && !saysNothing(turnSubstance(m.text)))
    .map((m) => m.turn);
  const third = (t: number) => (t - 1) / Math.max(repTurns, 1);
  const spread = {
    early: questionTurns.filter((t) => third(t) < 1 / 3).length,
    middle: questionTurns.filter((t) => third(t) >= 1 / 3 && third(t) < 2 / 3).length,
    late: questionTurns.filter((t) => third(t) >= 2 / 3).length,
  };
  const byBehavior = Object.fromEntries(BEHAVIORS.map((b) => [b, 0])) as Record<Behavior, number>;
  const byGroup = Object.fromEntries(BEHAVIOR_GROUPS.map((g) => [g, 0])) as Record<
    BehaviorGroup,
    number
  >;
  for (const m of moments) {
    byBehavior[m.behavior]++;
    byGroup[m.group]++;
  }
  // A turn tagged as a pitch that said nothing (gibberish) is not counted as one.
  const pitches = moments.filter((m) => m.group === 'pitch' && m.counts === 'pitch');
  return {
    repTurns,
    repTalkShare: round2(repWords / Math.max(repWords + buyerWords, 1)),
    questionsAsked: questionTurns.length,
    questionShare: round2(questionTurns.length / Math.max(repTurns, 1)),
    questionSpread: spread,
    questionsFrontLoaded:
      questionTurns.length >= 3 &&
      repTurns >= 6 &&
      spread.early / questionTurns.length > THRESHOLDS.frontLoadedShare.value,
    longestMonologue: {
      turn: longest.turn,
      words: longest.words,
      seconds: Math.round((longest.words / THRESHOLDS.wordsPerMinute.value) * 60),
    },
    firstPitchTurn: pitches[0]?.turn ?? null,
    explicitNeedTurn,
    pitchesBeforeExplicitNeed: pitches.filter(
      (m) => explicitNeedTurn === null || m.turn <= explicitNeedTurn,
    ).length,
    byBehavior,
    byGroup,
  };
}

function checksOf(m: SessionMetrics): MetricCheck[] {
  return [
    {
      metric: 'rep talk share',
      unit: 'share',
      value: m.repTalkShare,
      target: `about ${pct(THRESHOLDS.talkShareTarget.value)}, never above ${pct(THRESHOLDS.talkShareCeiling.value)}`,
      met: m.repTalkShare <= THRESHOLDS.talkShareCeiling.value,
      source: `${THRESHOLDS.talkShareTarget.source}; ${THRESHOLDS.talkShareCeiling.source}`,
    },
    {
      metric: 'turns that ask a discovery question',
      unit: 'share',
      value: m.questionShare,
      target: `at least ${pct(THRESHOLDS.questionShareTarget.value)} (a full discovery call: 11-14 questions)`,
      met: m.questionShare >= THRESHOLDS.questionShareTarget.value,
      source: `${THRESHOLDS.questionShareTarget.source}; ${THRESHOLDS.questionsPerDiscoveryCall.source}`,
    },
    questionSpreadCheck(m),
    {
      metric: 'longest monologue (seconds, at a speaking pace)',
      unit: 'seconds',
      value: m.longestMonologue.seconds,
      target: `under ${THRESHOLDS.monologueSeconds.value} s`,
      met: m.longestMonologue.seconds <= THRESHOLDS.monologueSeconds.value,
      source: `${THRESHOLDS.monologueSeconds.source}; ${THRESHOLDS.wordsPerMinute.source}`,
    },
    {
      metric: 'pitches before the buyer stated an explicit need',
      unit: 'count',
      value: m.pitchesBeforeExplicitNeed,
      target: '0',
      met: m.pitchesBeforeExplicitNeed === 0,
      source:
        'Rackham, SPIN Selling: Advantages offered before an explicit need provoke objections',
    },
  ];
}

/**
 * The share of questions asked in the meeting's first third (0-1; null with no
 * question). Met only when questions really are spread: at least two, no more
 * than the front-loaded share in the first third, and in at least two thirds.
 */
function questionSpreadCheck(m: SessionMetrics): MetricCheck {
  const { early, middle, late } = m.questionSpread;
  const asked = early + middle + late;
  const earlyShare = asked === 0 ? null : round2(early / asked);
  const thirdsUsed = [early, middle, late].filter((n) => n > 0).length;
  return {
    metric: 'questions spread through the meeting',
    unit: 'share',
    value: earlyShare,
    target: `at least 2 questions, no more than ${pct(THRESHOLDS.frontLoadedShare.value)} of them in the first third, and questions in at least two thirds of the meeting`,
    met:
      asked >= 2 &&
      earlyShare !== null &&
      earlyShare <= THRESHOLDS.frontLoadedShare.value &&
      thirdsUsed >= 2,
    source: THRESHOLDS.frontLoadedShare.source,
  };
}

function summaryOf(
  moments: readonly Moment[],
  value: number,
  pitching: number,
  outcome: Outcome,
): string {
  // The same counts the badges and the timeline show.
  const { value: valueTurns, pitch: pitchTurns } = countedTurns(moments);
  const outcomeText: Record<Outcome, string> = {
    advanced: 'The buyer agreed to a next step.',
    declined: 'The buyer declined a next step.',
    ended_by_buyer: 'The buyer walked out: they ended the meeting without a next step.',
    open: 'The meeting was still open when it stopped.',
  };
  return `${outcomeText[outcome]} ${valueTurns} of ${moments.length} turns created value and ${pitchTurns} pitched (value creation ${value}, pitching ${pitching}).`;
}

function clamp(x: number): number {
  return Math.max(0, Math.min(100, x));
}
function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
