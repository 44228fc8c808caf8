// Value words a pitch can be dressed in. Read by the conversation reader (the
// buyer hears a laundered pitch for what it is) and by the report (such a pitch
// never earns a discount).
import { splitSentences } from '../text/normalize';

/**
 * A pitch dressed in value words: honesty and no-pressure openers, "most teams
 * are surprised", "imagine if", curiosity, or a question built on our offer.
 * Such a pitch never gets the discounts a plain Benefit or proof can earn.
 */
const WRAPPER =
  /\b(honest(ly)?|to be (honest|frank|fair)|frankly|candidly|no pressure|not (trying|here) to (sell|pitch)|if (it is|it's|this is|that is|that's) a (good )?fit|(a lot of|many|most) (teams|people|companies|customers|leaders|folks) (are|were|get|tell|find)|surprised|imagine|picture (this|if)|curious|wondering|what would (change|happen|it mean)|how would you feel)\b/i;

/** The value words a pitch was dressed in, or undefined for a plain pitch. */
export function launderingWrapper(text: string): string | undefined {
  const match = WRAPPER.exec(text);
  if (match) return match[0];
  // A pitch asked as a question ("what would change if your reps had our X?"); a
  // Benefit followed by a check question ("Would that help?") is not laundering.
  const sentences = splitSentences(text);
  return sentences.length > 0 && sentences.every((s) => s.trim().endsWith('?'))
    ? 'a question built on our offer'
    : undefined;
}
