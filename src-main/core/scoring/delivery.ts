// Delivery of spoken replies: speaking pace, filler words, the pause before
// answering an objection, and the longest spoken turn. Typed turns carry no
// timing and are left out; a meeting with no spoken turn has no delivery
// section (null). Deterministic and explainable like the rest of the report:
// each metric gives its target and source (thresholds.ts), the turns it is
// about, and what to try where it misses. Pace is measured over speaking time
// (the sum of the turns' durations), not the wall clock.
import { FILLER_WORDS, tokenize } from '../text/normalize';
import { readBuyerLine } from '../understanding/buyer';
import { THRESHOLDS, UNJUDGED } from './thresholds';

/** When a spoken reply was said, in ms from the start of the meeting (the host measures it). */
export interface SpeechTiming {
  readonly startMs: number;
  readonly endMs: number;
  /** The pause between the buyer finishing and the rep starting to speak, when known. */
  readonly patienceMs: number | null;
  /** The speech engine that wrote the transcript, if known (fillers depend on it). */
  readonly engine?: string;
}

/** One rep turn as the delivery metrics read it; typed turns have no timing. */
export interface DeliveryTurnInput {
  /** The turn number (1-based), as in the report's moments. */
  readonly turn: number;
  /** What the rep said (the transcript, possibly edited by the rep). */
  readonly text: string;
  /** Absent or null for a typed turn: it is ignored. */
  readonly timing?: SpeechTiming | null;
  /** The buyer line this turn answers (the opening for turn 1), read for objections. */
  readonly buyerBefore?: string;
  /** Whether that buyer line was an objection, when the caller knows; wins over reading `buyerBefore`. */
  readonly afterObjection?: boolean;
}

export type DeliveryMetricKey = 'pace' | 'fillers' | 'patience' | 'monologue';
export type DeliveryUnit = 'words_per_minute' | 'per_minute' | 'seconds';

export interface DeliveryMetric {
  readonly key: DeliveryMetricKey;
  readonly metric: string;
  /** Null when there was nothing to measure. */
  readonly value: number | null;
  readonly unit: DeliveryUnit;
  readonly target: string;
  /** Null when not judged: no research line, or too little to measure. */
  readonly met: boolean | null;
  readonly source: string;
  /** What was measured and where, in words. */
  readonly evidence: string;
  /** The turns the evidence names. */
  readonly turns: readonly number[];
  /** What to try, where the metric missed (or, for fillers, where any were counted). */
  readonly tryInstead: string | null;
}

export interface FillerCount {
  readonly word: string;
  readonly count: number;
  readonly turns: readonly number[];
}

/** One spoken turn, measured. */
export interface DeliveryTurn {
  readonly turn: number;
  /** Speaking time; null when the timing was unusable (see notes). */
  readonly seconds: number | null;
  readonly words: number;
  /** Null for turns too short to give a meaningful pace. */
  readonly wordsPerMinute: number | null;
  readonly fillers: number;
  readonly patienceSeconds: number | null;
  readonly afterObjection: boolean;
}

export interface DeliveryReport {
  readonly spokenTurns: number;
  /** Total speaking time over the turns with usable timing. */
  readonly speakingSeconds: number;
  /** Words said in those turns (a contraction is one word). */
  readonly words: number;
  readonly fillers: readonly FillerCount[];
  readonly metrics: readonly DeliveryMetric[];
  readonly turns: readonly DeliveryTurn[];
  /** The speech engines that wrote the transcripts, when known. */
  readonly engines: readonly string[];
  /** Timing problems found and how they were handled. */
  readonly notes: readonly string[];
}

interface Measured {
  readonly input: DeliveryTurnInput;
  readonly timing: SpeechTiming;
  /** Speaking time in ms after clipping overlaps; null when unusable. */
  readonly ms: number | null;
  readonly words: number;
  readonly fillers: readonly string[];
  readonly patienceMs: number | null;
  readonly objectionCue: string | null;
}

