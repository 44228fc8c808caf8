// score FILE: the report for a transcript of REP: and BUYER: lines.
import { parseTranscript, scoreTranscript } from '../../core/scoring/transcript';
import { defaultClassifier } from '../../core/understanding/default';
import { InputError, one, readInput, type Command } from '../args';
import { formatReport } from '../format';

export const score: Command = ({ positionals, json }, io) => {
  const path = one(positionals, 'score', 'FILE');
  const { lines, problems } = parseTranscript(readInput(path));
  const first = problems[0];
  if (first) throw new InputError(`${path}:${first.line}: ${first.message}`);
  const report = scoreTranscript(lines, defaultClassifier());
  io.out(json ? JSON.stringify(report) : formatReport(report));
  return 0;
};
