// How many words a transcript lost at its end: the reference words left
// unmatched after the last word the transcript does have, in the alignment
// with the fewest edits (a misheard last word counts as heard, not lost).
import { words } from '../../support/speech';

export function droppedAtEnd(reference: string, hypothesis: string): number {
  const ref = words(reference);
  const hyp = words(hypothesis);
  const d: number[][] = Array.from({ length: ref.length + 1 }, (_, i) =>
    Array.from({ length: hyp.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const cost = (i: number, j: number): number => (ref[i - 1] === hyp[j - 1] ? 0 : 1);
  const at = (i: number, j: number): number => d[i]?.[j] as number;
  for (let i = 1; i <= ref.length; i++) {
    for (let j = 1; j <= hyp.length; j++) {
      (d[i] as number[])[j] = Math.min(
        at(i - 1, j - 1) + cost(i, j),
        at(i - 1, j) + 1,
        at(i, j - 1) + 1,
      );
    }
  }
  // Walk back from the end: extra words the transcript has at its end are
  // skipped, and the first match or substitution ends the lost run.
  let i = ref.length;
  let j = hyp.length;
  let dropped = 0;
  while (i > 0) {
    if (j > 0 && at(i, j) === at(i - 1, j - 1) + cost(i, j)) break;
    if (j > 0 && at(i, j) === at(i, j - 1) + 1) {
      j--;
      continue;
    }
    dropped++;
    i--;
  }
  return dropped;
}

/** How many words a transcript lost at its start: the same, from the other end. */
export function droppedAtStart(reference: string, hypothesis: string): number {
  const backwards = (text: string) => words(text).reverse().join(' ');
  return droppedAtEnd(backwards(reference), backwards(hypothesis));
}