/** The delivery section for the spoken turns, or null when no turn was spoken. */
export function scoreDelivery(turns: readonly DeliveryTurnInput[]): DeliveryReport | null {
  const spoken = turns
    .filter((t): t is DeliveryTurnInput & { timing: SpeechTiming } => t.timing != null)
    .sort((a, b) => a.turn - b.turn);
  if (spoken.length === 0) return null;

  const notes: string[] = [];
  const durations = speakingDurations(spoken, notes);
  const measured: Measured[] = spoken.map((input) => {
    const objection = objectionOf(input);
    return {
      input,
      timing: input.timing,
      ms: durations.get(input.turn) ?? null,
      words: spokenWordCount(input.text),
      fillers: fillersIn(input.text),
      patienceMs: patienceOf(input, notes),
      objectionCue: objection,
    };
  });
  const timed = measured.filter((m): m is Measured & { ms: number } => m.ms !== null);
  const speakingMs = timed.reduce((sum, m) => sum + m.ms, 0);
  const words = timed.reduce((sum, m) => sum + m.words, 0);
  const fillers = fillerCounts(timed);

  return {
    spokenTurns: spoken.length,
    speakingSeconds: round1(speakingMs / 1000),
    words,
    fillers,
    metrics: [
      paceMetric(timed, speakingMs, words),
      fillerMetric(fillers, speakingMs),
      patienceMetric(measured),
      monologueMetric(timed),
    ],
    turns: measured.map((m) => ({
      turn: m.input.turn,
      seconds: m.ms === null ? null : round1(m.ms / 1000),
      words: m.words,
      wordsPerMinute: turnPace(m),
      fillers: m.fillers.length,
      patienceSeconds: m.patienceMs === null ? null : round1(m.patienceMs / 1000),
      afterObjection: m.objectionCue !== null,
    })),
    engines: [
      ...new Set(spoken.map((t) => t.timing.engine).filter((e): e is string => !!e)),
    ].sort(),
    notes,
  };
}

/**
 * Each turn's speaking time. A turn whose timing is not a real interval is left
 * out; where turns overlap (a clock hiccup), the later one is clipped so no
 * moment of speech counts twice, and left out if nothing remains.
 */
function speakingDurations(
  spoken: readonly (DeliveryTurnInput & { timing: SpeechTiming })[],
  notes: string[],
): Map<number, number> {
  const out = new Map<number, number>();
  const valid = spoken.filter(({ turn, timing: { startMs, endMs } }) => {
    const ok = Number.isFinite(startMs) && Number.isFinite(endMs) && startMs >= 0;
    if (!ok || endMs <= startMs) {
      notes.push(
        `Turn ${turn}: its timing is unusable (${ok ? 'it does not end after it starts' : 'not a time in the meeting'}), so it is left out of pace, fillers and the longest turn.`,
      );
      return false;
    }
    return true;
  });
  const byStart = [...valid].sort((a, b) => a.timing.startMs - b.timing.startMs || a.turn - b.turn);
  let latestEnd = -Infinity;
  let latestTurn = 0;
  for (const { turn, timing } of byStart) {
    const start = Math.max(timing.startMs, latestEnd);
    if (timing.endMs <= start) {
      notes.push(
        `Turn ${turn}: its timing lies inside turn ${latestTurn}'s, so it is left out of pace, fillers and the longest turn.`,
      );
      continue;
    }
    if (start > timing.startMs)
      notes.push(
        `Turn ${turn}: its timing overlaps turn ${latestTurn}'s; only the part after turn ${latestTurn} ends is counted.`,
      );
    out.set(turn, timing.endMs - start);
    latestEnd = timing.endMs;
    latestTurn = turn;
  }
  return out;
}

function patienceOf(input: DeliveryTurnInput, notes: string[]): number | null {
  const ms = input.timing?.patienceMs;
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return null;
  if (ms < 0) {
    notes.push(
      `Turn ${input.turn}: you started speaking before the buyer finished; the pause counts as 0 s.`,
    );
    return 0;
  }
  return ms;
}

/** The words that made the buyer's line an objection, or null if it was not one. */
function objectionOf(input: DeliveryTurnInput): string | null {
  const read = input.buyerBefore
    ? readBuyerLine(input.buyerBefore).find((s) => s.kind === 'objection')
    : undefined;
  if (input.afterObjection === false) return null;
  if (read) return read.cue;
  return input.afterObjection === true ? '' : null;
}

