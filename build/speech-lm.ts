// Builds the small sales-meeting language model that pocketsphinx interpolates
// with its generic US English one (services/speech/pocketsphinx.ts), so the
// words reps say in a first meeting (pipeline, quota, renewal, implementation)
// and their usual phrasings score higher than in the broadcast-news LM.
//
// Text: the classifier's training lines (build/classifier/*.tsv, what reps say)
// and the buyers' lines in scenarios/*.yaml. Never the speech fixtures: the
// tuning set is what the model is measured on and the held-out set is the
// benchmark. Normalised to lower-case words the pocketsphinx dictionary knows
// (numbers spelled out); a word it lacks splits the line, as a new sentence.
//
// Model: a trigram with interpolated absolute discounting (one discount per
// order, D = n1 / (n1 + 2 n2)), the unigrams interpolated with a uniform
// distribution over the vocabulary; written as ARPA, so each context's listed
// probabilities plus its backoff weight times the lower order's mass on the
// other words sum to one. Deterministic: the same text gives the same bytes.
//
// Output: src-main/services/speech/sales-lm.ts, the ARPA text as a string
// (the app bundle has no loose files; the engine writes it to a temp file for
// ngram_model_read). Run with `npm run speech-lm`.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { parseLabelledTsv } from '../src-main/core/understanding/dataset';

const root = resolve(import.meta.dirname, '..');
export const DICT_PATH = '/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict';
export const OUTPUT_PATH = resolve(root, 'src-main/services/speech/sales-lm.ts');

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

/** The base words of a CMU-format dictionary ("word(2)" alternates folded in). */
export function dictionaryWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const line of text.split('\n')) {
    const word = line.split(' ', 1)[0]?.replace(/\(\d+\)$/, '');
    if (word) out.add(word);
  }
  return out;
}

/** A line as runs of known lower-case words (an unknown word ends a run). */
export function normalise(line: string, known: ReadonlySet<string>): string[][] {
  const text = line
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/&/g, ' and ')
    .replace(/(\d)%/g, '$1 percent')
    .replace(
      /\$(\d[\d,]*)(k?)/g,
      (_m, d: string, k: string) => `${d}${k ? ' thousand' : ''} dollars`,
    )
    .replace(/(\d),(\d{3})/g, '$1$2')
    .replace(/\d+(\.\d+)?/g, (m) => {
      const [whole = '0', frac] = m.split('.');
      const spoken = spellNumber(Number(whole));
      return ` ${frac ? `${spoken} point ${[...frac].map((d) => ONES[Number(d)]).join(' ')}` : spoken} `;
    });
  const runs: string[][] = [];
  let run: string[] = [];
  for (const raw of text.split(/[^a-z']+/)) {
    const word = raw.replace(/^'+|'+$/g, '');
    if (word === '') continue;
    if (known.has(word)) {
      run.push(word);
    } else {
      if (run.length > 0) runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** The training text: classifier lines, then scenario lines, in a fixed order. */
export function domainLines(repoRoot: string = root): string[] {
  const classifier = resolve(repoRoot, 'build/classifier');
  const tsv = readdirSync(classifier)
    .filter((f) => f.endsWith('.tsv'))
    .sort()
    .flatMap((f) => parseLabelledTsv(readFileSync(resolve(classifier, f), 'utf8')).lines)
    .map((l) => l.text);
  const scenarios = resolve(repoRoot, 'scenarios');
  const buyer = readdirSync(scenarios)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => {
      const doc = parse(readFileSync(resolve(scenarios, f), 'utf8')) as { lines?: unknown };
      const lines = doc.lines && typeof doc.lines === 'object' ? Object.values(doc.lines) : [];
      return lines.flatMap((v: unknown) =>
        Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [],
      );
    });
  return [...tsv, ...buyer];
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

/** An ARPA trigram model of the sentences (each a list of words). */
export function buildArpa(sentences: readonly (readonly string[])[]): string {
  const grams: Map<string, number>[] = [new Map(), new Map(), new Map()];
  const add = (order: number, key: string): void => {
    const map = grams[order] as Map<string, number>;
    map.set(key, (map.get(key) ?? 0) + 1);
  };
  for (const sentence of sentences) {
    const s = [BOS, ...sentence, EOS];
    for (let i = 1; i < s.length; i++) {
      add(0, s[i] as string);
      add(1, `${s[i - 1]} ${s[i]}`);
      if (i >= 2) add(2, `${s[i - 2]} ${s[i - 1]} ${s[i]}`);
    }
  }
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

/** The generated TypeScript module holding the ARPA text. */
export function buildModule(dictText: string, repoRoot: string = root): string {
  const known = dictionaryWords(dictText);
  const sentences = domainLines(repoRoot).flatMap((line) => normalise(line, known));
  const arpa = buildArpa(sentences);
  if (/[`$]/.test(arpa)) throw new Error('the ARPA text cannot go in a template literal');
  return [
    '// Generated by build/speech-lm.ts (npm run speech-lm) from build/classifier/*.tsv and',
    '// scenarios/*.yaml: a trigram ARPA language model of sales-meeting English, which',
    '// pocketsphinx.ts interpolates with the generic US English model. Do not edit.',
    `export const SALES_LM_ARPA = \`${arpa.replace(/\\/g, '\\\\')}\`;`,
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const module = buildModule(readFileSync(DICT_PATH, 'utf8'));
  writeFileSync(OUTPUT_PATH, module);
  console.log(`wrote ${OUTPUT_PATH} (${module.length} bytes)`);
}
