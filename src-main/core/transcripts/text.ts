// What the readers share: lines with their numbers, the line-length guard,
// times like `01:02:03.450`, `0:0:5.32` or `00:01,000`, cue text markup
// (`<v Name>`, `<i>`, entities) and `Name: words` at the start of a line.
import { MAX_TRANSCRIPT_LINE_CHARACTERS, TranscriptError } from './types';

/** The file's lines (any line ending), without a byte-order mark. */
export function linesOf(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

/** Refuses the first line over the limit, saying how long it is but never what it says. */
export function checkLineLengths(lines: readonly string[], fileName: string): void {
  for (let i = 0; i < lines.length; i++) {
    const length = (lines[i] as string).length;
    if (length > MAX_TRANSCRIPT_LINE_CHARACTERS)
      throw new TranscriptError(
        'line_too_long',
        fileName,
        i + 1,
        `a line can be at most ${MAX_TRANSCRIPT_LINE_CHARACTERS.toLocaleString('en-US')} characters; this one has ${length.toLocaleString('en-US')}. Split it into shorter lines (one turn per line) and try again.`,
      );
  }
}

const TIME = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d+))?$/;

/**
 * A cue time in ms: `hh:mm:ss.ttt`, `mm:ss.ttt`, and the short forms Microsoft
 * Teams writes (`0:0:5.320`, `0:1:2.5`); a comma before the fraction (SRT) too.
 * Null when it is not a time.
 */
export function parseTime(raw: string): number | null {
  const m = TIME.exec(raw.trim());
  if (!m) return null;
  const hours = m[1] === undefined ? 0 : Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = Number(m[3]);
  if (minutes > 59 || seconds > 59) return null;
  const fraction = m[4] === undefined ? 0 : Number(`0.${m[4]}`);
  return Math.round(((hours * 60 + minutes) * 60 + seconds + fraction) * 1000);
}

/** `start --> end [settings]`, or null. */
export function parseTiming(line: string): { startMs: number; endMs: number } | null {
  const m = /^\s*(\S+)\s+-->\s+(\S+)(?:\s.*)?$/.exec(line);
  if (!m) return null;
  const startMs = parseTime(m[1] as string);
  const endMs = parseTime(m[2] as string);
  return startMs === null || endMs === null ? null : { startMs, endMs };
}

/** Whether a line is a cue timing line at all (even one whose times are wrong). */
export function isTimingLine(line: string): boolean {
  return /^\s*\S+\s+-->\s+\S+/.test(line);
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  lrm: '',
  rlm: '',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return safeChar(Number.parseInt(name.slice(2), 16), whole);
    if (name.startsWith('#')) return safeChar(Number.parseInt(name.slice(1), 10), whole);
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function safeChar(code: number, whole: string): string {
  return Number.isInteger(code) && code > 31 && code <= 0x10ffff
    ? String.fromCodePoint(code)
    : whole;
}

/**
 * A cue's text split by WebVTT voice spans: `<v Name>words</v>` (the closing
 * tag is optional) gives Name; text outside any voice span has speaker null.
 * Other markup (`<i>`, `<c.x>`, `<00:00:01.000>`, `<font>`) is dropped.
 */
export function voiceSpans(raw: string): { speaker: string | null; text: string }[] {
  const spans: { speaker: string | null; text: string }[] = [];
  const tag = /<(\/?)(v)(?:\.[^\s>]*)?(?:\s+([^>]*))?>|<[^>]*>/gi;
  let speaker: string | null = null;
  let at = 0;
  let current = '';
  const flush = () => {
    const text = clean(current);
    if (text !== '') spans.push({ speaker, text });
    current = '';
  };
  for (let m = tag.exec(raw); m !== null; m = tag.exec(raw)) {
    current += raw.slice(at, m.index);
    at = m.index + m[0].length;
    if (m[2] !== undefined) {
      flush();
      speaker = m[1] === '/' ? null : clean(m[3] ?? '') || null;
    }
  }
  current += raw.slice(at);
  flush();
  return spans;
}

/** Whether a cue uses `<v Name>` voice spans. */
export function hasVoiceTag(text: string): boolean {
  return /<v(?:\.[^\s>]*)?\s+[^>]+>/i.test(text);
}

export function clean(text: string): string {
  return decodeEntities(text).replace(/\s+/g, ' ').trim();
}

/** Words that start a sentence with a colon but are never a speaker's name. */
const NOT_NAMES: ReadonlySet<string> = new Set(
  (
    'so and but well note notes ok okay yes no now then here this that question answer example ' +
    'also plus first second third summary agenda step update re fyi ps http https www action ' +
    'actions next todo important warning edit tip reminder subject date time'
  ).split(' '),
);

/**
 * `Name: words` at the start of a line, or null. A name is one to six words
 * (letters, digits, `.`, `'`, `-`, `&`, parentheses), with no sentence
 * punctuation, not a time and not a common word that ends with a colon.
 */
export function speakerPrefix(line: string): { name: string; text: string } | null {
  const m = /^\s*([^:<>]{1,60}?)\s*:(?:\s+(.*)|$)/.exec(line);
  if (!m) return null;
  const name = clean(m[1] as string);
  if (!looksLikeName(name)) return null;
  return { name, text: m[2] ?? '' };
}

export function looksLikeName(name: string): boolean {
  if (!/^[\p{L}\p{N}][\p{L}\p{N}\s.'’&()-]*$/u.test(name)) return false;
  if (!/\p{L}/u.test(name)) return false;
  const words = name.split(/\s+/);
  if (words.length > 6) return false;
  return !(words.length === 1 && NOT_NAMES.has(name.toLowerCase()));
}

/**
 * Which candidate names really are speakers: a name given at least twice, or
 * one written like a name (each word capitalised or a number: "Jane Doe",
 * "Speaker 2"). A one-off lowercase prefix ("the thing is: ...") is text.
 */
export function acceptedNames(candidates: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const name of candidates) counts.set(name, (counts.get(name) ?? 0) + 1);
  const accepted = new Set<string>();
  for (const [name, count] of counts) {
    const capitalised = name
      .split(/\s+/)
      .every((w) => /^[\p{Lu}\p{N}(]/u.test(w) || /^(de|van|von|da|di|der|la|le|bin)$/.test(w));
    if (count >= 2 || capitalised) accepted.add(name);
  }
  return accepted;
}
