// eval FILE...: the classifier against labelled lines, one set per file.
// eval --metamorphic FILE...: how many lines leave their group when wrapped in value words.
// eval --agreement FILE_A FILE_B: how well two labellers agree (Cohen's kappa).
import { BEHAVIOR_GROUPS, type BehaviorGroup } from '../../core/behaviors/taxonomy';
import { formatReliability } from '../../core/understanding/calibration';
import { parseLabelledTsv, type GroupLabelledLine } from '../../core/understanding/dataset';
import { defaultClassifier } from '../../core/understanding/default';
import {
  agreement,
  evaluateClassifier,
  type Agreement,
  type Evaluation,
} from '../../core/understanding/evaluate';
import { runMetamorphic, type MetamorphicReport } from '../../core/understanding/metamorphic';
import type { LabelledLine } from '../../core/understanding/train';
import { InputError, readInput, UsageError, type Command } from '../args';

export const evaluate: Command = ({ positionals, values, json }, io) => {
  if (values.metamorphic && values.agreement) {
    throw new UsageError('eval takes --metamorphic or --agreement, not both');
  }
  if (values.agreement) {
    if (positionals.length !== 2) {
      throw new UsageError('eval --agreement takes exactly two FILEs (FILE_A FILE_B)');
    }
    const [pathA, pathB] = positionals as [string, string];
    const result = agreement(readSet(pathA), readSet(pathB));
    if (result.matched === 0) {
      throw new InputError(`${pathA} and ${pathB} have no text in common`);
    }
    io.out(
      json
        ? JSON.stringify({ fileA: pathA, fileB: pathB, ...result })
        : formatAgreement(pathA, pathB, result),
    );
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('eval takes at least one FILE');
  // Read every file first, so a bad one fails before any output.
  const sets = positionals.map((path) => ({ path, ...readSets(path) }));
  const blocks: string[] = [];
  for (const { path, lines, groupLines } of sets) {
    if (groupLines.length > 0 && !values.metamorphic) {
      const result = groupAgreement(groupLines);
      blocks.push(
        json ? JSON.stringify({ file: path, groupLabelled: result }) : formatGroupSet(path, result),
      );
    }
    if (lines.length === 0) continue;
    if (values.metamorphic) {
      const report = runMetamorphic(defaultClassifier(), lines);
      blocks.push(
        json ? JSON.stringify({ file: path, ...report }) : formatMetamorphic(path, report),
      );
    } else {
      const result = evaluateClassifier(defaultClassifier(), lines);
      blocks.push(json ? JSON.stringify({ file: path, ...result }) : formatSet(path, result));
    }
  }
  io.out(blocks.join(json ? '\n' : '\n\n'));
  return 0;
};

function readSet(path: string): LabelledLine[] {
  const { lines } = readSets(path, { groups: false });
  return lines;
}

/** A file's lines labelled by behaviour, and (for `eval FILE`) those labelled only by group. */
function readSets(
  path: string,
  options: { readonly groups: boolean } = { groups: true },
): { lines: LabelledLine[]; groupLines: GroupLabelledLine[] } {
  const { lines, groupLines, problems } = parseLabelledTsv(readInput(path), options);
  const first = problems[0];
  if (first) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new InputError(`${path}:${first.line}: ${first.message}${more}`);
  }
  if (lines.length === 0 && groupLines.length === 0)
    throw new InputError(`${path}: no labelled lines`);
  return { lines, groupLines };
}

interface GroupResult {
  readonly examples: number;
  readonly groupAccuracy: number;
  /** Rows = the label, columns = the coach's group now. */
  readonly confusion: { readonly groups: readonly BehaviorGroup[]; readonly counts: number[][] };
}

/** How often the classifier's group matches lines labelled only by group. */
function groupAgreement(lines: readonly GroupLabelledLine[]): GroupResult {
  const classifier = defaultClassifier();
  const groups = [...BEHAVIOR_GROUPS];
  const counts = groups.map(() => groups.map(() => 0));
  let right = 0;
  for (const line of lines) {
    const read = classifier.classify(line.text).group;
    if (read === line.group) right++;
    const row = counts[groups.indexOf(line.group)];
    if (row) row[groups.indexOf(read)] = (row[groups.indexOf(read)] ?? 0) + 1;
  }
  return {
    examples: lines.length,
    groupAccuracy: Math.round((1000 * right) / lines.length) / 1000,
    confusion: { groups, counts },
  };
}

function formatGroupSet(path: string, r: GroupResult): string {
  const out = [
    `Set             ${path} (labelled by group)`,
    `Examples        ${r.examples}`,
    `Group accuracy  ${r.groupAccuracy}`,
    '',
    'Group confusion (rows = labelled, columns = read as)',
    `${''.padEnd(10)}${r.confusion.groups.map((g) => g.padStart(9)).join('')}`,
  ];
  r.confusion.groups.forEach((group, i) => {
    out.push(
      `${group.padEnd(10)}${(r.confusion.counts[i] ?? []).map((n) => String(n).padStart(9)).join('')}`,
    );
  });
  return out.join('\n');
}

