// How the rep's raw words are read before anything else sees them: contractions
// and typing shortcuts become the words meant, spoken fillers are set aside and
// counted, sentences are split, and words are counted for talk-time metrics.
import { describe, expect, it } from 'vitest';
import {
  cleanText,
  splitSentences,
  tokenize,
  withoutFillers,
  wordCount,
} from '../../../../src-main/core/text/normalize';

describe('tokenize', () => {
  it('lowercases and keeps question marks, commas and full stops as tokens', () => {
    expect(tokenize('Where do Deals get STUCK, today?')).toEqual([
      'where',
      'do',
      'deals',
      'get',
      'stuck',
      ',',
      'today',
      '?',
    ]);
  });

  it('expands contractions into the words they stand for', () => {
    expect(tokenize("what's")).toEqual(['what', 'is']);
    expect(tokenize("I don't know")).toEqual(['i', 'do', 'not', 'know']);
    expect(tokenize("we can't and won't")).toEqual(['we', 'can', 'not', 'and', 'will', 'not']);
    expect(tokenize("you're sure they've left and we'll see")).toEqual([
      'you',
      'are',
      'sure',
      'they',
      'have',
      'left',
      'and',
      'we',
      'will',
      'see',
    ]);
    expect(tokenize("I'm here")).toEqual(['i', 'am', 'here']);
  });

  it('treats curly apostrophes like straight ones', () => {
    expect(tokenize('don\u2019t')).toEqual(tokenize("don't"));
  });

  it('expands typing shorthand and common misspellings: ur -> your, waht -> what', () => {
    expect(tokenize('ur')).toEqual(['your']);
    expect(tokenize('waht')).toEqual(['what']);
    expect(tokenize('waht r ur goals this yr')).toEqual([
      'what',
      'are',
      'your',
      'goals',
      'this',
      'year',
    ]);
    expect(tokenize('u wanna talk tmrw')).toEqual(['you', 'want', 'to', 'talk', 'tomorrow']);
  });

  it("reads shorthand for a contraction the same as the contraction typed out (dont = don't)", () => {
    expect(tokenize('dont worry')).toEqual(tokenize("don't worry"));
    expect(tokenize('whats ur goal')).toEqual(tokenize("what's your goal"));
    expect(tokenize('im curious')).toEqual(tokenize("I'm curious"));
    expect(wordCount('whats ur goal')).toBe(wordCount("what's your goal"));
  });

  it('reads words that are also names of JavaScript built-ins like any other word', () => {
    expect(tokenize('Who is the main constructor?')).toEqual([
      'who',
      'is',
      'the',
      'main',
      'constructor',
      '?',
    ]);
    expect(tokenize('toString valueOf')).toEqual(['tostring', 'valueof']);
    expect(wordCount('the constructor')).toBe(2);
  });

  it('keeps numbers with their percent sign', () => {
    expect(tokenize('grew 40% in 2 quarters')).toEqual(['grew', '40%', 'in', '2', 'quarters']);
  });

  it('drops emoji and control characters instead of turning them into words', () => {
    expect(tokenize('goals 🎯\u0007 this\u0000 year')).toEqual(['goals', 'this', 'year']);
    expect(tokenize('🎯🔥👍')).toEqual([]);
    expect(tokenize('')).toEqual([]);
  });
});

describe('withoutFillers', () => {
  it('removes spoken fillers and counts them', () => {
    const { tokens, fillers } = withoutFillers(
      tokenize('so um basically what i wanted to ask is like, where do deals get stuck'),
    );
    expect(tokens).toEqual([
      'so',
      'what',
      'i',
      'wanted',
      'to',
      'ask',
      'is',
      'where',
      'do',
      'deals',
      'get',
      'stuck',
    ]);
    expect(fillers).toBe(3);
  });

  it('removes multi-word fillers such as "you know," and "i mean,"', () => {
    const { tokens, fillers } = withoutFillers(
      tokenize('you know, the forecast slips. i mean, every quarter'),
    );
    expect(tokens).toEqual(['the', 'forecast', 'slips', '.', 'every', 'quarter']);
    expect(fillers).toBe(2);
  });

  it('keeps "like" when it carries meaning', () => {
    const { tokens, fillers } = withoutFillers(tokenize('what would you like to change'));
    expect(tokens).toContain('like');
    expect(fillers).toBe(0);
  });

  it('counts nothing in a turn without fillers', () => {
    expect(withoutFillers(tokenize('What are your goals this year?')).fillers).toBe(0);
  });
});

describe('splitSentences', () => {
  it('splits on end marks and line breaks, keeping the mark with its sentence', () => {
    expect(splitSentences('Thanks for the time. What are your goals? Great!\nNext one')).toEqual([
      'Thanks for the time.',
      'What are your goals?',
      'Great!',
      'Next one',
    ]);
  });

  it('leaves a single sentence without an end mark whole', () => {
    expect(splitSentences('so um where do deals get stuck')).toEqual([
      'so um where do deals get stuck',
    ]);
  });

  it('drops pieces that hold no words', () => {
    expect(splitSentences('...\n?!\n\n')).toEqual([]);
    expect(splitSentences('')).toEqual([]);
  });
});

describe('wordCount', () => {
  it('counts words after expansion, not punctuation', () => {
    expect(wordCount('What are your goals this year?')).toBe(6);
    expect(wordCount("What's ur goal?")).toBe(4);
  });

  it('counts nothing for empty, punctuation-only and emoji-only text', () => {
    expect(wordCount('')).toBe(0);
    expect(wordCount('?!.,')).toBe(0);
    expect(wordCount('🎯🎯')).toBe(0);
  });
});

describe('cleanText', () => {
  it('lowercases and unifies quotes and dashes', () => {
    expect(cleanText('\u201cHello\u201d \u2018There\u2019 A\u2014B')).toBe(`"hello" 'there' a - b`);
  });
});
