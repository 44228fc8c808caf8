// Turning the engine's state into what the UI is shown: scenario cards, the
// live meeting (with meters and behaviour tags only in coach mode) and the
// stored session record (services/storage/session-record.ts). Pure functions
// of their inputs.
import { createHash } from 'node:crypto';
import type { LiveTurn, ScenarioCard, SessionView } from '../contract/api';
import type { Meeting } from '../core/meeting/meeting';
import { briefOf, type CompiledScenario } from '../core/scenarios/compile';
import { DIFFICULTIES } from '../core/scenarios/schema';
import type { JournalHeader, JournalTurn } from '../services/storage/journal';
import { meterInfoOf, recordTurnsOf } from '../services/storage/session-record';

// The stored record is built below the host, so the command line builds it the same way.
export { meterInfoOf, sessionRecordOf } from '../services/storage/session-record';

export function scenarioCardOf(
  scenario: CompiledScenario,
  source: ScenarioCard['source'],
): ScenarioCard {
  const { file } = scenario;
  return {
    id: file.id,
    title: file.title,
    brief: briefOf(scenario),
    persona: {
      name: file.persona.name,
      role: file.persona.role,
      company: file.persona.company,
      caresAbout: file.persona.caresAbout,
    },
    difficulties: DIFFICULTIES.map((level) => ({ level, note: file.difficulty[level].note ?? '' })),
    meters: meterInfoOf(scenario),
    source,
  };
}

export interface LiveState {
  readonly header: JournalHeader;
  readonly scenario: CompiledScenario;
  /** Where the scenario came from (built-in, or the organisation's own folder). */
  readonly source: ScenarioCard['source'];
  readonly meeting: Meeting;
  readonly turns: readonly JournalTurn[];
  readonly openingMeters: Readonly<Record<string, number>>;
  readonly notice?: string;
}

export function sessionViewOf(live: LiveState): SessionView {
  // Exam mode: the host leaves the coaching out, so the page cannot show it.
  const coach = live.header.mode === 'coach';
  const turns: LiveTurn[] = recordTurnsOf(live).map((turn) =>
    coach
      ? turn
      : {
          n: turn.n,
          rep: turn.rep,
          repName: turn.repName,
          source: turn.source,
          at: turn.at,
          buyer: turn.buyer,
          ...(turn.speech ? { speech: turn.speech } : {}),
        },
  );
  return {
    id: live.header.id,
    scenario: scenarioCardOf(live.scenario, live.source),
    difficulty: live.header.difficulty,
    mode: live.header.mode,
    reps: live.header.reps,
    startedAt: live.header.startedAt,
    opening: live.meeting.opening,
    turns,
    ...(coach ? { meters: live.meeting.meters, openingMeters: live.openingMeters } : {}),
    ended: live.meeting.ended,
    outcome: live.meeting.outcome,
    ...(live.header.replayOf ? { replayOf: live.header.replayOf } : {}),
    ...(live.notice ? { notice: live.notice } : {}),
  };
}

/** A digest of a scenario as it is now, to notice when one has changed since a meeting began. */
export function scenarioDigest(scenario: CompiledScenario): string {
  return createHash('sha256').update(JSON.stringify(scenario.file)).digest('hex').slice(0, 16);
}
