// Plain text with `Name: words` lines (what people paste from meeting notes
// or a transcript viewer). A line without a name continues the turn above.
import { acceptedNames, checkLineLengths, linesOf, speakerPrefix } from './text';
import { TranscriptError, type Cue, type TranscriptReader } from './types';

/** How many non-blank lines start with a speaker's name. */
export function namedLineShare(text: string): number {
  const lines = linesOf(text).filter((l) => l.trim() !== '');
  if (lines.length === 0) return 0;
  const prefixes = lines.map((l) => speakerPrefix(l)?.name).filter((n): n is string => !!n);
  const names = acceptedNames(prefixes);
  return prefixes.filter((n) => names.has(n)).length / lines.length;
}

export const namesReader: TranscriptReader = {
  format: 'names',
  sniff(text) {
    // A named line among the first few (a title or date may come first), and
    // names start a good share of the lines.
    const lines = linesOf(text)
      .filter((l) => l.trim() !== '')
      .slice(0, 5);
    return lines.some((l) => speakerPrefix(l) !== null) && namedLineShare(text) >= 0.3;
  },
  read(text, fileName) {
    const lines = linesOf(text);
    checkLineLengths(lines, fileName);
    const notes: string[] = [];
    const names = acceptedNames(
      lines.map((l) => speakerPrefix(l)?.name).filter((n): n is string => !!n),
    );
    const cues: { speaker: string; text: string; line: number }[] = [];
    const before: number[] = [];
    lines.forEach((raw, i) => {
      if (raw.trim() === '') return;
      const prefix = speakerPrefix(raw);
      if (prefix && names.has(prefix.name)) {
        cues.push({ speaker: prefix.name, text: prefix.text.trim(), line: i + 1 });
        return;
      }
      const last = cues[cues.length - 1];
      if (last) last.text = `${last.text} ${raw.trim()}`.trim();
      else if (i >= 5 || before.length >= 3)
        throw new TranscriptError(
          'not_a_transcript',
          fileName,
          (before[0] ?? i) + 1,
          'expected a line starting with a speaker\'s name and a colon, like "Jane Doe: Thanks for making the time."',
        );
      else before.push(i);
    });
    if (before.length > 0)
      notes.push(
        `${before.length === 1 ? 'The line' : `${before.length} lines`} before the first speaker (a title or date) ${before.length === 1 ? 'was' : 'were'} skipped.`,
      );
    const kept: Cue[] = cues.filter((c) => c.text !== '');
    if (kept.length < cues.length)
      notes.push(
        `${cues.length - kept.length} line${cues.length - kept.length === 1 ? '' : 's'} with a name but no words ${cues.length - kept.length === 1 ? 'was' : 'were'} skipped.`,
      );
    return { cues: kept, timing: 'none', notes };
  },
};
