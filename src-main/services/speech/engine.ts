// The one interface every speech engine implements. The host streams an
// utterance's audio in as it is spoken (16 kHz mono 16-bit PCM), so an engine
// that decodes incrementally (pocketsphinx) has little left to do when the rep
// stops; one that cannot (whisper.cpp) buffers and decodes at the end.
import type { SpeechEngineName, SpeechEngineStatus } from '../../contract/api';

export interface Recognition {
  readonly text: string;
  /** Seconds spent decoding (wall clock, all of it, streamed or not). */
  readonly decodeSeconds: number;
  /**
   * The engine's own confidence in the words, 0..1 (pocketsphinx: the mean
   * posterior probability of the words heard); absent when it has none.
   */
  readonly confidence?: number;
  /** The engine's confidence is too low to trust the words (the host says so to the rep). */
  readonly unsure?: boolean;
}

/** One utterance being heard. Calls are made in order; `finish` or `cancel` ends it. */
export interface Utterance {
  /**
   * The next audio, 16 kHz mono. The samples are copied, so the caller may
   * reuse its buffer. Ignored after `cancel` (late chunks are a normal race);
   * a SpeechError after `finish`.
   */
  write(pcm: Int16Array): void;
  /**
   * No more audio: the words heard ('' when the audio holds no speech).
   * Rejects with a SpeechError if the utterance was cancelled (even while
   * finishing), replaced by a newer one, or the engine failed.
   */
  finish(): Promise<Recognition>;
  /** Drop the utterance; no result. Safe to call at any time, and more than once. */
  cancel(): void;
}

/** What the meeting in progress makes likely in the rep's next answer. */
export interface RecognitionContext {
  /** The buyer's last lines, the scenario's facts, what the rep sells and its name. */
  readonly phrases: readonly string[];
}

export interface SpeechEngine {
  readonly name: SpeechEngineName;
  /** Whether the engine can run here, and what it found or lacks. Cheap: no model is loaded. */
  status(): SpeechEngineStatus;
  /** Loads the model now (a meeting started), so the first utterance is not slowed by it. */
  warm(): Promise<void>;
  /**
   * Starts hearing an utterance. Loads the model on first use and keeps it
   * for the next. Throws a SpeechError when the engine cannot run. One
   * utterance at a time: beginning another cancels one still open (the rep
   * started again); one already finishing completes first. `context` makes
   * the meeting's words likelier (an engine may ignore it), never the only
   * words it can hear.
   */
  begin(context?: RecognitionContext): Utterance;
  /** Frees the model (cancelling an open utterance); a later begin() loads it again. */
  close(): Promise<void>;
}

/** An engine that cannot run, or audio that cannot be used: the message is for the rep. */
export class SpeechError extends Error {
  override readonly name = 'SpeechError';
}
