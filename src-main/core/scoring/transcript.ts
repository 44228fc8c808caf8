// Scoring a transcript that did not come from a persona (a real call, or a
// roleplay typed up elsewhere): `REP:` and `BUYER:` lines, or a call read by
// core/transcripts (scoreCall), become the same report a practice session gets.
import type { BehaviorClassifier } from '../understanding/classifier';
import { readBuyerLine } from '../understanding/buyer';
import { ConversationReader } from '../understanding/turn';
import { wordCount } from '../text/normalize';
import {
  overallOf,
  scoreSession,
  withDelivery,
  type BuyerMoment,
  type MetricCheck,
  type Moment,
  type SessionMetrics,
  type SessionReport,
  type TranscriptEntry,
} from './report';
import { QUESTION_BEHAVIORS } from '../behaviors/taxonomy';
import type { DeliveryTurnInput } from './delivery';
import { saysNothing, turnSubstance } from './evidence';
import { THRESHOLDS } from './thresholds';
import { findSpeaker } from '../transcripts/speakers';
import type {
  Transcript,
  TranscriptFormat,
  TranscriptSpeaker,
  TranscriptTurn,
} from '../transcripts/types';
import type { Outcome } from '../scenarios/schema';
import type { TranscriptLine } from '../transcripts/rep-buyer';

export {
  parseTranscript,
  type TranscriptLine,
  type TranscriptProblem,
} from '../transcripts/rep-buyer';

/** A buyer line this long says enough that the next question should pick it up. */
const SUBSTANTIVE_WORDS = 12;

/** Reads every line in context and scores the whole transcript. */
export function transcriptEntries(
  lines: readonly TranscriptLine[],
  classifier: BehaviorClassifier,
): TranscriptEntry[] {
  const entries: TranscriptEntry[] = [];
  const reader = new ConversationReader(classifier);
  for (const line of lines) {
    if (line.speaker === 'buyer') {
      const signals = readBuyerLine(line.text);
      entries.push({
        speaker: 'buyer',
        text: line.text,
        signals,
        substantive:
          signals.some((s) => s.kind.endsWith('_need')) ||
          wordCount(line.text) >= SUBSTANTIVE_WORDS,
      });
      reader.buyer(line.text);
    } else {
      const { understanding, facts } = reader.rep(line.text);
      entries.push({ speaker: 'rep', text: line.text, understanding, facts });
    }
  }
  return entries;
}

/** Outcome of a transcript: the buyer checking out at the end means they ended it. */
export function transcriptOutcome(entries: readonly TranscriptEntry[]): Outcome {
  const last = entries[entries.length - 1];
  if (last?.speaker === 'buyer' && last.signals.some((s) => s.kind === 'disengagement'))
    return 'ended_by_buyer';
  return 'open';
}

export function scoreTranscript(
  lines: readonly TranscriptLine[],
  classifier: BehaviorClassifier,
): SessionReport {
  const entries = transcriptEntries(lines, classifier);
  return scoreSession(entries, transcriptOutcome(entries));
}

// --- Real calls ------------------------------------------------------------
// A call read by core/transcripts (WebVTT, SRT, Otter, "Name: words"), scored
// for the speaker the user named as the rep; everyone else is the buyer side,
// kept by name. Where the file has times, talk share, the longest monologue
// and the spread of questions are measured from them (and the delivery
// section is fed from the cue times); otherwise they are the word-based
// estimates, and `metrics.timings` says which.

/** How the report's timings were got: from the file's times, or from words at a speaking pace. */
export type CallTimings = 'measured' | 'estimated';

export interface CallMetrics extends SessionMetrics {
  readonly timings: CallTimings;
  /** What the timings come from, in words, for the report. */
  readonly timingSource: string;
  /** From the first word to the last, when measured. */
  readonly meetingSeconds: number | null;
  /** Seconds the rep and the buyer side spoke, when measured. */
  readonly repSeconds: number | null;
  readonly buyerSeconds: number | null;
}

export interface CallSpeaker extends TranscriptSpeaker {
  readonly role: 'rep' | 'buyer';
}

/** One turn of the call as the report shows it: who said it, and when. */
export interface CallTurn {
  readonly speaker: string;
  readonly role: 'rep' | 'buyer';
  readonly text: string;
  /** The rep's turn number (as in moments), for rep turns. */
  readonly turn: number | null;
  readonly line: number;
  readonly startMs?: number;
  readonly endMs?: number;
}

export interface CallMoment extends Moment {
  readonly speaker: string;
  /** The buyer-side speaker the rep was answering (null when the rep spoke first or again). */
  readonly answering: string | null;
}

export interface CallBuyerMoment extends BuyerMoment {
  /** Who on the buyer side said it. */
  readonly speaker: string;
}

