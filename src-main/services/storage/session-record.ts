// A finished meeting as History stores it (a SessionRecord), built the same way
// whoever held it: the session host for the app, `cli practice` for the
// terminal. Pure functions of their inputs; kept here, below both, because the
// command line may not import the host.
import { randomBytes } from 'node:crypto';
import type { MeterInfo, RecordTurn, SessionRecord } from '../../contract/api';
import type { Meeting } from '../../core/meeting/meeting';
import type { CompiledScenario } from '../../core/scenarios/compile';
import { withDelivery } from '../../core/scoring/report';
import type { JournalHeader, JournalTurn } from './journal';

/** What a record is made from: the meeting, how it started, and each reply's details. */
export interface RecordSource {
  /** A journal's start line, or as much of one as a record needs (the CLI keeps no journal). */
  readonly header: Pick<
    JournalHeader,
    'id' | 'difficulty' | 'mode' | 'reps' | 'seed' | 'startedAt' | 'replayOf' | 'learnerId'
  > &
    Partial<JournalHeader>;
  readonly scenario: CompiledScenario;
  readonly meeting: Meeting;
  /** Per reply, in order: who said it, typed or spoken, and when. */
  readonly turns: readonly Pick<JournalTurn, 'repName' | 'source' | 'at' | 'speech'>[];
  /** The buyer's meters at the opening, before any reply. */
  readonly openingMeters: Readonly<Record<string, number>>;
}

/** A new session's id: its start time (UTC, to the second) and 8 random hex digits. */
export function newSessionId(startedAt: Date): string {
  const stamp = startedAt.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `${stamp}-${randomBytes(4).toString('hex')}`;
}

export function meterInfoOf(scenario: CompiledScenario): MeterInfo[] {
  return Object.entries(scenario.file.meters).map(([name, meter]) => ({
    name,
    label: meter.label ?? name.charAt(0).toUpperCase() + name.slice(1),
    min: meter.min ?? 0,
    max: meter.max ?? 100,
  }));
}

/** Every turn so far, with what the report needs (how it was read, the meters after it). */
export function recordTurnsOf(source: RecordSource): RecordTurn[] {
  return source.meeting.turns.map((turn, index) => {
    const meta = source.turns[index];
    return {
      n: index + 1,
      rep: turn.rep,
      repName: meta?.repName ?? source.header.reps[0] ?? '',
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

export function sessionRecordOf(
  source: RecordSource,
  endedAt: Date,
  endedBy: SessionRecord['endedBy'],
): SessionRecord {
  const { header, meeting, scenario } = source;
  const turns = recordTurnsOf(source);
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
    openingMeters: source.openingMeters,
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
    ...(header.learnerId ? { learnerId: header.learnerId } : {}),
  };
}
