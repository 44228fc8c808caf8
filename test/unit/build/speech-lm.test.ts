// The sales-meeting language model pocketsphinx interpolates with its generic
// one: the committed module must be what build/speech-lm.ts makes from the
// sources (npm run speech-lm), and the ARPA text must be a proper model:
// header counts that match the sections, and every context's probabilities,
// with its backoff weight on the rest, summing to one.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildArpa,
  buildModule,
  DICT_PATH,
  dictionaryWords,
  normalise,
  OUTPUT_PATH,
  spellNumber,
} from '../../../build/speech-lm';
import { SALES_LM_ARPA } from '../../../src-main/services/speech/sales-lm';

interface Arpa {
  readonly counts: number[];
  /** Per order (0 = unigrams): n-gram text to [log10 prob, log10 backoff]. */
  readonly grams: Map<string, [number, number]>[];
}

function parseArpa(text: string): Arpa {
  const lines = text.split('\n');
  const counts: number[] = [];
  const grams: Map<string, [number, number]>[] = [];
  let order = -1;
  for (const line of lines) {
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

/** Sum over the vocabulary of P(w | context), from the ARPA entries and backoff. */
function contextMass(arpa: Arpa, context: string[]): number {
  const vocab = [...(arpa.grams[0]?.keys() ?? [])].filter((w) => w !== '<s>');
  const prob = (history: string[], word: string): number => {
    const key = [...history, word].join(' ');
    const entry = arpa.grams[history.length]?.get(key);
    if (entry) return 10 ** entry[0];
    const bow = arpa.grams[history.length - 1]?.get(history.join(' '))?.[1] ?? 0;
    return 10 ** bow * prob(history.slice(1), word);
  };
  return vocab.reduce((sum, w) => sum + prob(context, w), 0);
}

describe('the sales language model (build/speech-lm.ts)', () => {
  const arpa = parseArpa(SALES_LM_ARPA);

  it.skipIf(!existsSync(DICT_PATH))(
    'is what the build script makes from the sources (npm run speech-lm)',
    () => {
      expect(buildModule(readFileSync(DICT_PATH, 'utf8'))).toBe(readFileSync(OUTPUT_PATH, 'utf8'));
    },
    60_000,
  );

  it('has the n-gram counts its header says, and stays small', () => {
    expect(arpa.counts).toHaveLength(3);
    arpa.counts.forEach((n, i) => expect(arpa.grams[i]?.size).toBe(n));
    expect(arpa.grams[0]?.has('<s>')).toBe(true);
    expect(arpa.grams[0]?.has('</s>')).toBe(true);
    expect(arpa.grams[0]?.has('pipeline')).toBe(true);
    expect(SALES_LM_ARPA.length).toBeLessThan(1_500_000);
  });

  it('gives each context a distribution that sums to one', () => {
    for (const context of [[], ['<s>'], ['what'], ['<s>', 'what'], ['the', 'team'], ['quota']]) {
      expect(contextMass(arpa, context), context.join(' ')).toBeCloseTo(1, 3);
    }
  });

  it('normalises text to dictionary words, numbers spelled out', () => {
    const known = dictionaryWords('we 1\nhit\nquota\nseventeen\npercent\nof\nreps\nin\nq\n');
    expect(normalise("We hit 17% of quota; Zorblax reps in Q3's", known)).toEqual([
      ['we', 'hit', 'seventeen', 'percent', 'of', 'quota'],
      ['reps', 'in', 'q'],
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
