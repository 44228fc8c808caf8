// score FILE: the report for a transcript of REP: and BUYER: lines.
import { MAX_REPLY_CHARACTERS } from '../../core/meeting/reply';
import {
  parseTranscript,
  scoreTranscript,
  type TranscriptProblem,
} from '../../core/scoring/transcript';
import { defaultClassifier } from '../../core/understanding/default';
import { InputError, nameOf, one, readInput, type Command } from '../args';
import { formatReport } from '../format';

export const score: Command = ({ positionals, json }, io) => {
  const path = one(positionals, 'score', 'FILE');
  const { lines, problems } = parseTranscript(readInput(path));
  const found: TranscriptProblem[] = [];
  for (const problem of problems) {
    const entry = lines.find((l) => l.line === problem.line);
    // A line of emoji or punctuation is not empty: it has no words.
    if (entry && entry.text !== '' && problem.message.endsWith(' line is empty')) {
      const speaker = entry.speaker.toUpperCase();
      found.push({ line: problem.line, message: `the ${speaker} line has no words` });
    } else found.push(problem);
  }
  // The same limit as a reply in a meeting; the line itself is never printed back.
  for (const entry of lines) {
    if (entry.text.length > MAX_REPLY_CHARACTERS) {
      found.push({
        line: entry.line,
        message: `a ${entry.speaker.toUpperCase()} line can be at most ${MAX_REPLY_CHARACTERS} characters; this one has ${entry.text.length}`,
      });
    }
  }
  const first = [...found].sort((a, b) => a.line - b.line)[0];
  if (first) throw new InputError(`${nameOf(path)}:${first.line}: ${first.message}`);
  const report = scoreTranscript(lines, defaultClassifier());
  io.out(json ? JSON.stringify(report) : formatReport(report));
  return 0;
};
