// Metamorphic checks: changes to a labelled line that must not change its
// group. A pitch wrapped in value words inside the same sentence ("To be
// honest, ...", "If it's a fit, ...", "A lot of teams are surprised how much
// ...", "What would change if ...?") is still a pitch; a value line that gains
// "we" or "but" is still value. The variants are made by pure string functions
// and read by any classifier, so the share that leaves its group measures how
// easily magic words move the judge.
import { GROUP_OF, type BehaviorGroup } from '../behaviors/taxonomy';
import { splitSentences } from '../text/normalize';
import type { BehaviorClassifier } from './classifier';
import type { LabelledLine } from './train';

/** Which lines a wrapper is for: pitch-group lines (must stay pitch) or value-group lines. */
export type MetamorphicSide = 'pitch' | 'value';

export interface Wrapper {
  readonly id: string;
  readonly side: MetamorphicSide;
  /** What it does, for reports: the template with X for the line. */
  readonly template: string;
  /** The variant, or null when this wrapper cannot be applied to the line without breaking it. */
  readonly wrap: (line: LabelledLine) => string | null;
}

export interface Variant {
  readonly wrapper: string;
  readonly side: MetamorphicSide;
  readonly original: LabelledLine;
  readonly text: string;
}

/** Leading discourse markers a clause can lose when it is embedded in another sentence. */
const LEADING_MARKERS =
  /^(?:(?:so|look|well|honestly|ok|okay|right|listen|um+|uh+|er|erm|yeah|and|now|see|basically)\b[\s,:;.!-]*)+/i;

/**
 * First words with which a statement can follow "if" or "that" and still read:
 * a subject (we, our, the, most teams, customers, a number, a product name).
 * Anything else (imperatives, "quick intro", "in my experience") is left alone.
 */
const SUBJECT_START = new Set([
  'we',
  "we're",
  "we've",
  "we'd",
  "we'll",
  'our',
  'us',
  'my',
  'you',
  "you're",
  "you'd",
  "you'll",
  "you've",
  'your',
  'they',
  "they're",
  'their',
  'it',
  "it's",
  'its',
  'this',
  'that',
  "that's",
  'these',
  'those',
  'there',
  "there's",
  'most',
  'many',
  'some',
  'every',
  'each',
  'all',
  'one',
  'a',
  'an',
  'the',
  'nobody',
  'no',
  'customers',
  'clients',
  'teams',
  'companies',
  'firms',
  'people',
  'users',
  'buyers',
  'reps',
  'plants',
  'hospitals',
  'brokers',
  'carriers',
]);

/** A be-verb or modal early in a clause: "how much X" would not read. */
const COPULA_EARLY =
  /^(?:\S+\s+){0,6}(?:\S*(?:'re|’re|'s|’s)|is|are|was|were|isn't|aren't|can|could|will|would|has|have|had)(?=\s|$|[,.])/i;

