// Trains the behaviour model from build/classifier/*.tsv and writes the
// weights to src-main/core/understanding/model.json. Deterministic: the same
// data gives the same file. `--cv` also prints 5-fold cross-validation on the
// training set (the held-out set is never read here).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseLabelledTsv } from '../src-main/core/understanding/dataset';
import { trainBehaviorModel, type LabelledLine } from '../src-main/core/understanding/train';
import { createClassifier } from '../src-main/core/understanding/classifier';
import { summarise } from '../src-main/core/understanding/evaluate';
import type { Behavior } from '../src-main/core/behaviors/taxonomy';

const root = resolve(import.meta.dirname, '..');
const trainDir = resolve(root, 'build/classifier');
const modelPath = resolve(root, 'src-main/core/understanding/model.json');

const files = readdirSync(trainDir)
  .filter((f) => f.endsWith('.tsv'))
  .sort();
const texts = files.map((f) => readFileSync(resolve(trainDir, f), 'utf8'));
const text = texts.join('');
const lines: LabelledLine[] = [];
files.forEach((file, i) => {
  const parsed = parseLabelledTsv(texts[i] ?? '');
  for (const p of parsed.problems)
    console.error(`build/classifier/${file}:${p.line}: ${p.message}`);
  if (parsed.problems.length > 0) process.exit(1);
  lines.push(...parsed.lines);
});

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
  for (const b of result.perBehavior)
    console.log(`  ${b.behavior.padEnd(22)} P ${b.precision} R ${b.recall}`);
  if (process.argv.includes('--errors')) {
    for (const e of result.errors) console.log(`  ${e.expected} -> ${e.predicted}: ${e.text}`);
  }
}

const sha256 = createHash('sha256').update(text).digest('hex');
const model = trainBehaviorModel(lines, sha256);
writeFileSync(modelPath, JSON.stringify(model) + '\n');
console.log(
  `trained on ${lines.length} lines; ${Object.keys(model.weights).length} features -> ${modelPath}`,
);
