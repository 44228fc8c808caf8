// validate [PATH...]: every problem in scenario files, as file:line:column: message.
// With no PATH: the built-in scenarios and the organisation's own, as the app loads them.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem, type ScenarioProblem } from '../../core/scenarios/load';
import { FileError } from '../../services/files';
import {
  ScenarioLibrary,
  builtInScenarioDir,
  loadScenarioFile,
  ownScenarioFolder,
} from '../../services/scenario-library';
import { InputError, dataDirOf, type Command } from '../args';

export const validate: Command = ({ positionals, values, json }, io) => {
  const own = ownScenarioFolder(dataDirOf(values));
  const paths =
    positionals.length > 0
      ? positionals
      : [builtInScenarioDir(), ...(existsSync(own) && hasScenarios(own) ? [own] : [])];
  const files = paths.flatMap(scenarioFilesAt);
  const problems: ScenarioProblem[] = [];
  if (positionals.length === 0) {
    // What only the whole library can tell: an own scenario taking a built-in id.
    problems.push(...ScenarioLibrary.load(builtInScenarioDir(), undefined, own).clashes);
  }
  for (const file of files) {
    try {
      problems.push(...loadScenarioFile(file).problems);
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      const message = error.message.replace(`${file}: `, '');
      problems.push({ file, line: 1, column: 1, severity: 'error', message });
    }
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (json) {
    io.out(JSON.stringify({ files: files.length, errors, warnings, problems }));
  } else {
    for (const p of problems) io.out(formatProblem(p));
    io.err(
      `${plural(files.length, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`,
    );
  }
  return errors > 0 ? 1 : 0;
};

/** A file as given, or the YAML files in a folder. */
function scenarioFilesAt(path: string): string[] {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new InputError(`${path}: no such file or folder`);
  }
  if (!isDirectory) return [path];
  const files = readdirSync(path)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(path, f));
  if (files.length === 0) {
    throw new InputError(`${path}: no scenario files here (a scenario file ends in .yaml or .yml)`);
  }
  return files;
}

function hasScenarios(dir: string): boolean {
  return readdirSync(dir).some((f) => /\.ya?ml$/.test(f));
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
