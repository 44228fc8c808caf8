// A results bundle: learners with their drill attempts and certificates, in
// one JSON file made on one machine and imported on another (an enablement
// lead's). Read strictly: a newer format or a damaged file is refused in one
// sentence before anything is merged; merging is by id, so a re-import adds
// nothing and nothing is ever duplicated.
import { z } from 'zod';
import type { Certificate } from '../tracks/certificate';
import type { DrillAttempt, Learner } from './types';

export const BUNDLE_FORMAT = 'first-meeting-results';
export const BUNDLE_VERSION = 1;

export interface ResultsBundle {
  readonly format: typeof BUNDLE_FORMAT;
  readonly version: typeof BUNDLE_VERSION;
  readonly exportedAt: string;
  readonly learners: readonly Learner[];
  readonly attempts: readonly DrillAttempt[];
  readonly certificates: readonly (Certificate & { readonly learnerId: string })[];
}

const text = z.string().max(20_000);
const learner = z.strictObject({
  id: z.string().regex(/^l-[a-z0-9-]{1,60}$/, 'is not a learner id'),
  name: z.string().min(1).max(60),
  createdAt: z.string().max(64),
});
const objective = z.strictObject({ name: text, met: z.boolean(), why: text });
/** A drill attempt as stored per learner and carried in bundles. */
export const attemptSchema = z.strictObject({
  id: z.string().min(1).max(120),
  learnerId: z.string().max(80),
  drillId: z.string().min(1).max(80),
  kind: z.enum(['quick', 'meeting']),
  trackId: z.string().max(80).optional(),
  moduleId: z.string().max(80).optional(),
  startedAt: z.string().max(64),
  durationMs: z.number().min(0),
  passed: z.boolean(),
  score: z.number().min(0).max(100),
  objectives: z.array(objective).max(50),
  answer: text,
  sessionId: z.string().max(80).optional(),
  valueCreation: z.number().min(0).max(100).optional(),
  pitching: z.number().min(0).max(100).optional(),
  outcome: z.enum(['advanced', 'declined', 'ended_by_buyer', 'open']).optional(),
}) satisfies z.ZodType<DrillAttempt, unknown>;
const certificate = z.strictObject({
  learnerId: z.string().max(80),
  format: z.literal('first-meeting-certificate'),
  version: z.literal(1),
  learner: z.strictObject({ id: z.string().max(80), name: z.string().max(60) }),
  track: z.strictObject({ id: z.string().max(80), title: z.string().max(200) }),
  date: z.string().max(10),
  modules: z.array(
    z.strictObject({ id: z.string().max(80), title: z.string().max(200), score: z.number() }),
  ),
  verificationCode: z.string().max(64),
});
const bundleSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  exportedAt: z.string().max(64),
  learners: z.array(learner),
  attempts: z.array(attemptSchema),
  certificates: z.array(certificate),
});

export class BundleError extends Error {
  override readonly name = 'BundleError';
}

/** A bundle's text as a bundle, or a BundleError saying in one sentence why not (nothing is imported). */
export function parseBundle(raw: string, file: string): ResultsBundle {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new BundleError(
      `${file}: this results bundle is damaged (it is not complete JSON); nothing was imported`,
    );
  }
  const head = data as { format?: unknown; version?: unknown } | null;
  if (!head || typeof head !== 'object' || head.format !== BUNDLE_FORMAT)
    throw new BundleError(
      `${file}: this is not a First Meeting results bundle; nothing was imported`,
    );
  if (typeof head.version === 'number' && head.version > BUNDLE_VERSION)
    throw new BundleError(
      `${file}: this bundle was made by a newer First Meeting (format ${head.version}; this one reads ${BUNDLE_VERSION}); update the app to import it; nothing was imported`,
    );
  const parsed = bundleSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .slice(1);
    throw new BundleError(
      `${file}: this results bundle is damaged (${where ? `${where}: ` : ''}${issue?.message ?? 'bad shape'}); nothing was imported`,
    );
  }
  const ids = new Set(parsed.data.learners.map((l) => l.id));
  const orphan = [...parsed.data.attempts, ...parsed.data.certificates].find(
    (r) => !ids.has(r.learnerId),
  );
  if (orphan)
    throw new BundleError(
      `${file}: this results bundle is damaged (a result names a learner it does not include); nothing was imported`,
    );
  return parsed.data as ResultsBundle;
}

/** The records of `incoming` whose id is not in `have`, in order. */
export function newById<T>(
  have: readonly T[],
  incoming: readonly T[],
  idOf: (t: T) => string,
): T[] {
  const ids = new Set(have.map(idOf));
  const out: T[] = [];
  for (const r of incoming) {
    const id = idOf(r);
    if (ids.has(id)) continue;
    ids.add(id);
    out.push(r);
  }
  return out;
}
