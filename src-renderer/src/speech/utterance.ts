// One utterance on its way to the host: speech.begin, then the audio in
// ~250 ms pieces (16-bit PCM, base64) numbered from 0 and sent strictly one
// after another (the host refuses a piece out of order), then speech.finish
// for the transcript, or speech.cancel. Audio added before begin answers waits
// in the queue. The first failure stops the queue and is reported once.
import {
  MAX_CHUNK_BYTES,
  SPEECH_SAMPLE_RATE,
  type CallArgs,
  type CallResult,
} from '../../../src-main/contract/api';
import { int16ToBase64 } from '../../../src-main/contract/pcm';
import { floatToInt16 } from './pcm';

/** The four host calls an utterance makes (the bridge in the app, a fake in tests). */
export interface SpeechApi {
  begin(args: CallArgs<'speech.begin'>): Promise<CallResult<'speech.begin'>>;
  audio(args: CallArgs<'speech.audio'>): Promise<CallResult<'speech.audio'>>;
  finish(args: CallArgs<'speech.finish'>): Promise<CallResult<'speech.finish'>>;
  cancel(args: CallArgs<'speech.cancel'>): Promise<CallResult<'speech.cancel'>>;
}

/** About 250 ms of audio per piece (well under the contract's one-second limit). */
export const CHUNK_SAMPLES = Math.min(SPEECH_SAMPLE_RATE / 4, MAX_CHUNK_BYTES / 2);

export class Utterance {
  private readonly id: Promise<string>;
  private queue: Promise<void>;
  private seq = 0;
  private parts: Int16Array[] = [];
  private partSamples = 0;
  private failure: unknown = null;
  private cancelled = false;
  private finished = false;
  /** Samples added so far (sent or waiting). */
  samples = 0;

  constructor(
    private readonly api: SpeechApi,
    args: CallArgs<'speech.begin'>,
    /** Called once, at the first failed call (not after cancel). */
    private readonly onFail: (error: unknown) => void,
  ) {
    this.id = api.begin(args).then((r) => r.utteranceId);
    this.queue = this.id.then(
      () => undefined,
      (error: unknown) => this.fail(error),
    );
  }

  get seconds(): number {
    return this.samples / SPEECH_SAMPLE_RATE;
  }

  /** Adds audio (float samples at 16 kHz); full pieces are queued to send. */
  add(samples: Float32Array): void {
    if (this.cancelled || this.finished || samples.length === 0) return;
    const pcm = floatToInt16(samples);
    this.samples += pcm.length;
    this.parts.push(pcm);
    this.partSamples += pcm.length;
    while (this.partSamples >= CHUNK_SAMPLES) this.send(this.take(CHUNK_SAMPLES));
  }

  /** Sends what is left and asks for the transcript. Throws the first failure, if any. */
  async finish(): Promise<CallResult<'speech.finish'>> {
    this.finished = true;
    if (this.partSamples > 0) this.send(this.take(this.partSamples));
    await this.queue;
    if (this.failure !== null) throw this.failure;
    return this.api.finish({ utteranceId: await this.id });
  }

  /** Drops the utterance: nothing more is sent, and the host forgets it. */
  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.parts = [];
    this.partSamples = 0;
    // After anything already in flight, so the host is not sent a piece after its cancel.
    void this.queue
      .then(() => this.id)
      .then((utteranceId) => this.api.cancel({ utteranceId }))
      .catch(() => undefined);
  }

  private send(pcm: Int16Array): void {
    const seq = this.seq++;
    this.queue = this.queue.then(async () => {
      if (this.failure !== null || this.cancelled) return;
      try {
        await this.api.audio({ utteranceId: await this.id, seq, pcm: int16ToBase64(pcm) });
      } catch (error) {
        this.fail(error);
      }
    });
  }

  private fail(error: unknown): void {
    if (this.failure !== null) return;
    this.failure = error;
    if (!this.cancelled) this.onFail(error);
  }

  /** The first `count` waiting samples, as one block. */
  private take(count: number): Int16Array {
    const out = new Int16Array(count);
    let at = 0;
    while (at < count) {
      const part = this.parts[0];
      if (!part) break;
      const n = Math.min(part.length, count - at);
      out.set(part.subarray(0, n), at);
      at += n;
      if (n === part.length) this.parts.shift();
      else this.parts[0] = part.subarray(n);
    }
    this.partSamples -= count;
    return out;
  }
}
