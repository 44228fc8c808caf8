// new ID [--out FOLDER]: a scenario file started from the working starter buyer,
// in the data folder's scenarios folder by default, where the app lists it.
import { mkdirSync } from 'node:fs';
import { kindOf } from '../../services/data-folder';
import { createScenarioFile, ownScenarioFolder } from '../../services/scenario-library';
import { InputError, dataDirOf, one, type Command } from '../args';

export const newScenario: Command = ({ values, positionals, json }, io) => {
  const id = one(positionals, 'new', 'ID');
  // --dir is the older name of --out.
  const chosen = values.out ?? values.dir;
  const dir = chosen ?? ownScenarioFolder(dataDirOf(values));
  if (chosen === undefined) mkdirSync(dir, { recursive: true });
  if (kindOf(dir) === 'file') throw new InputError(`${dir}: a file, not a folder (see --out)`);
  const path = createScenarioFile(id, dir);
  io.out(
    json
      ? JSON.stringify({ path })
      : `Wrote ${path}\nEdit it, then run: npm run --silent cli -- validate ${path}`,
  );
  return 0;
};
