// The cue blocks WebVTT and SRT share: an optional id line, a timing line
// (`start --> end`), then the cue's text lines, blocks separated by blank
// lines. Each cue's text is then split into speakers: WebVTT voice spans
// (`<v Name>words</v>`, Microsoft Teams) or `Name: words` at the start of a
// line (Zoom, and SRT files that name speakers).
import {
  acceptedNames,
  hasVoiceTag,
  isTimingLine,
  parseTiming,
  speakerPrefix,
  voiceSpans,
} from './text';
import { TranscriptError, type Cue } from './types';

interface Block {
  readonly startMs: number;
  readonly endMs: number;
  /** The cue's text lines and their 1-based line numbers. */
  readonly text: readonly { readonly raw: string; readonly line: number }[];
}

/**
 * The timed blocks of a subtitle file. Blocks without a timing line (the
 * WEBVTT header, NOTE, STYLE and REGION blocks, stray text) are skipped; a
 * timing line whose times cannot be read is refused with its line.
 */
export function timedBlocks(lines: readonly string[], fileName: string, notes: string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  let skipped = 0;
  while (i < lines.length) {
    while (i < lines.length && (lines[i] as string).trim() === '') i++;
    const start = i;
    while (i < lines.length && (lines[i] as string).trim() !== '') i++;
    const block = lines.slice(start, i);
    if (block.length === 0) continue;
    const first = (block[0] as string).trim();
    if (/^(WEBVTT|NOTE|STYLE|REGION)\b/.test(first)) continue;
    const at = block.findIndex(isTimingLine);
    if (at < 0 || at > 1) {
      skipped++;
      continue;
    }
    const timing = parseTiming(block[at] as string);
    if (!timing)
      throw new TranscriptError(
        'bad_cue',
        fileName,
        start + at + 1,
        'the cue timing cannot be read: expected "00:01:02.500 --> 00:01:05.000" (or a short form such as "0:1:2.5")',
      );
    const { startMs } = timing;
    let { endMs } = timing;
    if (endMs < startMs) {
      notes.push(
        `line ${start + at + 1}: the cue ends before it starts; its end was taken as its start.`,
      );
      endMs = startMs;
    }
    blocks.push({
      startMs,
      endMs,
      text: block.slice(at + 1).map((raw, k) => ({ raw, line: start + at + 2 + k })),
    });
  }
  if (skipped > 0)
    notes.push(
      `${skipped} block${skipped === 1 ? '' : 's'} without a cue timing ${skipped === 1 ? 'was' : 'were'} skipped.`,
    );
  return blocks;
}

/**
 * Each block's text as speaker pieces, timed. A block with several speakers
 * shares its time between them by length of text.
 */
export function cuesOf(blocks: readonly Block[]): Cue[] {
  // First pass: which `Name:` prefixes really name speakers.
  const candidates: string[] = [];
  for (const block of blocks)
    for (const { raw } of block.text) {
      if (hasVoiceTag(raw)) continue;
      const prefix = speakerPrefix(raw.replace(/^\s*-\s*/, '').replace(/<[^>]*>/g, ''));
      if (prefix) candidates.push(prefix.name);
    }
  const names = acceptedNames(candidates);

  const cues: Cue[] = [];
  for (const block of blocks) {
    const pieces: { speaker: string | null; text: string; line: number }[] = [];
    const add = (speaker: string | null, text: string, line: number) => {
      const last = pieces[pieces.length - 1];
      if (last && (speaker === null || speaker === last.speaker))
        last.text = `${last.text} ${text}`;
      else pieces.push({ speaker, text, line });
    };
    const voiced = block.text.some(({ raw }) => hasVoiceTag(raw));
    let voice: string | null = null;
    for (const { raw, line } of block.text) {
      if (voiced) {
        // A voice span runs until </v> or the cue's end, across lines.
        for (const span of voiceSpans(voice && !hasVoiceTag(raw) ? `<v ${voice}>${raw}` : raw)) {
          add(span.speaker, span.text, line);
          voice = span.speaker;
        }
        if (/<\/v>\s*$/i.test(raw)) voice = null;
        continue;
      }
      const plain = voiceSpans(raw.replace(/^\s*-\s*/, ''))
        .map((s) => s.text)
        .join(' ');
      if (plain === '') continue;
      const prefix = speakerPrefix(plain);
      if (prefix && names.has(prefix.name)) {
        if (prefix.text.trim() !== '')
          pieces.push({ speaker: prefix.name, text: prefix.text.trim(), line });
        else pieces.push({ speaker: prefix.name, text: '', line });
      } else add(null, plain, line);
    }
    const kept = pieces.filter((p) => p.text.trim() !== '');
    const total = kept.reduce((sum, p) => sum + p.text.length, 0);
    let at = block.startMs;
    const span = block.endMs - block.startMs;
    kept.forEach((p, k) => {
      const endMs =
        k === kept.length - 1
          ? block.endMs
          : at + Math.round((span * p.text.length) / Math.max(total, 1));
      cues.push({ speaker: p.speaker, text: p.text.trim(), startMs: at, endMs, line: p.line });
      at = endMs;
    });
  }
  return cues;
}
