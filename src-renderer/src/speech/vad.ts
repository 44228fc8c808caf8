// Hands-free: hears when the rep starts and stops speaking. Energy-based, with
// a noise floor that follows the room (down fast, up slowly), so a fan or a
// hum does not count as speech. A turn starts once speech-level sound has
// lasted ~120 ms (a click or a knock does not start one) and carries the
// ~300 ms before it (pre-roll), so the first word is not clipped. It ends only
// after `endOfTurnMs` of quiet, so a pause to think or an "um" does not end it.
// Quiet is judged on the level over the last 100 ms, not each frame: a real
// room's noise (ventilation, traffic) swings 5 dB or more from one 20 ms frame
// to the next, and single loud frames of it kept a turn open for ever.
// Pure (frames in, events out), so it is unit-tested with synthetic audio.
import { levelDb } from './pcm';

export interface VadOptions {
  readonly sampleRate: number;
  /** Quiet this long ends the turn. */
  readonly endOfTurnMs: number;
  /** Speech-level sound this long starts a turn. */
  readonly startMs?: number;
  /** Audio kept from before the start, sent first. */
  readonly preRollMs?: number;
  /** A turn with less speech than this (a cough, a door) is dropped, not transcribed. */
  readonly minVoicedMs?: number;
  /** How far above the noise floor (dB) a frame must be to start a turn... */
  readonly startMarginDb?: number;
  /** ...and to keep one going (lower: the ends of words are quieter). */
  readonly holdMarginDb?: number;
  /** Nothing quieter than this (dBFS) is speech, however quiet the room. */
  readonly minSpeechDb?: number;
}

export type VadEvent =
  /** A turn started: the pre-roll and the onset, to send first. */
  | { readonly type: 'start'; readonly audio: Float32Array }
  /** The next frame of a turn in progress (pauses included). */
  | { readonly type: 'audio'; readonly audio: Float32Array }
  /** The turn ended after the silence window. */
  | { readonly type: 'end'; readonly voicedMs: number }
  /** The "turn" was too short to be speech: drop it. */
  | { readonly type: 'drop' };

const DEFAULTS = {
  startMs: 120,
  preRollMs: 300,
  minVoicedMs: 200,
  startMarginDb: 12,
  holdMarginDb: 7,
  minSpeechDb: -50,
};
/** A gap this short inside an onset does not reset it (the dip between syllables). */
const ONSET_GAP_MS = 40;
const FLOOR_MIN_DB = -80;
/** The floor falls to quieter sound within about 60 ms... */
const FLOOR_DOWN_TAU_MS = 60;
/** ...and rises towards louder sound over seconds (slower still during a turn). */
const FLOOR_UP_TAU_MS = 2000;
const FLOOR_UP_TAU_IN_TURN_MS = 10_000;
/** Whether a turn goes on is judged on the level over this long. */
const HOLD_WINDOW_MS = 100;

export class Vad {
  private opts: Required<VadOptions>;
  private floor: number | null = null;
  private inTurn = false;
  /** Recent frames before a turn (pre-roll plus the onset so far). */
  private ring: Float32Array[] = [];
  private ringMs = 0;
  private onsetMs = 0;
  private onsetSpanMs = 0;
  private onsetGapMs = 0;
  private silenceMs = 0;
  private voicedMs = 0;
  /** The last frames' mean squares and lengths (ms), over HOLD_WINDOW_MS. */
  private recent: { power: number; ms: number }[] = [];

  constructor(options: VadOptions) {
    this.opts = { ...DEFAULTS, ...options };
  }

  /** True while a turn is in progress. */
  get speaking(): boolean {
    return this.inTurn;
  }

  /** The noise floor now (dBFS), for display or tests. */
  get noiseFloorDb(): number {
    return this.floor ?? FLOOR_MIN_DB;
  }

  setEndOfTurnMs(ms: number): void {
    this.opts = { ...this.opts, endOfTurnMs: ms };
  }

  /** Forgets any turn or onset in progress (the noise floor is kept). */
  reset(): void {
    this.inTurn = false;
    this.ring = [];
    this.ringMs = 0;
    this.resetOnset();
    this.silenceMs = 0;
    this.voicedMs = 0;
    this.recent = [];
  }

