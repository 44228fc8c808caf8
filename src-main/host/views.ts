// Turning the engine's state into what the UI is shown: scenario cards, the
// live meeting (with meters and behaviour tags only in coach mode) and the
// stored session record. Pure functions of their inputs.
import type {
  LiveTurn,
  MeterInfo,
  RecordTurn,
  ScenarioCard,
  SessionRecord,
  SessionView,
} from '../contract/api';
import type { Meeting } from '../core/meeting/meeting';
import type { CompiledScenario } from '../core/scenarios/compile';
import { DIFFICULTIES } from '../core/scenarios/schema';
import { withDelivery } from '../core/scoring/report';
import type { JournalHeader, JournalTurn } from '../services/storage/journal';

export function meterInfoOf(scenario: CompiledScenario): MeterInfo[] {
  return Object.entries(scenario.file.meters).map(([name, meter]) => ({
    name,
    label: meter.label ?? name.charAt(0).toUpperCase() + name.slice(1),
    min: meter.min ?? 0,
    max: meter.max ?? 100,
  }));
}

export function scenarioCardOf(scenario: CompiledScenario): ScenarioCard {
  const { file } = scenario;
  return {
    id: file.id,
    title: file.title,
    brief: file.brief,
    persona: {
      name: file.persona.name,
      role: file.persona.role,
      company: file.persona.company,
      caresAbout: file.persona.caresAbout,
    },
    difficulties: DIFFICULTIES.map((level) => ({ level, note: file.difficulty[level].note ?? '' })),
    meters: meterInfoOf(scenario),
  };
}

export interface LiveState {
  readonly header: JournalHeader;
  readonly scenario: CompiledScenario;
  readonly meeting: Meeting;
  readonly turns: readonly JournalTurn[];
  readonly openingMeters: Readonly<Record<string, number>>;
  readonly notice?: string;
}

/** Every turn so far, with what the report needs (how it was read, the meters after it). */
function turnsOf(live: LiveState): RecordTurn[] {
  return live.meeting.turns.map((turn, index) => {
    const meta = live.turns[index];
    return {
      n: index + 1,
      rep: turn.rep,
      repName: meta?.repName ?? live.header.reps[0] ?? '',
      source: meta?.source ?? 'typed',
      at: meta?.at ?? 0,
      buyer: turn.buyer,
      behavior: turn.facts.behavior,
      group: turn.facts.group,
      meters: turn.meters,
      ...(meta?.speech ? { speech: meta.speech } : {}),
    };
  });
}

export function sessionViewOf(live: LiveState): SessionView {
  // Exam mode: the host leaves the coaching out, so the page cannot show it.
  const coach = live.header.mode === 'coach';
  const turns: LiveTurn[] = turnsOf(live).map((turn) =>
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
    scenario: scenarioCardOf(live.scenario),
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

export function sessionRecordOf(
  live: LiveState,
  endedAt: Date,
  endedBy: SessionRecord['endedBy'],
): SessionRecord {
  const { header, meeting, scenario } = live;
  const turns = turnsOf(live);
  return {
    version: 1,
    id: header.id,
    scenario: {
      id: scenario.file.id,
      title: scenario.file.title,
      persona: {
        name: scenario.file.persona.name,
        role: scenario.file.persona.role,
        company: scenario.file.persona.company,
      },
    },
    difficulty: header.difficulty,
    mode: header.mode,
    reps: header.reps,
    seed: header.seed,
    startedAt: header.startedAt,
    endedAt: endedAt.toISOString(),
    endedBy,
    opening: meeting.opening,
    meterInfo: meterInfoOf(scenario),
    openingMeters: live.openingMeters,
    turns,
    outcome: meeting.outcome,
    // Spoken replies add how they were delivered (pace, fillers, patience).
    report: withDelivery(
      meeting.report(),
      turns.map((t, i) => ({
        turn: t.n,
        text: t.rep,
        timing: t.speech ?? null,
        buyerBefore: i === 0 ? meeting.opening : turns[i - 1]?.buyer,
      })),
    ),
    ...(header.replayOf ? { replayOf: header.replayOf } : {}),
  };
}
