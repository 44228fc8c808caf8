// Builds the sales-meeting language model that pocketsphinx interpolates with
// its generic US English model (services/speech/pocketsphinx.ts), so the words
// reps and buyers use in a first meeting (pipeline, quota, renewal, SDRs) and
// their usual phrasings score higher than in the broadcast-news model.
//
// Text the project owns, in a fixed order: the rep lines of the classifier's
// training data (build/classifier/*.tsv, column 2) and every sentence-like
// string of every built-in scenario (scenarios/*.yaml: the buyer's lines,
// facts, what is sold, the brief) and drill bank (scenarios/drills/*.yaml: the
// buyers' lines and the model answers). Never the speech fixtures: tuning.txt
// and tuning-independent.txt choose the settings, heldout.txt is the benchmark.
//
// Words: lower case, numbers spelled out as people say them, each one either
// in the stock dictionary or given a pronunciation in build/speech/
// pronunciations.dict. A word neither knows breaks the n-gram context (no
// n-gram spans it) but does not end the sentence: the old model ended a
// "sentence" at every unknown word, which taught it that lines stop early.
//
// Model: a trigram with interpolated absolute discounting (one discount per
// order, D = n1 / (n1 + 2 n2)), unigrams interpolated with a uniform
// distribution over the vocabulary; written as ARPA, so each context's listed
// probabilities plus its backoff weight times the lower order's mass on the
// other words sum to one. Deterministic: the same text gives the same bytes.
//
// Output: two data files the app ships beside its code and reads only when
// speech first starts (never at host start, never copied anywhere):
// build/speech/sales.lm, the ARPA text, which pocketsphinx reads from where it
// lies (ngram_model_read takes a path), and build/speech/sales.dict, the added
// pronunciations its words need, in the CMU dictionary's format. Run with
// `npm run speech-lm`.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { parseLabelledTsv } from '../src-main/core/understanding/dataset';
import {
  buildArpa,
  dictionaryEntries,
  dictionaryWords,
  GAP,
  normalise,
  spellNumber,
} from '../src-main/services/speech/ngram';

// The n-gram code is shared with the engine, which builds each meeting's small model the same way.
export { buildArpa, dictionaryEntries, dictionaryWords, GAP, normalise, spellNumber };

const root = resolve(import.meta.dirname, '..');
export const DICT_PATH = '/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict';
export const PRONUNCIATIONS_PATH = resolve(root, 'build/speech/pronunciations.dict');
export const LM_PATH = resolve(root, 'build/speech/sales.lm');
export const SALES_DICT_PATH = resolve(root, 'build/speech/sales.dict');

/** Every string in a parsed YAML document with at least three words (lines, facts, briefs). */
function sentenceStrings(value: unknown): string[] {
  if (typeof value === 'string') return value.trim().split(/\s+/).length >= 3 ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(sentenceStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(sentenceStrings);
  return [];
}

/** The training text: classifier rep lines, then scenario and drill sentences, in a fixed order. */
export function domainLines(repoRoot: string = root): string[] {
  const classifier = resolve(repoRoot, 'build/classifier');
  const rep = readdirSync(classifier)
    .filter((f) => f.endsWith('.tsv'))
    .sort()
    .flatMap((f) => parseLabelledTsv(readFileSync(resolve(classifier, f), 'utf8')).lines)
    .map((l) => l.text);
  const scenarios = resolve(repoRoot, 'scenarios');
  const scenario = readdirSync(scenarios)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => sentenceStrings(parse(readFileSync(resolve(scenarios, f), 'utf8'))));
  const drills = resolve(scenarios, 'drills');
  const drill = readdirSync(drills)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => sentenceStrings(parse(readFileSync(resolve(drills, f), 'utf8'))));
  return [...rep, ...scenario, ...drill];
}

export interface SpeechLm {
  /** The ARPA text. */
  readonly arpa: string;
  /** Added pronunciations the model's words need, [word, phones], sorted. */
  readonly pronunciations: [string, string][];
  /** Unknown words of the text by how often they occur (for the build's report). */
  readonly unknown: [string, number][];
}

/** The model and the pronunciations it needs, from the stock dictionary's text and the additions. */
export function buildSpeechLm(
  dictText: string,
  additionsText: string,
  repoRoot: string = root,
): SpeechLm {
  const stock = dictionaryWords(dictText);
  const additions = dictionaryEntries(additionsText).filter(
    ([w]) => !stock.has(w) || /\(\d+\)$/.test(w),
  );
  const known = new Set([...stock, ...additions.map(([w]) => w.replace(/\(\d+\)$/, ''))]);
  const lines = domainLines(repoRoot);
  const sentences = lines.map((line) => normalise(line, known));
  const unknownCounts = new Map<string, number>();
  for (const line of lines) {
    for (const raw of line.toLowerCase().split(/[^a-z']+/)) {
      const word = raw.replace(/^'+|'+$/g, '');
      if (word && !/\d/.test(word) && !known.has(word)) {
        unknownCounts.set(word, (unknownCounts.get(word) ?? 0) + 1);
      }
    }
  }
  const added = [...new Set(additions.map(([w]) => w.replace(/\(\d+\)$/, '')))].sort();
  const arpa = buildArpa(sentences, added);
  const pronunciations = [...additions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const unknown = [...unknownCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { arpa, pronunciations, unknown };
}

/** The added pronunciations the model's words need, as a CMU-format dictionary. */
export function salesDictText(lm: SpeechLm): string {
  return [
    '; Generated by build/make-speech-lm.ts (npm run speech-lm) from build/speech/pronunciations.dict:',
    "; the pronunciations the sales model's words need that the stock dictionary lacks. Do not edit.",
    ...lm.pronunciations.map(([w, p]) => `${w} ${p}`),
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const lm = buildSpeechLm(
    readFileSync(DICT_PATH, 'utf8'),
    readFileSync(PRONUNCIATIONS_PATH, 'utf8'),
  );
  writeFileSync(LM_PATH, lm.arpa);
  writeFileSync(SALES_DICT_PATH, salesDictText(lm));
  const counts = /ngram 1=(\d+)\nngram 2=(\d+)\nngram 3=(\d+)/.exec(lm.arpa);
  console.log(
    `wrote ${LM_PATH} (${lm.arpa.length} bytes; ${counts?.slice(1).join(' / ')} 1/2/3-grams) and ${SALES_DICT_PATH} (${lm.pronunciations.length} added pronunciations)`,
  );
  if (lm.unknown.length > 0) {
    console.log(
      `words with no pronunciation (left out): ${lm.unknown
        .slice(0, 40)
        .map(([w, n]) => `${w} ${n}`)
        .join(', ')}`,
    );
  }
}
