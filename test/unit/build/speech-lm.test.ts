// The sales-meeting language model pocketsphinx interpolates with its generic
// one: the committed data files (build/speech/sales.lm and sales.dict) must be what build/make-speech-lm.ts makes from
// the sources (npm run speech-lm), the ARPA text must be a proper model
// (header counts that match the sections, every context's probabilities with
// its backoff weight on the rest summing to one), and every word in it must be
// one the decoder can say: in the stock dictionary or given a pronunciation.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildArpa,
  buildSpeechLm,
  DICT_PATH,
  dictionaryWords,
  GAP,
  normalise,
  LM_PATH,
  PRONUNCIATIONS_PATH,
  SALES_DICT_PATH,
  salesDictText,
  spellNumber,
} from '../../../build/make-speech-lm';
import { parsePronunciations, salesLmFiles } from '../../../src-main/services/speech/pocketsphinx';

const SALES_LM_ARPA = readFileSync(LM_PATH, 'utf8');
const SALES_LM_PRONUNCIATIONS = parsePronunciations(
  readFileSync(SALES_DICT_PATH, 'utf8'),
  SALES_DICT_PATH,
);

interface Arpa {
  readonly counts: number[];
  /** Per order (0 = unigrams): n-gram text to [log10 prob, log10 backoff]. */
  readonly grams: Map<string, [number, number]>[];
}

function parseArpa(text: string): Arpa {
  const counts: number[] = [];
  const grams: Map<string, [number, number]>[] = [];
  let order = -1;
  for (const line of text.split('\n')) {
    const count = /^ngram (\d)=(\d+)$/.exec(line);
    if (count) counts[Number(count[1]) - 1] = Number(count[2]);
    const section = /^\\(\d)-grams:$/.exec(line);
    if (section) {
      order = Number(section[1]) - 1;
      grams[order] = new Map();
      continue;
    }
    if (line === '\\end\\') order = -1;
    if (order < 0 || line === '') continue;
    const [p = '', words = '', bow] = line.split('\t');
    grams[order]?.set(words, [Number(p), bow === undefined ? 0 : Number(bow)]);
  }
  return { counts, grams };
}

/** P(w | context), from the ARPA entries and backoff. */
function prob(arpa: Arpa, history: string[], word: string): number {
  const entry = arpa.grams[history.length]?.get([...history, word].join(' '));
  if (entry) return 10 ** entry[0];
  const bow = arpa.grams[history.length - 1]?.get(history.join(' '))?.[1] ?? 0;
  return 10 ** bow * prob(arpa, history.slice(1), word);
}

/** Sum over the vocabulary of P(w | context). */
function contextMass(arpa: Arpa, context: string[]): number {
  const vocab = [...(arpa.grams[0]?.keys() ?? [])].filter((w) => w !== '<s>');
  return vocab.reduce((sum, w) => sum + prob(arpa, context, w), 0);
}

describe('the sales language model (build/make-speech-lm.ts)', () => {
  const arpa = parseArpa(SALES_LM_ARPA);

  it('is what the build script makes from the sources (npm run speech-lm)', () => {
    const lm = buildSpeechLm(
      readFileSync(DICT_PATH, 'utf8'),
      readFileSync(PRONUNCIATIONS_PATH, 'utf8'),
    );
    // Compared as strings, not with toBe's diff: a 3.6 MB diff would bury the message.
    expect(lm.arpa === SALES_LM_ARPA, 'build/speech/sales.lm is stale: npm run speech-lm').toBe(
      true,
    );
    expect(salesDictText(lm)).toBe(readFileSync(SALES_DICT_PATH, 'utf8'));
  }, 60_000);

  it('is where the engine reads it, and nowhere in the code', () => {
    expect(salesLmFiles()).toEqual({ lm: LM_PATH, dict: SALES_DICT_PATH });
    expect(
      existsSync(resolve(import.meta.dirname, '../../../src-main/services/speech/sales-lm.ts')),
    ).toBe(false);
  });

  it('has the n-gram counts its header says, the domain words, and stays small', () => {
    expect(arpa.counts).toHaveLength(3);
    arpa.counts.forEach((n, i) => expect(arpa.grams[i]?.size).toBe(n));
    for (const word of ['<s>', '</s>', 'pipeline', 'quota', 'churn', 'onboarding', 'crm', 'sdrs']) {
      expect(arpa.grams[0]?.has(word), word).toBe(true);
    }
    expect(SALES_LM_ARPA.length).toBeLessThan(4_000_000);
  });

  it('knows how to say every word in it', () => {
    const known = new Set([
      ...dictionaryWords(readFileSync(DICT_PATH, 'utf8')),
      ...SALES_LM_PRONUNCIATIONS.map(([w]) => w.replace(/\(\d+\)$/, '')),
    ]);
    const unsayable = [...(arpa.grams[0]?.keys() ?? [])].filter(
      (w) => !w.startsWith('<') && !known.has(w),
    );
    expect(unsayable).toEqual([]);
    const added = new Map(SALES_LM_PRONUNCIATIONS);
    expect(added.get('onboarding')).toBe('AA N B AO R D IH NG');
    expect(added.get('sdr')).toBe('EH S D IY AA R');
  });

  it('gives each context a distribution that sums to one', () => {
    for (const context of [[], ['<s>'], ['what'], ['<s>', 'what'], ['the', 'team'], ['quota']]) {
      expect(contextMass(arpa, context), context.join(' ')).toBeCloseTo(1, 3);
    }
  });

  it('does not end a sentence where the text had a word it cannot say', () => {
    // The earlier model made every unknown word a sentence end, so it learnt that lines stop early.
    const known = dictionaryWords('we\nuse\nto\nplan\n');
    expect(normalise('We use Zorblax to plan', known)).toEqual(['we', 'use', GAP, 'to', 'plan']);
    const tiny = parseArpa(buildArpa([['we', 'use', GAP, 'to', 'plan']]));
    expect(tiny.grams[1]?.has('use </s>')).toBe(false);
    expect(tiny.grams[1]?.has('use to')).toBe(false);
    expect(tiny.grams[1]?.has('plan </s>')).toBe(true);
    const sales = parseArpa(SALES_LM_ARPA);
    // A rep's question goes on after "good quarter" far more often than it stops there.
    expect(prob(sales, ['good', 'quarter'], '</s>')).toBeLessThan(0.5);
  });

  it('normalises text to dictionary words, numbers spelled out', () => {
    const known = dictionaryWords("we 1\nhit\nquota\nseventeen\npercent\nof\nreps\nin\nq\ndon't\n");
    expect(normalise("We hit 17% of quota; Zorblax reps in Q3's. Dont", known)).toEqual([
      'we',
      'hit',
      'seventeen',
      'percent',
      'of',
      'quota',
      GAP,
      'reps',
      'in',
      'q',
      GAP,
      "don't",
    ]);
    expect(spellNumber(2028)).toBe('twenty twenty eight');
    expect(spellNumber(345)).toBe('three hundred forty five');
  });

  it('writes a valid model for a tiny text, the same every time', () => {
    const text = buildArpa([
      ['a', 'b'],
      ['a', 'c'],
    ]);
    expect(
      buildArpa([
        ['a', 'b'],
        ['a', 'c'],
      ]),
    ).toBe(text);
    const tiny = parseArpa(text);
    expect(tiny.counts).toEqual([5, 5, 4]);
    expect(contextMass(tiny, ['<s>', 'a'])).toBeCloseTo(1, 3);
  });
});
