// The JSON Schema editors use to complete and check scenario files, generated
// from the same zod schema the loader validates with.
import { z } from 'zod';
import { scenarioSchema } from './schema';

export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(scenarioSchema, { io: 'input' }),
    title: 'First Meeting scenario',
  };
}
