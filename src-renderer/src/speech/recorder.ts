// The microphone's controller for one meeting: capture → 16 kHz frames →
// (hold to talk, or hands-free turn detection) → one Utterance per reply →
// the transcript, handed to the composer. Two modes:
// - push: the microphone opens when the rep presses (button or Space) and
//   closes when they let go, so an utterance starts exactly at the press; a
//   press shorter than MIN_PRESS_MS is a tap, not a reply ("Hold to talk").
// - handsFree: the microphone stays open while the meeting is on screen; the
//   VAD starts a turn when the rep speaks and ends it after the silence
//   window. It does not start one while the buyer's voice is speaking, a reply
//   is on its way, or a transcript is being made.
// Plain TypeScript (no React); useRecorder wires it to the store.
import {
  MAX_UTTERANCE_SECONDS,
  SPEECH_SAMPLE_RATE,
  type MicMode,
  type Transcript,
} from '../../../src-main/contract/api';
import { MicCapture, MicError, type CaptureHandlers } from './capture';
import { Utterance, type SpeechApi } from './utterance';
import { Vad } from './vad';

/** A shorter press is a tap: nothing is sent. */
export const MIN_PRESS_MS = 250;
/** After the rep lets go, keep listening this long (people let go as the last word ends). */
const RELEASE_TAIL_MS = 150;
/** Frames the VAD sees: 20 ms at 16 kHz. */
const FRAME_SAMPLES = SPEECH_SAMPLE_RATE / 50;
/** How often the level meter is updated (a peak over the interval). */
const LEVEL_INTERVAL_MS = 100;
/** The meter's range: quieter than LOW reads as empty, louder than HIGH as full. */
const LEVEL_LOW_DB = -60;
const LEVEL_HIGH_DB = -10;

export type RecorderPhase = 'off' | 'opening' | 'waiting' | 'recording' | 'transcribing';

export interface RecorderHooks {
  phase(phase: RecorderPhase): void;
  /** 0 to 1. */
  level(level: number): void;
  /** Why the microphone cannot be used, or null once it works. */
  micError(message: string | null): void;
  /** Something to tell the rep about their speech, or null to clear it. */
  notice(message: string | null, tone: 'hint' | 'problem'): void;
  /** Words were heard: the composer sends them or puts them in the box. */
  transcript(transcript: Transcript): void;
  /** Ms from the buyer finishing to `at` (a performance.now() time), when known. */
  sinceBuyerMs(at: number): number | undefined;
  /** Hands-free may start a turn now (no reply in flight, the buyer not speaking...). */
  canListen(): boolean;
  /** The rep started talking: stop the buyer's voice. */
  stopBuyer(): void;
}

export const NOTHING_HEARD = 'Nothing was heard — try again or type your reply.';

export class Recorder {
  private readonly capture = new MicCapture();
  private readonly frame = new Float32Array(FRAME_SAMPLES);
  private frameFill = 0;
  private vad: Vad;
  private mode: MicMode = 'push';
  private phase: RecorderPhase = 'off';
  private utterance: Utterance | null = null;
  /** The utterance being transcribed; its result is dropped if cancelled. */
  private transcribing: Utterance | null = null;
  /** performance.now() of the press in progress, or null. */
  private pressedAt: number | null = null;
  /**
   * Push: when the microphone went live for this press, and the audio since.
   * The host is told (speech.begin) only once the press outlasts a tap.
   */
  private liveAt: number | null = null;
  private early: Float32Array[] = [];
  private tailTimer: ReturnType<typeof setTimeout> | null = null;
  private levelPeak = -100;
  private levelAt = 0;
  private disposed = false;
  private enabled = false;

  constructor(
    private readonly sessionId: string,
    private readonly api: SpeechApi,
    private readonly hooks: RecorderHooks,
    endOfTurnMs: number,
  ) {
    this.vad = new Vad({ sampleRate: SPEECH_SAMPLE_RATE, endOfTurnMs });
  }

