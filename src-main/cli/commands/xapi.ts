// xapi export: one learner's results as xAPI statements, a JSON array on
// stdout, for a learning system that imports files. The same statements, with
// the same ids, as the app sends to a learning record store.
//
// Until learners land (issue 11, part A), what belongs to a learner is read as
// services/xapi/learners.ts describes: with a learners file, NAME must be one
// of its names; the sessions in the data folder's History are the first
// learner's (existing data becomes theirs), and drill attempts and track
// completions come from learners/ID/. Without one, NAME is a rep's name and
// the sessions are those that rep held.
import type { Statement } from '@xapi/xapi';
import {
  DEFAULT_BASE_IRI,
  drillAttemptStatements,
  normaliseBaseIri,
  sessionStatements,
  trackCompletionStatements,
  type Learner,
} from '../../core/xapi/statements';
import { SessionStore } from '../../services/storage/session-store';
import { CredentialStore } from '../../services/xapi/credentials';
import { uuidV5 } from '../../services/xapi/ids';
import {
  readDrillAttempts,
  readLearners,
  readTrackCompletions,
  sessionLearner,
} from '../../services/xapi/learners';
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

  const learners = readLearners(dataDir);
  const wanted = name.toLowerCase();
  let learner: Learner;
  let ownsSession: (reps: readonly string[]) => boolean;
  if (learners.length > 0) {
    const found = learners.find((l) => l.name.trim().toLowerCase() === wanted);
    if (!found) {
      throw new InputError(
        `no learner named "${name}" in ${dataDir}; the learners are: ${learners.map((l) => l.name).join(', ')}`,
      );
    }
    learner = found;
    const isFirst = learners[0]?.id === found.id;
    ownsSession = () => isFirst;
  } else {
    learner = sessionLearner(dataDir, name);
    ownsSession = (reps) => reps.some((rep) => rep.trim().toLowerCase() === wanted);
  }

  const statements: Statement[] = [];
  const store = SessionStore.open(dataDir);
  for (const row of [...store.list()].reverse()) {
    if (row.call || !ownsSession(row.reps) || !after(row.startedAt, since)) continue;
    statements.push(...sessionStatements(store.get(row.id), learner, options));
  }
  for (const attempt of readDrillAttempts(dataDir, learner.id)) {
    if (after(attempt.startedAt, since)) {
      statements.push(...drillAttemptStatements(attempt, learner, options));
    }
  }
  for (const completion of readTrackCompletions(dataDir, learner.id)) {
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
