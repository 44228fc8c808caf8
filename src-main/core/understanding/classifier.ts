// Understanding a rep turn: one of the thirteen behaviours, its group, a
// confidence and the cues that decided it. The whole turn is read, and so is
// each sentence, because a pitch is the point of any turn that contains one:
// a value-sounding opener never launders it.
import { GROUP_OF, type Behavior, type BehaviorGroup } from '../behaviors/taxonomy';
import { splitSentences } from '../text/normalize';
import { createSpeller } from './speller';
import { describeFeature, extractFeatures } from './features';
import { scoreFeatures, type BehaviorModel } from './model';

export interface Understanding {
  readonly text: string;
  readonly behavior: Behavior;
  readonly group: BehaviorGroup;
  /** Probability the model gives the chosen behaviour, 0-1, rounded to 2 places. */
  readonly confidence: number;
  /** What decided it, in the rep's own words where possible. */
  readonly cues: string[];
  /** The runner-up, for reports that want to say "or possibly...". */
  readonly alternative: Behavior;
}

export interface BehaviorClassifier {
  classify(text: string): Understanding;
}

/**
 * A pitch-group sentence inside a longer turn wins when the model is at least
 * this sure of it. Arguing depends on context more than product talk does ("I'm
 * not going to try to change that" concedes), so a lone pushback sentence needs
 * more certainty before it overrules the reading of the whole turn.
 */
const PITCH_SENTENCE_THRESHOLD: Readonly<Partial<Record<Behavior, number>>> = {
  pitch: 0.5,
  proof_to_sell: 0.5,
  pushback: 0.8,
};
const MAX_CUES = 4;

export function createClassifier(model: BehaviorModel): BehaviorClassifier {
  const speller = createSpeller(model.vocabulary);

  function read(text: string) {
    const corrected = speller(text);
    const features = extractFeatures(corrected);
    const scored = scoreFeatures(model, features.values);
    return { features, scored };
  }

  function best(probabilities: readonly number[]): [number, number] {
    let top = 0;
    let second = -1;
    for (let k = 1; k < probabilities.length; k++) {
      if ((probabilities[k] ?? 0) > (probabilities[top] ?? 0)) {
        second = top;
        top = k;
      } else if (second < 0 || (probabilities[k] ?? 0) > (probabilities[second] ?? 0)) {
        second = k;
      }
    }
    return [top, second < 0 ? top : second];
  }

  function explain(features: ReturnType<typeof extractFeatures>, labelIndex: number): string[] {
    const contributions: [string, number][] = [];
    for (const [name, value] of features.values) {
      if (name === 'bias') continue;
      const w = model.weights[name]?.[labelIndex];
      if (w !== undefined && w * value > 0) contributions.push([name, w * value]);
    }
    contributions.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const seen = new Set<string>();
    const cues: string[] = [];
    for (const [name] of contributions) {
      const cue = describeFeature(name, features.evidence);
      if (seen.has(cue)) continue;
      seen.add(cue);
      cues.push(cue);
      if (cues.length >= MAX_CUES) break;
    }
    return cues;
  }

  function classify(text: string): Understanding {
    const whole = read(text);
    let [top, second] = best(whole.scored.probabilities);
    let confidence = whole.scored.probabilities[top] ?? 0;
    let cues = explain(whole.features, top);

    const sentences = splitSentences(text);
    if (sentences.length > 1 && GROUP_OF[model.labels[top] as Behavior] !== 'pitch') {
      // Any sentence that pitches makes the turn a pitch.
      for (const sentence of sentences) {
        const part = read(sentence);
        const [partTop] = best(part.scored.probabilities);
        const p = part.scored.probabilities[partTop] ?? 0;
        const label = model.labels[partTop] as Behavior;
        const threshold = PITCH_SENTENCE_THRESHOLD[label];
        if (threshold !== undefined && p >= threshold && p > confidence * 0.6) {
          second = top;
          top = partTop;
          confidence = p;
          cues = [
            `a sentence that pitches: "${sentence}"`,
            ...explain(part.features, partTop),
          ].slice(0, MAX_CUES);
          break;
        }
      }
    }

    const behavior = model.labels[top] as Behavior;
    return {
      text,
      behavior,
      group: GROUP_OF[behavior],
      confidence: Math.round(confidence * 100) / 100,
      cues,
      alternative: model.labels[second] as Behavior,
    };
  }

  return { classify };
}
