// The JSON Schemas editors use to complete and check scenario, drill bank and
// track files, generated from the same zod schemas the loaders validate with.
import { z } from 'zod';
import { drillBankSchema } from '../drills/schema';
import { trackSchema } from '../tracks/schema';
import { scenarioSchema } from './schema';

export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(scenarioSchema, { io: 'input' }),
    title: 'First Meeting scenario',
  };
}

export function drillBankJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(drillBankSchema, { io: 'input' }), title: 'First Meeting drill bank' };
}

export function trackJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(trackSchema, { io: 'input' }), title: 'First Meeting track' };
}
