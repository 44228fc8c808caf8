// The shape of the trained behaviour model (weights as data, produced by
// `npm run train` from build/classifier/train.tsv), and a multinomial logistic
// regression over sparse features: deterministic, fast, and explainable because
// each feature's contribution to the winning behaviour can be listed.
import type { Behavior } from '../behaviors/taxonomy';

export interface BehaviorModel {
  readonly version: 1;
  readonly labels: readonly Behavior[];
  /** Feature name to one weight per label, in `labels` order. */
  readonly weights: Readonly<Record<string, readonly number[]>>;
  /** Words seen in training, for correcting typos in unseen words. */
  readonly vocabulary: readonly string[];
  readonly trainedOn: { readonly examples: number; readonly sha256: string };
  /**
   * Stored weights are the real ones times this (model.json keeps them as
   * whole thousandths, a third smaller to load than decimals). 1 if absent.
   */
  readonly weightScale?: number;
}

export interface Scored {
  readonly probabilities: number[];
  readonly scores: number[];
}

/** Scores and softmax probabilities for a sparse feature vector. */
export function scoreFeatures(model: BehaviorModel, features: ReadonlyMap<string, number>): Scored {
  const scores = new Array<number>(model.labels.length).fill(0);
  for (const [name, value] of features) {
    const w = model.weights[name];
    if (!w) continue;
    for (let k = 0; k < scores.length; k++) scores[k] = (scores[k] ?? 0) + (w[k] ?? 0) * value;
  }
  const scale = model.weightScale ?? 1;
  if (scale !== 1) for (let k = 0; k < scores.length; k++) scores[k] = (scores[k] ?? 0) / scale;
  return { scores, probabilities: softmax(scores) };
}

export function softmax(scores: readonly number[]): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}