  /** Feeds one frame (any length; 10-30 ms works best) and returns what it caused. */
  push(frame: Float32Array): VadEvent[] {
    const ms = (frame.length / this.opts.sampleRate) * 1000;
    const db = levelDb(frame);
    const floor = this.floor ?? Math.max(FLOOR_MIN_DB, db);
    const events: VadEvent[] = [];

    if (!this.inTurn) {
      const loud = db > Math.max(floor + this.opts.startMarginDb, this.opts.minSpeechDb);
      this.keep(frame, ms);
      if (loud) {
        this.onsetMs += ms;
        this.onsetSpanMs += ms;
        this.onsetGapMs = 0;
      } else if (this.onsetMs > 0) {
        this.onsetGapMs += ms;
        this.onsetSpanMs += ms;
        if (this.onsetGapMs > ONSET_GAP_MS) this.resetOnset();
      }
      if (this.onsetMs >= this.opts.startMs) {
        events.push({ type: 'start', audio: this.takePreRoll() });
        this.inTurn = true;
        this.voicedMs = this.onsetMs;
        this.silenceMs = 0;
        this.resetOnset();
      }
      this.floor = follow(floor, db, ms, FLOOR_UP_TAU_MS);
      return events;
    }

    events.push({ type: 'audio', audio: frame });
    const hold = Math.max(floor + this.opts.holdMarginDb, this.opts.minSpeechDb - 3);
    // Speech: this frame and the last 100 ms both loud. A frame of noise louder
    // than the rest does not hold the turn, and the quiet is counted from the
    // last frame of speech, not from when the 100 ms caught up.
    const held = this.heldDb(db, ms);
    const loud = db > hold && held > hold;
    if (loud) {
      this.silenceMs = 0;
      this.voicedMs += ms;
    } else {
      this.silenceMs += ms;
    }
    this.floor = follow(floor, db, ms, FLOOR_UP_TAU_IN_TURN_MS);
    if (this.silenceMs >= this.opts.endOfTurnMs) {
      const voicedMs = Math.round(this.voicedMs);
      events.push(voicedMs >= this.opts.minVoicedMs ? { type: 'end', voicedMs } : { type: 'drop' });
      this.reset();
    }
    return events;
  }

  /** The level over the last HOLD_WINDOW_MS, this frame included (dBFS). */
  private heldDb(db: number, ms: number): number {
    this.recent.push({ power: 10 ** (db / 10), ms });
    let total = this.recent.reduce((n, f) => n + f.ms, 0);
    while (this.recent.length > 1 && total - (this.recent[0]?.ms ?? 0) >= HOLD_WINDOW_MS) {
      total -= this.recent.shift()?.ms ?? 0;
    }
    const energy = this.recent.reduce((n, f) => n + f.power * f.ms, 0);
    return energy > 0 ? 10 * Math.log10(energy / total) : -Infinity;
  }

  private resetOnset(): void {
    this.onsetMs = 0;
    this.onsetSpanMs = 0;
    this.onsetGapMs = 0;
  }

  /** Remembers a frame before any turn, keeping the pre-roll plus the longest onset. */
  private keep(frame: Float32Array, ms: number): void {
    this.ring.push(frame.slice());
    this.ringMs += ms;
    const cap = this.opts.preRollMs + this.opts.startMs + ONSET_GAP_MS * 4;
    while (this.ring.length > 1 && this.ringMs - frameMs(this.ring[0], this.opts) >= cap) {
      this.ringMs -= frameMs(this.ring.shift(), this.opts);
    }
  }

  /** The onset and the pre-roll before it, as one block. */
  private takePreRoll(): Float32Array {
    const wanted = this.onsetSpanMs + this.opts.preRollMs;
    const frames: Float32Array[] = [];
    let ms = 0;
    for (let i = this.ring.length - 1; i >= 0 && ms < wanted - 1e-6; i--) {
      const f = this.ring[i];
      if (!f) break;
      frames.unshift(f);
      ms += frameMs(f, this.opts);
    }
    this.ring = [];
    this.ringMs = 0;
    const out = new Float32Array(frames.reduce((n, f) => n + f.length, 0));
    let at = 0;
    for (const f of frames) {
      out.set(f, at);
      at += f.length;
    }
    return out;
  }
}

function frameMs(frame: Float32Array | undefined, opts: { sampleRate: number }): number {
  return frame ? (frame.length / opts.sampleRate) * 1000 : 0;
}

/** Moves the floor towards this frame's level: quickly down, slowly up. */
function follow(floor: number, db: number, ms: number, upTauMs: number): number {
  const tau = db < floor ? FLOOR_DOWN_TAU_MS : upTauMs;
  const next = floor + (db - floor) * (1 - Math.exp(-ms / tau));
  return Math.max(FLOOR_MIN_DB, next);
}
