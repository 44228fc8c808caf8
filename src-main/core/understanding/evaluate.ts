// How well the classifier agrees with labelled lines: accuracy, macro-F1,
// per-behaviour precision and recall, and accuracy on the three groups.
import { BEHAVIORS, GROUP_OF, type Behavior } from '../behaviors/taxonomy';
import type { BehaviorClassifier } from './classifier';
import type { LabelledLine } from './train';

export interface BehaviorScore {
  readonly behavior: Behavior;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

export interface Evaluation {
  readonly examples: number;
  readonly accuracy: number;
  readonly macroF1: number;
  readonly groupAccuracy: number;
  readonly perBehavior: BehaviorScore[];
  /** Lines the classifier got wrong, for error analysis. */
  readonly errors: { text: string; expected: Behavior; predicted: Behavior }[];
}

export function evaluateClassifier(
  classifier: BehaviorClassifier,
  lines: readonly LabelledLine[],
): Evaluation {
  const predictions = lines.map((line) => classifier.classify(line.text).behavior);
  return summarise(lines, predictions);
}

export function summarise(
  lines: readonly LabelledLine[],
  predictions: readonly Behavior[],
): Evaluation {
  let correct = 0;
  let groupCorrect = 0;
  const errors: Evaluation['errors'] = [];
  lines.forEach((line, i) => {
    const predicted = predictions[i] as Behavior;
    if (predicted === line.behavior) correct++;
    else errors.push({ text: line.text, expected: line.behavior, predicted });
    if (GROUP_OF[predicted] === GROUP_OF[line.behavior]) groupCorrect++;
  });
  const perBehavior = BEHAVIORS.map((behavior): BehaviorScore => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    lines.forEach((line, i) => {
      const predicted = predictions[i];
      if (predicted === behavior && line.behavior === behavior) tp++;
      else if (predicted === behavior) fp++;
      else if (line.behavior === behavior) fn++;
    });
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return {
      behavior,
      precision: round(precision),
      recall: round(recall),
      f1: round(f1),
      support: tp + fn,
    };
  });
  const present = perBehavior.filter((b) => b.support > 0);
  const n = Math.max(lines.length, 1);
  return {
    examples: lines.length,
    accuracy: round(correct / n),
    macroF1: round(present.reduce((sum, b) => sum + b.f1, 0) / Math.max(present.length, 1)),
    groupAccuracy: round(groupCorrect / n),
    perBehavior,
    errors,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
