// xapi export: one learner's results as xAPI statements, a JSON array on
// stdout, for a learning system that imports files. The same statements, with
// the same ids, as the app sends to a learning record store.
//
// Learners are read through the learner store (services/drills/learners.ts),
// as the app reads them. With learners, NAME must be one of them; a session
// is theirs as the app decides it (core/xapi: sessionOwner), and drill
// attempts and track completions are their own. Without learners, NAME is a rep's name and the sessions are
// those that rep held.
import type { Statement } from '@xapi/xapi';
import {
  DEFAULT_BASE_IRI,
  drillAttemptStatements,
  normaliseBaseIri,
  repLearner,
  sessionOwner,
  sessionStatements,
  trackCompletionStatements,
  type DrillAttempt,
  type Learner,
  type TrackCompletion,
} from '../../core/xapi/statements';
import { SessionStore } from '../../services/storage/session-store';
import { CredentialStore } from '../../services/xapi/credentials';
import { uuidV5 } from '../../services/xapi/ids';
import { LearnerStore } from '../../services/drills/learners';
import { dataDirOf, InputError, UsageError, type Command } from '../args';

export const xapi: Command = ({ values, positionals }, io) => {
  const [action, ...extra] = positionals;
  if (action !== 'export' || extra.length > 0) {
    throw new UsageError('xapi takes one action: export');
  }
  const name = values.learner?.trim();
  if (!name) throw new UsageError('xapi export needs --learner NAME');
  const since = sinceOf(values.since);
  const dataDir = dataDirOf(values);
  let baseIri: string;
  try {
    baseIri = normaliseBaseIri(
      values['base-iri'] ?? new CredentialStore(dataDir).baseIri() ?? DEFAULT_BASE_IRI,
    );
  } catch (error) {
    throw new InputError(`--base-iri: ${(error as Error).message}`);
  }
  const options = { baseIri, idFor: (n: string) => uuidV5(n) };

  // Read only: a damaged file is reported, never moved aside from here.
  const store = new LearnerStore(dataDir);
  const [problem] = store.problems;
  if (problem) throw new InputError(problem);
  const learners = store.learners;
  const wanted = name.toLowerCase();
  let learner: Learner;
  let ownsSession: (row: { reps: readonly string[]; learnerId?: string }) => boolean;
  let own: { attempts: readonly DrillAttempt[]; completions: readonly TrackCompletion[] };
  if (learners.length > 0) {
    const found = learners.find((l) => l.name.trim().toLowerCase() === wanted);
    if (!found) {
      throw new InputError(
        `no learner named "${name}" in ${dataDir}; the learners are: ${learners.map((l) => l.name).join(', ')}`,
      );
    }
    learner = { id: found.id, name: found.name };
    ownsSession = (row) => sessionOwner(row.learnerId, learners)?.id === found.id;
    own = { attempts: store.attempts(found.id), completions: store.completions(found.id) };
    const [damaged] = store.problems;
    if (damaged) throw new InputError(damaged);
  } else {
    learner = repLearner(name);
    ownsSession = (row) => row.reps.some((rep) => rep.trim().toLowerCase() === wanted);
    own = { attempts: [], completions: [] };
  }

  const statements: Statement[] = [];
  const sessions = SessionStore.open(dataDir);
  for (const row of [...sessions.list()].reverse()) {
    if (row.call || !ownsSession(row) || !after(row.startedAt, since)) continue;
    statements.push(...sessionStatements(sessions.get(row.id), learner, options));
  }
  for (const attempt of own.attempts) {
    if (after(attempt.startedAt, since)) {
      statements.push(...drillAttemptStatements(attempt, learner, options));
    }
  }
  for (const completion of own.completions) {
    if (after(completion.completedAt, since)) {
      statements.push(...trackCompletionStatements(completion, learner, options));
    }
  }
  statements.sort((a, b) => ((a.timestamp ?? '') < (b.timestamp ?? '') ? -1 : 1));
  io.out(JSON.stringify(statements, null, 2));
  io.err(`${statements.length} statements for ${learner.name}`);
  return 0;
};

function sinceOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}(T.*)?$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UsageError(`--since ${JSON.stringify(value)} is not a date (YYYY-MM-DD)`);
  }
  return Date.parse(value);
}

function after(iso: string, since: number | undefined): boolean {
  return since === undefined || Date.parse(iso) >= since;
}
