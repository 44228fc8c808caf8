// Writes src-main/core/understanding/rarity.ts: how many training lines use each
// content stem (src-main/core/understanding/rarity-count.ts). Deterministic.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseLabelledTsv } from '../src-main/core/understanding/dataset';
import { countStems, rarityModule } from '../src-main/core/understanding/rarity-count';

const root = resolve(import.meta.dirname, '..');
const dir = resolve(root, 'build/classifier');
const texts = readdirSync(dir)
  .filter((f) => f.endsWith('.tsv'))
  .sort()
  .flatMap((f) => parseLabelledTsv(readFileSync(resolve(dir, f), 'utf8')).lines)
  .map((l) => l.text);
const out = resolve(root, 'src-main/core/understanding/rarity.ts');
const counts = countStems(texts);
writeFileSync(out, rarityModule(counts));
console.log(`${counts.common.length} common stems from ${counts.lines} lines -> ${out}`);
