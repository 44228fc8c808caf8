// Reading a rep turn in its conversation: what behaviour it is, whether it
// repeats an earlier turn, and whether it builds on the buyer's last line. The
// persona reacts to these facts and the report scores them, so both read a turn
// the same way, through one ConversationReader.
import type { TurnFacts } from '../meeting/types';
import { contentStems } from '../text/normalize';
import { askSizeOf } from './ask';
import type { BehaviorClassifier, Understanding } from './classifier';

/** Share of shared content words above which a turn repeats an earlier one. */
const REPEAT_OVERLAP = 0.6;
/**
 * A turn builds on the buyer when it picks up what they said in their last two
 * lines: people refer back a turn, and that still shows they listened.
 */
const RECENT_BUYER_LINES = 2;
const REFERS_BACK =
  /\b(you (mentioned|said|told me|described|talked about|brought up)|earlier you|going back to|you just said|what you said)\b/i;

export interface ReadTurn {
  readonly understanding: Understanding;
  readonly facts: TurnFacts;
}

/** Follows a conversation turn by turn, keeping what it needs to read the next rep turn. */
export class ConversationReader {
  private readonly earlierRep: ReadonlySet<string>[] = [];
  /** Content words of the buyer's recent lines, newest last. */
  private recentBuyer: ReadonlySet<string>[] = [];

  constructor(private readonly classifier: BehaviorClassifier) {}

  buyer(text: string): void {
    this.recentBuyer = [...this.recentBuyer, contentStems(text)].slice(-RECENT_BUYER_LINES);
  }

  /** Notes a rep turn read earlier (when resuming) without reading it again. */
  remember(repText: string): void {
    this.earlierRep.push(contentStems(repText));
  }

  rep(text: string): ReadTurn {
    const understanding = this.classifier.classify(text);
    const stems = contentStems(text);
    const recent = this.recentBuyer;
    const facts: TurnFacts = {
      behavior: understanding.behavior,
      group: understanding.group,
      repeated: this.earlierRep.some((earlier) => overlap(stems, earlier) >= REPEAT_OVERLAP),
      buildsOnBuyer:
        recent.length > 0 &&
        (REFERS_BACK.test(text) || [...stems].some((s) => recent.some((line) => line.has(s)))),
      ...(understanding.behavior === 'commitment_ask' ? { ask: askSizeOf(text) } : {}),
    };
    this.earlierRep.push(stems);
    return { understanding, facts };
  }
}

/** Jaccard overlap of two sets of content words; turns with under two content words never repeat. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size < 2 || b.size < 2) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}
