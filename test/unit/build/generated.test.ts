// Generated files must match what their generators produce from the sources,
// so nobody ships a model or a schema that the repository cannot rebuild.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  drillBankJsonSchema,
  scenarioJsonSchema,
  trackJsonSchema,
} from '../../../src-main/core/scenarios/json-schema';
import { parseLabelledTsv } from '../../../src-main/core/understanding/dataset';
import { trainBehaviorModel } from '../../../src-main/core/understanding/train';
import { shippedModel } from '../../../src-main/core/understanding/default';
import { countStems, rarityModule } from '../../../src-main/core/understanding/rarity-count';

const root = resolve(import.meta.dirname, '../../..');

describe('generated files', () => {
  it('scenarios/scenario.schema.json is up to date with the scenario schema (npm run schema)', () => {
    const committed = JSON.parse(
      readFileSync(resolve(root, 'scenarios/scenario.schema.json'), 'utf8'),
    );
    expect(committed).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });

  it.each([
    ['scenarios/drills/drills.schema.json', drillBankJsonSchema],
    ['scenarios/tracks/track.schema.json', trackJsonSchema],
  ] as const)('%s is up to date with its schema (npm run schema)', (file, make) => {
    const committed = JSON.parse(readFileSync(resolve(root, file), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(make())));
  });

  it('the shipped behaviour model is what training on build/classifier produces (npm run train)', () => {
    const dir = resolve(root, 'build/classifier');
    const texts = readdirSync(dir)
      .filter((f) => f.endsWith('.tsv'))
      .sort()
      .map((f) => readFileSync(resolve(dir, f), 'utf8'));
    const lines = texts.flatMap((t) => parseLabelledTsv(t).lines);
    const sha256 = createHash('sha256').update(texts.join('')).digest('hex');
    const retrained = trainBehaviorModel(lines, sha256);
    const shipped = shippedModel();
    expect(shipped.trainedOn).toEqual(retrained.trainedOn);
    expect(shipped.weights).toEqual(retrained.weights);
    expect(shipped.vocabulary).toEqual(retrained.vocabulary);
  }, 120_000);

  it('the stem rarity table is what counting build/classifier produces (npm run train)', () => {
    const dir = resolve(root, 'build/classifier');
    const texts = readdirSync(dir)
      .filter((f) => f.endsWith('.tsv'))
      .sort()
      .flatMap((f) => parseLabelledTsv(readFileSync(resolve(dir, f), 'utf8')).lines)
      .map((l) => l.text);
    const committed = readFileSync(resolve(root, 'src-main/core/understanding/rarity.ts'), 'utf8');
    expect(committed).toBe(rarityModule(countStems(texts)));
  });

  it('the held-out sets share no line with the training data', () => {
    const dir = resolve(root, 'build/classifier');
    const training = new Set(
      readdirSync(dir)
        .filter((f) => f.endsWith('.tsv'))
        .flatMap((f) => parseLabelledTsv(readFileSync(resolve(dir, f), 'utf8')).lines)
        .map((l) => l.text.toLowerCase()),
    );
    const fixtures = resolve(root, 'test/fixtures/behaviors');
    const heldout = readdirSync(fixtures)
      .filter((f) => f.endsWith('.tsv'))
      .flatMap((f) => parseLabelledTsv(readFileSync(resolve(fixtures, f), 'utf8')).lines);
    expect(heldout.length).toBeGreaterThan(400);
    expect(heldout.filter((l) => training.has(l.text.toLowerCase()))).toEqual([]);
  });
});
