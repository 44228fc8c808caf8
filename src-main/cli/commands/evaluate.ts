// eval FILE: the classifier against labelled lines.
import { parseLabelledTsv } from '../../core/understanding/dataset';
import { defaultClassifier } from '../../core/understanding/default';
import { evaluateClassifier } from '../../core/understanding/evaluate';
import { InputError, one, readInput, type Command } from '../args';
import { formatEvaluation } from '../format';

export const evaluate: Command = ({ positionals, json }, io) => {
  const path = one(positionals, 'eval', 'FILE');
  const { lines, problems } = parseLabelledTsv(readInput(path));
  const first = problems[0];
  if (first) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new InputError(`${path}:${first.line}: ${first.message}${more}`);
  }
  if (lines.length === 0) throw new InputError(`${path}: no labelled lines`);
  const result = evaluateClassifier(defaultClassifier(), lines);
  io.out(json ? JSON.stringify(result) : formatEvaluation(result));
  return 0;
};
