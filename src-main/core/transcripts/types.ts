// What every transcript reader returns, and the one error they throw. A reader
// turns a file's text into cues (who said what, and when, where the file says);
// speakers.ts then merges a speaker's consecutive cues into turns. Pure: the
// file was read by services, which also enforce MAX_TRANSCRIPT_BYTES.

/** The formats the readers understand; `detect.ts` tells them apart from the content. */
export const TRANSCRIPT_FORMATS = ['vtt', 'srt', 'otter', 'names', 'rep-buyer'] as const;
export type TranscriptFormat = (typeof TRANSCRIPT_FORMATS)[number];

/** What each format is called in messages and the app. */
export const FORMAT_NAMES: Readonly<Record<TranscriptFormat, string>> = {
  vtt: 'WebVTT (Zoom, Microsoft Teams)',
  srt: 'SRT subtitles',
  otter: 'an Otter-style text export',
  names: '"Name: words" lines',
  'rep-buyer': 'REP: and BUYER: lines',
};

/** A file larger than this is refused before it is read (the services' file reader checks it). */
export const MAX_TRANSCRIPT_BYTES = 20 * 1024 * 1024;

/** A line longer than this is refused, never printed back (the same limit as a reply). */
export const MAX_TRANSCRIPT_LINE_CHARACTERS = 4000;

/**
 * How much the file says about time: `intervals` (each cue starts and ends:
 * VTT, SRT), `starts` (each turn's start only: Otter), or `none`.
 */
export type TimingKind = 'intervals' | 'starts' | 'none';

/** One piece of speech as the file has it, before merging. */
export interface Cue {
  /** Null when the cue names nobody (it continues the speaker before it). */
  readonly speaker: string | null;
  readonly text: string;
  readonly startMs?: number;
  readonly endMs?: number;
  /** 1-based line in the file where the cue's text starts. */
  readonly line: number;
}

/** One turn: a speaker's consecutive cues, merged. */
export interface TranscriptTurn {
  readonly speaker: string;
  readonly text: string;
  /** When the turn started and ended, in ms from the start of the file's clock. */
  readonly startMs?: number;
  readonly endMs?: number;
  /** Time actually spoken: the sum of the cues' lengths (gaps between them left out). */
  readonly spokenMs?: number;
  /** 1-based line where the turn starts. */
  readonly line: number;
}

/** One speaker, with how much they said. */
export interface TranscriptSpeaker {
  readonly name: string;
  readonly words: number;
  readonly turns: number;
  /** Seconds spoken; absent when the file has no times. */
  readonly seconds?: number;
  /** Questions asked (sentences ending in "?"). */
  readonly questions: number;
}

export interface Transcript {
  readonly format: TranscriptFormat;
  readonly fileName: string;
  /** In order of first appearance. */
  readonly speakers: readonly TranscriptSpeaker[];
  readonly turns: readonly TranscriptTurn[];
  /** Whether the file has times (then the report measures instead of estimating). */
  readonly timed: boolean;
  readonly timing: TimingKind;
  /** Things read leniently (a cue with no speaker, a cue out of order), for the preview. */
  readonly notes: readonly string[];
}

export type TranscriptErrorCode =
  | 'empty'
  | 'binary'
  | 'not_a_transcript'
  | 'line_too_long'
  | 'bad_cue'
  | 'no_speakers'
  | 'one_speaker'
  | 'unknown_rep';

/** A file that cannot be read as a transcript: the message names the file and, where it can, the line. */
export class TranscriptError extends Error {
  override readonly name = 'TranscriptError';
  constructor(
    readonly code: TranscriptErrorCode,
    readonly fileName: string,
    readonly line: number | null,
    readonly reason: string,
  ) {
    super(`${fileName}${line === null ? '' : `:${line}`}: ${reason}`);
  }
}

/** One reader per format, all behind this. */
export interface TranscriptReader {
  readonly format: TranscriptFormat;
  /** Whether the text looks like this format (used by detection, most specific reader first). */
  sniff(text: string): boolean;
  /** The cues, in file order; throws TranscriptError for what it cannot read. */
  read(text: string, fileName: string): { cues: Cue[]; timing: TimingKind; notes: string[] };
}
