// results export [--learner NAME] > bundle.json: a results bundle (one learner
// or everyone). results import FILE: merges a bundle into the data folder by
// result id; a re-import adds nothing; a damaged or newer bundle changes nothing.
import { BundleError } from '../../core/drills/bundle';
import { clockFrom } from '../../services/clock';
import { dataFolderProblem } from '../../services/data-folder';
import { exportBundle, importBundle } from '../../services/drills/bundle';
import { LearnerStore } from '../../services/drills/learners';
import { dataDirOf, InputError, nameOf, one, readInput, UsageError, type Command } from '../args';
import { learnerFor } from './drill';

export const results: Command = ({ positionals, values, json }, io) => {
  const [sub, ...rest] = positionals;
  if (sub === 'export') {
    if (rest.length > 0)
      throw new UsageError(`results export takes no arguments (got "${rest[0]}")`);
    const { store, learnerId } =
      values.learner !== undefined
        ? learnerFor(values)
        : { store: openStore(dataDirOf(values)), learnerId: undefined };
    io.out(JSON.stringify(exportBundle(store, clockFrom(), learnerId), null, 1));
    return 0;
  }
  if (sub !== 'import') throw new UsageError('results takes export or import FILE');
  const file = one(rest, 'results import', 'FILE');
  const store = openStore(dataDirOf(values));
  try {
    const summary = importBundle(store, readInput(file), nameOf(file));
    store.close();
    io.out(
      json
        ? JSON.stringify(summary)
        : `Imported ${summary.learnersAdded} learner(s), ${summary.attemptsAdded} attempt(s) and ${summary.certificatesAdded} certificate(s) from ${nameOf(file)}.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof BundleError) throw new InputError(error.message);
    throw error;
  }
};

function openStore(dataDir: string): LearnerStore {
  const problem = dataFolderProblem(dataDir);
  if (problem) throw new InputError(problem);
  return new LearnerStore(dataDir);
}
