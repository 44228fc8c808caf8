// The classifier with the shipped model (src-main/core/understanding/model.json,
// built by `npm run train`). Created once and shared: loading is the slow part.
import type { Behavior } from '../behaviors/taxonomy';
import { createClassifier, type BehaviorClassifier } from './classifier';
import type { BehaviorModel } from './model';
import modelData from './model.json';

let shared: BehaviorClassifier | undefined;

export function shippedModel(): BehaviorModel {
  return { ...modelData, labels: modelData.labels as Behavior[] } as BehaviorModel;
}

export function defaultClassifier(): BehaviorClassifier {
  shared ??= createClassifier(shippedModel());
  return shared;
}
