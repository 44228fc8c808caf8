// Spoken replies on the host side: the renderer streams an utterance's audio
// here while the rep speaks, the active engine decodes it as it arrives, and
// at the end of speech the transcript goes back to the page. The page then
// sends it through `session.reply` like a typed reply, naming the utterance, and
// the session host takes the timing kept here (when the rep started and stopped
// speaking, measured from the audio, and how long they let the buyer's line
// sit first). Audio is never kept: it is measured and decoded as it arrives,
// and never written to disk.
import { randomBytes } from 'node:crypto';
import {
  MAX_UTTERANCE_SECONDS,
  SPEECH_SAMPLE_RATE,
  type CallArgs,
  type SpeechStatus,
  type SpokenTiming,
  type Transcript,
} from '../contract/api';
import { base64ToInt16 } from '../contract/pcm';
import { audioProblem, LevelMeter, type UtteranceAnalysis } from '../services/speech/audio';
import { SpeechError, type SpeechEngine, type Utterance } from '../services/speech/engine';
import { HostError } from './errors';

/** Which engine transcribes, as the settings choose it; rebuilt when they change. */
export interface SpeechProvider {
  status(): SpeechStatus;
  /** The engine to use now, or null when none can run here. */
  active(): SpeechEngine | null;
  close(): Promise<void>;
}

/** What the speech host needs to know about a meeting. */
export interface MeetingClock {
  /** When the meeting started (ms since the epoch). */
  readonly startedAt: number;
  /** When the buyer's latest line was given (ms since the epoch). */
  readonly buyerAt: number;
  /** What the meeting makes likely in the rep's answer, for the engine (absent: nothing known). */
  readonly context?: MeetingContext;
}

/** The meeting in progress, as the speech engine can use it. */
export interface MeetingContext {
  /** The buyer's lines so far, oldest first (the engine uses the latest). */
  readonly buyerLines: readonly string[];
  /** The scenario's facts about the buyer. */
  readonly facts: readonly string[];
  /** What the rep sells: its name, what it is, its words. */
  readonly product: readonly string[];
}

/** How many of the buyer's latest lines the engine favours. */
export const BUYER_LINES = 2;

/** The phrases the engine should favour in the rep's next answer. */
export function recognitionPhrases(context: MeetingContext): string[] {
  return [...context.buyerLines.slice(-BUYER_LINES), ...context.facts, ...context.product];
}

/** Utterances left unfinished this long (the page went away) are dropped. */
const STALE_MS = 15 * 60_000;
const MAX_SAMPLES = MAX_UTTERANCE_SECONDS * SPEECH_SAMPLE_RATE;

interface Open {
  readonly id: string;
  readonly sessionId: string;
  readonly engineName: SpeechEngine['name'];
  readonly heard: Utterance;
  readonly began: number;
  readonly sinceBuyerMs: number | undefined;
  readonly clock: MeetingClock;
  /** Level, clipping and where the speech is, measured as the audio arrives. */
  readonly meter: LevelMeter;
  samples: number;
  nextSeq: number;
  truncated: boolean;
  finishing: boolean;
}

interface Finished {
  readonly sessionId: string;
  readonly timing: SpokenTiming;
  readonly at: number;
}

export class SpeechHost {
  private readonly open = new Map<string, Open>();
  private readonly finished = new Map<string, Finished>();
  /** Whether the rep has started speaking since the app started (warm() loads only then). */
  private spoken = false;

  constructor(
    private readonly provider: SpeechProvider,
    private readonly now: () => number = Date.now,
  ) {}

  status(): SpeechStatus {
    return this.provider.status();
  }

  /**
   * Loads the active engine's model in the background (a meeting started),
   * once the rep has spoken in this run of the app: the model is read when
   * speech first starts, never for a rep who types (it costs a second of CPU
   * and tens of megabytes). The first utterance loads it while the rep speaks.
   */
  warm(): void {
    if (!this.spoken) return;
    void this.provider
      .active()
      ?.warm()
      .catch(() => undefined); // status() reports what is wrong when the rep looks
  }

