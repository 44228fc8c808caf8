// Trigram language models in ARPA form, from lines of text: the sales-meeting
// model built once at build time (build/make-speech-lm.ts) and each meeting's
// small model the engine builds from the buyer's last lines, the scenario's
// facts and what the rep sells (pocketsphinx.ts). Pure: text in, text out.
//
// Words: lower case, numbers spelled out as people say them. A word the
// dictionary lacks breaks the n-gram context (no n-gram spans it) but does not
// end the sentence: an earlier model ended a "sentence" at every unknown
// word, which taught it that lines stop early.
//
// Model: interpolated absolute discounting (one discount per order,
// D = n1 / (n1 + 2 n2)), unigrams interpolated with a uniform distribution
// over the vocabulary; written as ARPA, so each context's listed
// probabilities plus its backoff weight times the lower order's mass on the
// other words sum to one. Deterministic: the same text gives the same bytes.

const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function under100(n: number): string {
  if (n < 20) return ONES[n] ?? '';
  const tens = TENS[Math.floor(n / 10)] ?? '';
  return n % 10 === 0 ? tens : `${tens} ${ONES[n % 10] ?? ''}`;
}

/** An integer as words, the way people say it (years as "twenty twenty eight"). */
export function spellNumber(n: number): string {
  if (n >= 1900 && n < 2100 && !(n >= 2000 && n < 2010)) {
    const high = Math.floor(n / 100);
    const low = n % 100;
    return `${under100(high)} ${low === 0 ? 'hundred' : low < 10 ? `oh ${under100(low)}` : under100(low)}`;
  }
  if (n < 100) return under100(n);
  if (n < 1000) {
    const rest = n % 100;
    return `${ONES[Math.floor(n / 100)] ?? ''} hundred${rest ? ` ${under100(rest)}` : ''}`;
  }
  if (n < 1_000_000) {
    const rest = n % 1000;
    return `${spellNumber(Math.floor(n / 1000))} thousand${rest ? ` ${spellNumber(rest)}` : ''}`;
  }
  const rest = n % 1_000_000;
  return `${spellNumber(Math.floor(n / 1_000_000))} million${rest ? ` ${spellNumber(rest)}` : ''}`;
}

/** The entries of a CMU-format dictionary: [word, phones], comments (;) skipped. */
export function dictionaryEntries(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith(';')) continue;
    const [word = '', ...phones] = trimmed.split(/\s+/);
    out.push([word, phones.join(' ')]);
  }
  return out;
}

/** The base words of a CMU-format dictionary ("word(2)" alternates folded in). */
export function dictionaryWords(text: string): Set<string> {
  return new Set(dictionaryEntries(text).map(([w]) => w.replace(/\(\d+\)$/, '')));
}

/** Marks a word neither dictionary knows: no n-gram spans it. */
export const GAP = '<gap>';

