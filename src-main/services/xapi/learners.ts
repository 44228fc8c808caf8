// Who the statements are about. Part A of issue 11 keeps learners in the data
// folder; until it lands on main this reads what it will write, if present:
//   learners.json             a list of { id, name, createdAt } (or { learners: [...] })
//   learners/ID/attempts.jsonl  one drill attempt a line (or attempts.json, a list)
//   learners/ID/completions.jsonl  one track completion a line (or completions.json)
// With no learners file, a session's learner is its rep, by name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DrillAttempt, Learner, TrackCompletion } from '../../core/xapi/statements';

export function readLearners(dataDir: string): Learner[] {
  const parsed = readJson(join(dataDir, 'learners.json'));
  const list = Array.isArray(parsed)
    ? parsed
    : Array.isArray((parsed as { learners?: unknown } | undefined)?.learners)
      ? (parsed as { learners: unknown[] }).learners
      : [];
  return list.filter(
    (l): l is Learner =>
      typeof (l as Learner).id === 'string' && typeof (l as Learner).name === 'string',
  );
}

/** The learner a session is about when no learner picker has said: the first learner, or the rep. */
export function sessionLearner(dataDir: string, repName: string): Learner {
  const [first] = readLearners(dataDir);
  if (first) return first;
  const name = repName.trim() || 'Rep';
  return {
    id: `rep-${
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'rep'
    }`,
    name,
  };
}

export function readDrillAttempts(dataDir: string, learnerId: string): DrillAttempt[] {
  return readRows<DrillAttempt>(dataDir, learnerId, 'attempts').filter(
    (a) => typeof a.id === 'string' && typeof a.drillId === 'string',
  );
}

export function readTrackCompletions(dataDir: string, learnerId: string): TrackCompletion[] {
  return readRows<TrackCompletion>(dataDir, learnerId, 'completions').filter(
    (c) => typeof c.id === 'string' && typeof c.trackId === 'string',
  );
}

function readRows<T>(dataDir: string, learnerId: string, name: string): T[] {
  // An id is a folder name here: nothing that could leave the learners folder.
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(learnerId)) return [];
  const folder = join(dataDir, 'learners', learnerId);
  const list = readJson(join(folder, `${name}.json`));
  if (Array.isArray(list)) return list as T[];
  let text: string;
  try {
    text = readFileSync(join(folder, `${name}.jsonl`), 'utf8');
  } catch {
    return [];
  }
  const rows: T[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      rows.push(JSON.parse(line) as T);
    } catch {
      // A torn last line after a crash: the rows before it still count.
    }
  }
  return rows;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}