  begin(args: CallArgs<'speech.begin'>, clock: MeetingClock): { utteranceId: string } {
    this.dropStale();
    const engine = this.provider.active();
    if (!engine) {
      const status = this.provider.status();
      throw new HostError(
        'conflict',
        `No speech engine can run here, so your reply cannot be heard; type it instead. ${status.engines
          .map((e) => `${e.label}: ${e.detail}`)
          .join(' ')}`.trim(),
      );
    }
    // One utterance per meeting at a time: a new one replaces one left open.
    for (const other of this.open.values())
      if (other.sessionId === args.sessionId) this.drop(other);
    let heard: Utterance;
    this.spoken = true;
    try {
      heard = engine.begin(
        clock.context ? { phrases: recognitionPhrases(clock.context) } : undefined,
      );
    } catch (error) {
      if (error instanceof SpeechError) throw new HostError('conflict', error.message);
      throw error;
    }
    const id = `u${this.now().toString(36)}-${randomBytes(4).toString('hex')}`;
    this.open.set(id, {
      id,
      sessionId: args.sessionId,
      engineName: engine.name,
      heard,
      began: this.now(),
      sinceBuyerMs: args.sinceBuyerMs,
      clock,
      meter: new LevelMeter(SPEECH_SAMPLE_RATE),
      samples: 0,
      nextSeq: 0,
      truncated: false,
      finishing: false,
    });
    return { utteranceId: id };
  }

  audio(args: CallArgs<'speech.audio'>): null {
    const open = this.utterance(args.utteranceId);
    if (args.seq !== open.nextSeq) {
      // Said and done: a recording with a gap is not transcribed, and later pieces find no utterance.
      this.drop(open);
      throw new HostError(
        'invalid',
        `Audio piece ${args.seq} arrived when piece ${open.nextSeq} was expected; the recording was dropped.`,
      );
    }
    open.nextSeq++;
    let pcm: Int16Array;
    try {
      pcm = base64ToInt16(args.pcm);
    } catch (error) {
      this.drop(open);
      throw new HostError('invalid', `Audio piece ${args.seq} is not 16-bit PCM: ${String(error)}`);
    }
    const room = MAX_SAMPLES - open.samples;
    if (pcm.length > room) {
      open.truncated = true;
      pcm = pcm.subarray(0, Math.max(0, room));
    }
    if (pcm.length === 0) return null;
    open.meter.push(pcm);
    open.samples += pcm.length;
    open.heard.write(pcm);
    return null;
  }

  async finish(args: CallArgs<'speech.finish'>): Promise<Transcript> {
    const open = this.utterance(args.utteranceId);
    open.finishing = true;
    const ended = this.now();
    let recognition;
    try {
      recognition = await open.heard.finish();
    } catch (error) {
      throw new HostError(
        error instanceof SpeechError ? 'conflict' : 'internal',
        `Your speech could not be transcribed: ${(error as Error).message}`,
      );
    } finally {
      this.open.delete(open.id);
    }
    const analysis = open.meter.analysis();
    const audioMs = (open.samples / SPEECH_SAMPLE_RATE) * 1000;
    // The audio arrived as it was spoken, so its last sample is about now:
    // place the voiced span on the meeting's clock from there.
    const audioStart = Math.max(open.began - 1000, ended - audioMs);
    const voiced = analysis.voiced ?? { startMs: 0, endMs: audioMs };
    const startMs = audioStart + voiced.startMs;
    const endMs = audioStart + voiced.endMs;
    const leadMs = voiced.startMs;
    const patience =
      open.sinceBuyerMs !== undefined ? open.sinceBuyerMs + leadMs : startMs - open.clock.buyerAt;
    const text = recognition.text.trim();
    if (text !== '') {
      this.finished.set(open.id, {
        sessionId: open.sessionId,
        at: ended,
        timing: {
          startMs: round(Math.max(0, startMs - open.clock.startedAt)),
          endMs: round(Math.max(0, endMs - open.clock.startedAt)),
          patienceMs: Number.isFinite(patience) ? round(Math.max(0, patience)) : null,
          engine: open.engineName,
        },
      });
    }
    const unsure = text !== '' && recognition.unsure === true;
    const problem = problemOf(analysis, text, open.truncated, unsure);
    return {
      utteranceId: open.id,
      text,
      engine: open.engineName,
      audioSeconds: round3(audioMs / 1000),
      decodeSeconds: round3(recognition.decodeSeconds),
      ...(problem ? { problem } : {}),
      ...(unsure ? { unsure: true as const } : {}),
    };
  }

