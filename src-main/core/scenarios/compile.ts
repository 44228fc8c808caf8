// Compiles a validated scenario into an XState v5 machine. Every guard and
// action comes from the one `setup()` registry (registry.ts); the scenario only
// names them with parameters. Validation happens before this (validate.ts), so
// here every name is known to exist.
import type { Offer } from '../understanding/offer';
import { and, assign, not, or, raise, setup } from 'xstate';
import type { MeetingContext, MeetingEvent, MeetingInput } from '../meeting/types';
import {
  ACTIONS,
  GUARDS,
  REACTION_ACTIONS,
  viewOf,
  type GuardName,
  type ScenarioRuntime,
} from './registry';
import type { ReactionSpec, ScenarioFile, SimpleWhenSpec, WhenSpec } from './schema';

export interface CompiledScenario {
  readonly file: ScenarioFile;
  readonly runtime: ScenarioRuntime;
  readonly machine: MeetingMachine;
}

export type MeetingMachine = ReturnType<typeof buildMachine>;

type GuardRef = { type: GuardName; params: unknown };
type GuardExpr = GuardRef | ReturnType<typeof and> | ReturnType<typeof or> | ReturnType<typeof not>;

function runtimeOf(file: ScenarioFile): ScenarioRuntime {
  const meters = Object.fromEntries(
    Object.entries(file.meters).map(([name, m]) => [
      name,
      { min: m.min ?? 0, max: m.max ?? 100, perTurn: m.perTurn ?? 0 },
    ]),
  );
  const difficulty = Object.fromEntries(
    (['easy', 'normal', 'hard'] as const).map((level) => {
      const d = file.difficulty[level];
      return [level, { gain: d.gain ?? 1, loss: d.loss ?? 1, vars: d.vars ?? {} }];
    }),
  ) as ScenarioRuntime['difficulty'];
  return {
    meters,
    difficulty,
    lines: file.lines,
    placeholders: {
      name: file.persona.name,
      role: file.persona.role,
      company: file.persona.company,
    },
  };
}

/** What the rep sells in this scenario, for the classifier (`classifier.withOffer(offerOf(s))`). */
export function offerOf(scenario: CompiledScenario): Offer | undefined {
  const sells = scenario.file.sells;
  if (!sells) return undefined;
  return { name: sells.name, what: sells.what, ...(sells.words ? { words: sells.words } : {}) };
}

/** The scenario's brief with what the rep sells, for the scenario card. */
export function briefOf(scenario: CompiledScenario): string {
  const { brief, sells } = scenario.file;
  return sells ? `${brief} You sell ${sells.name}: ${sells.what}` : brief;
}

export function compileScenario(file: ScenarioFile): CompiledScenario {
  const runtime = runtimeOf(file);
  return { file, runtime, machine: buildMachine(file, runtime) };
}

function buildMachine(file: ScenarioFile, runtime: ScenarioRuntime) {
  const guards = Object.fromEntries(
    (Object.keys(GUARDS) as GuardName[]).map((name) => [
      name,
      ({ context, event }: { context: MeetingContext; event: MeetingEvent }, params: unknown) =>
        (GUARDS[name] as (v: ReturnType<typeof viewOf>, p: unknown, r: ScenarioRuntime) => boolean)(
          viewOf(context, event),
          params,
          runtime,
        ),
    ]),
  );
  const actions = Object.fromEntries(
    (Object.keys(ACTIONS) as (keyof typeof ACTIONS)[]).map((name) => [
      name,
      assign(
        ({ context, event }: { context: MeetingContext; event: MeetingEvent }, params: unknown) =>
          (
            ACTIONS[name] as (
              c: MeetingContext,
              p: unknown,
              r: ScenarioRuntime,
              e: MeetingEvent,
            ) => Partial<MeetingContext>
          )(context, params, runtime, event),
      ),
    ]),
  );

  const machineSetup = setup({
    types: {
      context: {} as MeetingContext,
      events: {} as MeetingEvent,
      input: {} as MeetingInput,
    },
    guards,
    actions: { ...actions, settle: raise({ type: 'turn.settled' }) },
  });

  const guardOf = (spec: WhenSpec | undefined): GuardExpr | undefined => {
    if (!spec) return undefined;
    const parts: GuardExpr[] = simpleGuards(spec);
    if (spec.any) parts.push(or(spec.any.map((alt) => andOf(simpleGuards(alt)))));
    if (spec.not) parts.push(not(andOf(simpleGuards(spec.not))));
    return andOf(parts);
  };

  const transition = (reaction: ReactionSpec, onTurn: boolean) => ({
    guard: guardOf(reaction.when),
    target: reaction.goto,
    actions: [
      ...(onTurn ? [{ type: 'recordTurn' }] : []),
      ...REACTION_ACTIONS.filter((name) => reaction[name] !== undefined).map((name) => ({
        type: name,
        params: reaction[name],
      })),
      ...(onTurn ? [{ type: 'settle' }] : []),
    ],
  });

  const states = Object.fromEntries(
    Object.entries(file.states).map(([name, state]) => {
      if (state.outcome) return [name, { type: 'final', meta: { outcome: state.outcome } }];
      const onTurn = [
        ...(file.rules ?? []),
        ...(state.reactions ?? []),
        ...(state.otherwise ? [state.otherwise] : []),
      ].map((r) => transition(r, true));
      const onSettled = (file.endings ?? []).map((r) => transition(r, false));
      const onEvent = Object.entries(file.events ?? {}).map(([id, event]) => ({
        guard: ({ event: e }: { event: MeetingEvent }) =>
          e.type === 'scenario.event' && e.id === id,
        target: event.goto,
        actions: [
          { type: 'beginEvent', params: event.effects ?? {} },
          ...REACTION_ACTIONS.filter((key) => key !== 'effects' && event[key] !== undefined).map(
            (key) => ({ type: key, params: event[key] }),
          ),
        ],
      }));
      return [
        name,
        {
          meta: { description: state.description },
          on: { 'rep.turn': onTurn, 'turn.settled': onSettled, 'scenario.event': onEvent },
        },
      ];
    }),
  );

  const startMeters = (input: MeetingInput): Record<string, number> =>
    Object.fromEntries(
      Object.entries(file.meters).map(([name, m]) => [
        name,
        file.difficulty[input.difficulty].start?.[name] ?? m.start,
      ]),
    );

  return machineSetup.createMachine({
    id: file.id,
    initial: file.initial,
    context: ({ input }) => ({
      difficulty: input.difficulty,
      meters: startMeters(input),
      turns: [],
      revealed: [],
      needs: [],
      reply: [],
      lastLineSubstantive: false,
      answeringSubstantive: false,
      rng: input.seed >>> 0,
      lastWording: {},
    }),
    // Built from data: the registry's names are strings here, checked by validate.ts.
    entry: [{ type: 'say', params: file.opening }] as never,
    states: states as never,
  });
}

function simpleGuards(spec: SimpleWhenSpec): GuardRef[] {
  return (Object.keys(GUARDS) as GuardName[])
    .filter((name) => spec[name] !== undefined)
    .map((name) => ({ type: name, params: spec[name] }));
}

function andOf(parts: GuardExpr[]): GuardExpr {
  return parts.length === 1 ? (parts[0] as GuardExpr) : and(parts);
}
