// Who the statements are about, read from the data folder as the learner
// store (services/drills/learners.ts) writes it:
//   learners.json                 { version, learners: [{ id, name, createdAt }], active }
//   learners/ID/attempts.jsonl    one drill attempt a line
//   learners/ID/certificates/     one certificate per passed track (its completion)
// With no learners file, a session's learner is its rep, by name.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Certificate } from '../../core/tracks/certificate';
import type { DrillAttempt, Learner, TrackCompletion } from '../../core/xapi/statements';
import { completionOf } from '../drills/learners';

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
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(learnerId)) return [];
  const folder = join(dataDir, 'learners', learnerId, 'certificates');
  let names: string[];
  try {
    names = readdirSync(folder)
      .filter((n) => n.endsWith('.json'))
      .sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const certificate = readJson(join(folder, name)) as Certificate | undefined;
    return certificate && typeof certificate.track?.id === 'string'
      ? [completionOf(learnerId, certificate)]
      : [];
  });
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
