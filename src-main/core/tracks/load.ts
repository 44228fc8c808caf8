// Loading a track file: its shape through core/yaml, then its references:
// module ids unique, every drill it names in the drill bank (and of the right
// kind), a pass count no larger than the module's quick drills.
import { closest, readYaml, sortProblems, type FileProblem } from '../yaml/read';
import type { DrillBank } from '../drills/bank';
import { trackSchema, type TrackFile } from './schema';

export interface TrackLoad {
  readonly track?: TrackFile;
  readonly problems: readonly FileProblem[];
}

const KNOWN_KEYS = [
  'id',
  'title',
  'description',
  'modules',
  'quick',
  'meeting',
  'pass',
  'locksNext',
];

export function loadTrack(text: string, file: string, bank: DrillBank): TrackLoad {
  const { data, problems, report } = readYaml(text, file, trackSchema, {
    notAMapping: 'a track file is a YAML mapping (id:, title:, modules:); this file is not one',
    knownKeys: KNOWN_KEYS,
  });
  if (!data) return { problems: sortProblems(problems) };
  const seen = new Set<string>();
  const quickIds = bank.quickDrills.map((d) => d.id);
  const meetingIds = bank.meetingDrills.map((d) => d.id);
  data.modules.forEach((module, i) => {
    if (seen.has(module.id)) report(['modules', i, 'id'], `module id "${module.id}" is used twice`);
    seen.add(module.id);
    (module.quick ?? []).forEach((drill, j) => {
      if (bank.quick(drill)) return;
      const hint = bank.meeting(drill)
        ? '; it is a meeting drill: list it under meeting'
        : closest(drill, quickIds)
          ? `; did you mean "${closest(drill, quickIds)}"?`
          : '';
      report(['modules', i, 'quick', j], `unknown quick drill "${drill}"${hint}`);
    });
    (module.meeting ?? []).forEach((drill, j) => {
      if (bank.meeting(drill)) return;
      const hint = bank.quick(drill)
        ? '; it is a quick drill: list it under quick'
        : closest(drill, meetingIds)
          ? `; did you mean "${closest(drill, meetingIds)}"?`
          : '';
      report(['modules', i, 'meeting', j], `unknown meeting drill "${drill}"${hint}`);
    });
    const quickCount = module.quick?.length ?? 0;
    if (module.pass?.quick !== undefined && module.pass.quick > quickCount)
      report(
        ['modules', i, 'pass', 'quick'],
        `the module has ${quickCount} quick drill${quickCount === 1 ? '' : 's'}, so ${module.pass.quick} cannot be passed`,
      );
    if (quickCount === 0 && (module.meeting?.length ?? 0) === 0)
      report(
        ['modules', i],
        `module "${module.id}" has no drills; list some under quick or meeting`,
        'error',
        'key',
      );
  });
  const errors = problems.some((p) => p.severity === 'error');
  return errors
    ? { problems: sortProblems(problems) }
    : { track: data, problems: sortProblems(problems) };
}
