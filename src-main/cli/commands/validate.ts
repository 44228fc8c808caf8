// validate [PATH...]: every problem in scenario, drill bank and track files, as
// file:line:column: message. With no PATH: the built-in files and the
// organisation's own, as the app loads them.
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
import { loadDrillBankFile } from '../../core/drills/bank';
import { loadTrack } from '../../core/tracks/load';
import { readTextFile } from '../../services/files';
import { InputError, dataDirOf, libraryFor, type Command } from '../args';
import { drillLibraryFor } from './drill';

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
  const library = libraryFor(values);
  const drills = drillLibraryFor(values);
  const extra: string[] = [];
  if (positionals.length === 0) extra.push(...drills.problems);
  let drillFiles = 0;
  for (const file of files) {
    try {
      const text = readTextFile(file, 1024 * 1024);
      const kind = kindOfFile(text);
      if (kind === 'track') {
        drillFiles++;
        problems.push(...loadTrack(text, file, drills.bank).problems);
        continue;
      }
      if (kind === 'drills') {
        drillFiles++;
        problems.push(...loadDrillBankFile(text, file, library.ids()).problems);
        continue;
      }
      problems.push(...loadScenarioFile(file).problems);
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
      const message = error.message.replace(`${file}: `, '');
      problems.push({ file, line: 1, column: 1, severity: 'error', message });
    }
  }
  const errors = problems.filter((p) => p.severity === 'error').length + extra.length;
  const warnings = problems.length + extra.length - errors;
  if (positionals.length === 0) drillFiles = drills.files;
  const checked = files.length + (positionals.length === 0 ? drillFiles : 0);
  if (json) {
    io.out(JSON.stringify({ files: checked, errors, warnings, problems, otherProblems: extra }));
  } else {
    for (const p of problems) io.out(formatProblem(p));
    for (const p of extra) io.out(p);
    io.err(
      `${plural(checked, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`,
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

/** What a YAML file is, by its top-level keys: a track (modules:), a drill bank (quick:, meeting:), else a scenario. */
function kindOfFile(text: string): 'track' | 'drills' | 'scenario' {
  if (/^modules:/m.test(text)) return 'track';
  if (/^(quick|meeting):/m.test(text)) return 'drills';
  return 'scenario';
}

function hasScenarios(dir: string): boolean {
  return readdirSync(dir).some((f) => /\.ya?ml$/.test(f));
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