function paceMetric(
  timed: readonly (Measured & { ms: number })[],
  speakingMs: number,
  words: number,
): DeliveryMetric {
  const { speakingPaceCeiling: ceiling, wordsPerMinute: normal } = THRESHOLDS;
  const base = {
    key: 'pace',
    metric: 'speaking pace',
    unit: 'words_per_minute',
    target: `about ${normal.value} words a minute; no faster than ${ceiling.value}`,
    source: ceiling.source,
  } as const;
  if (speakingMs < THRESHOLDS.minSpeechSecondsForPace.value * 1000)
    return {
      ...base,
      value: null,
      met: null,
      evidence: `Only ${seconds(speakingMs)} of speech had usable timing: too little to judge your pace.`,
      turns: [],
      tryInstead: null,
    };
  const wpm = Math.round(words / (speakingMs / 60_000));
  const paced = timed
    .map((m) => ({ m, wpm: turnPace(m) }))
    .filter((p): p is { m: Measured & { ms: number }; wpm: number } => p.wpm !== null);
  const fastest = paced.reduce<(typeof paced)[number] | undefined>(
    (best, p) => (best === undefined || p.wpm > best.wpm ? p : best),
    undefined,
  );
  const parts = [
    `${words} words in ${seconds(speakingMs)} of speech over ${plural(timed.length, 'spoken turn')}.`,
  ];
  if (fastest && paced.length > 1)
    parts.push(`Fastest: turn ${fastest.m.input.turn} at ${fastest.wpm} words a minute.`);
  const rattled = paceOf(timed.filter((m) => m.objectionCue !== null));
  const calm = paceOf(timed.filter((m) => m.objectionCue === null));
  if (rattled !== null && calm !== null)
    parts.push(`After an objection you spoke at ${rattled} words a minute, elsewhere at ${calm}.`);
  const met = wpm <= ceiling.value;
  const example = fastest ?? paced[0];
  return {
    ...base,
    value: wpm,
    met,
    evidence: parts.join(' '),
    turns: example ? [example.m.input.turn] : [],
    tryInstead: met
      ? null
      : `Slow down towards ${normal.value} words a minute: finish a point, then pause.${
          example
            ? ` Say turn ${example.m.input.turn} again out loud ("${opening(example.m.input.text)}") at a calmer pace.`
            : ''
        }`,
  };
}

function fillerMetric(fillers: readonly FillerCount[], speakingMs: number): DeliveryMetric {
  const total = fillers.reduce((sum, f) => sum + f.count, 0);
  const judgeable = speakingMs >= THRESHOLDS.minSpeechSecondsForPace.value * 1000;
  const top = fillers[0];
  return {
    key: 'fillers',
    metric: 'filler words',
    value: judgeable ? round1(total / (speakingMs / 60_000)) : null,
    unit: 'per_minute',
    target: 'fewer is clearer; shown, not judged (no research figure)',
    met: null,
    source: UNJUDGED.fillersPerMinute.source,
    evidence:
      total === 0
        ? 'No filler words counted (um, uh, "like" used as a filler, "you know", "I mean", basically, literally).'
        : `${plural(total, 'filler')} counted: ${fillers
            .map((f) => `"${f.word}" x${f.count} (${turnList(f.turns)})`)
            .join(', ')}.`,
    turns: [...new Set(fillers.flatMap((f) => f.turns))].sort((a, b) => a - b),
    tryInstead: top
      ? `Where you would say "${top.word}", pause in silence instead: a short pause sounds surer than a filler.`
      : null,
  };
}

