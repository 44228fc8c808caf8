// SRT subtitles: a number, `00:00:01,000 --> 00:00:04,000`, then the text.
// Speakers come from `Name: words` at the start of a cue's text (some tools
// write `- Name: words`); an SRT file without names has no speakers, which
// readTranscript reports rather than guessing.
import { cuesOf, timedBlocks } from './blocks';
import { checkLineLengths, isTimingLine, linesOf } from './text';
import type { TranscriptReader } from './types';

export const srtReader: TranscriptReader = {
  format: 'srt',
  sniff(text) {
    const lines = linesOf(text);
    const first = lines.find((l) => l.trim() !== '') ?? '';
    if (/^WEBVTT/.test(first.trim())) return false;
    return lines.some((l) => isTimingLine(l));
  },
  read(text, fileName) {
    const lines = linesOf(text);
    checkLineLengths(lines, fileName);
    const notes: string[] = [];
    return { cues: cuesOf(timedBlocks(lines, fileName, notes)), timing: 'intervals', notes };
  },
};
