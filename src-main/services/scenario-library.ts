// Finding and loading scenario files: the built-in ones shipped in scenarios/,
// and any file a manager points at.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { CompiledScenario } from '../core/scenarios/compile';
import { loadScenario, type LoadResult } from '../core/scenarios/load';
import { FileError, readTextFile } from './files';
import { projectRoot } from './paths';

/** Where the built-in scenarios live; FIRST_MEETING_SCENARIOS overrides it. */
export function builtInScenarioDir(): string {
  return process.env.FIRST_MEETING_SCENARIOS ?? join(projectRoot(), 'scenarios');
}

export function loadScenarioFile(path: string): LoadResult {
  return loadScenario(readTextFile(path, 1024 * 1024), path);
}

export class ScenarioLibrary {
  private readonly byId = new Map<string, CompiledScenario>();

  private constructor(readonly problems: LoadResult['problems']) {}

  /** Loads every *.yaml in `dir`; files with errors are skipped and their problems kept. */
  static load(dir = builtInScenarioDir()): ScenarioLibrary {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
      .sort();
    const problems: LoadResult['problems'] = [];
    const loaded: CompiledScenario[] = [];
    for (const file of files) {
      const result = loadScenarioFile(join(dir, file));
      problems.push(...result.problems.filter((p) => p.severity === 'error'));
      if (result.scenario) loaded.push(result.scenario);
    }
    const library = new ScenarioLibrary(problems);
    for (const scenario of loaded) library.byId.set(scenario.file.id, scenario);
    return library;
  }

  list(): CompiledScenario[] {
    return [...this.byId.values()];
  }

  get(id: string): CompiledScenario | undefined {
    return this.byId.get(id);
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }
}

/**
 * Starts a new scenario file from the starter template, so a manager edits a
 * working buyer instead of a blank page. Never overwrites a file.
 */
export function createScenarioFile(id: string, dir: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(id)) {
    throw new FileError(
      `"${id}" is not a scenario id: use lowercase letters, digits and hyphens, starting with a letter`,
    );
  }
  const path = resolve(dir, `${id}.yaml`);
  if (existsSync(path)) throw new FileError(`${path}: already exists; choose another id or folder`);
  if (!existsSync(dir)) throw new FileError(`${dir}: no such folder`);
  const templateDir = join(builtInScenarioDir(), 'templates');
  const schema = relative(dirname(path), join(builtInScenarioDir(), 'scenario.schema.json'));
  const text = readTextFile(join(templateDir, 'starter.yaml'))
    .replace('SCENARIO_ID', id)
    .replace('$schema=../scenario.schema.json', `$schema=${schema}`);
  writeFileSync(path, text, { flag: 'wx' });
  return path;
}