  get holding(): boolean {
    return this.pressedAt !== null;
  }

  setEndOfTurnMs(ms: number): void {
    this.vad.setEndOfTurnMs(ms);
  }

  /** Switches mode; hands-free opens the microphone at once, push closes it until a press. */
  setMode(mode: MicMode): void {
    if (this.disposed || mode === this.mode) return;
    this.pressedAt = null;
    this.abort();
    this.mode = mode;
    if (mode === 'handsFree') void this.openHandsFree();
    else if (this.enabled) this.capture.prepare();
  }

  /**
   * Off while speech cannot be used (no engine, the meeting is over): the
   * microphone closes and presses are ignored. On again reopens hands-free.
   */
  setEnabled(enabled: boolean): void {
    if (this.disposed || enabled === this.enabled) return;
    this.enabled = enabled;
    if (!enabled) {
      this.pressedAt = null;
      this.abort();
    } else if (this.mode === 'handsFree') void this.openHandsFree();
    else this.capture.prepare();
  }

  /** Hands-free: tries the microphone again (after an error). */
  retry(): void {
    if (this.mode === 'handsFree' && !this.capture.open) void this.openHandsFree();
    else this.hooks.micError(null);
  }

  /** Hold to talk: the rep pressed (pointer down, or Space down). */
  press(): void {
    if (this.disposed || !this.enabled || this.mode !== 'push' || this.pressedAt !== null) return;
    // Still listening to the end of the last press, or transcribing it.
    if (this.tailTimer !== null || this.phase === 'transcribing') return;
    this.hooks.stopBuyer();
    this.hooks.notice(null, 'hint');
    this.pressedAt = performance.now();
    this.setPhase('opening');
    const pressedAt = this.pressedAt;
    this.capture.start(this.captureHandlers()).then(
      () => {
        // Let go (or cancelled) while the microphone was opening: release() dealt with it.
        if (this.pressedAt !== pressedAt || !this.capture.open) return;
        this.hooks.micError(null);
        this.liveAt = performance.now();
        this.early = [];
        this.setPhase('recording');
      },
      (error: unknown) => {
        // Said even if the rep has let go (to answer a permission prompt, say), unless a newer press is on.
        if (this.disposed || (this.pressedAt !== null && this.pressedAt !== pressedAt)) return;
        if (this.pressedAt === pressedAt) {
          this.pressedAt = null;
          this.setPhase('off');
        }
        this.hooks.micError(micMessage(error));
      },
    );
  }

  /** Hold to talk: the rep let go. */
  release(): void {
    if (this.pressedAt === null) return;
    const held = performance.now() - this.pressedAt;
    this.pressedAt = null;
    if (held < MIN_PRESS_MS) {
      this.abort();
      this.hooks.notice(
        'Hold to talk: keep the button (or Space) held down while you speak.',
        'hint',
      );
      return;
    }
    const utterance = this.pushUtterance();
    if (!utterance) {
      // The microphone was still opening: nothing was recorded.
      this.abort();
      this.hooks.notice(
        'The microphone was still starting. Hold until it says "Listening…", then speak.',
        'hint',
      );
      return;
    }
    this.tailTimer = setTimeout(() => {
      this.tailTimer = null;
      this.utterance = null;
      this.capture.stop();
      void this.transcribe(utterance);
    }, RELEASE_TAIL_MS);
  }

  /** Push: the utterance for this press, begun at the host once the press is no tap. */
  private pushUtterance(): Utterance | null {
    if (this.utterance || this.liveAt === null) return this.utterance;
    const utterance = this.begin(this.liveAt);
    for (const frame of this.early) utterance.add(frame);
    this.early = [];
    this.liveAt = null;
    this.utterance = utterance;
    return utterance;
  }

