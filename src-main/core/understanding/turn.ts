// Reading a rep turn in its conversation: what behaviour it is, whether it
// repeats an earlier turn (by meaning, not by shared words), whether it builds
// on something specific the buyer said, and, for a product turn, which of the
// buyer's stated needs it answers in substance. The persona reacts to these
// facts and the report scores them, so both read a turn the same way, through
// one ConversationReader.
import { launderingWrapper } from './framing';
import type { TurnFacts } from '../meeting/types';
import { cleanText, splitSentences } from '../text/normalize';
import { askSizeOf } from './ask';
import { readBuyerLine } from './buyer';
import type { BehaviorClassifier, Understanding } from './classifier';
import {
  coverage,
  meaningOf,
  rarity,
  sameMeaning,
  sharedPhrases,
  sharedWeight,
  type Meaning,
} from './meaning';

/**
 * A turn builds on the buyer when it picks up what they said in their last two
 * lines: people refer back a turn, and that still shows they listened.
 */
const RECENT_BUYER_LINES = 2;
const REFERS_BACK =
  /\b(you (mentioned|said|told me|described|talked about|brought up|raised|flagged)|earlier you|going back to|you just said|what you said|when you say|you('re| are) saying)\b/i;
/** One shared concept this rare (in under about one rep line in 170) is something specific of theirs. */
const SPECIFIC_WORD = 0.8;
/** Or several less rare ones together. */
const SPECIFIC_TOTAL = 1.6;
/** A shared two-word phrase this rare ("win rate", "board prep") is theirs. */
const SPECIFIC_PHRASE = 1.3;
/** With an explicit "you mentioned", a little shared meaning is enough. */
const REFERRED_TOTAL = 0.4;
/** Numbers too small to be anyone's figure ("one or two"). */
const TRIVIAL_NUMBERS = new Set(['1', '2']);

/** The buyer saying the question was already answered. */
const ALREADY_ANSWERED =
  /\b(asked (me )?(that|this) (already|before)|already asked|(just|already) covered (that|this)|same question|i (already|just) (told|said|answered)|as i said|like i said)\b/i;
/** An answer has at least this much content, or a number. */
const ANSWER_CONCEPTS = 4;

/** Words that say a need exists without saying what it is about. */
const NEED_VERBS = new Set(
  (
    'fix solve improve change better sort stop reduce cut find way help work make more less ' +
    'much real someone could someth anyth need want like have get priority goal thing time'
  ).split(' '),
);
/** What a product turn says it does: the part that can answer a need. */
const DOES =
  /\b(help|helps|helped|let|lets|means?|so (that|you|your|the)|cuts?|reduc\w*|rais\w*|lifts?|improv\w*|fix\w*|stops?|catch\w*|flags?|shows?|tells?|turns?|gets?|keeps?|makes?|prevents?|wins?|closes?|convert\w*|sav\w*|shorten\w*|speeds?|gives?|spots?|predicts?|surfaces?|alerts?|warns?|tracks?|increas\w*|doubles?|halves?|boosts?|brings?|moves?|protects?|pulls?|coach\w*|trains?|ramps?|automat\w*|handles?)\b/i;
/** A need is answered when the turn covers this share of what it is about. */
const NEED_COVERAGE = 0.5;
/** A long product turn whose match is this small a share of it is a monologue, not an answer. */
const MONOLOGUE_WEIGHT = 6;
const MONOLOGUE_SHARE = 0.15;

/** Characters of a line read for what it is about: enough for any spoken turn, bounded for pasted walls of text. */
const MAX_READ = 4000;

/** What the reader works out about a rep turn (TurnFacts, with the reader's optional fields). */
export type ReadFacts = TurnFacts;

/** The buyer lines a product turn answers, when the reader recorded them (older saved turns did not). */
export function answersOf(turn: TurnFacts): readonly number[] | undefined {
  return Array.isArray(turn.answers) ? turn.answers : undefined;
}

/** Whether a repeated turn repeats something the buyer had already answered. */
export function repeatsAnswered(turn: TurnFacts): boolean {
  return turn.repeated && turn.alreadyAnswered === true;
}

export interface ReadTurn {
  readonly understanding: Understanding;
  readonly facts: ReadFacts;
}

interface BuyerRead {
  /** Rep turns before this line. */
  readonly after: number;
  readonly text: string;
  readonly meaning: Meaning;
  /** What each need stated in the line is about. */
  readonly needs: readonly StatedNeedRead[];
}

interface StatedNeedRead {
  readonly explicit: boolean;
  readonly about: Meaning;
}

interface RepRead {
  readonly meaning: Meaning;
  /** The buyer's words in answer to it. */
  reply: string;
}

/** Follows a conversation turn by turn, keeping what it needs to read the next rep turn. */
export class ConversationReader {
  private readonly earlierRep: RepRead[] = [];
  private readonly buyerLines: BuyerRead[] = [];

  constructor(private readonly classifier: BehaviorClassifier) {}

  buyer(whole: string): void {
    if (!/[\p{L}\p{N}]/u.test(whole)) return;
    const text = whole.slice(0, MAX_READ);
    this.buyerLines.push({
      after: this.earlierRep.length,
      text,
      meaning: meaningOf(text),
      needs: needsIn(text),
    });
    const last = this.earlierRep[this.earlierRep.length - 1];
    if (last) last.reply = `${last.reply} ${text}`.trim().slice(0, MAX_READ);
  }

  /** Notes a rep turn read earlier (when resuming) without reading it again. */
  remember(repText: string): void {
    this.earlierRep.push({ meaning: meaningOf(repText.slice(0, MAX_READ)), reply: '' });
  }

  rep(whole: string): ReadTurn {
    const understanding = this.classifier.classify(whole);
    const text = whole.slice(0, MAX_READ);
    const meaning = meaningOf(text);
    const earlier = this.earlierRep.filter((e) => sameMeaning(meaning, e.meaning));
    const repeated = earlier.length > 0;
    const product =
      understanding.behavior === 'pitch' || understanding.behavior === 'proof_to_sell';
    const answered = product ? answeredNeeds(text, meaning, this.buyerLines) : undefined;
    const recent = this.buyerLines.slice(-RECENT_BUYER_LINES);
    const facts: ReadFacts = {
      behavior: understanding.behavior,
      group: understanding.group,
      repeated,
      ...(repeated ? { alreadyAnswered: earlier.some((e) => isAnswer(e.reply, e.meaning)) } : {}),
      // A product turn builds on the buyer only by answering the need they stated.
      buildsOnBuyer: answered ? answered.explicit : buildsOn(text, meaning, recent),
      ...(answered ? { answers: answered.lines } : {}),
      ...(understanding.behavior === 'commitment_ask' ? { ask: askSizeOf(text) } : {}),
      ...(product && launderingWrapper(text) !== undefined ? { dressed: true } : {}),
    };
    this.earlierRep.push({ meaning, reply: '' });
    return { understanding, facts };
  }
}

/**
 * Whether a turn takes up something specific the buyer just said: one of their
 * figures, a name they used, a distinctive phrase or rare word of theirs, or an
 * explicit "you mentioned" with what they mentioned. A common word both happen
 * to use ("team", "year") is not listening, so a canned script does not build
 * on everybody.
 */
export function buildsOn(text: string, read: Meaning, recent: readonly BuyerRead[]): boolean {
  if (recent.length === 0) return false;
  const vocatives = [...read.names].filter((name) => isVocative(text, name));
  const meaning = vocatives.length > 0 ? without(read, new Set(vocatives)) : read;
  const names = [...meaning.names];
  const refersBack = REFERS_BACK.test(text);
  return recent.some((line) => {
    const heard = line.meaning;
    if ([...meaning.numbers].some((n) => !TRIVIAL_NUMBERS.has(n) && heard.numbers.has(n)))
      return true;
    if (names.some((name) => heard.names.has(name))) return true;
    if (sharedPhrases(meaning, heard).some((p) => p.weight >= SPECIFIC_PHRASE)) return true;
    const shared = sharedWeight(meaning, heard);
    if (refersBack && shared >= REFERRED_TOTAL) return true;
    if (shared >= SPECIFIC_TOTAL) return true;
    // One rare word of theirs, in their word (a synonym alone is not enough).
    const theirs = new Set(heard.sequence);
    return meaning.sequence.some((s) => theirs.has(s) && rarity(s) >= SPECIFIC_WORD);
  });
}

/** A meaning with some words (a name used as a greeting) left out. */
function without(meaning: Meaning, words: ReadonlySet<string>): Meaning {
  const concepts = new Map([...meaning.concepts].filter(([id]) => !words.has(id)));
  let weight = 0;
  for (const w of concepts.values()) weight += w;
  return {
    ...meaning,
    concepts,
    weight,
    sequence: meaning.sequence.filter((s) => !words.has(s)),
    names: new Set([...meaning.names].filter((n) => !words.has(n))),
  };
}

/** "Thanks, Dana" uses the buyer's name as a greeting, not as something they said. */
function isVocative(text: string, name: string): boolean {
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `(^|[.!?]\\s*)(hi|hey|hello|thanks|thank you|cheers|morning|good morning|good afternoon)?,?\\s*${n}\\b\\s*[,.!?]|\\b(hi|hey|hello|thanks|thank you|cheers),?\\s+${n}\\b|,\\s*${n}\\s*[.!?]?\\s*$`,
    'i',
  ).test(text);
}

/** A reply answers a question when it says something: a figure, some content, or "I told you". */
function isAnswer(reply: string, asked: Meaning): boolean {
  if (!reply) return false;
  if (ALREADY_ANSWERED.test(reply)) return true;
  const heard = meaningOf(reply);
  const signals = readBuyerLine(reply);
  const deflects = signals.some((s) => s.kind === 'objection' || s.kind === 'disengagement');
  if (deflects && heard.concepts.size < ANSWER_CONCEPTS * 2) return false;
  return (
    heard.numbers.size > 0 ||
    heard.concepts.size >= ANSWER_CONCEPTS ||
    coverage(asked, heard) >= 0.5
  );
}

/** What each need a buyer line states is about: the words after "we need to ...", or the problem sentence. */
export function needsIn(text: string): StatedNeedRead[] {
  const needs: StatedNeedRead[] = [];
  for (const sentence of splitSentences(text)) {
    for (const signal of readBuyerLine(sentence)) {
      if (signal.kind !== 'explicit_need' && signal.kind !== 'implied_need') continue;
      const clean = cleanText(sentence);
      const at = clean.indexOf(cleanText(signal.cue));
      let about = signal.kind === 'explicit_need' && at >= 0 ? clean.slice(at) : clean;
      // "fix how we win, not just how much we chase": the need is the first part.
      about =
        about.split(/,?\s+(?:not just|not only|rather than|instead of)\b|,\s*not\b|;|\bbut\b/)[0] ??
        about;
      const meaning = withoutNeedVerbs(meaningOf(about));
      if (meaning.weight > 0)
        needs.push({ explicit: signal.kind === 'explicit_need', about: meaning });
    }
  }
  return needs;
}

function withoutNeedVerbs(meaning: Meaning): Meaning {
  return without(meaning, NEED_VERBS);
}

/**
 * The buyer lines whose need a product turn answers in substance: it says what
 * it does, that covers at least half of what the need is about, and the match
 * is not one word lost in a product monologue.
 */
function answeredNeeds(
  text: string,
  meaning: Meaning,
  lines: readonly BuyerRead[],
): { lines: number[]; explicit: boolean } {
  const out = { lines: [] as number[], explicit: false };
  if (!DOES.test(text)) return out;
  for (const line of lines) {
    const answered = line.needs.filter((need) => answersNeed(meaning, need.about));
    if (answered.length === 0) continue;
    if (!out.lines.includes(line.after)) out.lines.push(line.after);
    if (answered.some((need) => need.explicit)) out.explicit = true;
  }
  return out;
}

function answersNeed(meaning: Meaning, need: Meaning): boolean {
  const covered = sharedWeight(need, meaning);
  if (covered < NEED_COVERAGE * need.weight || covered < Math.min(need.weight, 0.6)) return false;
  return !(meaning.weight >= MONOLOGUE_WEIGHT && covered / meaning.weight < MONOLOGUE_SHARE);
}
