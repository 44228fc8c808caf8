// new ID [--dir FOLDER]: a scenario file started from the working starter buyer.
import { kindOf } from '../../services/data-folder';
import { createScenarioFile } from '../../services/scenario-library';
import { InputError, one, type Command } from '../args';

export const newScenario: Command = ({ values, positionals, json }, io) => {
  const id = one(positionals, 'new', 'ID');
  const dir = values.dir ?? '.';
  if (kindOf(dir) === 'file') throw new InputError(`${dir}: a file, not a folder (see --dir)`);
  const path = createScenarioFile(id, dir);
  io.out(
    json
      ? JSON.stringify({ path })
      : `Wrote ${path}\nEdit it, then run: npm run --silent cli -- validate ${path}`,
  );
  return 0;
};
