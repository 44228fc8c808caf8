// The shape of a track file (scenarios/tracks/*.yaml, or the data folder's
// tracks/): an ordered list of modules (days), each with quick drills and
// meeting drills from the drill bank, what passing it takes, and whether the
// next module waits for it.
import { z } from 'zod';

const id = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'use lowercase letters, digits and hyphens')
  .max(80);

export const moduleSchema = z.strictObject({
  id: id.describe('Unique within the track, e.g. day-1'),
  title: z.string().min(1).max(120),
  description: z.string().max(600).optional(),
  quick: z.array(id).optional().describe('Quick drills by id (the drill bank)'),
  meeting: z.array(id).optional().describe('Meeting drills by id (the drill bank)'),
  pass: z
    .strictObject({
      quick: z
        .number()
        .int()
        .min(0)
        .optional()
        .describe('How many of the quick drills must be passed (default: all)'),
    })
    .optional()
    .describe('What passing the module takes; meeting drills pass by their own pass mark'),
  locksNext: z
    .boolean()
    .optional()
    .describe('The next module opens only once this one is passed (default true)'),
});

export const trackSchema = z
  .strictObject({
    id: id.describe('Unique id, e.g. first-week'),
    title: z.string().min(1).max(120),
    description: z.string().max(1000).optional(),
    modules: z.array(moduleSchema).min(1),
  })
  .describe('A First Meeting track: an ordered path of modules with pass rules');

export type TrackFile = z.infer<typeof trackSchema>;
export type TrackModule = z.infer<typeof moduleSchema>;
