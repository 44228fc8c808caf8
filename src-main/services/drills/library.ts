// The drill bank and the tracks on offer: the built-in files in scenarios/drills
// and scenarios/tracks, and the organisation's own in the data folder's drills/
// and tracks/ folders. A file with problems is left out with its
// file:line:column messages; the rest load.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DrillBank, loadDrillBankFile } from '../../core/drills/bank';
import { loadTrack } from '../../core/tracks/load';
import type { TrackFile } from '../../core/tracks/schema';
import { formatProblem } from '../../core/yaml/read';
import { FileError, readTextFile } from '../files';
import { builtInScenarioDir } from '../scenario-library';

export function builtInDrillDir(): string {
  return join(builtInScenarioDir(), 'drills');
}

export function builtInTrackDir(): string {
  return join(builtInScenarioDir(), 'tracks');
}

export function ownDrillFolder(dataDir: string): string {
  return join(dataDir, 'drills');
}

export function ownTrackFolder(dataDir: string): string {
  return join(dataDir, 'tracks');
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => join(dir, name));
}

function read(file: string, problems: string[]): string | undefined {
  try {
    return readTextFile(file, 1024 * 1024);
  } catch (error) {
    problems.push(error instanceof FileError ? error.message : `${file}: ${String(error)}`);
    return undefined;
  }
}

export interface LoadedTrack {
  readonly track: TrackFile;
  readonly source: 'built-in' | 'own';
  readonly file: string;
}

export class DrillLibrary {
  private constructor(
    readonly bank: DrillBank,
    private readonly trackList: LoadedTrack[],
    /** Every problem, as `file:line:column: message`. */
    readonly problems: readonly string[],
    /** How many drill and track files were read. */
    readonly files: number,
  ) {}

  /**
   * Loads the bank and the tracks. `scenarioIds`: the scenarios meeting drills
   * may name. `dataDir`: where the organisation's own drill and track files are.
   */
  static load(scenarioIds: readonly string[], dataDir?: string): DrillLibrary {
    const problems: string[] = [];
    const bank = new DrillBank();
    const drillFiles = [
      ...yamlFiles(builtInDrillDir()),
      ...(dataDir ? yamlFiles(ownDrillFolder(dataDir)) : []),
    ];
    for (const file of drillFiles) {
      const text = read(file, problems);
      if (text !== undefined) bank.add(file, loadDrillBankFile(text, file, scenarioIds));
    }
    problems.push(...bank.problems);
    const tracks: LoadedTrack[] = [];
    const add = (dir: string, source: LoadedTrack['source']) => {
      for (const file of yamlFiles(dir)) {
        const text = read(file, problems);
        if (text === undefined) continue;
        const { track, problems: found } = loadTrack(text, file, bank);
        problems.push(...found.map(formatProblem));
        if (!track) continue;
        if (tracks.some((t) => t.track.id === track.id)) {
          problems.push(
            `${file}:1:1: track id "${track.id}" is already used by another track file`,
          );
          continue;
        }
        tracks.push({ track, source, file });
      }
    };
    add(builtInTrackDir(), 'built-in');
    if (dataDir) add(ownTrackFolder(dataDir), 'own');
    const trackFiles =
      yamlFiles(builtInTrackDir()).length +
      (dataDir ? yamlFiles(ownTrackFolder(dataDir)).length : 0);
    return new DrillLibrary(bank, tracks, problems, drillFiles.length + trackFiles);
  }

  get tracks(): readonly LoadedTrack[] {
    return this.trackList;
  }

  track(id: string): TrackFile | undefined {
    return this.trackList.find((t) => t.track.id === id)?.track;
  }

  /** The track a drill belongs to first, for listing. */
  trackOf(drillId: string): string | undefined {
    return this.trackList.find((t) =>
      t.track.modules.some(
        (m) => (m.quick ?? []).includes(drillId) || (m.meeting ?? []).includes(drillId),
      ),
    )?.track.id;
  }
}
