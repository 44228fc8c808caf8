// Finding and loading scenario files: the built-in ones shipped in scenarios/,
// and any file a manager points at.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { CompiledScenario } from '../core/scenarios/compile';
import { loadCleanData, loadScenario, type LoadResult } from '../core/scenarios/load';
import { FileError, readTextFile } from './files';
import { projectRoot } from './paths';
import { writeFileAtomic } from './storage/atomic';

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

  /**
   * Loads every *.yaml in `dir`; files with errors are skipped and their
   * problems kept. With a `cacheFile`, files that loaded cleanly before (same
   * contents, by hash) skip the YAML parser, which is most of a cold start;
   * every check still runs on them.
   */
  static load(dir = builtInScenarioDir(), cacheFile?: string): ScenarioLibrary {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
      .sort();
    const problems: LoadResult['problems'] = [];
    const loaded: CompiledScenario[] = [];
    const cache = cacheFile ? readCache(cacheFile) : new Map<string, unknown>();
    const nextCache = new Map<string, unknown>();
    for (const file of files) {
      const path = join(dir, file);
      let text: string;
      try {
        text = readTextFile(path, 1024 * 1024);
      } catch (error) {
        problems.push({
          file: path,
          line: 1,
          column: 1,
          severity: 'error',
          message: (error as Error).message,
        });
        continue;
      }
      const hash = createHash('sha256').update(text).digest('hex');
      const cached = cache.has(hash) ? loadCleanData(cache.get(hash)) : undefined;
      if (cached) {
        loaded.push(cached);
        nextCache.set(hash, cache.get(hash));
        continue;
      }
      const result = loadScenario(text, path);
      problems.push(...result.problems.filter((p) => p.severity === 'error'));
      if (result.scenario) loaded.push(result.scenario);
      if (result.cleanData !== undefined) nextCache.set(hash, result.cleanData);
    }
    if (cacheFile && !sameEntries(cache, nextCache)) writeCache(cacheFile, nextCache);
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

const CACHE_VERSION = 1;

function readCache(file: string): Map<string, unknown> {
  try {
    const value = JSON.parse(readTextFile(file, 64 * 1024 * 1024)) as unknown;
    if (
      typeof value === 'object' &&
      value !== null &&
      (value as { version?: unknown }).version === CACHE_VERSION &&
      typeof (value as { entries?: unknown }).entries === 'object'
    ) {
      return new Map(Object.entries((value as { entries: Record<string, unknown> }).entries));
    }
  } catch {
    // No cache, or a damaged one: it only saves time, so start a new one.
  }
  return new Map();
}

function writeCache(file: string, entries: Map<string, unknown>): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileAtomic(
      file,
      JSON.stringify({ version: CACHE_VERSION, entries: Object.fromEntries(entries) }),
    );
  } catch {
    // A read-only data folder costs speed, not correctness.
  }
}

function sameEntries(a: Map<string, unknown>, b: Map<string, unknown>): boolean {
  return a.size === b.size && [...b].every(([key, value]) => a.get(key) === value);
}