export interface CallReport extends SessionReport {
  readonly metrics: CallMetrics;
  readonly moments: readonly CallMoment[];
  readonly buyerSignals: readonly CallBuyerMoment[];
  readonly call: {
    readonly fileName: string;
    readonly format: TranscriptFormat;
    readonly rep: string;
    /** The buyer side, by name, in order of first appearance (a buying committee may be several). */
    readonly buyers: readonly string[];
    readonly speakers: readonly CallSpeaker[];
    readonly turns: readonly CallTurn[];
    /** What was read leniently (unnamed cues, skipped blocks, start-only times). */
    readonly notes: readonly string[];
  };
}

/**
 * Scores a read transcript with `repName` as the rep (any case, or a unique
 * first name); throws the transcript's TranscriptError for an unknown name.
 */
export function scoreCall(
  transcript: Transcript,
  repName: string,
  classifier: BehaviorClassifier,
): CallReport {
  const rep = findSpeaker(transcript, repName);
  const lines: TranscriptLine[] = transcript.turns.map((t) => ({
    speaker: t.speaker === rep ? 'rep' : 'buyer',
    text: t.text,
    line: t.line,
  }));
  const entries = transcriptEntries(lines, classifier);
  const base = scoreSession(entries, transcriptOutcome(entries));

  // Who said what: rep turns numbered as the moments are, buyer signals by speaker.
  const turns: CallTurn[] = [];
  const answering: (string | null)[] = [];
  const signalSpeakers: string[] = [];
  let repTurn = 0;
  transcript.turns.forEach((t, i) => {
    const role = t.speaker === rep ? 'rep' : 'buyer';
    if (role === 'rep') {
      repTurn++;
      const before = transcript.turns[i - 1];
      answering.push(before && before.speaker !== rep ? before.speaker : null);
    } else {
      const entry = entries[i];
      if (entry?.speaker === 'buyer')
        for (let k = 0; k < entry.signals.length; k++) signalSpeakers.push(t.speaker);
    }
    turns.push({
      speaker: t.speaker,
      role,
      text: t.text,
      turn: role === 'rep' ? repTurn : null,
      line: t.line,
      ...(t.startMs !== undefined ? { startMs: t.startMs } : {}),
      ...(t.endMs !== undefined ? { endMs: t.endMs } : {}),
    });
  });
  const moments: CallMoment[] = base.moments.map((m, i) => ({
    ...m,
    speaker: rep,
    answering: answering[i] ?? null,
  }));
  const buyerSignals: CallBuyerMoment[] = base.buyerSignals.map((s, i) => ({
    ...s,
    speaker: signalSpeakers[i] ?? '',
  }));
  const call: CallReport['call'] = {
    fileName: transcript.fileName,
    format: transcript.format,
    rep,
    buyers: transcript.speakers.map((s) => s.name).filter((n) => n !== rep),
    speakers: transcript.speakers.map((s) => ({ ...s, role: s.name === rep ? 'rep' : 'buyer' })),
    turns,
    notes: transcript.notes,
  };

  const measured =
    transcript.timed &&
    transcript.turns.every((t) => t.startMs !== undefined && t.endMs !== undefined);
  if (!measured) {
    return {
      ...base,
      metrics: {
        ...base.metrics,
        timings: 'estimated',
        timingSource: `estimated from words at ${THRESHOLDS.wordsPerMinute.value} words a minute: the file has no times`,
        meetingSeconds: null,
        repSeconds: null,
        buyerSeconds: null,
      },
      checks: base.checks.map((c) =>
        c.metric === 'rep talk share'
          ? { ...c, metric: 'rep talk share (estimated from words)' }
          : c,
      ),
      moments,
      buyerSignals,
      call,
    };
  }
  return measuredReport(base, entries, turns, transcript, { moments, buyerSignals, call });
}