  cancel(args: CallArgs<'speech.cancel'>): null {
    const open = this.open.get(args.utteranceId);
    if (open) this.drop(open);
    this.finished.delete(args.utteranceId);
    return null;
  }

  /**
   * The timing of a finished utterance, for the reply that sends its words.
   * Each utterance times one reply, and only in the meeting it was heard in.
   */
  claim(utteranceId: string, sessionId: string): SpokenTiming {
    const done = this.finished.get(utteranceId);
    if (!done || done.sessionId !== sessionId) {
      throw new HostError(
        'invalid',
        'That spoken reply does not match a recording of this meeting; send it again.',
      );
    }
    return done.timing;
  }

  /** The reply was stored: the timing is spent. */
  spend(utteranceId: string): void {
    this.finished.delete(utteranceId);
  }

  /** Drops every utterance of a meeting (it ended or was parked). */
  forget(sessionId: string): void {
    for (const open of [...this.open.values()]) if (open.sessionId === sessionId) this.drop(open);
    for (const [id, done] of this.finished)
      if (done.sessionId === sessionId) this.finished.delete(id);
  }

  async close(): Promise<void> {
    for (const open of [...this.open.values()]) this.drop(open);
    this.finished.clear();
    await this.provider.close();
  }

  private utterance(id: string): Open {
    const open = this.open.get(id);
    if (!open || open.finishing) {
      throw new HostError(
        'not_found',
        'That recording is no longer open (it was finished, cancelled or replaced).',
      );
    }
    return open;
  }

  private drop(open: Open): void {
    this.open.delete(open.id);
    if (!open.finishing) open.heard.cancel();
  }

  private dropStale(): void {
    const now = this.now();
    for (const open of [...this.open.values()]) if (now - open.began > STALE_MS) this.drop(open);
    for (const [id, done] of this.finished) if (now - done.at > STALE_MS) this.finished.delete(id);
  }
}

function problemOf(
  analysis: UtteranceAnalysis,
  text: string,
  truncated: boolean,
  unsure: boolean,
): string | undefined {
  const problems: string[] = [];
  const audio = audioProblem(analysis);
  if (audio) problems.push(audio);
  else if (text === '') {
    problems.push('Sound was heard but no words were recognised: try again, a little slower.');
  } else if (unsure && analysis.narrowBand) {
    problems.push(
      'This audio sounds like a telephone line or an 8 kHz microphone (nothing above 4 kHz), which the speech engine cannot hear well, so these words are likely wrong: check them before sending, or use a better microphone.',
    );
  } else if (unsure) {
    problems.push(
      'The speech engine is unsure of these words (noise, or a voice it cannot hear well): check them before sending, or say it again closer to the microphone.',
    );
  }
  if (truncated) {
    problems.push(
      `Recording stopped at ${MAX_UTTERANCE_SECONDS / 60} minutes: only the first ${MAX_UTTERANCE_SECONDS / 60} minutes were heard.`,
    );
  }
  return problems.length > 0 ? problems.join(' ') : undefined;
}

const round = (n: number): number => Math.round(n);
const round3 = (n: number): number => Math.round(n * 1000) / 1000;
