// How big a commitment ask is. A modest ask (a check-in, an introduction, a
// next conversation) is one a buyer with no need can still say yes to; a big
// one (a demo, a trial, a proposal, a signature) asks them to start buying.
// Personas react to the difference; the report advises on it.

export type AskSize = 'modest' | 'big';

const BIG =
  /\b(demo|demos|demonstration|trial|pilot|proof of concept|poc|proposal|quote|pricing|price|contract|sign|signed|signature|purchase|buy|order|licen[cs]es?|implementation|roll ?out|get (you )?started|move forward|onboard\w*|evaluation|procurement|budget|walk ?through of (our|the) (platform|product|tool)|show you (our|the) (platform|product|tool|software))\b/i;

/** Big when it asks the buyer to start buying; modest otherwise (a check-in, a meeting, an intro). */
export function askSizeOf(text: string): AskSize {
  return BIG.test(text) ? 'big' : 'modest';
}
