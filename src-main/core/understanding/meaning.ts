// What a line is about, in a form two lines can be compared by: its content
// words reduced to stems and then to shared sales concepts ("deal" and
// "opportunity" meet, "stuck" and "stall" meet), each weighted by how rare it
// is in reps' talk, plus the numbers and names it mentions and the form of the
// question it asks. The conversation reader (turn.ts) uses it to tell a
// reworded repeat from a new question, a turn that takes up something specific
// the buyer said from one that shares a common word, and a product turn that
// answers the buyer's need from a monologue. Pure and fast: no I/O, no models.
import { cleanText, FILLER_WORDS, stem, STOP_WORDS } from '../text/normalize';
import { COMMON_STEMS, RARITY_LINES } from './rarity';

/**
 * Words that mean the same thing in a sales conversation, one group per line.
 * Each word is stemmed once at load, so inflections meet too.
 */
const CONCEPT_GROUPS: readonly string[] = [
  'deal opportunity opp oppty',
  'stuck stall stalled slip slipping drag dragging stalling stagnate die dying dead ghost ghosted dark',
  'lose lost losing loss',
  'win won winning convert conversion converting',
  'close closing closed',
  'rate ratio percentage percent',
  'pipeline funnel pipe',
  'rep seller salesperson salespeople ae sdr bdr',
  'team org organisation organization department staff',
  'quota target attainment',
  'goal priority objective focus aim',
  'problem issue challenge pain headache struggle bottleneck difficulty blocker',
  'cost expensive price pricing spend money budget fee dollar',
  'forecast forecasting projection predict prediction',
  'churn attrition cancel cancellation',
  'customer client',
  'ramp onboard onboarding induction',
  'hire hiring recruit recruiting recruitment headcount',
  'competitor competition rival',
  'manager leader director boss executive vp',
  'meeting call session conversation chat catch-up',
  'renewal renew renewing',
  'contract agreement',
  'approve approval sign signoff authorise authorize',
  'adoption usage utilisation utilization adopt',
  'early ahead earlier sooner advance before',
  'fast faster quick quicker speed shorter',
  'report reporting dashboard visibility insight',
  'tool software platform system solution product app',
  'grow growth expand expansion scale',
  'revenue bookings income',
  'margin profit profitability',
  'risk exposure',
  'delay late lateness overdue',
  'error mistake defect',
  'burnout burn exhausted exhaustion',
  'leave quit resign turnover',
  'coach coaching mentor mentoring',
  'train training enablement',
];

/** Words that carry no topic for these readers, beyond the shared stop words. */
const EXTRA_STOP = new Set(
  (
    'tend usually typically often actually honestly currently today now right just quite pretty ' +
    'maybe perhaps probably kind sort bit stuff something anything everything does doing done ' +
    'happen happens happening happened tell talk walk through curious wonder wondering yeah yes ' +
    'hi hello hey thanks thank please great good nice cool awesome point stage part sense ' +
    'main key top biggest big major primary important take takes taking took full fully ' +
    'current currently moment facing face exactly generally normally each per'
  ).split(' '),
);

const CONCEPT_OF: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const group of CONCEPT_GROUPS) {
    const words = group.split(' ');
    const id = `~${stem(words[0] as string)}`;
    for (const word of words) map.set(stem(word), id);
  }
  return map;
})();

const LINES_OF: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  for (const pair of COMMON_STEMS.split(' ')) {
    const at = pair.lastIndexOf(':');
    map.set(pair.slice(0, at), Number(pair.slice(at + 1)));
  }
  return map;
})();

// A stem in one line in 400 or fewer says all a word can: a share, not a count,
// so the scale stays put as the training corpus grows.
const RARE_LOG = Math.log(400);
const FLOOR_LOG = 1.5;

/**
 * How much a stem says about what a line is specifically about, 0.1 to 1: a stem
 * most reps use in every other line ("team", "year") says little; one they
 * rarely use, or never did, says a lot.
 */
export function rarity(stemmed: string): number {
  const lines = LINES_OF.get(stemmed);
  if (lines === undefined) return 1;
  const w = (Math.log(RARITY_LINES / lines) - FLOOR_LOG) / (RARE_LOG - FLOOR_LOG);
  return Math.min(1, Math.max(0.1, w));
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
};

const DURATION = /^(second|minute|hour|day|week|month|quarter|year)s?$/;

export type QuestionForm = 'point' | 'reason' | 'amount' | 'manner' | 'person' | 'what' | 'closed';

