// Labelled lines in TSV (`label<TAB>text`, further columns ignored), as used by
// the training set, the held-out set and `eval`. Bad lines are reported with
// their line number rather than silently skipped.
import { isBehavior } from '../behaviors/taxonomy';
import type { LabelledLine } from './train';

export interface DatasetProblem {
  readonly line: number;
  readonly message: string;
}

export function parseLabelledTsv(text: string): {
  lines: LabelledLine[];
  problems: DatasetProblem[];
} {
  const lines: LabelledLine[] = [];
  const problems: DatasetProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const [label = '', textColumn] = raw.split('\t');
    if (textColumn === undefined) {
      problems.push({ line, message: 'expected "label<TAB>text"; found no tab' });
    } else if (!isBehavior(label.trim())) {
      problems.push({ line, message: `unknown behaviour "${label.trim()}"` });
    } else if (textColumn.trim() === '') {
      problems.push({ line, message: 'the text column is empty' });
    } else {
      lines.push({ behavior: label.trim() as LabelledLine['behavior'], text: textColumn.trim() });
    }
  });
  return { lines, problems };
}
