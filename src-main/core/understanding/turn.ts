// Reading a rep turn in its conversation: what behaviour it is, whether it
// repeats an earlier turn, and whether it builds on the buyer's last line. The
// persona reacts to these facts and the report scores them, so both read a turn
// the same way.
import type { TurnFacts } from '../meeting/types';
import { contentStems } from '../text/normalize';
import type { BehaviorClassifier, Understanding } from './classifier';

/** Share of shared content words above which a turn repeats an earlier one. */
const REPEAT_OVERLAP = 0.6;
const REFERS_BACK =
  /\b(you (mentioned|said|told me|described|talked about|brought up)|earlier you|going back to|you just said|what you said)\b/i;

export interface ReadTurn {
  readonly understanding: Understanding;
  readonly facts: TurnFacts;
}

export function readRepTurn(
  classifier: BehaviorClassifier,
  text: string,
  earlierRepTexts: readonly string[],
  lastBuyerText: string | undefined,
): ReadTurn {
  const understanding = classifier.classify(text);
  const stems = contentStems(text);
  return {
    understanding,
    facts: {
      behavior: understanding.behavior,
      group: understanding.group,
      repeated: earlierRepTexts.some(
        (earlier) => overlap(stems, contentStems(earlier)) >= REPEAT_OVERLAP,
      ),
      buildsOnBuyer:
        lastBuyerText !== undefined &&
        (REFERS_BACK.test(text) ||
          [...stems].some((s) => s.length >= 4 && contentStems(lastBuyerText).has(s))),
    },
  };
}

/** Jaccard overlap of two sets of content words; turns with under two content words never repeat. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size < 2 || b.size < 2) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}
