// Loading drill bank files: shape through core/yaml (file:line:column), then
// what only the whole bank knows: ids unique across files, one key per
// objective, meeting drills naming a scenario that exists.
import { formatProblem, readYaml, sortProblems, type FileProblem } from '../yaml/read';
import { drillBankSchema, type MeetingDrill, type QuickDrill } from './schema';

export interface BankFileResult {
  readonly quick: readonly QuickDrill[];
  readonly meeting: readonly MeetingDrill[];
  readonly problems: readonly FileProblem[];
}

const KNOWN_KEYS = [
  'quick',
  'meeting',
  'id',
  'title',
  'skill',
  'buyer',
  'target',
  'models',
  'tip',
  'say',
  'behavior',
  'group',
  'buildsOnBuyer',
  'ask',
  'noPitch',
  'scenario',
  'difficulty',
  'objectives',
  'passMark',
  'maxAttempts',
  'noPitchBeforeNeed',
  'talkShareAtMost',
  'atLeast',
  'count',
  'reach',
  'pitchingAtMost',
];

/** One bank file. `scenarioIds`: the scenarios meeting drills may name. */
export function loadDrillBankFile(
  text: string,
  file: string,
  scenarioIds: readonly string[],
): BankFileResult {
  const { data, problems, report } = readYaml(text, file, drillBankSchema, {
    notAMapping:
      'a drill bank is a YAML mapping with quick: and meeting: lists; this file is not one',
    knownKeys: KNOWN_KEYS,
  });
  if (!data) return { quick: [], meeting: [], problems: sortProblems(problems) };
  const seen = new Set<string>();
  const quick = data.quick ?? [];
  const meeting = data.meeting ?? [];
  quick.forEach((drill, i) => {
    if (seen.has(drill.id)) report(['quick', i, 'id'], `drill id "${drill.id}" is used twice`);
    seen.add(drill.id);
  });
  meeting.forEach((drill, i) => {
    if (seen.has(drill.id)) report(['meeting', i, 'id'], `drill id "${drill.id}" is used twice`);
    seen.add(drill.id);
    if (!scenarioIds.includes(drill.scenario))
      report(
        ['meeting', i, 'scenario'],
        `unknown scenario "${drill.scenario}"; the scenarios are ${scenarioIds.join(', ')}`,
      );
    drill.objectives.forEach((objective, j) => {
      const keys = Object.keys(objective);
      if (keys.length !== 1)
        report(
          ['meeting', i, 'objectives', j],
          keys.length === 0
            ? 'an objective needs one key, e.g. noPitchBeforeNeed: true'
            : `an objective has one key; this one has ${keys.join(', ')}: make each its own objective`,
        );
    });
  });
  const errors = problems.filter((p) => p.severity === 'error');
  return errors.length > 0
    ? { quick: [], meeting: [], problems: sortProblems(problems) }
    : { quick, meeting, problems: sortProblems(problems) };
}

/** Every drill by id, built-in and own; an id used in two files is a problem on the second. */
export class DrillBank {
  private readonly quickById = new Map<string, QuickDrill>();
  private readonly meetingById = new Map<string, MeetingDrill>();
  readonly problems: string[] = [];

  add(file: string, result: BankFileResult): void {
    this.problems.push(...result.problems.map(formatProblem));
    for (const drill of [...result.quick, ...result.meeting]) {
      if (this.quickById.has(drill.id) || this.meetingById.has(drill.id)) {
        this.problems.push(`${file}: drill id "${drill.id}" is also used in another drill file`);
        continue;
      }
      if ('buyer' in drill) this.quickById.set(drill.id, drill);
      else this.meetingById.set(drill.id, drill);
    }
  }

  quick(id: string): QuickDrill | undefined {
    return this.quickById.get(id);
  }

  meeting(id: string): MeetingDrill | undefined {
    return this.meetingById.get(id);
  }

  get quickDrills(): readonly QuickDrill[] {
    return [...this.quickById.values()];
  }

  get meetingDrills(): readonly MeetingDrill[] {
    return [...this.meetingById.values()];
  }

  has(id: string): boolean {
    return this.quickById.has(id) || this.meetingById.has(id);
  }
}
