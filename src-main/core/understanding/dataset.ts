// Labelled lines in TSV (`label<TAB>text`, further columns ignored), as used by
// the training set, the held-out set and `eval`. Bad lines are reported with
// their line number rather than silently skipped. `eval` also reads lines
// labelled only by group, as `group:value`, `group:neutral` or `group:pitch`
// (a team's calls): "pitch" alone is the behaviour.
import { BEHAVIOR_GROUPS, isBehavior, type BehaviorGroup } from '../behaviors/taxonomy';
import type { LabelledLine } from './train';

export interface DatasetProblem {
  readonly line: number;
  readonly message: string;
}

/** A line labelled only with its group (a room's call in a team roleplay). */
export interface GroupLabelledLine {
  readonly group: BehaviorGroup;
  readonly text: string;
}

export function parseLabelledTsv(
  text: string,
  options: { readonly groups?: boolean } = {},
): {
  lines: LabelledLine[];
  groupLines: GroupLabelledLine[];
  problems: DatasetProblem[];
} {
  const lines: LabelledLine[] = [];
  const groupLines: GroupLabelledLine[] = [];
  const problems: DatasetProblem[] = [];
  const groupOf = (label: string): BehaviorGroup | undefined => {
    const group = /^group:(\w+)$/.exec(label)?.[1];
    return options.groups === true && (BEHAVIOR_GROUPS as readonly string[]).includes(group ?? '')
      ? (group as BehaviorGroup)
      : undefined;
  };
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const [label = '', textColumn] = raw.split('\t');
    if (textColumn === undefined) {
      problems.push({ line, message: 'expected "label<TAB>text"; found no tab' });
    } else if (groupOf(label.trim()) && textColumn.trim() !== '') {
      groupLines.push({ group: groupOf(label.trim()) as BehaviorGroup, text: textColumn.trim() });
    } else if (!isBehavior(label.trim())) {
      problems.push({ line, message: `unknown behaviour "${label.trim()}"` });
    } else if (textColumn.trim() === '') {
      problems.push({ line, message: 'the text column is empty' });
    } else {
      lines.push({ behavior: label.trim() as LabelledLine['behavior'], text: textColumn.trim() });
    }
  });
  return { lines, groupLines, problems };
}
