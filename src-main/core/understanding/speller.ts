// Typo correction for words the model never saw in training.
import { tokenize } from '../text/normalize';

/**
 * Corrects a word not seen in training to a seen word one edit away (a missing,
 * extra, swapped or wrong letter), so "waht" and "bugdet" read as meant.
 */
export function createSpeller(vocabulary: readonly string[]): (text: string) => string {
  const known = new Set(vocabulary);
  const byDeletion = new Map<string, string>();
  for (const word of vocabulary) {
    if (!byDeletion.has(word)) byDeletion.set(word, word);
    for (const variant of deletions(word))
      if (!byDeletion.has(variant)) byDeletion.set(variant, word);
  }
  const correctWord = (word: string): string => {
    if (word.length < 4 || known.has(word) || !/^\p{L}+$/u.test(word)) return word;
    const direct = byDeletion.get(word);
    if (direct) return direct;
    for (const variant of deletions(word)) {
      const hit = byDeletion.get(variant);
      if (hit && Math.abs(hit.length - word.length) <= 1) return hit;
    }
    return word;
  };
  return (text: string) => tokenize(text).map(correctWord).join(' ');
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
