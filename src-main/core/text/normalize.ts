// Turning what a rep typed or said into clean tokens: lowercase, contractions
// and common typing shortcuts expanded, spoken fillers set aside, sentences
// split. Shared by understanding (features) and scoring (talk metrics).

/** Spoken fillers that carry no meaning; counted for delivery metrics, removed for reading. */
export const FILLER_WORDS: ReadonlySet<string> = new Set([
  'um',
  'umm',
  'ummm',
  'uh',
  'uhh',
  'uhm',
  'erm',
  'er',
  'hmm',
  'hm',
  'mm',
  'ah',
  'basically',
  'literally',
]);

/** Multi-word fillers, matched on whole tokens. */
const FILLER_PHRASES: readonly (readonly string[])[] = [
  ['you', 'know', ','],
  ['i', 'mean', ','],
  ['like', ','],
  [',', 'like', ','],
];

/** Shortcuts and frequent misspellings, mapped to the word meant. */
const SHORTHAND_WORDS: Readonly<Record<string, string>> = {
  u: 'you',
  ur: 'your',
  r: 'are',
  y: 'why',
  teh: 'the',
  hte: 'the',
  waht: 'what',
  wat: 'what',
  whta: 'what',
  wht: 'what',
  hw: 'how',
  hows: "how's",
  whats: "what's",
  thats: "that's",
  dont: "don't",
  doesnt: "doesn't",
  didnt: "didn't",
  isnt: "isn't",
  wont: "won't",
  cant: "can't",
  im: "i'm",
  ive: "i've",
  youre: "you're",
  youve: "you've",
  theyre: "they're",
  wanna: 'want to',
  gonna: 'going to',
  gotta: 'got to',
  kinda: 'kind of',
  sorta: 'sort of',
  cuz: 'because',
  cos: 'because',
  coz: 'because',
  bc: 'because',
  becuase: 'because',
  becasue: 'because',
  recieve: 'receive',
  thx: 'thanks',
  thnx: 'thanks',
  ty: 'thanks',
  pls: 'please',
  plz: 'please',
  tmrw: 'tomorrow',
  mins: 'minutes',
  min: 'minutes',
  convo: 'conversation',
  w: 'with',
  'w/': 'with',
  abt: 'about',
  bout: 'about',
  prob: 'probably',
  probs: 'probably',
  rly: 'really',
  def: 'definitely',
  yr: 'year',
  yrs: 'years',
  q: 'quarter',
  qtr: 'quarter',
  roi: 'roi',
  dem: 'demo',
};

// A Map, so words such as "constructor" never find Object's own properties.
const SHORTHAND: ReadonlyMap<string, string> = new Map(Object.entries(SHORTHAND_WORDS));

const CONTRACTIONS: readonly [RegExp, string][] = [
  [/\bwon't\b/g, 'will not'],
  [/\bcan't\b/g, 'can not'],
  [/\bain't\b/g, 'is not'],
  [/n't\b/g, ' not'],
  [/'re\b/g, ' are'],
  [/'ve\b/g, ' have'],
  [/'ll\b/g, ' will'],
  [/'d\b/g, ' would'],
  [/\bi'm\b/g, 'i am'],
  [/\blet's\b/g, 'let us'],
  [/\b(what|that|it|there|where|how|who|here|he|she)'s\b/g, '$1 is'],
];

/** Lowercase, unify quotes and dashes, drop control characters and emoji. */
export function cleanText(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, ' - ')
    .replace(/\p{Extended_Pictographic}|[\p{Cc}\p{Cf}]/gu, ' ')
    .toLowerCase();
}

/** Split into sentences on . ? ! and line breaks; keeps the end mark with the sentence. */
export function splitSentences(raw: string): string[] {
  const parts = raw
    .replace(/\r/g, '')
    .split(/(?<=[.?!])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
  return parts.length > 0 ? parts : [];
}

/** Tokens: words, numbers (with % kept), and the punctuation that matters (? , .). */
export function tokenize(raw: string): string[] {
  const tokens: string[] = [];
  const re = /\d+(?:[.,]\d+)*%?|[\p{L}][\p{L}'-]*|[?,.!$%]/gu;
  for (const match of cleanText(raw).matchAll(re)) {
    // Shorthand first ("dont" -> "don't"), then contractions ("don't" -> "do not").
    const word = match[0].replace(/'+$/, '');
    for (const token of expandContractions(SHORTHAND.get(word) ?? word).split(' ')) {
      if (token === '' || token === "'s") continue;
      tokens.push(token.endsWith("'s") ? token.slice(0, -2) : token);
    }
  }
  return tokens;
}

function expandContractions(word: string): string {
  if (!word.includes("'")) return word;
  let text = word;
  for (const [pattern, replacement] of CONTRACTIONS) text = text.replace(pattern, replacement);
  return text;
}

/** Tokens with spoken fillers removed; `fillers` counts what was removed. */
export function withoutFillers(tokens: readonly string[]): { tokens: string[]; fillers: number } {
  const out: string[] = [];
  let fillers = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (FILLER_WORDS.has(token)) {
      fillers++;
      if (tokens[i + 1] === ',') i++;
      continue;
    }
    const phrase = FILLER_PHRASES.find((p) => p.every((word, k) => tokens[i + k] === word));
    if (phrase) {
      fillers++;
      i += phrase.length - 1;
      continue;
    }
    out.push(token);
  }
  return { tokens: out, fillers };
}

/** Words only (no punctuation tokens). */
export function wordsOf(tokens: readonly string[]): string[] {
  return tokens.filter((t) => /[\p{L}\p{N}]/u.test(t));
}

/** Count of words in a raw string, for talk-share metrics. */
export function wordCount(raw: string): number {
  return wordsOf(tokenize(raw)).length;
}

/** A conservative stemmer: enough to make "deals"/"deal" and "asking"/"ask" meet. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (word.endsWith('ing') && word.length > 5) return trimDouble(word.slice(0, -3));
  if (word.endsWith('ed') && word.length > 4) return trimDouble(word.slice(0, -2));
  if (word.endsWith('ly') && word.length > 5) return word.slice(0, -2);
  if (word.endsWith('es') && /(ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is'))
    return word.slice(0, -1);
  return word;
}

function trimDouble(word: string): string {
  return /([^aeiouls])\1$/.test(word) ? word.slice(0, -1) : word;
}

/** Function words that say little about a topic, for overlap measures. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if so of to in on at by for with from as is are was were be been being ' +
    'am do does did have has had i you we they he she it me us them my your our their its this that ' +
    'these those there here what which who whom whose when where why how not no yes can could would ' +
    'should will shall may might must just about into over than then too very really also any some ' +
    'all more most much many such only own same other each few both again further once up down out ' +
    'off get got go going like know think want need let make well okay ok right sure thing things ' +
    'one way lot bit kind sort mean say said tell see look ask'
  ).split(' '),
);

/** Content stems of a text, for "does this build on what the buyer said" and repeats. */
export function contentStems(raw: string): Set<string> {
  const out = new Set<string>();
  for (const token of withoutFillers(wordsOf(tokenize(raw))).tokens) {
    if (token.length < 3 || STOP_WORDS.has(token) || /^\d/.test(token)) continue;
    out.add(stem(token));
  }
  return out;
}
