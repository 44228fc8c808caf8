// The speech fixtures keep their roles apart: settings are chosen on the two
// tuning sets, and the held-out sentences are only ever the benchmark, so no
// held-out sentence may also be a tuning sentence.
import { describe, expect, it } from 'vitest';
import { sentences, words } from '../../support/speech';

const key = (s: string): string => words(s).join(' ');

describe('speech fixtures', () => {
  it('share no sentence between the held-out set and either tuning set', () => {
    const held = new Set(sentences('heldout.txt').map(key));
    const tuning = [...sentences('tuning.txt'), ...sentences('tuning-independent.txt')];
    expect(held.size).toBeGreaterThan(40);
    expect(tuning.length).toBeGreaterThan(100);
    expect(tuning.filter((s) => held.has(key(s)))).toEqual([]);
  });
});
