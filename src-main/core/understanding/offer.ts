// What the rep sells, as the judge needs it: the product's names and feature
// words, so a clause that talks about them reads as being about our offer. A
// scenario's `sells` part supplies it; without one, the judge still recognises
// offers by how they are written ("our platform", "the Atlas module",
// "DocuVault flags...").
import { tokenize } from '../text/normalize';

export interface Offer {
  /** The product's name, e.g. "Forecast Coach". */
  readonly name: string;
  /** One line saying what it does. */
  readonly what?: string;
  /** Feature words a rep would use about it: "deal scoring", "call recording". */
  readonly words?: readonly string[];
}

/** An offer compiled for matching on the classifier's lowercase token string. */
export interface OfferMatcher {
  /** Lowercase names (full name and its distinctive single words). */
  readonly names: ReadonlySet<string>;
  /** Lowercase feature phrases, as space-joined tokens. */
  readonly phrases: readonly string[];
}

/** Generic words that never name an offer by themselves. */
const GENERIC = new Set([
  'the',
  'a',
  'an',
  'and',
  'of',
  'for',
  'to',
  'in',
  'on',
  'with',
  'platform',
  'tool',
  'software',
  'suite',
  'app',
  'system',
  'solution',
  'service',
  'pro',
  'plus',
  'cloud',
  'one',
  'ai',
  'hub',
  'coach',
  'data',
  'team',
  'sales',
]);

export function compileOffer(offer: Offer | undefined): OfferMatcher | undefined {
  if (!offer || offer.name.trim() === '') return undefined;
  const names = new Set<string>();
  const nameTokens = tokenize(offer.name).filter((t) => /\p{L}/u.test(t));
  if (nameTokens.length > 0) names.add(nameTokens.join(' '));
  for (const t of nameTokens) if (t.length >= 4 && !GENERIC.has(t)) names.add(t);
  const phrases = (offer.words ?? [])
    .map((w) =>
      tokenize(w)
        .filter((t) => /\p{L}|\d/u.test(t))
        .join(' '),
    )
    .filter((p) => p.length >= 3);
  return { names, phrases };
}
