// Results bundles on disk: export one learner's (or everyone's) attempts and
// certificates; import a bundle by merging by id. Everything is read and
// checked first; only then is anything written, results before the learner
// list, so a learner appears only once their results are in.
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  newById,
  parseBundle,
  type ResultsBundle,
} from '../../core/drills/bundle';
import type { Clock } from '../../core/drills/types';
import type { LearnerStore } from './learners';

export function exportBundle(store: LearnerStore, clock: Clock, learnerId?: string): ResultsBundle {
  const learners = store.learners.filter((l) => learnerId === undefined || l.id === learnerId);
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: clock.now().toISOString(),
    learners,
    attempts: learners.flatMap((l) => store.attempts(l.id)),
    certificates: learners.flatMap((l) =>
      store.certificates(l.id).map((c) => ({ ...c, learnerId: l.id })),
    ),
  };
}

export interface ImportSummary {
  readonly learnersAdded: number;
  readonly attemptsAdded: number;
  readonly certificatesAdded: number;
}

/**
 * Imports a bundle's text. Learners are matched by id, never by name: a new
 * learner whose name is taken here keeps their results as "Name (imported)".
 */
export function importBundle(store: LearnerStore, raw: string, file: string): ImportSummary {
  const bundle = parseBundle(raw, file);
  const known = new Set(store.learners.map((l) => l.id));
  const names = new Set(store.learners.map((l) => l.name.toLocaleLowerCase()));
  const newLearners = bundle.learners
    .filter((l) => !known.has(l.id))
    .map((l) => {
      let name = l.name;
      for (let n = 1; names.has(name.toLocaleLowerCase()); n++)
        name = `${l.name.slice(0, 45)} (imported${n > 1 ? ` ${n}` : ''})`;
      names.add(name.toLocaleLowerCase());
      return { ...l, name };
    });
  let attemptsAdded = 0;
  let certificatesAdded = 0;
  const writes: (() => void)[] = [];
  for (const learner of [...store.learners, ...newLearners]) {
    const have = known.has(learner.id) ? store.attempts(learner.id) : [];
    const fresh = newById(
      have,
      bundle.attempts.filter((a) => a.learnerId === learner.id),
      (a) => a.id,
    );
    attemptsAdded += fresh.length;
    if (fresh.length > 0)
      writes.push(() => {
        for (const a of fresh) store.record(a);
      });
    const haveCerts = known.has(learner.id) ? store.certificates(learner.id) : [];
    const certs = newById(
      haveCerts,
      bundle.certificates
        .filter((c) => c.learnerId === learner.id)
        .map(({ learnerId: _id, ...c }) => c),
      (c) => c.track.id,
    );
    certificatesAdded += certs.length;
    if (certs.length > 0)
      writes.push(() => {
        for (const c of certs) store.saveCertificate(learner.id, c);
      });
  }
  for (const write of writes) write();
  if (newLearners.length > 0) store.addExisting(newLearners);
  return { learnersAdded: newLearners.length, attemptsAdded, certificatesAdded };
}
