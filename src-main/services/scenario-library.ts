// Finding and loading scenario files: the built-in ones shipped in scenarios/,
// the organisation's own in the data folder's scenarios/ folder, and any file a
// manager points at.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { CompiledScenario } from '../core/scenarios/compile';
import { loadCleanData, loadScenario, type LoadResult } from '../core/scenarios/load';
import { FileError, readTextFile } from './files';
import { projectRoot } from './paths';
import { writeFileAtomic } from './storage/atomic';

/**
 * Where the built-in scenarios live. (An environment variable used to point
 * elsewhere; the organisation's own scenarios now go in the data folder's
 * scenarios folder instead, which the app lists beside these and watches.)
 */
export function builtInScenarioDir(): string {
  return join(projectRoot(), 'scenarios');
}

/** The organisation's own scenario files: the data folder's scenarios folder. */
export function ownScenarioFolder(dataDir: string): string {
  return join(dataDir, 'scenarios');
}

export function loadScenarioFile(path: string): LoadResult {
  return loadScenario(readTextFile(path, 1024 * 1024), path);
}

/** Where a scenario came from: shipped with the app, or the organisation's own (the data folder). */
export type ScenarioSource = 'built-in' | 'own';

/** A scenario file that could not be used, with every problem as `file:line:column: message`. */
export interface UnusableScenarioFile {
  readonly file: string;
  readonly source: ScenarioSource;
  readonly problems: readonly string[];
}

type Problems = LoadResult['problems'];

export class ScenarioLibrary {
  private readonly byId = new Map<string, CompiledScenario>();
  private readonly sources = new Map<string, ScenarioSource>();
  private readonly fileSources = new Map<string, ScenarioSource>();
  /** Scenarios that loaded but took an id already taken (a built-in one's, or another own file's). */
  readonly clashes: Problems = [];

  private constructor(readonly problems: Problems) {}

  /**
   * Loads every *.yaml in `dir` (the built-in scenarios) and, with `ownDir`,
   * in the organisation's own folder too; files with errors are skipped and
   * their problems kept, and an own scenario may not take a built-in one's id.
   * With a `cacheFile`, files that loaded cleanly before (same contents, by
   * hash) skip the YAML parser, which is most of a cold start; every check
   * still runs on them.
   */
  static load(dir = builtInScenarioDir(), cacheFile?: string, ownDir?: string): ScenarioLibrary {
    const cache = cacheFile ? readCache(cacheFile) : new Map<string, unknown>();
    const nextCache = new Map<string, unknown>();
    const problems: Problems = [];
    const builtIn = loadFolder(dir, cache, nextCache);
    const own = ownDir && existsSync(ownDir) ? loadFolder(ownDir, cache, nextCache) : undefined;
    if (cacheFile && !sameEntries(cache, nextCache)) writeCache(cacheFile, nextCache);
    const library = new ScenarioLibrary(problems);
    const add = (folder: LoadedFolder, source: ScenarioSource) => {
      problems.push(...folder.problems);
      for (const file of folder.files) library.fileSources.set(file, source);
      for (const { scenario, file } of folder.loaded) {
        const id = scenario.file.id;
        const taken = library.sources.get(id);
        if (taken !== undefined) {
          library.clashes.push({
            file,
            line: 1,
            column: 1,
            severity: 'error',
            message:
              taken === 'built-in'
                ? `the id "${id}" belongs to a built-in scenario; give this scenario another id`
                : `the id "${id}" is used by another scenario in this folder; give each its own id`,
          });
          continue;
        }
        library.byId.set(id, scenario);
        library.sources.set(id, source);
      }
    };
    add(builtIn, 'built-in');
    if (own) add(own, 'own');
    problems.push(...library.clashes);
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

  sourceOf(id: string): ScenarioSource {
    return this.sources.get(id) ?? 'built-in';
  }

  /** The files that could not be used, each with all of its problems. */
  unusable(): UnusableScenarioFile[] {
    const byFile = new Map<string, string[]>();
    for (const p of this.problems) {
      const list = byFile.get(p.file) ?? [];
      list.push(`${p.file}:${p.line}:${p.column}: ${p.message}`);
      byFile.set(p.file, list);
    }
    return [...byFile].map(([file, problems]) => ({
      file,
      source: this.fileSources.get(file) ?? 'own',
      problems,
    }));
  }
}

interface LoadedFolder {
  readonly files: readonly string[];
  readonly loaded: readonly { readonly scenario: CompiledScenario; readonly file: string }[];
  readonly problems: Problems;
}

function loadFolder(
  dir: string,
  cache: Map<string, unknown>,
  nextCache: Map<string, unknown>,
): LoadedFolder {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => join(dir, f));
  const problems: Problems = [];
  const loaded: { scenario: CompiledScenario; file: string }[] = [];
  for (const path of files) {
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
      loaded.push({ scenario: cached, file: path });
      nextCache.set(hash, cache.get(hash));
      continue;
    }
    const result = loadScenario(text, path);
    problems.push(...result.problems.filter((p) => p.severity === 'error'));
    if (result.scenario) loaded.push({ scenario: result.scenario, file: path });
    if (result.cleanData !== undefined) nextCache.set(hash, result.cleanData);
  }
  return { files, loaded, problems };
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