function leaked(e: Evaluation): number {
  const { groups, counts } = e.groupConfusion;
  return counts[groups.indexOf('pitch')]?.[groups.indexOf('value')] ?? 0;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

export function formatSet(path: string, e: Evaluation): string {
  const out = [
    `Set             ${path}`,
    `Examples        ${e.examples}`,
    `Accuracy        ${e.accuracy}`,
    `Macro-F1        ${e.macroF1}`,
    `Group accuracy  ${e.groupAccuracy}`,
    `Pitch leak      ${percent(e.pitchLeak)} (${leaked(e)} of ${e.pitchLines} pitch-group lines read as value)`,
  ];
  if (e.calibration) {
    out.push(
      `ECE             ${e.calibration.ece} (10 bins; mean confidence ${e.calibration.meanConfidence}, accuracy ${e.calibration.accuracy})`,
    );
  }
  out.push('', `${'behaviour'.padEnd(22)} precision  recall  f1     support`);
  for (const b of e.perBehavior) {
    out.push(
      `${b.behavior.padEnd(22)} ${b.precision.toFixed(3).padStart(9)}  ${b.recall.toFixed(3).padStart(6)}  ${b.f1.toFixed(3)}  ${String(b.support).padStart(7)}`,
    );
  }
  out.push('', 'Group confusion (rows = expected, columns = read as)');
  out.push(
    `${''.padEnd(10)}${BEHAVIOR_GROUPS.map((g) => g.padStart(9)).join('')}${'total'.padStart(9)}`,
  );
  e.groupConfusion.groups.forEach((group, r) => {
    const row = e.groupConfusion.counts[r] ?? [];
    const total = row.reduce((a, b) => a + b, 0);
    out.push(
      `${group.padEnd(10)}${row.map((n) => String(n).padStart(9)).join('')}${String(total).padStart(9)}`,
    );
  });
  if (e.calibration) {
    out.push('', 'Reliability (top-class confidence)');
    out.push(...formatReliability(e.calibration));
  }
  return out.join('\n');
}

export function formatMetamorphic(path: string, r: MetamorphicReport): string {
  const out = [
    `Set             ${path}`,
    `Pitch group     ${percent(r.pitch.share)} of ${r.pitch.variants} wrapped variants left the pitch group (${r.pitch.toValue} read as value; ${r.pitch.flipped} flipped from a line read right); ${r.pitch.originalsInGroup} of ${r.pitch.lines} unwrapped lines read as pitch`,
    `Value group     ${percent(r.value.share)} of ${r.value.variants} variants left the value group (${r.value.flipped} flipped from a line read right); ${r.value.originalsInGroup} of ${r.value.lines} unwrapped lines read as value`,
    `Wrapping flips  ${percent(r.pitch.flipShare)} of ${r.pitch.variantsOfRight} variants of pitch-group lines read right (target at most 3%); ${percent(r.value.flipShare)} of ${r.value.variantsOfRight} of value lines`,
    '',
    `${'wrapper'.padEnd(20)} ${'side'.padEnd(6)} ${'applied'.padStart(7)} ${'left'.padStart(5)} ${'share'.padStart(7)}  template`,
  ];
  for (const w of r.perWrapper) {
    out.push(
      `${w.wrapper.padEnd(20)} ${w.side.padEnd(6)} ${String(w.applied).padStart(7)} ${String(w.left).padStart(5)} ${percent(w.share).padStart(7)}  ${w.template}`,
    );
  }
  return out.join('\n');
}

function kappaText(k: number | null): string {
  return k === null ? '-' : k.toFixed(3);
}

export function formatAgreement(pathA: string, pathB: string, a: Agreement): string {
  const out = [
    `Rater A         ${pathA}`,
    `Rater B         ${pathB}`,
    `Matched lines   ${a.matched} (only in A ${a.onlyInA}, only in B ${a.onlyInB})`,
    `Behaviour       agreement ${a.observed}, kappa ${kappaText(a.kappa)}`,
    `Group           agreement ${a.groupObserved}, kappa ${kappaText(a.groupKappa)}`,
    '',
    `${'behaviour'.padEnd(22)} ${'A'.padStart(5)} ${'B'.padStart(5)}  kappa`,
  ];
  for (const b of a.perBehavior) {
    out.push(
      `${b.behavior.padEnd(22)} ${String(b.usedByA).padStart(5)} ${String(b.usedByB).padStart(5)}  ${kappaText(b.kappa)}`,
    );
  }
  if (a.disagreements.length > 0) {
    out.push('', 'Most frequent disagreements (A -> B)');
    for (const d of a.disagreements.slice(0, 10))
      out.push(`  ${String(d.count).padStart(4)}  ${d.a} -> ${d.b}`);
  }
  return out.join('\n');
}
