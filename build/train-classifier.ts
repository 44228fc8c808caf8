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
import { GROUP_OF, type Behavior } from '../src-main/core/behaviors/taxonomy';
import {
  CHECK_WRAPPERS,
  CONVERSE_WRAPPERS,
  wrapLine,
} from '../src-main/core/understanding/wrappers';

const root = resolve(import.meta.dirname, '..');
const trainDir = resolve(root, 'build/classifier');
const modelPath = resolve(root, 'src-main/core/understanding/model.json');

const files = readdirSync(trainDir)
  .filter((f) => f.endsWith('.tsv'))
  .sort();
const texts = files.map((f) => readFileSync(resolve(trainDir, f), 'utf8'));
const text = texts.join('');
const lines: LabelledLine[] = [];
const byFile: LabelledLine[][] = [];
files.forEach((file, i) => {
  const parsed = parseLabelledTsv(texts[i] ?? '');
  for (const p of parsed.problems)
    console.error(`build/classifier/${file}:${p.line}: ${p.message}`);
  if (parsed.problems.length > 0) process.exit(1);
  lines.push(...parsed.lines);
  byFile.push(parsed.lines);
});

if (process.argv.includes('--writers')) {
  // Leave one writer out: each writer's file (w4.tsv, w5.tsv...) is read by a
  // model trained on everyone else. The nearest this data gets to text nobody
  // in the project wrote, and the measure design choices are made on.
  let n = 0;
  let right = 0;
  let group = 0;
  let pitchLines = 0;
  let leaked = 0;
  files.forEach((file, k) => {
    if (!/^w\d+\.tsv$/.test(file)) return;
    const train = byFile.filter((_, j) => j !== k).flat();
    const classifier = createClassifier(trainBehaviorModel(train, 'cv'));
    let mine = 0;
    for (const line of byFile[k] ?? []) {
      const got = classifier.classify(line.text);
      n++;
      if (got.behavior === line.behavior) right++;
      if (got.group === GROUP_OF[line.behavior]) {
        group++;
        mine++;
      }
      if (GROUP_OF[line.behavior] === 'pitch') {
        pitchLines++;
        if (got.group === 'value') leaked++;
      }
    }
    console.log(
      `  ${file}: group accuracy ${(mine / Math.max(1, byFile[k]?.length ?? 0)).toFixed(3)}`,
    );
  });
  console.log(
    `leave one writer out: accuracy ${(right / n).toFixed(3)} group ${(group / n).toFixed(3)} pitch leak ${pct(leaked, pitchLines)} over ${n} lines`,
  );
}

if (process.argv.includes('--cv')) {
  const folds = 5;
  const predictions: Behavior[] = [];
  const ordered: LabelledLine[] = [];
  // Metamorphic check on each held-out fold: pitch-group lines wrapped in value
  // words the model never trained on must stay pitch-group; value lines with
  // "we" or "but" added must stay value.
  let wrapped = 0;
  let wrappedLeft = 0;
  let flipBase = 0;
  let flipped = 0;
  let converse = 0;
  let converseLeft = 0;
  const leftExamples: string[] = [];
  for (let f = 0; f < folds; f++) {
    const test = lines.filter((_, i) => i % folds === f);
    const train = lines.filter((_, i) => i % folds !== f);
    const classifier = createClassifier(trainBehaviorModel(train, 'cv'));
    for (const line of test) {
      ordered.push(line);
      const original = classifier.classify(line.text);
      predictions.push(original.behavior);
      const group = GROUP_OF[line.behavior];
      if (group === 'pitch') {
        for (const wrapper of CHECK_WRAPPERS) {
          const text = wrapLine(line.text, wrapper);
          wrapped++;
          const got = classifier.classify(text).group;
          if (original.group === 'pitch') {
            flipBase++;
            if (got !== 'pitch') flipped++;
          }
          if (got !== 'pitch') {
            wrappedLeft++;
            if (leftExamples.length < 400) leftExamples.push(`${line.behavior} -> ${got}: ${text}`);
          }
        }
      } else if (group === 'value') {
        for (const wrapper of CONVERSE_WRAPPERS) {
          converse++;
          if (classifier.classify(wrapLine(line.text, wrapper)).group !== 'value') converseLeft++;
        }
      }
    }
  }
  const result = summarise(ordered, predictions);
  console.log(
    `cross-validation: accuracy ${result.accuracy} macro-F1 ${result.macroF1} group ${result.groupAccuracy}`,
  );
  const pitchLines = ordered.filter((l) => GROUP_OF[l.behavior] === 'pitch');
  const leaked = ordered.filter(
    (l, i) => GROUP_OF[l.behavior] === 'pitch' && GROUP_OF[predictions[i] as Behavior] === 'value',
  ).length;
  console.log(
    `pitch leak (pitch-group lines read as value): ${leaked}/${pitchLines.length} = ${pct(leaked, pitchLines.length)}`,
  );
  console.log(
    `metamorphic: wrapped pitch-group lines leaving the pitch group ${wrappedLeft}/${wrapped} = ${pct(wrappedLeft, wrapped)}; ` +
      `value lines with "we"/"but" leaving value ${converseLeft}/${converse} = ${pct(converseLeft, converse)}`,
  );
  console.log(
    `metamorphic, lines read right before wrapping: ${flipped}/${flipBase} = ${pct(flipped, flipBase)} leave the pitch group once wrapped`,
  );
  const groups = ['value', 'neutral', 'pitch'] as const;
  console.log('group confusion (rows: labelled, columns: read as)');
  console.log(`  ${''.padEnd(8)} ${groups.map((g) => g.padStart(8)).join(' ')}`);
  for (const g of groups) {
    const row = groups.map((h) =>
      String(
        ordered.filter(
          (l, i) => GROUP_OF[l.behavior] === g && GROUP_OF[predictions[i] as Behavior] === h,
        ).length,
      ).padStart(8),
    );
    console.log(`  ${g.padEnd(8)} ${row.join(' ')}`);
  }
  if (process.argv.includes('--wrapped')) for (const e of leftExamples) console.log(`  ${e}`);
  for (const b of result.perBehavior)
    console.log(`  ${b.behavior.padEnd(22)} P ${b.precision} R ${b.recall}`);
  if (process.argv.includes('--errors')) {
    for (const e of result.errors) console.log(`  ${e.expected} -> ${e.predicted}: ${e.text}`);
  }
}

function pct(n: number, d: number): string {
  return `${((100 * n) / Math.max(d, 1)).toFixed(1)}%`;
}

const sha256 = createHash('sha256').update(text).digest('hex');
const model = trainBehaviorModel(lines, sha256);
writeFileSync(modelPath, JSON.stringify(model) + '\n');
console.log(
  `trained on ${lines.length} lines; ${Object.keys(model.weights).length} features -> ${modelPath}`,
);
