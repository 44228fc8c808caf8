// What a turn gives the report to go on: whether it said anything at all
// (filler, gibberish and one word repeated say nothing), whether a pitch was
// dressed in value words, and the evidence a coach would quote for it. Pure
// and deterministic, like the rest of scoring.
import {
  STOP_WORDS,
  splitSentences,
  stem,
  tokenize,
  withoutFillers,
  wordsOf,
} from '../text/normalize';

/** What a turn amounts to as evidence for a score. */
export type TurnSubstance =
  | { readonly kind: 'substantive' }
  /** Real words, but too few to show much (fewer than `MIN_SUBSTANTIVE_WORDS`). */
  | { readonly kind: 'thin' }
  /** Nothing but fillers and backchannel ("um ok", "yeah"). */
  | { readonly kind: 'filler'; readonly words: string }
  /** One word said over and over ("why why why..."). */
  | { readonly kind: 'one_word'; readonly word: string; readonly times: number }
  /** Mostly strings that are not words ("sdkfj qwrtp"). */
  | { readonly kind: 'gibberish' };

/** A turn needs this many words, fillers aside, to count as evidence. */
export const MIN_SUBSTANTIVE_WORDS = 3;

/** Words that answer without saying anything. */
const BACKCHANNEL: ReadonlySet<string> = new Set(
  (
    'ok okay k kk yeah yea yep yup yes ya yah sure right alright cool fine great nice good ' +
    'mhm mm mmm uh huh uhuh aha oh hmm hm wow gotcha noted no nope so well and but'
  ).split(' '),
);

/** A string reads as a word: it has a vowel, no long run of consonants, no letter tripled. */
function wordLike(word: string): boolean {
  if (/\d/.test(word)) return true;
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters.length === 0) return false;
  // Scripts without Latin vowels (and short words such as "hmm") are given the benefit of the doubt.
  if (!/^[a-z]+$/.test(letters)) return true;
  if (letters.length <= 3) return true;
  if (letters.length > 24) return false;
  if (!/[aeiouy]/.test(letters)) return false;
  if (/[^aeiouy]{5,}/.test(letters)) return false;
  if (/(.)\1\1/.test(letters)) return false;
  return true;
}

/** How much a rep turn says, for the evidence cap and for turns that say nothing. */
export function turnSubstance(text: string): TurnSubstance {
  const words = wordsOf(withoutFillers(tokenize(text)).tokens);
  if (words.length === 0) return { kind: 'filler', words: text.trim().slice(0, 40) };
  if (words.every((w) => BACKCHANNEL.has(w)) && words.length <= 4)
    return { kind: 'filler', words: words.join(' ') };
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  let top = '';
  let times = 0;
  for (const [w, n] of counts)
    if (n > times || (n === times && w < top)) {
      top = w;
      times = n;
    }
  // Natural sentences never give one word half the turn once there are a few words.
  if (words.length >= 4 && (times / words.length > 0.5 || counts.size <= 2))
    return { kind: 'one_word', word: top, times };
  const wordy = words.filter(wordLike).length;
  if (wordy / words.length < 0.5) return { kind: 'gibberish' };
  if (words.length < MIN_SUBSTANTIVE_WORDS) return { kind: 'thin' };
  return { kind: 'substantive' };
}

/** A turn that says nothing a buyer could answer: it earns nothing, whatever it was tagged. */
export function saysNothing(substance: TurnSubstance): boolean {
  return (
    substance.kind === 'filler' || substance.kind === 'one_word' || substance.kind === 'gibberish'
  );
}

/** Why a turn that says nothing earns nothing, in words for the rep. */
export function nothingWhy(substance: TurnSubstance): string {
  switch (substance.kind) {
    case 'filler':
      return `Says nothing the buyer can answer ("${substance.words}" is filler), so it earns nothing and counts as no evidence.`;
    case 'one_word':
      return `Repeats one word ("${bound(substance.word, 40)}", ${substance.times} times) instead of asking or saying something, so it earns nothing and counts as no evidence.`;
    case 'gibberish':
      return 'Is mostly not words, so the buyer cannot answer it: it earns nothing and counts as no evidence.';
    default:
      return 'Earns nothing.';
  }
}

// Evidence a coach would quote.