  /** Escape: drop what is being recorded or transcribed; nothing is sent. */
  cancel(): void {
    const busy =
      this.pressedAt !== null ||
      this.utterance !== null ||
      this.transcribing !== null ||
      this.tailTimer !== null;
    if (!busy) return;
    this.pressedAt = null;
    if (this.mode === 'handsFree' && this.capture.open) {
      // Keep listening: only this turn is dropped.
      this.drop();
      this.setPhase('waiting');
    } else {
      this.abort();
    }
    this.hooks.notice('Recording cancelled: nothing was sent.', 'hint');
  }

  /** Leaving the meeting: cancel everything and release the microphone for good. */
  dispose(): void {
    if (this.disposed) return;
    this.abort();
    this.disposed = true;
    this.capture.dispose();
  }

  /** Drops any utterance, recording or transcribing (cancelled at the host). */
  private drop(): void {
    if (this.tailTimer !== null) clearTimeout(this.tailTimer);
    this.tailTimer = null;
    this.liveAt = null;
    this.early = [];
    this.utterance?.cancel();
    this.utterance = null;
    this.transcribing?.cancel();
    this.transcribing = null;
    this.vad.reset();
  }

  /** Drops any utterance and closes the microphone. */
  private abort(): void {
    this.drop();
    this.capture.stop();
    this.frameFill = 0;
    this.setPhase('off');
  }

  private async openHandsFree(): Promise<void> {
    if (this.disposed || !this.enabled || this.mode !== 'handsFree') return;
    if (this.capture.open) {
      this.setPhase(this.transcribing ? 'transcribing' : 'waiting');
      return;
    }
    this.setPhase('opening');
    try {
      await this.capture.start(this.captureHandlers());
    } catch (error) {
      if (this.mode === 'handsFree' && this.enabled && !this.disposed) {
        this.setPhase('off');
        this.hooks.micError(micMessage(error));
      }
      return;
    }
    if (this.disposed || !this.enabled || this.mode !== 'handsFree' || !this.capture.open) return;
    this.hooks.micError(null);
    this.setPhase(this.transcribing ? 'transcribing' : 'waiting');
  }

  private begin(firstSampleAt: number): Utterance {
    const sinceBuyerMs = this.hooks.sinceBuyerMs(firstSampleAt);
    const utterance: Utterance = new Utterance(
      this.api,
      {
        sessionId: this.sessionId,
        ...(sinceBuyerMs !== undefined
          ? { sinceBuyerMs: Math.max(0, Math.round(sinceBuyerMs)) }
          : {}),
      },
      (error) => {
        if (this.utterance !== utterance && this.transcribing !== utterance) return;
        // The host refused (no engine, a lost piece...): stop and say why.
        this.hooks.notice(`Your speech could not be sent: ${message(error)}`, 'problem');
        if (this.mode === 'push') {
          this.pressedAt = null;
          this.abort();
        } else {
          this.utterance = null;
          this.vad.reset();
          this.setPhase('waiting');
        }
      },
    );
    return utterance;
  }

  private async transcribe(utterance: Utterance): Promise<void> {
    this.transcribing = utterance;
    this.setPhase('transcribing');
    let transcript: Transcript | null = null;
    try {
      transcript = await utterance.finish();
    } catch (error) {
      if (this.transcribing === utterance)
        this.hooks.notice(`Your speech could not be transcribed: ${message(error)}`, 'problem');
    }
    // Cancelled, replaced or left while the host worked: say nothing.
    if (this.transcribing !== utterance || this.disposed) return;
    this.transcribing = null;
    this.setPhase(this.mode === 'handsFree' && this.capture.open ? 'waiting' : 'off');
    if (!transcript) return;
    if (transcript.text.trim() === '') {
      // The host's own "Nothing was heard…" says the same; other problems add to it.
      const extra =
        transcript.problem && !transcript.problem.startsWith('Nothing was heard')
          ? ` ${transcript.problem}`
          : '';
      this.hooks.notice(`${NOTHING_HEARD}${extra}`, 'problem');
      return;
    }
    this.hooks.notice(transcript.problem ?? null, 'problem');
    this.hooks.transcript(transcript);
  }