function patienceMetric(measured: readonly Measured[]): DeliveryMetric {
  const { objectionPauseSeconds: line } = THRESHOLDS;
  const base = {
    key: 'patience',
    metric: 'pause before answering an objection',
    unit: 'seconds',
    target: `about ${line.value} s, like top reps (average reps: about 0.3 s)`,
    source: line.source,
  } as const;
  const known = measured.filter(
    (m): m is Measured & { patienceMs: number } => m.patienceMs !== null,
  );
  const afterObjection = known.filter((m) => m.objectionCue !== null);
  const unmeasured = measured.filter((m) => m.objectionCue !== null && m.patienceMs === null);
  const unmeasuredNote =
    unmeasured.length > 0
      ? ` The pause before ${turnList(unmeasured.map((m) => m.input.turn))} (after an objection) was not measured.`
      : '';
  if (afterObjection.length === 0) {
    if (known.length === 0)
      return {
        ...base,
        value: null,
        met: null,
        evidence: `No pause before a spoken reply was measured.${unmeasuredNote}`,
        turns: [],
        tryInstead: null,
      };
    const quickest = quickestOf(known);
    return {
      ...base,
      value: round1(mean(known.map((m) => m.patienceMs)) / 1000),
      met: null,
      evidence: `No spoken reply came straight after an objection, so this is not judged; the value is your average pause before speaking over ${plural(known.length, 'turn')} (quickest: turn ${quickest.input.turn}, ${seconds(quickest.patienceMs)}).${unmeasuredNote}`,
      turns: [quickest.input.turn],
      tryInstead: null,
    };
  }
  const average = mean(afterObjection.map((m) => m.patienceMs));
  const quickest = quickestOf(afterObjection);
  const cue = quickest.objectionCue ? ` after the buyer said "${quickest.objectionCue}"` : '';
  const met = average >= line.value * 1000;
  return {
    ...base,
    value: round1(average / 1000),
    met,
    evidence: `${plural(afterObjection.length, 'answer')} after an objection; the quickest was turn ${quickest.input.turn}, ${seconds(quickest.patienceMs)}${cue}.${unmeasuredNote}`,
    turns: [quickest.input.turn],
    tryInstead: met
      ? null
      : `When the buyer pushes back, let a second or two pass before you answer: it shows you heard them and leaves room for them to say more. Turn ${quickest.input.turn} started ${seconds(quickest.patienceMs)} after they finished.`,
  };
}

function monologueMetric(timed: readonly (Measured & { ms: number })[]): DeliveryMetric {
  const { monologueSeconds: line } = THRESHOLDS;
  const base = {
    key: 'monologue',
    metric: 'longest spoken turn',
    unit: 'seconds',
    target: `under ${line.value} s`,
    source: line.source,
  } as const;
  const longest = timed.reduce<(Measured & { ms: number }) | undefined>(
    (best, m) => (best === undefined || m.ms > best.ms ? m : best),
    undefined,
  );
  if (!longest)
    return {
      ...base,
      value: null,
      met: null,
      evidence: 'No spoken turn had usable timing.',
      turns: [],
      tryInstead: null,
    };
  const met = longest.ms <= line.value * 1000;
  return {
    ...base,
    value: round1(longest.ms / 1000),
    met,
    evidence: `Turn ${longest.input.turn}, ${seconds(longest.ms)}, starting "${opening(longest.input.text)}".`,
    turns: [longest.input.turn],
    tryInstead: met
      ? null
      : `Stop after your main point and hand the buyer a question: turn ${longest.input.turn} ran ${seconds(longest.ms)}, and long turns lose the buyer.`,
  };
}

function fillerCounts(timed: readonly Measured[]): FillerCount[] {
  const byWord = new Map<string, { count: number; turns: Set<number> }>();
  for (const m of timed)
    for (const word of m.fillers) {
      const entry = byWord.get(word) ?? { count: 0, turns: new Set<number>() };
      entry.count++;
      entry.turns.add(m.input.turn);
      byWord.set(word, entry);
    }
  return [...byWord.entries()]
    .map(([word, e]) => ({ word, count: e.count, turns: [...e.turns].sort((a, b) => a - b) }))
    .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word));
}

// --- Fillers ---------------------------------------------------------------

/** Spellings of the same sound, counted under one name. */
const FILLER_SPELLINGS: Readonly<Record<string, string>> = {
  umm: 'um',
  ummm: 'um',
  uhm: 'um',
  uhh: 'uh',
};

