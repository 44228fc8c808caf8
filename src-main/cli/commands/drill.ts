// drill list: every drill with id, kind, target and track.
// drill run DRILL_ID --replies FILE: plays a drill (a quick drill takes the
// first line; a meeting drill plays the whole file) and prints the result;
// with --learner NAME the attempt is recorded for that learner.
import { randomUUID } from 'node:crypto';
import { judgeMeetingDrill, judgeQuickDrill, type ObjectiveResult } from '../../core/drills/judge';
import type { DrillAttempt } from '../../core/drills/types';
import { Meeting } from '../../core/meeting/meeting';
import { defaultClassifier } from '../../core/understanding/default';
import { clockFrom } from '../../services/clock';
import { dataFolderProblem } from '../../services/data-folder';
import { DrillLibrary } from '../../services/drills/library';
import { LearnerStore } from '../../services/drills/learners';
import {
  dataDirOf,
  InputError,
  libraryFor,
  one,
  parseSeed,
  readReplies,
  UsageError,
  type Command,
  type CommandInput,
} from '../args';

export function drillLibraryFor(values: CommandInput['values']): DrillLibrary {
  return DrillLibrary.load(libraryFor(values).ids(), dataDirOf(values));
}

/** The learner named by --learner in the data folder, or a message saying who there is. */
export function learnerFor(values: CommandInput['values']): {
  store: LearnerStore;
  learnerId: string;
} {
  const name = values.learner;
  if (name === undefined) throw new UsageError('this needs --learner NAME');
  const dataDir = dataDirOf(values);
  const problem = dataFolderProblem(dataDir);
  if (problem) throw new InputError(problem);
  const store = new LearnerStore(dataDir);
  const learner = store.byName(name);
  if (!learner) {
    const names = store.learners.map((l) => l.name);
    throw new InputError(
      `no learner "${name}" in ${dataDir}${names.length > 0 ? `; learners: ${names.join(', ')}` : ' (add one in the app: Who is practising?)'}`,
    );
  }
  return { store, learnerId: learner.id };
}

export const drill: Command = ({ positionals, values, json }, io) => {
  const [sub, ...rest] = positionals;
  const library = drillLibraryFor(values);
  if (sub === 'list') {
    if (rest.length > 0) throw new UsageError(`drill list takes no arguments (got "${rest[0]}")`);
    const rows = [
      ...library.bank.quickDrills.map((d) => ({
        id: d.id,
        kind: 'quick' as const,
        target: d.target.say,
        track: library.trackOf(d.id) ?? null,
      })),
      ...library.bank.meetingDrills.map((d) => ({
        id: d.id,
        kind: 'meeting' as const,
        target: d.title,
        track: library.trackOf(d.id) ?? null,
      })),
    ];
    if (json) io.out(JSON.stringify(rows));
    else
      io.out(
        rows
          .map(
            (r) =>
              `${r.id.padEnd(36)} ${r.kind.padEnd(8)} ${(r.track ?? '-').padEnd(12)} ${r.target}`,
          )
          .join('\n'),
      );
    return 0;
  }
  if (sub !== 'run') throw new UsageError('drill takes list or run DRILL_ID');
  const id = one(rest, 'drill run', 'DRILL_ID');
  if (!values.replies) throw new UsageError('drill run needs --replies FILE');
  const replies = readReplies(values.replies);
  if (replies.length === 0) throw new InputError(`${values.replies}: no replies (one per line)`);
  const learner = values.learner !== undefined ? learnerFor(values) : undefined;
  const clock = clockFrom();
  const startedAt = clock.now();
  const quick = library.bank.quick(id);
  const meeting = library.bank.meeting(id);
  if (!quick && !meeting) {
    throw new InputError(`unknown drill "${id}"; see: npm run --silent cli -- drill list`);
  }
  let result: {
    drill: string;
    kind: 'quick' | 'meeting';
    passed: boolean;
    score: number;
    objectives: readonly ObjectiveResult[];
    answer: string;
  };
  let extra: Partial<DrillAttempt> = {};
  if (quick) {
    const answer = replies[0] as string;
    const judged = judgeQuickDrill(quick, answer, defaultClassifier());
    result = {
      drill: id,
      kind: 'quick',
      passed: judged.passed,
      score: judged.score,
      objectives: judged.objectives,
      answer,
    };
  } else {
    const drillSpec = meeting as NonNullable<typeof meeting>;
    const scenario = libraryFor(values).get(drillSpec.scenario);
    if (!scenario)
      throw new InputError(
        `drill "${id}" names scenario "${drillSpec.scenario}", which is not there`,
      );
    const played = Meeting.start({
      scenario,
      classifier: defaultClassifier(),
      difficulty: drillSpec.difficulty,
      seed: values.seed === undefined ? 1 : parseSeed(values.seed),
    });
    for (const reply of replies) {
      if (played.ended) break;
      played.reply(reply);
    }
    const report = played.report();
    const judged = judgeMeetingDrill(drillSpec, report);
    result = {
      drill: id,
      kind: 'meeting',
      passed: judged.passed,
      score: judged.score,
      objectives: judged.objectives,
      answer: '',
    };
    extra = {
      valueCreation: report.valueCreation,
      pitching: report.pitching,
      outcome: report.outcome,
    };
  }
  if (learner) {
    const trackId = library.trackOf(id);
    const moduleId = trackId
      ? library
          .track(trackId)
          ?.modules.find((m) => [...(m.quick ?? []), ...(m.meeting ?? [])].includes(id))?.id
      : undefined;
    learner.store.record({
      id: `a-${randomUUID()}`,
      learnerId: learner.learnerId,
      drillId: id,
      kind: result.kind,
      ...(trackId ? { trackId } : {}),
      ...(moduleId ? { moduleId } : {}),
      startedAt: startedAt.toISOString(),
      durationMs: Math.max(0, clock.now().getTime() - startedAt.getTime()),
      passed: result.passed,
      score: result.score,
      objectives: result.objectives,
      answer: result.answer,
      ...extra,
    });
    learner.store.close();
  }
  if (json) {
    io.out(JSON.stringify(result));
    return 0;
  }
  io.out(
    [
      `${id} (${result.kind}): ${result.passed ? 'passed' : 'did not pass'}, score ${result.score}`,
      ...(result.answer ? [`Answer: ${result.answer}`] : []),
      ...result.objectives.map((o) => `  ${o.met ? '✓' : '✗'} ${o.name}: ${o.why}`),
      ...(quick && !result.passed
        ? ['', 'Model answers:', ...quick.models.map((m) => `  - ${m}`)]
        : []),
    ].join('\n'),
  );
  return 0;
};