/** No evidence item is longer than this. */
export const MAX_CUE_CHARS = 120;
/** A quoted part of an evidence item is cut to this. */
const MAX_QUOTE_CHARS = 80;
const MAX_CUES = 4;
/** Turns this long, or shorter, are "short"; at least `LONG_WORDS` are "long". */
const SHORT_WORDS = 6;
const LONG_WORDS = 30;

/** Words a coach would quote on their own only when they carry the point. */
const MEANINGFUL_SHORT: ReadonlySet<string> = new Set(
  'we our us you your what how why where when who which if imagine'.split(' '),
);

const FIGURE =
  /[$€£]?\d[\d,.]*(?:\s?(?:%|percent|x|k|m|bn|million|billion|days?|weeks?|months?|hours?|reps?))?/gi;

/**
 * The evidence shown for a turn, cleaned: no item that quotes only function
 * words ("a", "for"), figures quoted whole ("30%", not "3"), stems shown as
 * the words the rep used, "short turn" and "long turn" only when true, and
 * every quote bounded in length.
 */
export function coachCues(cues: readonly string[], text: string): string[] {
  const words = wordsOf(withoutFillers(tokenize(text)).tokens);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const cue of cues) {
    const cleaned = cleanCue(cue, text, words.length);
    if (cleaned === undefined || seen.has(cleaned)) continue;
    seen.add(cleaned);
    out.push(cleaned);
    if (out.length >= MAX_CUES) break;
  }
  return out;
}

function cleanCue(cue: string, text: string, wordTotal: number): string | undefined {
  if (/^short turn$/i.test(cue) && wordTotal > SHORT_WORDS) return undefined;
  if (/^long turn$/i.test(cue) && wordTotal < LONG_WORDS) return undefined;
  if (/^several sentences$/i.test(cue) && splitSentences(text).length < 2) return undefined;
  if (/^prior$/i.test(cue)) return undefined;
  let dropped = false;
  const replaced = cue.replace(/"([^"]*)"/g, (_all, quoted: string) => {
    const better = quotable(
      quoted,
      text,
      /^(word|phrase|opens with|last sentence opens with)\b/i.test(cue),
    );
    if (better === undefined) dropped = true;
    return `"${better ?? ''}"`;
  });
  if (dropped) return undefined;
  return bound(replaced, MAX_CUE_CHARS);
}

/** The quoted part as a coach would quote it, or undefined when it is not worth quoting. */
function quotable(quoted: string, text: string, stemmed: boolean): string | undefined {
  const q = quoted.trim();
  if (q === '') return undefined;
  if (/\d/.test(q) && !/\s/.test(q)) return wholeFigure(q, text);
  const parts = q
    .toLowerCase()
    .split(/[\s_]+/)
    .filter(Boolean);
  const informative = parts.filter(
    (w) => MEANINGFUL_SHORT.has(w) || (w.length > 1 && !STOP_WORDS.has(w) && !/^[a-z]$/.test(w)),
  );
  if (informative.length === 0) return undefined;
  const surface = stemmed ? surfaceWords(parts, text) : undefined;
  return bound(surface ?? q, MAX_QUOTE_CHARS);
}

/** A figure as the rep wrote it ("30%", "$1.2m"), found from any digits of it. */
function wholeFigure(fragment: string, text: string): string | undefined {
  const digits = fragment.replace(/[^\d]/g, '');
  for (const match of text.matchAll(FIGURE)) {
    const figure = match[0].trim();
    if (figure.replace(/[^\d]/g, '').startsWith(digits)) return bound(figure, MAX_QUOTE_CHARS);
  }
  return fragment.length > 1 ? bound(fragment, MAX_QUOTE_CHARS) : undefined;
}

/** The rep's own words for a run of stems ("compani" -> "companies"), if they are in the text. */
function surfaceWords(stems: readonly string[], text: string): string | undefined {
  const tokens = wordsOf(tokenize(text));
  const stemmed = tokens.map(stem);
  for (let i = 0; i + stems.length <= tokens.length; i++) {
    if (stems.every((s, k) => stemmed[i + k] === s || tokens[i + k] === s))
      return tokens.slice(i, i + stems.length).join(' ');
  }
  return undefined;
}

/** Cut at a word boundary with an ellipsis. */
export function bound(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 3);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}...`;
}
