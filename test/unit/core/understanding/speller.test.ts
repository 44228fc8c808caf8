// Typo correction: a word the model never saw becomes a known word one edit
// away, so "bugdet" reads as "budget"; everything else is left as typed.
import { describe, expect, it } from 'vitest';
import { createSpeller } from '../../../../src-main/core/understanding/speller';

const speller = createSpeller(['budget', 'stuck', 'struck', 'pipeline', 'cast', 'hiring', 'what']);

describe('createSpeller', () => {
  it('corrects a missing letter', () => {
    expect(speller('budet')).toBe('budget');
    expect(speller('pipline')).toBe('pipeline');
  });

  it('corrects an extra letter', () => {
    expect(speller('buddget')).toBe('budget');
    expect(speller('hirring')).toBe('hiring');
  });

  it('corrects two swapped letters', () => {
    expect(speller('bugdet')).toBe('budget');
    expect(speller('stcuk')).toBe('stuck');
  });

  it('corrects one wrong letter', () => {
    expect(speller('budgat')).toBe('budget');
    expect(speller('pipelune')).toBe('pipeline');
  });

  it('leaves known words alone, even when another known word is one edit away', () => {
    expect(speller('stuck')).toBe('stuck');
    expect(speller('struck')).toBe('struck');
  });

  it('leaves words it cannot place alone', () => {
    expect(speller('forecast')).toBe('forecast');
    expect(speller('zebra')).toBe('zebra');
    expect(speller('bdgtxx')).toBe('bdgtxx');
  });

  it('leaves short words alone, even one edit from a known word', () => {
    expect(speller('cst')).toBe('cst');
    expect(speller('wht')).toBe('what'); // a listed shorthand, not a spelling guess
  });

  it('leaves numbers alone', () => {
    expect(speller('2025 40% 1200')).toBe('2025 40% 1200');
  });

  it('corrects each word of a sentence and returns normalised tokens', () => {
    expect(speller('Where does the bugdet get stcuk?')).toBe('where does the budget get stuck ?');
  });
});