/** What one line is about. */
export interface Meaning {
  /** Concept (or stem, when no concept covers it) to its weight in this line. */
  readonly concepts: ReadonlyMap<string, number>;
  /** Content stems in order, for shared phrases. */
  readonly sequence: readonly string[];
  /** Numbers mentioned, as digits ("seventeen percent" and "17%" both give "17"). */
  readonly numbers: ReadonlySet<string>;
  /** Names and acronyms used mid-sentence ("Salesforce", "SE"), lowercased. */
  readonly names: ReadonlySet<string>;
  /** The form of the question it asks, or undefined for a statement. */
  readonly question: QuestionForm | undefined;
  /** Total weight of its concepts. */
  readonly weight: number;
}

/** Wh-phrases that say what kind of answer a question wants; removed from the content. */
const FORMS: readonly [RegExp, QuestionForm][] = [
  [
    /\b(at what (point|stage)|(at |in )?which (point|stage|step)|what (stage|step|point)|where|when)\b/,
    'point',
  ],
  [
    /\b(why|what (causes|caused|drives|is behind|makes)|how come|what is the reason|reason (for|why))\b/,
    'reason',
  ],
  [
    /\b(how (many|much|often|long|big)|what (percentage|share|proportion|fraction|number of))\b/,
    'amount',
  ],
  [/\b(who|whom)\b/, 'person'],
  [/\bhow\b/, 'manner'],
  [/\b(what|which|tell me|walk me through|talk me through|help me understand|describe)\b/, 'what'],
];
/** Every wh-phrase at once, to take them out of the content. */
const FORM_WORDS = new RegExp(FORMS.map(([p]) => p.source).join('|'), 'g');
const CLOSED_START =
  /^(do|does|did|is|are|was|were|can|could|would|will|should|have|has|had|shall|may|might|isn not|are not|do not|does not|any|anything)\b/;

function questionForm(clean: string): QuestionForm | undefined {
  const sentences = clean.split(/(?<=[.!?])\s+/).filter((s) => s.includes('?'));
  const asked = sentences.length > 0 ? sentences : [];
  if (asked.length === 0) {
    // Spoken questions often lose the mark: an opening wh-word still asks.
    const m =
      /^(so |and |ok |okay )?(what|how|where|when|why|which|who|walk me through|talk me through|tell me (about|how|what|why)|help me understand)\b/.exec(
        clean,
      );
    if (!m) return undefined;
    asked.push(clean);
  }
  const last = (asked[asked.length - 1] as string).replace(/^(so|and|but|okay|ok|well),?\s+/, '');
  if (CLOSED_START.test(last)) return 'closed';
  // The first wh-phrase says what is asked: "what does it cost when..." asks what.
  let found: QuestionForm = 'what';
  let at = Infinity;
  for (const [pattern, form] of FORMS) {
    const m = pattern.exec(last);
    if (m && m.index < at) {
      at = m.index;
      found = form;
    }
  }
  return found;
}

const NAME = /(?<![.!?]\s*|^)\b([A-Z][a-zA-Z]*[A-Z][a-zA-Z]*|[A-Z][a-z]{2,})\b/g;
/** Enough names to recognise a line's; a pasted list of hundreds says nothing more. */
const MAX_NAMES = 16;
const NOT_NAMES = new Set([
  'i',
  'ok',
  'okay',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
]);