function measuredReport(
  base: SessionReport,
  entries: readonly TranscriptEntry[],
  turns: readonly CallTurn[],
  transcript: Transcript,
  extra: Pick<CallReport, 'moments' | 'buyerSignals' | 'call'>,
): CallReport {
  const timed = transcript.turns as readonly (TranscriptTurn & {
    startMs: number;
    endMs: number;
  })[];
  const repTurns = turns.filter((t) => t.role === 'rep');
  const spoken = (t: TranscriptTurn & { startMs: number; endMs: number }) =>
    t.spokenMs ?? Math.max(0, t.endMs - t.startMs);
  let repMs = 0;
  let buyerMs = 0;
  timed.forEach((t, i) => {
    if (turns[i]?.role === 'rep') repMs += spoken(t);
    else buyerMs += spoken(t);
  });
  const meetingStart = Math.min(...timed.map((t) => t.startMs));
  const meetingEnd = Math.max(...timed.map((t) => t.endMs));
  const meetingMs = Math.max(meetingEnd - meetingStart, 1);

  // The longest rep turn by time, from its first word to its last.
  let longest = { turn: null as number | null, words: 0, ms: 0 };
  for (const t of repTurns) {
    const ms = (t.endMs ?? 0) - (t.startMs ?? 0);
    if (longest.turn === null || ms > longest.ms)
      longest = { turn: t.turn, words: wordCount(t.text), ms };
  }

  // Questions placed in the meeting's minutes, not its turn count.
  const questionAt = new Map<number, number>();
  for (const t of repTurns)
    if (t.turn !== null) questionAt.set(t.turn, ((t.startMs ?? 0) - meetingStart) / meetingMs);
  const questionTurns = base.moments
    .filter((m) => QUESTION_BEHAVIORS.has(m.behavior) && !saysNothing(turnSubstance(m.text)))
    .map((m) => questionAt.get(m.turn) ?? 0);
  const questionSpread = {
    early: questionTurns.filter((x) => x < 1 / 3).length,
    middle: questionTurns.filter((x) => x >= 1 / 3 && x < 2 / 3).length,
    late: questionTurns.filter((x) => x >= 2 / 3).length,
  };
  const questionsFrontLoaded =
    questionTurns.length >= 3 &&
    repTurns.length >= 6 &&
    questionSpread.early / questionTurns.length > THRESHOLDS.frontLoadedShare.value;
  const repTalkShare = round2(repMs / Math.max(repMs + buyerMs, 1));
  const metrics: CallMetrics = {
    ...base.metrics,
    repTalkShare,
    questionSpread,
    questionsFrontLoaded,
    longestMonologue: {
      turn: longest.turn,
      words: longest.words,
      seconds: round1(longest.ms / 1000),
    },
    timings: 'measured',
    timingSource:
      transcript.timing === 'intervals'
        ? 'measured from the cue times in the file'
        : 'measured from when each turn starts (the file gives no end times, so pauses count as speaking)',
    meetingSeconds: Math.round(meetingMs / 1000),
    repSeconds: round1(repMs / 1000),
    buyerSeconds: round1(buyerMs / 1000),
  };

  const checks: MetricCheck[] = base.checks.map((c) => {
    if (c.metric === 'rep talk share')
      return {
        ...c,
        metric: 'rep talk share (measured from speaking time)',
        value: repTalkShare,
        met: repTalkShare <= THRESHOLDS.talkShareCeiling.value,
      };
    if (c.metric.startsWith('longest monologue'))
      return {
        ...c,
        metric: 'longest monologue (seconds, measured)',
        value: metrics.longestMonologue.seconds,
        met: metrics.longestMonologue.seconds <= THRESHOLDS.monologueSeconds.value,
        source: THRESHOLDS.monologueSeconds.source,
      };
    if (c.metric === 'questions spread through the meeting') {
      const { early, middle, late } = questionSpread;
      const asked = early + middle + late;
      const earlyShare = asked === 0 ? null : round2(early / asked);
      const thirds = [early, middle, late].filter((n) => n > 0).length;
      return {
        ...c,
        metric: 'questions spread through the meeting (by its minutes)',
        value: earlyShare,
        met:
          asked >= 2 &&
          earlyShare !== null &&
          earlyShare <= THRESHOLDS.frontLoadedShare.value &&
          thirds >= 2,
      };
    }
    return c;
  });

  // The adjustments and ceilings by the same rule as practice, from the measured figures.
  const evidenceTurns = entries.filter(
    (e) => e.speaker === 'rep' && turnSubstance(e.text).kind === 'substantive' && !e.facts.repeated,
  ).length;
  const { adjustments, overall } = overallOf({
    metrics,
    outcome: base.outcome,
    valueCreation: base.valueCreation,
    pitching: base.pitching,
    evidenceTurns,
    measured: true,
  });

  const report: CallReport = { ...base, overall, adjustments, metrics, checks, ...extra };
  return deliveryOf(report, transcript, turns);
}

/** The delivery section fed from the cue times, as spoken practice is fed from the microphone. */
function deliveryOf(
  report: CallReport,
  transcript: Transcript,
  turns: readonly CallTurn[],
): CallReport {
  const inputs: DeliveryTurnInput[] = [];
  let lastBuyer: CallTurn | undefined;
  turns.forEach((t, i) => {
    if (t.role === 'buyer') {
      lastBuyer = t;
      return;
    }
    const before = turns[i - 1];
    const patienceMs =
      transcript.timing === 'intervals' &&
      before?.role === 'buyer' &&
      before.endMs !== undefined &&
      t.startMs !== undefined
        ? t.startMs - before.endMs
        : null;
    inputs.push({
      turn: t.turn as number,
      text: t.text,
      timing: { startMs: t.startMs ?? 0, endMs: t.endMs ?? 0, patienceMs },
      ...(lastBuyer ? { buyerBefore: lastBuyer.text } : {}),
    });
  });
  const withTimes = withDelivery(report, inputs) as CallReport;
  if (!withTimes.delivery || transcript.timing === 'intervals') return withTimes;
  return {
    ...withTimes,
    delivery: {
      ...withTimes.delivery,
      notes: [
        ...withTimes.delivery.notes,
        'The file gives only when each turn starts, so each turn is taken to last until the next one starts: pace reads slower than it was, and the pause before you answered is not measured.',
      ],
    },
  };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
