// Training the behaviour model: multinomial logistic regression with L2,
// stochastic gradient descent in a seeded order, so the same data always gives
// the same weights. Used by build/train-classifier.ts; not needed at run time.
import { BEHAVIORS, type Behavior } from '../behaviors/taxonomy';
import { createRandom } from '../random';
import { extractFeatures } from './features';
import { scoreFeatures, type BehaviorModel } from './model';
import { createSpeller } from './speller';
import { tokenize, wordsOf } from '../text/normalize';

export interface LabelledLine {
  readonly behavior: Behavior;
  readonly text: string;
}

export interface TrainingOptions {
  readonly epochs?: number;
  readonly learningRate?: number;
  readonly l2?: number;
  /** Features seen in fewer examples than this are dropped. */
  readonly minCount?: number;
  readonly seed?: number;
}

export function trainBehaviorModel(
  lines: readonly LabelledLine[],
  sha256: string,
  options: TrainingOptions = {},
): BehaviorModel {
  const { epochs = 40, learningRate = 0.2, l2 = 1e-4, minCount = 2, seed = 7 } = options;
  const labels = [...BEHAVIORS];
  const vocabulary = vocabularyOf(lines);
  // Train on text read exactly as the classifier reads it, typos corrected.
  const speller = createSpeller(vocabulary);
  const examples = lines.map((line) => ({
    label: labels.indexOf(line.behavior),
    features: extractFeatures(speller(line.text)).values,
  }));

  const counts = new Map<string, number>();
  for (const ex of examples)
    for (const name of ex.features.keys()) counts.set(name, (counts.get(name) ?? 0) + 1);
  const weights: Record<string, number[]> = {};
  for (const [name, count] of counts) {
    if (count >= minCount || name === 'bias')
      weights[name] = new Array<number>(labels.length).fill(0);
  }

  const model: BehaviorModel = {
    version: 1,
    labels,
    weights,
    vocabulary,
    trainedOn: { examples: lines.length, sha256 },
  };
  const random = createRandom(seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    random.shuffle(order);
    const rate = learningRate / (1 + epoch * 0.1);
    for (const index of order) {
      const ex = examples[index];
      if (!ex) continue;
      const { probabilities } = scoreFeatures(model, ex.features);
      for (const [name, value] of ex.features) {
        const w = weights[name];
        if (!w) continue;
        for (let k = 0; k < labels.length; k++) {
          const gradient = ((probabilities[k] ?? 0) - (k === ex.label ? 1 : 0)) * value;
          w[k] = (w[k] ?? 0) - rate * (gradient + l2 * (w[k] ?? 0));
        }
      }
    }
  }

  for (const name of Object.keys(weights)) {
    weights[name] = (weights[name] ?? []).map((w) => Math.round(w * 1e4) / 1e4 || 0);
  }
  return { ...model, weights, vocabulary };
}

/** Words seen at least twice: the speller corrects unseen words towards these. */
function vocabularyOf(lines: readonly LabelledLine[]): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) {
    for (const word of wordsOf(tokenize(line.text))) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts]
    .filter(([word, count]) => count >= 2 && /^\p{L}+$/u.test(word) && word.length >= 3)
    .map(([word]) => word)
    .sort();
}
