// Sends the outbox to the store in batches. A batch the store takes leaves the
// outbox; a batch it refuses (400, 413, or 409 for a batch, which may mix old
// and new statements) is split in halves until the one at fault is found: a
// single 409 means the store already holds it (delivered), a single 400 is set
// aside with the store's message and the rest go on. An outage stops the round
// and the next one waits longer (backoff), the statements stay where they are.
import type { LrsAnswer, LrsClient } from './client';
import type { Outbox, Waiting } from './outbox';

export const BATCH_SIZE = 50;

export interface RoundResult {
  readonly delivered: number;
  readonly setAside: number;
  /** Why the round stopped early, in words; undefined when everything waiting was sent. */
  readonly stopped?: string;
  /** The stop was the store's refusal of the credentials (no point retrying soon). */
  readonly unauthorised?: boolean;
}

type Sink = Pick<LrsClient, 'postBatch' | 'putOne'>;

export async function sendRound(
  outbox: Outbox,
  client: Sink,
  batchSize: number = BATCH_SIZE,
): Promise<RoundResult> {
  let delivered = 0;
  let setAside = 0;
  const waiting = outbox.waiting();
  for (let start = 0; start < waiting.length; start += batchSize) {
    const batch = waiting.slice(start, start + batchSize);
    const outcome = await sendBatch(outbox, client, batch);
    delivered += outcome.delivered;
    setAside += outcome.setAside;
    if (outcome.stopped) return { ...outcome, delivered, setAside };
  }
  return { delivered, setAside };
}

async function sendBatch(
  outbox: Outbox,
  client: Sink,
  batch: readonly Waiting[],
): Promise<RoundResult> {
  if (batch.length === 0) return { delivered: 0, setAside: 0 };
  const single = batch.length === 1 ? (batch[0] as Waiting) : undefined;
  const answer: LrsAnswer = single
    ? await client.putOne(single.statement)
    : await client.postBatch(batch.map((w) => w.statement));
  switch (answer.kind) {
    case 'stored':
      outbox.delivered(batch.map((w) => w.id));
      return { delivered: batch.length, setAside: 0 };
    case 'conflict':
      if (single) {
        // The store holds a statement with this id already: ours was sent before.
        outbox.delivered([single.id]);
        return { delivered: 1, setAside: 0 };
      }
      return split(outbox, client, batch);
    case 'tooLarge':
      if (single) {
        outbox.refuse(single, `The store says this statement is too large: ${answer.message}`);
        return { delivered: 0, setAside: 1 };
      }
      return split(outbox, client, batch);
    case 'refused':
      if (single) {
        outbox.refuse(
          single,
          `The store refused this statement (${answer.status}): ${answer.message}`,
        );
        return { delivered: 0, setAside: 1 };
      }
      return split(outbox, client, batch);
    case 'unauthorised':
      return {
        delivered: 0,
        setAside: 0,
        stopped: `The store refused the key and secret (${answer.message}). Check them in Settings.`,
        unauthorised: true,
      };
    case 'unavailable':
      return { delivered: 0, setAside: 0, stopped: capitalise(answer.message) + '.' };
    default: {
      const never: never = answer;
      return never;
    }
  }
}

async function split(
  outbox: Outbox,
  client: Sink,
  batch: readonly Waiting[],
): Promise<RoundResult> {
  const half = Math.ceil(batch.length / 2);
  const first = await sendBatch(outbox, client, batch.slice(0, half));
  if (first.stopped) return first;
  const second = await sendBatch(outbox, client, batch.slice(half));
  return {
    delivered: first.delivered + second.delivered,
    setAside: first.setAside + second.setAside,
    ...(second.stopped
      ? { stopped: second.stopped, unauthorised: second.unauthorised ?? false }
      : {}),
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How long to wait after `failures` failed rounds in a row: 2 s doubling to 10 minutes, with jitter. */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  if (failures <= 0) return 0;
  const ceiling = Math.min(10 * 60_000, 2000 * 2 ** (failures - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
