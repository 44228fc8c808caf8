// WebVTT, as Zoom and Microsoft Teams write it. Zoom: numbered cues whose
// text starts `Name: words`. Teams: cue ids that are not numbers (GUIDs such
// as `3a1f.../17-0`), speakers in voice spans (`<v Jane Doe>words</v>`), and,
// in older exports, short timestamps (`0:0:5.320 --> 0:0:7.140`). Cue text may
// run over several lines.
import { cuesOf, timedBlocks } from './blocks';
import { checkLineLengths, hasVoiceTag, isTimingLine, linesOf } from './text';
import type { TranscriptReader } from './types';

export const vttReader: TranscriptReader = {
  format: 'vtt',
  sniff(text) {
    const lines = linesOf(text);
    const first = lines.find((l) => l.trim() !== '') ?? '';
    if (/^WEBVTT(\s|$)/.test(first.trim())) return true;
    // No header, but cues with dotted times or voice spans: read as WebVTT.
    return (
      lines.some((l) => isTimingLine(l) && !/\d,\d/.test(l)) && lines.some((l) => hasVoiceTag(l))
    );
  },
  read(text, fileName) {
    const lines = linesOf(text);
    checkLineLengths(lines, fileName);
    const notes: string[] = [];
    return { cues: cuesOf(timedBlocks(lines, fileName, notes)), timing: 'intervals', notes };
  },
};