/** A line as lower-case dictionary words, numbers spelled out, GAP for an unknown word. */
export function normalise(line: string, known: ReadonlySet<string> | null): string[] {
  const text = line
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    // Contractions typed without the apostrophe ("dont", "thats").
    .replace(/\b(that|there|what)s\b/g, "$1's")
    .replace(/\b(don|isn|wouldn|didn|doesn|can|won|aren|wasn|couldn|shouldn)t\b/g, "$1't")
    .replace(/&/g, ' and ')
    .replace(/(\d)%/g, '$1 percent')
    .replace(
      /\$(\d[\d,.]*)\s*(k|m|million|thousand)?\b/g,
      (_m, d: string, unit: string | undefined) =>
        `${d} ${unit === 'k' ? 'thousand ' : unit === 'm' ? 'million ' : unit ? `${unit} ` : ''}dollars`,
    )
    .replace(/(\d),(\d{3})/g, '$1$2')
    .replace(/\d+(\.\d+)?/g, (m) => {
      const [whole = '0', frac] = m.split('.');
      const spoken = spellNumber(Number(whole));
      return ` ${frac ? `${spoken} point ${[...frac].map((d) => ONES[Number(d)]).join(' ')}` : spoken} `;
    });
  const out: string[] = [];
  for (const raw of text.split(/[^a-z']+/)) {
    const word = raw.replace(/^'+|'+$/g, '');
    if (word === '') continue;
    const next = known === null || known.has(word) ? word : GAP;
    // One gap stands for a run of unknown words.
    if (next === GAP && out[out.length - 1] === GAP) continue;
    out.push(next);
  }
  return out;
}

const BOS = '<s>';
const EOS = '</s>';

function log10(p: number): string {
  return p > 0 ? Math.log10(p).toFixed(4) : '-99.0000';
}

function discount(counts: Map<string, number>): number {
  let n1 = 0;
  let n2 = 0;
  for (const c of counts.values()) {
    if (c === 1) n1++;
    else if (c === 2) n2++;
  }
  return n1 + 2 * n2 > 0 ? Math.min(0.9, Math.max(0.1, n1 / (n1 + 2 * n2))) : 0.5;
}

/**
 * An ARPA trigram model of the sentences (each a list of words, GAP where the
 * context breaks), plus `extraWords` as words seen once on their own (so a
 * word given a pronunciation can be heard even if the text never uses it).
 */
export function buildArpa(
  sentences: readonly (readonly string[])[],
  extraWords: readonly string[] = [],
): string {
  const grams: Map<string, number>[] = [new Map(), new Map(), new Map()];
  const add = (order: number, key: string): void => {
    const map = grams[order] as Map<string, number>;
    map.set(key, (map.get(key) ?? 0) + 1);
  };
  for (const sentence of sentences) {
    const s = [BOS, ...sentence, EOS];
    for (let i = 1; i < s.length; i++) {
      const w = s[i] as string;
      if (w === GAP) continue;
      add(0, w);
      const h1 = s[i - 1] as string;
      if (h1 === GAP) continue;
      add(1, `${h1} ${w}`);
      const h2 = i >= 2 ? (s[i - 2] as string) : GAP;
      if (h2 !== GAP) add(2, `${h2} ${h1} ${w}`);
    }
  }
  for (const word of extraWords) add(0, word);
  const [uni, bi, tri] = grams as [Map<string, number>, Map<string, number>, Map<string, number>];
  // Per-context totals and distinct followers, for orders 2 and 3.
  const contexts = (map: Map<string, number>): Map<string, { total: number; types: number }> => {
    const out = new Map<string, { total: number; types: number }>();
    for (const [key, c] of map) {
      const h = key.slice(0, key.lastIndexOf(' '));
      const entry = out.get(h) ?? { total: 0, types: 0 };
      entry.total += c;
      entry.types += 1;
      out.set(h, entry);
    }
    return out;
  };
  const d1 = discount(uni);
  const d2 = discount(bi);
  const d3 = discount(tri);
  const vocab = [...uni.keys()].sort();
  const tokens = [...uni.values()].reduce((a, b) => a + b, 0);
  const p1 = new Map<string, number>();
  const uniformShare = (d1 * uni.size) / tokens;
  for (const w of vocab) {
    p1.set(w, Math.max((uni.get(w) ?? 0) - d1, 0) / tokens + uniformShare / vocab.length);
  }
  const ctx2 = contexts(bi);
  const ctx3 = contexts(tri);
  const bow1 = new Map<string, number>();
  for (const [h, { total, types }] of ctx2) bow1.set(h, (d2 * types) / total);
  const p2 = new Map<string, number>();
  for (const [key, c] of bi) {
    const [h = '', w = ''] = key.split(' ');
    p2.set(key, (c - d2) / (ctx2.get(h)?.total ?? 1) + (bow1.get(h) ?? 0) * (p1.get(w) ?? 0));
  }
  const bow2 = new Map<string, number>();
  for (const [h, { total, types }] of ctx3) bow2.set(h, (d3 * types) / total);
  const p3 = new Map<string, number>();
  for (const [key, c] of tri) {
    const cut = key.indexOf(' ');
    const h = key.slice(0, key.lastIndexOf(' '));
    p3.set(
      key,
      (c - d3) / (ctx3.get(h)?.total ?? 1) + (bow2.get(h) ?? 0) * (p2.get(key.slice(cut + 1)) ?? 0),
    );
  }
  const byWords = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const out: string[] = [
    '\\data\\',
    `ngram 1=${vocab.length + 1}`,
    `ngram 2=${bi.size}`,
    `ngram 3=${tri.size}`,
    '',
    '\\1-grams:',
  ];
  const unigramLines = [BOS, ...vocab].sort(byWords).map((w) => {
    const p = w === BOS ? '-99.0000' : log10(p1.get(w) ?? 0);
    const b = bow1.get(w);
    return b === undefined ? `${p}\t${w}` : `${p}\t${w}\t${log10(b)}`;
  });
  out.push(...unigramLines, '', '\\2-grams:');
  for (const key of [...bi.keys()].sort(byWords)) {
    const b = bow2.get(key);
    const p = log10(p2.get(key) ?? 0);
    out.push(b === undefined ? `${p}\t${key}` : `${p}\t${key}\t${log10(b)}`);
  }
  out.push('', '\\3-grams:');
  for (const key of [...tri.keys()].sort(byWords)) out.push(`${log10(p3.get(key) ?? 0)}\t${key}`);
  out.push('', '\\end\\', '');
  return out.join('\n');
}

/** Words too common to tell one meeting from another: the meeting's model leaves them out. */
const COMMON = new Set(
  (
    'a an the and or but if so of to in on at by for with from as is are was were be been am ' +
    'i you he she it we they me him her us them my your his its our their this that these those ' +
    'do does did have has had can could will would should may might must not no yes what who ' +
    'how when where why which there here then than just also very really about into out up ' +
    "down over all any some more most much many one two i'm you're it's we're they're that's " +
    "don't isn't"
  ).split(' '),
);

/**
 * A unigram ARPA model of the distinct, uncommon words of `lines` (one
 * probability each, and the sentence end): interpolated with the other
 * models it makes those words likelier wherever they come, without favouring
 * any phrase the buyer used or stopping the rep saying anything else.
 */
export function buildWordsArpa(lines: readonly (readonly string[])[]): string {
  const words = new Set<string>();
  for (const line of lines) {
    for (const w of line) if (w !== GAP && !COMMON.has(w) && w.length > 1) words.add(w);
  }
  const vocab = [...words, EOS].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const p = log10(1 / vocab.length);
  return [
    '\\data\\',
    `ngram 1=${vocab.length + 1}`,
    '',
    '\\1-grams:',
    `-99.0000\t${BOS}`,
    ...vocab.map((w) => `${p}\t${w}`),
    '',
    '\\end\\',
    '',
  ].join('\n');
}