/** Before these, "like" is a verb ("I'd like to", "do you like"). */
const LIKE_VERB_AFTER: ReadonlySet<string> = new Set(
  (
    'i you we they he she who people would do does did not to will might may could should can ' +
    'really also still'
  ).split(' '),
);
/** After these, "like" compares ("looks like", "something like 20"). */
const LIKE_COMPARE_AFTER: ReadonlySet<string> = new Set(
  (
    'look looks looked looking sound sounds sounded feel feels felt feeling seem seems seemed ' +
    'something anything nothing everything more less much exactly lot little bit'
  ).split(' '),
);
const BE: ReadonlySet<string> = new Set('is are was were am be been'.split(' '));
/** After "it's like", these make a comparison ("it's like a CRM"), not a filler. */
const COMPARED_THING: ReadonlySet<string> = new Set(
  'a an the this that these those what how it them him her us me you'.split(' '),
);
/** "you know" after these is a real question or clause ("do you know", "as you know"). */
const KNOW_REAL_AFTER: ReadonlySet<string> = new Set(
  'do does did would will can could should might may if as not to what how who that all whatever'.split(
    ' ',
  ),
);
const SENTENCE_END: ReadonlySet<string> = new Set(['.', '?', '!']);

/**
 * The fillers in a reply, in order. Um, uh and the rest of core/text's list
 * always count; "like" only as a filler ("it was, like, slow", "like 20 reps",
 * "it's like really hard"), never as a verb or comparison ("I'd like to",
 * "looks like"); "you know" and "I mean" only when set off ("..., you know?",
 * "I mean, ..."). When unsure, a word is not counted.
 */
export function fillersIn(text: string): string[] {
  const tokens = tokenize(text);
  const found: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (FILLER_WORDS.has(token)) found.push(FILLER_SPELLINGS[token] ?? token);
    else if (token === 'like' && likeIsFiller(prev, next)) found.push('like');
    else if (token === 'you' && next === 'know' && setOff(tokens[i + 2], prev, KNOW_REAL_AFTER)) {
      found.push('you know');
      i++;
    } else if (token === 'i' && next === 'mean' && setOff(tokens[i + 2], prev, KNOW_REAL_AFTER)) {
      found.push('i mean');
      i++;
    }
  }
  return found;
}

function likeIsFiller(prev: string | undefined, next: string | undefined): boolean {
  if (prev !== undefined && (LIKE_VERB_AFTER.has(prev) || LIKE_COMPARE_AFTER.has(prev)))
    return false;
  if (prev === ',' || next === ',') return true;
  if (next !== undefined && /^\d/.test(next)) return true;
  return (
    prev !== undefined &&
    BE.has(prev) &&
    next !== undefined &&
    /\p{L}/u.test(next) &&
    !COMPARED_THING.has(next)
  );
}

/** A two-word filler is set off when a comma or the end of a sentence follows it. */
function setOff(
  after: string | undefined,
  before: string | undefined,
  realAfter: ReadonlySet<string>,
): boolean {
  if (before !== undefined && realAfter.has(before)) return false;
  return after === undefined || after === ',' || SENTENCE_END.has(after);
}

// --- Helpers ---------------------------------------------------------------

/** Words as said: "don't" and "20,000" are one word each. */
function spokenWordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['\u2019.,-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

function turnPace(m: Measured): number | null {
  if (m.ms === null || m.ms < THRESHOLDS.minTurnSecondsForPace.value * 1000) return null;
  return Math.round(m.words / (m.ms / 60_000));
}

/** The pace over some turns, when they hold enough speech to measure. */
function paceOf(turns: readonly (Measured & { ms: number })[]): number | null {
  const ms = turns.reduce((sum, m) => sum + m.ms, 0);
  if (ms < THRESHOLDS.minTurnSecondsForPace.value * 1000) return null;
  return Math.round(turns.reduce((sum, m) => sum + m.words, 0) / (ms / 60_000));
}

function quickestOf<T extends Measured & { patienceMs: number }>(turns: readonly T[]): T {
  return turns.reduce((best, m) => (m.patienceMs < best.patienceMs ? m : best));
}

/** The first words of a turn, to recognise it by. */
function opening(text: string, words = 8): string {
  const all = text.trim().split(/\s+/);
  return all.length > words ? `${all.slice(0, words).join(' ')}…` : all.join(' ');
}

function turnList(turns: readonly number[]): string {
  return turns.length === 1 ? `turn ${turns[0]}` : `turns ${turns.join(', ')}`;
}

function seconds(ms: number): string {
  const s = round1(ms / 1000);
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