const WORD = /\d+(?:[.,]\d+)*%?|[\p{L}][\p{L}'-]*/gu;

/**
 * Words of a cleaned line, fillers left out. Lighter than the classifier's
 * tokenizer: a contraction's tail ("n't", "'s", "'re") is a function word, so
 * it is simply dropped.
 */
function wordsIn(clean: string): string[] {
  const out: string[] = [];
  for (const m of clean.matchAll(WORD)) {
    let word = m[0];
    const apostrophe = word.indexOf("'");
    if (apostrophe >= 0) {
      // "don't", "isn't": a negated auxiliary, no topic.
      if (word.endsWith("n't")) continue;
      word = word.slice(0, apostrophe);
    }
    word = word.replace(/-+$/, '');
    if (word === '' || FILLER_WORDS.has(word)) continue;
    out.push(word);
  }
  return out;
}

/** Reads what a line is about. */
export function meaningOf(raw: string): Meaning {
  const clean = cleanText(raw);
  const question = questionForm(clean);
  const text = question === undefined ? clean : clean.replace(FORM_WORDS, ' ');
  const tokens = wordsIn(text);
  const concepts = new Map<string, number>();
  const sequence: string[] = [];
  const numbers = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const digits = /^(\d+(?:[.,]\d+)*)%?$/.exec(token);
    const spelled = Object.hasOwn(NUMBER_WORDS, token) ? NUMBER_WORDS[token] : undefined;
    if (digits || spelled !== undefined) {
      const value = digits ? (digits[1] as string).replace(/,/g, '') : String(spelled);
      // "twelve months" is a span of time, not the buyer's "twelve SDRs".
      const unit = DURATION.exec(tokens[i + 1] ?? '');
      numbers.add(unit ? `${value} ${unit[1]}` : value);
      continue;
    }
    if (token.length < 3 || STOP_WORDS.has(token) || EXTRA_STOP.has(token)) continue;
    const s = stem(token);
    if (EXTRA_STOP.has(s) || STOP_WORDS.has(s)) continue;
    sequence.push(s);
    const id = CONCEPT_OF.get(s) ?? s;
    const w = rarity(s);
    concepts.set(id, Math.max(concepts.get(id) ?? 0, w));
  }
  const names = new Set<string>();
  for (const m of raw.matchAll(NAME)) {
    // "SEs" and "SE" are the same people.
    const name = (m[1] as string).replace(/^([A-Z]{2,})s$/, '$1').toLowerCase();
    if (!NOT_NAMES.has(name)) names.add(name);
    if (names.size >= MAX_NAMES) break;
  }
  let weight = 0;
  for (const w of concepts.values()) weight += w;
  return { concepts, sequence, numbers, names, question, weight };
}

/**
 * Share of a's meaning that b also expresses (0 when a says nothing). A concept
 * b expresses counts at a's full weight, however b words it.
 */
export function coverage(a: Meaning, b: Meaning): number {
  if (a.weight === 0) return 0;
  let covered = 0;
  for (const [id, w] of a.concepts) if (b.concepts.has(id)) covered += w;
  return covered / a.weight;
}

/** Weight of the concepts two lines share (the smaller weight of each pair). */
export function sharedWeight(a: Meaning, b: Meaning): number {
  let shared = 0;
  for (const [id, w] of a.concepts) {
    const other = b.concepts.get(id);
    if (other !== undefined) shared += Math.min(w, other);
  }
  return shared;
}

/** Concepts the two share, rarest first. */
export function sharedConcepts(a: Meaning, b: Meaning): string[] {
  return [...a.concepts]
    .filter(([id]) => b.concepts.has(id))
    .sort((x, y) => y[1] - x[1])
    .map(([id]) => id);
}

/** Adjacent pairs of content stems both lines use, with their combined rarity. */
export function sharedPhrases(a: Meaning, b: Meaning): { phrase: string; weight: number }[] {
  const pairs = new Set<string>();
  for (let i = 1; i < b.sequence.length; i++) pairs.add(`${b.sequence[i - 1]} ${b.sequence[i]}`);
  const out: { phrase: string; weight: number }[] = [];
  for (let i = 1; i < a.sequence.length; i++) {
    const first = a.sequence[i - 1] as string;
    const second = a.sequence[i] as string;
    if (first !== second && pairs.has(`${first} ${second}`))
      out.push({ phrase: `${first} ${second}`, weight: rarity(first) + rarity(second) });
  }
  return out;
}

/** A line needs this much weight in at least two concepts before it can count as a repeat. */
const REPEAT_MIN_CONCEPTS = 2;
/** A question about one topic must be about a topic this specific to repeat. */
const SINGLE_TOPIC_WEIGHT = 0.3;
/** Each line must cover this share of the other's meaning. */
const REPEAT_COVERAGE = 0.8;

function formsAgree(a: QuestionForm | undefined, b: QuestionForm | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a === b || a === 'what' || b === 'what';
}

/**
 * The same question or claim again, however it is worded: each covers most of
 * the other's meaning and they ask the same kind of question. A new angle on
 * the same topic (what it costs, why it happens) adds meaning the earlier line
 * lacks, so it is not a repeat.
 */
export function sameMeaning(a: Meaning, b: Meaning): boolean {
  if (!formsAgree(a.question, b.question)) return false;
  const shared = sharedConcepts(a, b).length;
  if (shared < REPEAT_MIN_CONCEPTS) {
    // A one-topic question ("what's your biggest challenge?") repeats only the very same topic.
    return (
      a.question !== undefined &&
      shared === 1 &&
      a.concepts.size === 1 &&
      b.concepts.size === 1 &&
      a.weight >= SINGLE_TOPIC_WEIGHT
    );
  }
  return coverage(a, b) >= REPEAT_COVERAGE && coverage(b, a) >= REPEAT_COVERAGE;
}
