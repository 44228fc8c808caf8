// Sends the outbox in the background while `Send results` is on: a round now,
// then again after each new statement, and after an outage with growing waits.
// The last error is kept in words for Settings (and in status.json, so it
// survives a restart). Timers come from a seam so tests need not wait.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../storage/atomic';
import { LrsClient, type Fetch } from './client';
import type { CredentialStore } from './credentials';
import type { Outbox } from './outbox';
import { backoffMs, sendRound, type RoundResult } from './sender';

export interface UploaderStatus {
  readonly waiting: number;
  readonly setAside: number;
  readonly lastError: string | null;
  readonly lastSentAt: string | null;
  readonly sending: boolean;
}

export interface UploaderOptions {
  readonly outbox: Outbox;
  readonly credentials: CredentialStore;
  readonly enabled: () => boolean;
  readonly fetch?: Fetch;
  readonly setTimer?: (run: () => void, ms: number) => { cancel(): void };
  readonly now?: () => Date;
  readonly random?: () => number;
}

interface Kept {
  readonly lastError: string | null;
  readonly lastSentAt: string | null;
}

export class Uploader {
  private failures = 0;
  private timer: { cancel(): void } | undefined;
  private running: Promise<RoundResult | undefined> | undefined;
  private kept: Kept;
  private closed = false;

  constructor(private readonly options: UploaderOptions) {
    this.kept = this.readKept();
  }

  status(): UploaderStatus {
    return {
      waiting: this.options.outbox.waitingCount(),
      setAside: this.options.outbox.setAsideCount(),
      lastError: this.kept.lastError,
      lastSentAt: this.kept.lastSentAt,
      sending: this.running !== undefined,
    };
  }

  /** Something new is waiting, or Send results was turned on: send soon (now, unless backing off). */
  poke(): void {
    if (this.closed || !this.options.enabled()) return;
    if (this.failures > 0 && this.timer) return;
    // A round under way sends what was queued after it when it ends.
    if (this.running) return;
    void this.sendNow();
  }

  /** A round now, whatever the backoff (after the one under way, so it takes everything queued). */
  async sendNow(): Promise<RoundResult | undefined> {
    while (this.running) await this.running.catch(() => undefined);
    this.timer?.cancel();
    this.timer = undefined;
    const round: Promise<RoundResult | undefined> = this.round().finally(() => {
      if (this.running === round) this.running = undefined;
    });
    this.running = round;
    return round;
  }

  close(): void {
    this.closed = true;
    this.timer?.cancel();
    this.timer = undefined;
  }

  private async round(): Promise<RoundResult | undefined> {
    const config = this.options.credentials.read();
    if (!config) {
      this.keep({
        ...this.kept,
        lastError: 'No learning record store is set up: add its endpoint, key and secret.',
      });
      return undefined;
    }
    const client = new LrsClient(config, this.options.fetch);
    let result: RoundResult;
    try {
      result = await sendRound(this.options.outbox, client);
    } catch (error) {
      // The disk under the outbox: nothing was lost, but say so.
      result = {
        delivered: 0,
        setAside: 0,
        stopped: `The outbox could not be updated: ${(error as Error).message}`,
      };
    }
    const now = (this.options.now ?? (() => new Date()))().toISOString();
    if (result.stopped) {
      this.failures++;
      this.keep({
        lastError: result.stopped,
        lastSentAt: result.delivered > 0 ? now : this.kept.lastSentAt,
      });
      this.schedule(
        result.unauthorised
          ? backoffMs(8, this.options.random)
          : backoffMs(this.failures, this.options.random),
      );
    } else {
      this.failures = 0;
      const setAsideWords =
        result.setAside > 0
          ? `The store refused ${result.setAside} statement${result.setAside === 1 ? '' : 's'}; ${result.setAside === 1 ? 'it is' : 'they are'} set aside with the store's message.`
          : this.kept.lastError && this.options.outbox.setAsideCount() > 0
            ? this.kept.lastError
            : null;
      this.keep({
        lastError: setAsideWords,
        lastSentAt: result.delivered > 0 ? now : this.kept.lastSentAt,
      });
      // Anything queued while this round ran goes in the next one.
      if (this.options.outbox.waitingCount() > 0 && !this.closed) this.schedule(0);
    }
    return result;
  }

  private schedule(ms: number): void {
    if (this.closed || !this.options.enabled()) return;
    this.timer?.cancel();
    const set =
      this.options.setTimer ??
      ((run: () => void, delay: number) => {
        const handle = setTimeout(run, delay);
        handle.unref?.();
        return { cancel: () => clearTimeout(handle) };
      });
    this.timer = set(() => {
      this.timer = undefined;
      if (this.options.enabled()) void this.sendNow();
    }, ms);
  }

  private statusFile(): string {
    return join(this.options.outbox.dir, 'status.json');
  }

  private readKept(): Kept {
    try {
      const kept = JSON.parse(readFileSync(this.statusFile(), 'utf8')) as Partial<Kept>;
      return {
        lastError: typeof kept.lastError === 'string' ? kept.lastError : null,
        lastSentAt: typeof kept.lastSentAt === 'string' ? kept.lastSentAt : null,
      };
    } catch {
      return { lastError: null, lastSentAt: null };
    }
  }

  private keep(kept: Kept): void {
    this.kept = kept;
    try {
      mkdirSync(this.options.outbox.dir, { recursive: true });
      writeFileAtomic(this.statusFile(), `${JSON.stringify(kept)}\n`);
    } catch {
      // The status is a courtesy; the outbox itself is what must be durable.
    }
  }
}
