// Which format a file is in, from what it contains (never its extension, which
// is often wrong: Teams' .vtt renamed .txt, Otter's .txt). The most specific
// reader that recognises the text wins; none means it is not a transcript.
import { otterReader } from './otter';
import { namesReader } from './names';
import { repBuyerReader } from './rep-buyer';
import { srtReader } from './srt';
import { linesOf } from './text';
import { vttReader } from './vtt';
import { TranscriptError, type TranscriptFormat, type TranscriptReader } from './types';

/** Most specific first: a WEBVTT header, cue timings, Otter headers, REP:/BUYER:, then any names. */
export const READERS: readonly TranscriptReader[] = [
  vttReader,
  srtReader,
  otterReader,
  repBuyerReader,
  namesReader,
];

export function readerFor(format: TranscriptFormat): TranscriptReader {
  return READERS.find((r) => r.format === format) as TranscriptReader;
}

/** The format the content is in; throws when no reader recognises it. */
export function detectFormat(text: string, fileName: string): TranscriptFormat {
  const reader = READERS.find((r) => r.sniff(text));
  if (reader) return reader.format;
  const first = linesOf(text).findIndex((l) => l.trim() !== '');
  throw new TranscriptError(
    'not_a_transcript',
    fileName,
    first + 1,
    'this is not a transcript: expected WebVTT (Zoom, Teams), SRT, an Otter text export ("Name  0:42" above each turn), or lines like "Name: words" or "REP: words"',
  );
}

/**
 * Where the text stops being text: a NUL, other control characters, or
 * characters that failed to decode (U+FFFD). Returns the 1-based line, or null.
 */
export function binaryLine(text: string): number | null {
  const sample = text.length > 1_000_000 ? text.slice(0, 1_000_000) : text;
  let control = 0;
  let undecodable = 0;
  let firstBad = -1;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    const bad = c === 0 || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f;
    if (c === 0) {
      firstBad = firstBad < 0 ? i : firstBad;
      control = Infinity;
      break;
    }
    if (bad) control++;
    if (c === 0xfffd) undecodable++;
    if ((bad || c === 0xfffd) && firstBad < 0) firstBad = i;
  }
  const share = (control + undecodable) / Math.max(sample.length, 1);
  if (firstBad < 0 || (control !== Infinity && share < 0.01 && control + undecodable < 16))
    return null;
  let line = 1;
  for (let i = 0; i < firstBad; i++) if (sample.charCodeAt(i) === 10) line++;
  return line;
}
