// new ID [--dir FOLDER]: a scenario file started from the working starter buyer.
import { createScenarioFile } from '../../services/scenario-library';
import { one, type Command } from '../args';

export const newScenario: Command = ({ values, positionals, json }, io) => {
  const path = createScenarioFile(one(positionals, 'new', 'ID'), values.dir ?? '.');
  io.out(
    json
      ? JSON.stringify({ path })
      : `Wrote ${path}\nEdit it, then run: npm run --silent cli -- validate ${path}`,
  );
  return 0;
};
