// Writes the JSON Schemas for scenario, drill bank and track files from their
// zod schemas. A unit test fails when a committed file is out of date.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  drillBankJsonSchema,
  scenarioJsonSchema,
  trackJsonSchema,
} from '../src-main/core/scenarios/json-schema';

for (const [file, schema] of [
  ['scenarios/scenario.schema.json', scenarioJsonSchema()],
  ['scenarios/drills/drills.schema.json', drillBankJsonSchema()],
  ['scenarios/tracks/track.schema.json', trackJsonSchema()],
] as const) {
  const path = resolve(import.meta.dirname, '..', file);
  writeFileSync(path, JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote ${path}`);
}
