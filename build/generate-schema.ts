// Writes scenarios/scenario.schema.json from the scenario schema. A unit test
// fails when the committed file is out of date.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { scenarioJsonSchema } from '../src-main/core/scenarios/json-schema';

const path = resolve(import.meta.dirname, '../scenarios/scenario.schema.json');
writeFileSync(path, JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
console.log(`wrote ${path}`);