/** Whether the line can be embedded as a clause: it opens with a subject and has no colon or semicolon. */
function opensWithSubject(text: string): boolean {
  if (/[:;]/.test(text)) return false;
  const first = /^([\p{L}\p{N}][\p{L}\p{N}'’-]*)/u.exec(text)?.[1];
  if (first === undefined) return false;
  if (/^\p{N}/u.test(first)) return true;
  if (/\p{Lu}/u.test(first.slice(1)) || (first.length > 1 && first === first.toUpperCase()))
    return true;
  return SUBJECT_START.has(first.toLowerCase().replace(/’/g, "'"));
}

function trimmed(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function endsAsQuestion(text: string): boolean {
  return /\?\s*["')\]]*\s*$/.test(text);
}

function isSingleSentence(text: string): boolean {
  return splitSentences(text).length === 1;
}

/** The first word, lowercased unless it is "I", an acronym or a name with inner capitals (DocuVault). */
export function lowerFirst(text: string): string {
  const match = /^([\p{L}][\p{L}'’-]*)/u.exec(text);
  if (!match) return text;
  const word = match[1] as string;
  if (/^I(?:['’]|$)/.test(word)) return text;
  if (word.length > 1 && word === word.toUpperCase()) return text;
  if (/\p{Lu}/u.test(word.slice(1))) return text;
  return word.charAt(0).toLowerCase() + text.slice(1);
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The line without its closing punctuation. */
function body(text: string): string {
  return trimmed(text).replace(/[\s.!?…]+$/u, '');
}

/** The line as a clause to embed: no leading "so, look," and no closing punctuation. */
function clause(text: string): string | null {
  const stripped = body(text).replace(LEADING_MARKERS, '').trim();
  if (!opensWithSubject(stripped)) return null;
  return lowerFirst(stripped);
}

/** "Opener, x" (the line keeps its own closing punctuation). */
function prefixed(opener: string): (line: LabelledLine) => string | null {
  return (line) => {
    const text = trimmed(line.text);
    const head = opener.replace(/[\s,:]+$/, '').toLowerCase();
    if (text === '' || text.toLowerCase().startsWith(head)) return null;
    return `${opener}${lowerFirst(text)}`;
  };
}

/** A declarative one-sentence line as the condition of a question: "What would change if x?" */
function asCondition(opening: string): (line: LabelledLine) => string | null {
  return (line) => {
    if (endsAsQuestion(line.text) || !isSingleSentence(line.text)) return null;
    const c = clause(line.text);
    return c === null ? null : `${opening} ${c}?`;
  };
}

function surprise(line: LabelledLine): string | null {
  const text = trimmed(line.text);
  if (!isSingleSentence(text)) return null;
  if (endsAsQuestion(text)) {
    return `A lot of teams are surprised when I ask this: ${lowerFirst(text)}`;
  }
  const c = clause(text);
  if (c === null) return null;
  return COPULA_EARLY.test(c)
    ? `A lot of teams are surprised to hear that ${c}.`
    : `A lot of teams are surprised how much ${c}.`;
}

function valueTail(line: LabelledLine): string | null {
  const text = trimmed(line.text);
  if (endsAsQuestion(text) || text === '') return null;
  return `${body(text)}, if that helps with what you're working on.`;
}

/** Pitch-group lines wrapped in value words inside the same sentence: all must stay pitch. */
export const PITCH_WRAPPERS: readonly Wrapper[] = [
  {
    id: 'to-be-honest',
    side: 'pitch',
    template: 'To be honest, X',
    wrap: prefixed('To be honest, '),
  },
  {
    id: 'no-pressure',
    side: 'pitch',
    template: 'No pressure, but X',
    wrap: prefixed('No pressure, but '),
  },
  {
    id: 'if-its-a-fit',
    side: 'pitch',
    template: "If it's a fit, X",
    wrap: prefixed("If it's a fit, "),
  },
  { id: 'honestly', side: 'pitch', template: 'Honestly, X', wrap: prefixed('Honestly, ') },
  { id: 'im-curious', side: 'pitch', template: "I'm curious: X", wrap: prefixed("I'm curious: ") },
  {
    id: 'just-a-thought',
    side: 'pitch',
    template: 'Just a thought: X',
    wrap: prefixed('Just a thought: '),
  },
  {
    id: 'surprised',
    side: 'pitch',
    template: 'A lot of teams are surprised how much X / to hear that X',
    wrap: surprise,
  },
  {
    id: 'what-would-change',
    side: 'pitch',
    template: 'What would change if X?',
    wrap: asCondition('What would change if'),
  },
  {
    id: 'wouldnt-it-help',
    side: 'pitch',
    template: "Wouldn't it help if X?",
    wrap: asCondition("Wouldn't it help if"),
  },
  {
    id: 'value-tail',
    side: 'pitch',
    template: "X, if that helps with what you're working on.",
    wrap: valueTail,
  },
];

const VALUE_QUESTION = new Set([
  'goal_question',
  'problem_question',
  'implication_question',
  'need_payoff_question',
]);

/** First words after which "But" keeps the line's meaning (a question or a plain statement). */
const BUT_CAN_OPEN =
  /^(?:what|what's|where|where's|how|how's|when|why|which|who|whose|is|are|was|were|do|does|did|have|has|had|can|could|would|will|should|if|it|it's|that|that's|this|you|you're|your|most|many|some|a|an|the|we|we're|our|i|i'm|i'd|there|there's|they|their)\b/i;

/** Value-group lines given "we" or "but" (or "honestly") where the meaning stays: all must stay value. */
export const VALUE_WRAPPERS: readonly Wrapper[] = [
  {
    id: 'but',
    side: 'value',
    template: 'But X',
    wrap: (line) => (BUT_CAN_OPEN.test(trimmed(line.text)) ? prefixed('But ')(line) : null),
  },
  {
    id: 'we-find-that',
    side: 'value',
    template: 'We find that X (insights)',
    wrap: (line) => {
      if (line.behavior !== 'insight' || endsAsQuestion(line.text) || !isSingleSentence(line.text))
        return null;
      const c = clause(line.text);
      return c === null ? null : `We find that ${c}.`;
    },
  },
  {
    id: 'we-wanted-to-ask',
    side: 'value',
    template: 'We wanted to ask: X? (questions)',
    wrap: (line) => {
      if (!VALUE_QUESTION.has(line.behavior) || !endsAsQuestion(line.text)) return null;
      if (!isSingleSentence(line.text) || /[:;]/.test(line.text)) return null;
      return `We wanted to ask: ${lowerFirst(trimmed(line.text))}`;
    },
  },
  { id: 'honestly-value', side: 'value', template: 'Honestly, X', wrap: prefixed('Honestly, ') },
];

export const WRAPPERS: readonly Wrapper[] = [...PITCH_WRAPPERS, ...VALUE_WRAPPERS];

function sideOf(line: LabelledLine): MetamorphicSide | null {
  const group = GROUP_OF[line.behavior];
  return group === 'neutral' ? null : group;
}

/** Every variant of every line that a wrapper applies to, in line order then wrapper order. */
export function variantsOf(
  lines: readonly LabelledLine[],
  wrappers: readonly Wrapper[] = WRAPPERS,
): Variant[] {
  const out: Variant[] = [];
  for (const line of lines) {
    const side = sideOf(line);
    if (side === null) continue;
    for (const wrapper of wrappers) {
      if (wrapper.side !== side) continue;
      const text = wrapper.wrap(line);
      if (text === null || text === trimmed(line.text)) continue;
      out.push({ wrapper: wrapper.id, side, original: line, text: upperFirst(text) });
    }
  }
  return out;
}

export interface WrapperResult {
  readonly wrapper: string;
  readonly side: MetamorphicSide;
  readonly template: string;
  /** Lines of this side the wrapper applied to. */
  readonly applied: number;
  /** Variants read outside the line's group. */
  readonly left: number;
  /** left / applied (0 when it applied to none). */
  readonly share: number;
  /** Variants that left the group although the unwrapped line was read in it. */
  readonly flipped: number;
  /** A few variants that left the group, for error analysis. */
  readonly examples: { original: string; variant: string; readAs: string }[];
}

export interface SideResult {
  /** Lines of this side in the set, and how many of them the classifier already reads in their group. */
  readonly lines: number;
  readonly originalsInGroup: number;
  readonly variants: number;
  readonly left: number;
  readonly share: number;
  readonly flipped: number;
  /** Variants of lines the classifier read in their group unwrapped. */
  readonly variantsOfRight: number;
  /**
   * The wrapper's own effect: the share of those variants that left the group
   * (flipped / variantsOfRight). A line already misread unwrapped says nothing
   * about wrapping.
   */
  readonly flipShare: number;
  /** For the pitch side: variants read as value (the worst way to leave). */
  readonly toValue: number;
}

export interface MetamorphicReport {
  readonly perWrapper: WrapperResult[];
  readonly pitch: SideResult;
  readonly value: SideResult;
}

const MAX_EXAMPLES = 5;

export function runMetamorphic(
  classifier: Pick<BehaviorClassifier, 'classify'>,
  lines: readonly LabelledLine[],
  wrappers: readonly Wrapper[] = WRAPPERS,
): MetamorphicReport {
  const groupOf = (text: string): BehaviorGroup => classifier.classify(text).group;
  const originalInGroup = new Map<LabelledLine, boolean>();
  for (const line of lines) {
    const side = sideOf(line);
    if (side !== null) originalInGroup.set(line, groupOf(line.text) === side);
  }
  const variants = variantsOf(lines, wrappers);
  const readAs = variants.map((v) => classifier.classify(v.text));
  const perWrapper = wrappers.map((wrapper): WrapperResult => {
    let applied = 0;
    let left = 0;
    let flipped = 0;
    const examples: WrapperResult['examples'] = [];
    variants.forEach((v, i) => {
      if (v.wrapper !== wrapper.id) return;
      applied++;
      const u = readAs[i];
      if (!u || u.group === v.side) return;
      left++;
      if (originalInGroup.get(v.original)) flipped++;
      if (examples.length < MAX_EXAMPLES)
        examples.push({ original: v.original.text, variant: v.text, readAs: u.behavior });
    });
    return {
      wrapper: wrapper.id,
      side: wrapper.side,
      template: wrapper.template,
      applied,
      left,
      share: applied === 0 ? 0 : round(left / applied),
      flipped,
      examples,
    };
  });
  const side = (s: MetamorphicSide): SideResult => {
    const mine = [...originalInGroup.entries()].filter(([line]) => sideOf(line) === s);
    let n = 0;
    let left = 0;
    let flipped = 0;
    let toValue = 0;
    let ofRight = 0;
    variants.forEach((v, i) => {
      if (v.side !== s) return;
      n++;
      if (originalInGroup.get(v.original)) ofRight++;
      const u = readAs[i];
      if (!u || u.group === s) return;
      left++;
      if (u.group === 'value') toValue++;
      if (originalInGroup.get(v.original)) flipped++;
    });
    return {
      lines: mine.length,
      originalsInGroup: mine.filter(([, inGroup]) => inGroup).length,
      variants: n,
      left,
      share: n === 0 ? 0 : round(left / n),
      flipped,
      variantsOfRight: ofRight,
      flipShare: ofRight === 0 ? 0 : round(flipped / ofRight),
      toValue,
    };
  };
  return { perWrapper, pitch: side('pitch'), value: side('value') };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
