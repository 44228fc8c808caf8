// How well the classifier agrees with labelled lines: accuracy, macro-F1,
// per-behaviour precision and recall, accuracy on the three groups, the group
// confusion matrix, the share of pitch-group lines read as value ("pitch
// leak") and, when confidences are known, how well calibrated they are. Also
// how well two labellers agree with each other (Cohen's kappa), which is the
// ceiling any classifier can be measured against.
import {
  BEHAVIOR_GROUPS,
  BEHAVIORS,
  GROUP_OF,
  type Behavior,
  type BehaviorGroup,
} from '../behaviors/taxonomy';
import { calibrate, type Calibration } from './calibration';
import type { BehaviorClassifier } from './classifier';
import type { LabelledLine } from './train';

export interface BehaviorScore {
  readonly behavior: Behavior;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

/** Counts of lines by expected group (rows) and predicted group (columns). */
export interface GroupConfusion {
  readonly groups: readonly BehaviorGroup[];
  /** counts[expected][predicted], in the order of `groups`. */
  readonly counts: number[][];
}

export interface Evaluation {
  readonly examples: number;
  readonly accuracy: number;
  readonly macroF1: number;
  readonly groupAccuracy: number;
  readonly perBehavior: BehaviorScore[];
  readonly groupConfusion: GroupConfusion;
  /** Lines labelled pitch, proof_to_sell or pushback. */
  readonly pitchLines: number;
  /** Share of those lines the classifier put in the value group (0 when there are none). */
  readonly pitchLeak: number;
  /** Share of value-group lines the classifier put in the pitch group. */
  readonly valueToPitch: number;
  /** Calibration of the top-class confidence; null when no confidences were given. */
  readonly calibration: Calibration | null;
  /** Lines the classifier got wrong, for error analysis. */
  readonly errors: { text: string; expected: Behavior; predicted: Behavior }[];
}

export function evaluateClassifier(
  classifier: Pick<BehaviorClassifier, 'classify'>,
  lines: readonly LabelledLine[],
): Evaluation {
  const understood = lines.map((line) => classifier.classify(line.text));
  return summarise(
    lines,
    understood.map((u) => u.behavior),
    understood.map((u) => u.confidence),
  );
}

export function summarise(
  lines: readonly LabelledLine[],
  predictions: readonly Behavior[],
  confidences?: readonly number[],
): Evaluation {
  if (predictions.length !== lines.length) {
    throw new RangeError(`${lines.length} lines but ${predictions.length} predictions`);
  }
  if (confidences && confidences.length !== lines.length) {
    throw new RangeError(`${lines.length} lines but ${confidences.length} confidences`);
  }
  let correct = 0;
  let groupCorrect = 0;
  const errors: Evaluation['errors'] = [];
  const confusion = BEHAVIOR_GROUPS.map(() => BEHAVIOR_GROUPS.map(() => 0));
  lines.forEach((line, i) => {
    const predicted = predictions[i] as Behavior;
    if (predicted === line.behavior) correct++;
    else errors.push({ text: line.text, expected: line.behavior, predicted });
    const expectedGroup = GROUP_OF[line.behavior];
    const predictedGroup = GROUP_OF[predicted];
    if (predictedGroup === expectedGroup) groupCorrect++;
    const row = confusion[BEHAVIOR_GROUPS.indexOf(expectedGroup)] as number[];
    const column = BEHAVIOR_GROUPS.indexOf(predictedGroup);
    row[column] = (row[column] ?? 0) + 1;
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
  const cell = (expected: BehaviorGroup, predicted: BehaviorGroup) =>
    confusion[BEHAVIOR_GROUPS.indexOf(expected)]?.[BEHAVIOR_GROUPS.indexOf(predicted)] ?? 0;
  const rowTotal = (expected: BehaviorGroup) =>
    (confusion[BEHAVIOR_GROUPS.indexOf(expected)] ?? []).reduce((a, b) => a + b, 0);
  const pitchLines = rowTotal('pitch');
  const valueLines = rowTotal('value');
  return {
    examples: lines.length,
    accuracy: round(correct / n),
    macroF1: round(present.reduce((sum, b) => sum + b.f1, 0) / Math.max(present.length, 1)),
    groupAccuracy: round(groupCorrect / n),
    perBehavior,
    groupConfusion: { groups: BEHAVIOR_GROUPS, counts: confusion },
    pitchLines,
    pitchLeak: pitchLines === 0 ? 0 : round(cell('pitch', 'value') / pitchLines),
    valueToPitch: valueLines === 0 ? 0 : round(cell('value', 'pitch') / valueLines),
    calibration: confidences
      ? calibrate(
          lines.map((line, i) => ({
            confidence: confidences[i] ?? 0,
            correct: predictions[i] === line.behavior,
          })),
        )
      : null,
    errors,
  };
}

/**
 * Cohen's kappa between two raters' labels of the same items, in the same
 * order: (observed agreement - chance agreement) / (1 - chance agreement).
 * Null when it is undefined: no items, or both raters used one and the same
 * label throughout (chance agreement is then 1).
 */
export function kappa<T>(labelsA: readonly T[], labelsB: readonly T[]): number | null {
  if (labelsA.length !== labelsB.length) {
    throw new RangeError(
      `${labelsA.length} labels from one rater but ${labelsB.length} from the other`,
    );
  }
  const n = labelsA.length;
  if (n === 0) return null;
  const countA = new Map<T, number>();
  const countB = new Map<T, number>();
  let agree = 0;
  for (let i = 0; i < n; i++) {
    const a = labelsA[i] as T;
    const b = labelsB[i] as T;
    if (a === b) agree++;
    countA.set(a, (countA.get(a) ?? 0) + 1);
    countB.set(b, (countB.get(b) ?? 0) + 1);
  }
  const observed = agree / n;
  let chance = 0;
  for (const [label, a] of countA) chance += (a / n) * ((countB.get(label) ?? 0) / n);
  if (1 - chance < 1e-12) return null;
  return (observed - chance) / (1 - chance);
}

export interface BehaviorAgreement {
  readonly behavior: Behavior;
  /** Lines each rater gave this label. */
  readonly usedByA: number;
  readonly usedByB: number;
  /** Kappa of "this behaviour or not"; null when neither rater used it. */
  readonly kappa: number | null;
}

export interface Agreement {
  /** Lines found in both files (matched by text). */
  readonly matched: number;
  /** Lines only in the first file, only in the second. */
  readonly onlyInA: number;
  readonly onlyInB: number;
  /** Share of matched lines given the same behaviour. */
  readonly observed: number;
  readonly kappa: number | null;
  /** Share of matched lines given the same group, and kappa over the three groups. */
  readonly groupObserved: number;
  readonly groupKappa: number | null;
  readonly perBehavior: BehaviorAgreement[];
  /** Matched lines the raters labelled differently, by pair of labels, most frequent first. */
  readonly disagreements: { a: Behavior; b: Behavior; count: number }[];
}

/** Text as two labellers of the same line may have typed it: case and spacing aside. */
export function matchKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Agreement between two label files over the same texts. Lines are matched by
 * their text (ignoring case and spacing); a text that appears several times is
 * matched occurrence by occurrence.
 */
export function agreement(a: readonly LabelledLine[], b: readonly LabelledLine[]): Agreement {
  const pool = new Map<string, Behavior[]>();
  for (const line of b) {
    const key = matchKey(line.text);
    const list = pool.get(key);
    if (list) list.push(line.behavior);
    else pool.set(key, [line.behavior]);
  }
  const labelsA: Behavior[] = [];
  const labelsB: Behavior[] = [];
  let onlyInA = 0;
  for (const line of a) {
    const match = pool.get(matchKey(line.text))?.shift();
    if (match === undefined) {
      onlyInA++;
      continue;
    }
    labelsA.push(line.behavior);
    labelsB.push(match);
  }
  const matched = labelsA.length;
  const onlyInB = b.length - matched;
  const groupsA = labelsA.map((l) => GROUP_OF[l]);
  const groupsB = labelsB.map((l) => GROUP_OF[l]);
  const share = (same: number) => (matched === 0 ? 0 : round(same / matched));
  const pairs = new Map<string, { a: Behavior; b: Behavior; count: number }>();
  let same = 0;
  let sameGroup = 0;
  labelsA.forEach((la, i) => {
    const lb = labelsB[i] as Behavior;
    if (la === lb) same++;
    else {
      const key = `${la}\t${lb}`;
      const pair = pairs.get(key) ?? { a: la, b: lb, count: 0 };
      pair.count++;
      pairs.set(key, pair);
    }
    if (groupsA[i] === groupsB[i]) sameGroup++;
  });
  const perBehavior = BEHAVIORS.map((behavior): BehaviorAgreement => {
    const isA = labelsA.map((l) => l === behavior);
    const isB = labelsB.map((l) => l === behavior);
    const usedByA = isA.filter(Boolean).length;
    const usedByB = isB.filter(Boolean).length;
    return {
      behavior,
      usedByA,
      usedByB,
      kappa: usedByA + usedByB === 0 ? null : roundOrNull(kappa(isA, isB)),
    };
  });
  return {
    matched,
    onlyInA,
    onlyInB,
    observed: share(same),
    kappa: roundOrNull(kappa(labelsA, labelsB)),
    groupObserved: share(sameGroup),
    groupKappa: roundOrNull(kappa(groupsA, groupsB)),
    perBehavior,
    disagreements: [...pairs.values()].sort(
      (x, y) => y.count - x.count || x.a.localeCompare(y.a) || x.b.localeCompare(y.b),
    ),
  };
}

function roundOrNull(x: number | null): number | null {
  return x === null ? null : round(x);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