  private captureHandlers(): CaptureHandlers {
    return {
      onAudio: (samples) => this.onAudio(samples),
      onLevel: (db) => this.onLevel(db),
      onEnded: () => {
        this.pressedAt = null;
        this.abort();
        this.hooks.micError('The microphone stopped (it was unplugged or turned off).');
      },
    };
  }

  private onLevel(db: number): void {
    this.levelPeak = Math.max(this.levelPeak, db);
    const now = performance.now();
    if (now - this.levelAt < LEVEL_INTERVAL_MS) return;
    this.levelAt = now;
    const level = (this.levelPeak - LEVEL_LOW_DB) / (LEVEL_HIGH_DB - LEVEL_LOW_DB);
    this.levelPeak = -100;
    this.hooks.level(Math.max(0, Math.min(1, level)));
  }

  /** Cuts the 16 kHz stream into 20 ms frames. */
  private onAudio(samples: Float32Array): void {
    let from = 0;
    while (from < samples.length) {
      const n = Math.min(samples.length - from, FRAME_SAMPLES - this.frameFill);
      this.frame.set(samples.subarray(from, from + n), this.frameFill);
      this.frameFill += n;
      from += n;
      if (this.frameFill === FRAME_SAMPLES) {
        this.frameFill = 0;
        this.onFrame(this.frame.slice());
      }
    }
  }

  private onFrame(frame: Float32Array): void {
    if (this.mode === 'push') {
      if (!this.utterance) {
        if (this.liveAt === null) return;
        // A tap so far: keep the audio until the press is long enough to be a reply.
        this.early.push(frame);
        const pressedAt = this.pressedAt;
        if (pressedAt !== null && performance.now() - pressedAt < MIN_PRESS_MS) return;
      } else {
        this.utterance.add(frame);
      }
      // Begins at the host with the audio so far, once (this frame included).
      const utterance = this.pushUtterance();
      if (!utterance) return;
      if (utterance.seconds >= MAX_UTTERANCE_SECONDS) {
        this.hooks.notice(
          `Recording stops at ${MAX_UTTERANCE_SECONDS / 60} minutes: what you said so far is being transcribed.`,
          'hint',
        );
        this.release();
      }
      return;
    }

    // Hands-free: no new turn while the buyer speaks, a reply is on its way, or one is transcribing.
    if (!this.vad.speaking && (this.transcribing !== null || !this.hooks.canListen())) {
      this.vad.reset();
      return;
    }
    for (const event of this.vad.push(frame)) {
      switch (event.type) {
        case 'start': {
          this.hooks.stopBuyer();
          this.hooks.notice(null, 'hint');
          const startedAt = performance.now() - (event.audio.length / SPEECH_SAMPLE_RATE) * 1000;
          this.utterance = this.begin(startedAt);
          this.utterance.add(event.audio);
          this.setPhase('recording');
          break;
        }
        case 'audio': {
          const utterance = this.utterance;
          if (!utterance) break;
          utterance.add(event.audio);
          if (utterance.seconds >= MAX_UTTERANCE_SECONDS) {
            this.vad.reset();
            this.utterance = null;
            void this.transcribe(utterance);
          }
          break;
        }
        case 'end': {
          const utterance = this.utterance;
          this.utterance = null;
          if (utterance) void this.transcribe(utterance);
          break;
        }
        case 'drop': {
          this.utterance?.cancel();
          this.utterance = null;
          this.setPhase('waiting');
          break;
        }
      }
    }
  }

  private setPhase(phase: RecorderPhase): void {
    if (phase === this.phase) return;
    this.phase = phase;
    if (phase === 'off') this.hooks.level(0);
    this.hooks.phase(phase);
  }
}

function message(error: unknown): string {
  const text = error instanceof Error && error.message ? error.message : 'something went wrong';
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function micMessage(error: unknown): string {
  return error instanceof MicError
    ? error.message
    : `The microphone could not be opened: ${message(error)}`;
}
