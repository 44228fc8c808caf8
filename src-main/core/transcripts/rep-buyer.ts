// The project's own form: `REP: ...` and `BUYER: ...` lines, an unprefixed
// line continuing the entry above. parseTranscript lived in
// scoring/transcript.ts (which still exports it); the reader wraps it.
import { checkLineLengths, linesOf } from './text';
import { TranscriptError, type TranscriptReader } from './types';

export interface TranscriptLine {
  readonly speaker: 'rep' | 'buyer';
  readonly text: string;
  /** 1-based line in the source where this entry starts. */
  readonly line: number;
}

export interface TranscriptProblem {
  readonly line: number;
  readonly message: string;
}

const SPEAKER = /^\s*(rep|buyer)\s*:\s?(.*)$/i;

/** The speaker names REP: and BUYER: lines get in a read Transcript. */
export const REP_NAME = 'Rep';
export const BUYER_NAME = 'Buyer';

/** Parses `REP: ...` / `BUYER: ...` lines; unprefixed lines continue the previous entry. */
export function parseTranscript(text: string): {
  lines: TranscriptLine[];
  problems: TranscriptProblem[];
} {
  const lines: { speaker: 'rep' | 'buyer'; text: string; line: number }[] = [];
  const problems: TranscriptProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() === '') return;
    const match = SPEAKER.exec(raw);
    if (match) {
      lines.push({
        speaker: (match[1] ?? '').toLowerCase() as 'rep' | 'buyer',
        text: (match[2] ?? '').trim(),
        line: index + 1,
      });
    } else if (lines.length > 0) {
      const last = lines[lines.length - 1] as { text: string };
      last.text = `${last.text} ${raw.trim()}`.trim();
    } else {
      problems.push({
        line: index + 1,
        message: 'expected a line starting with "REP:" or "BUYER:"',
      });
    }
  });
  for (const entry of lines) {
    if (!/[\p{L}\p{N}]/u.test(entry.text))
      problems.push({
        line: entry.line,
        message: `the ${entry.speaker.toUpperCase()} line is empty`,
      });
  }
  if (problems.length === 0 && !lines.some((l) => l.speaker === 'rep')) {
    problems.push({ line: 1, message: 'the transcript has no REP: lines to score' });
  }
  return { lines, problems };
}

export const repBuyerReader: TranscriptReader = {
  format: 'rep-buyer',
  sniff(text) {
    // Every named line is REP or BUYER (a "Jane: ..." line makes it the names
    // form); a title above them is reported by the reader, as `score` always did.
    const named = linesOf(text).filter((l) => /^\s*[^\s:]{1,40}\s*:/.test(l));
    return named.length > 0 && named.every((l) => SPEAKER.test(l));
  },
  read(text, fileName) {
    checkLineLengths(linesOf(text), fileName);
    const { lines, problems } = parseTranscript(text.replace(/^\uFEFF/, ''));
    const first = [...problems].sort((a, b) => a.line - b.line)[0];
    if (first) {
      const code = first.message.startsWith('expected')
        ? 'not_a_transcript'
        : first.message.includes('no REP')
          ? 'one_speaker'
          : 'bad_cue';
      throw new TranscriptError(code, fileName, first.line, first.message);
    }
    return {
      cues: lines.map((l) => ({
        speaker: l.speaker === 'rep' ? REP_NAME : BUYER_NAME,
        text: l.text,
        line: l.line,
      })),
      timing: 'none',
      notes: [],
    };
  },
};
