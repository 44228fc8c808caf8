// Trains the behaviour model from build/classifier/train.tsv and writes the
// weights to src-main/core/understanding/model.json. Deterministic: the same
// data gives the same file. `--cv` also prints 5-fold cross-validation on the
// training set (the held-out set is never read here).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseLabelledTsv } from '../src-main/core/understanding/dataset';
import { trainBehaviorModel, type LabelledLine } from '../src-main/core/understanding/train';
import { createClassifier } from '../src-main/core/understanding/classifier';
import { summarise } from '../src-main/core/understanding/evaluate';
import type { Behavior } from '../src-main/core/behaviors/taxonomy';

const root = resolve(import.meta.dirname, '..');
const trainPath = resolve(root, 'build/classifier/train.tsv');
const modelPath = resolve(root, 'src-main/core/understanding/model.json');

const text = readFileSync(trainPath, 'utf8');
const { lines, problems } = parseLabelledTsv(text);
if (problems.length > 0) {
  for (const p of problems) console.error(`${trainPath}:${p.line}: ${p.message}`);
  process.exit(1);
}

if (process.argv.includes('--cv')) {
  const folds = 5;
  const predictions: Behavior[] = [];
  const ordered: LabelledLine[] = [];
  for (let f = 0; f < folds; f++) {
    const test = lines.filter((_, i) => i % folds === f);
    const train = lines.filter((_, i) => i % folds !== f);
    const classifier = createClassifier(trainBehaviorModel(train, 'cv'));
    for (const line of test) {
      ordered.push(line);
      predictions.push(classifier.classify(line.text).behavior);
    }
  }
  const result = summarise(ordered, predictions);
  console.log(
    `cross-validation: accuracy ${result.accuracy} macro-F1 ${result.macroF1} group ${result.groupAccuracy}`,
  );
  for (const b of result.perBehavior) console.log(`  ${b.behavior.padEnd(22)} P ${b.precision} R ${b.recall}`);
  if (process.argv.includes('--errors')) {
    for (const e of result.errors) console.log(`  ${e.expected} -> ${e.predicted}: ${e.text}`);
  }
}

const sha256 = createHash('sha256').update(text).digest('hex');
const model = trainBehaviorModel(lines, sha256);
writeFileSync(modelPath, JSON.stringify(model) + '\n');
console.log(`trained on ${lines.length} lines; ${Object.keys(model.weights).length} features -> ${modelPath}`);
