// A learner's progress through a track, from their attempts alone: each
// module open or locked, its status, its best score and the attempts left on
// its meeting drills, and whether the whole track is passed. A quick drill
// counts as passed once any answer to it passed; a meeting drill's attempts
// are those made from this track's module, up to its maximum.
import type { DrillBank } from '../drills/bank';
import type { DrillAttempt } from '../drills/types';
import type { TrackFile } from './schema';

export type ModuleStatus = 'Not started' | 'In progress' | 'Passed' | 'Did not pass';

export interface ModuleProgress {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly locked: boolean;
  readonly status: ModuleStatus;
  /** 0-100: the mean of each drill's best score; null before any attempt. */
  readonly bestScore: number | null;
  readonly quick: readonly {
    readonly id: string;
    readonly title: string;
    readonly passed: boolean;
    readonly attempts: number;
  }[];
  readonly meeting: readonly {
    readonly id: string;
    readonly title: string;
    readonly passed: boolean;
    readonly attempts: number;
    readonly attemptsLeft: number;
    readonly best: number | null;
  }[];
  /** Quick drills to pass for the module. */
  readonly quickNeeded: number;
}

export interface TrackProgress {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly modules: readonly ModuleProgress[];
  readonly passed: boolean;
  readonly modulesPassed: number;
}

export function trackProgress(
  track: TrackFile,
  bank: DrillBank,
  attempts: readonly DrillAttempt[],
): TrackProgress {
  const byDrill = new Map<string, DrillAttempt[]>();
  for (const a of attempts) {
    const list = byDrill.get(a.drillId);
    if (list) list.push(a);
    else byDrill.set(a.drillId, [a]);
  }
  let open = true;
  const modules: ModuleProgress[] = track.modules.map((module) => {
    const quick = (module.quick ?? []).map((id) => {
      const tries = byDrill.get(id) ?? [];
      return {
        id,
        title: bank.quick(id)?.title ?? id,
        passed: tries.some((t) => t.passed),
        attempts: tries.length,
        best: tries.reduce<number | null>(
          (m, t) => (m === null || t.score > m ? t.score : m),
          null,
        ),
      };
    });
    const meeting = (module.meeting ?? []).map((id) => {
      const drill = bank.meeting(id);
      const tries = (byDrill.get(id) ?? []).filter(
        (t) => t.trackId === track.id && t.moduleId === module.id,
      );
      const max = drill?.maxAttempts ?? 1;
      return {
        id,
        title: drill?.title ?? id,
        passed: tries.some((t) => t.passed),
        attempts: tries.length,
        attemptsLeft: Math.max(0, max - tries.length),
        best: tries.reduce<number | null>(
          (m, t) => (m === null || t.score > m ? t.score : m),
          null,
        ),
      };
    });
    const quickNeeded = module.pass?.quick ?? quick.length;
    const passed =
      quick.filter((q) => q.passed).length >= quickNeeded && meeting.every((m) => m.passed);
    const failed = meeting.some((m) => !m.passed && m.attemptsLeft === 0);
    const tried = [...quick, ...meeting].some((d) => d.attempts > 0);
    const scores = [...quick, ...meeting].map((d) => d.best ?? 0);
    const locked = !open;
    if (module.locksNext !== false && !passed) open = false;
    return {
      id: module.id,
      title: module.title,
      ...(module.description ? { description: module.description } : {}),
      locked,
      status: passed ? 'Passed' : failed ? 'Did not pass' : tried ? 'In progress' : 'Not started',
      bestScore: tried
        ? Math.round(scores.reduce((a, b) => a + b, 0) / Math.max(1, scores.length))
        : null,
      quick: quick.map(({ best: _best, ...q }) => q),
      meeting,
      quickNeeded,
    };
  });
  const modulesPassed = modules.filter((m) => m.status === 'Passed').length;
  return {
    id: track.id,
    title: track.title,
    ...(track.description ? { description: track.description } : {}),
    modules,
    passed: modulesPassed === modules.length,
    modulesPassed,
  };
}
