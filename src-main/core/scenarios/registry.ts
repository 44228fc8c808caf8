// Every guard and action a scenario file may name, implemented once. A scenario
// refers to them as `when: { name: params }` and reaction keys; the compiler
// rejects any other name. Implementations take the compiled scenario's data
// (`ScenarioRuntime`) so the registry itself holds no scenario state.
import { GROUP_OF, type Behavior, type BehaviorGroup } from '../behaviors/taxonomy';
import type { MeetingContext, MeetingEvent, TurnFacts, BuyerLine } from '../meeting/types';
import { createRandom } from '../random';
// The persona rewards a turn the way the report scores it.
import { WEIGHTS } from '../scoring/thresholds';
import { answersOf } from '../understanding/turn';
import type { Difficulty, SimpleWhenSpec } from './schema';

/** The compiled, validated data of one scenario that guards and actions read. */
export interface ScenarioRuntime {
  readonly meters: Readonly<Record<string, { min: number; max: number; perTurn: number }>>;
  readonly difficulty: Readonly<
    Record<Difficulty, { gain: number; loss: number; vars: Readonly<Record<string, number>> }>
  >;
  readonly lines: Readonly<Record<string, readonly string[]>>;
  readonly placeholders: Readonly<Record<string, string>>;
}

/** What a guard sees: the context, and every rep turn so far including the one being reacted to. */
export interface GuardView {
  readonly context: MeetingContext;
  readonly turns: readonly TurnFacts[];
  readonly current: TurnFacts | undefined;
}

export function viewOf(context: MeetingContext, event: MeetingEvent): GuardView {
  if (event.type === 'rep.turn') {
    return { context, turns: [...context.turns, event.turn], current: event.turn };
  }
  return { context, turns: context.turns, current: context.turns[context.turns.length - 1] };
}

type NumberOrVar = number | string;
type Range = { atLeast?: NumberOrVar; atMost?: NumberOrVar };

function resolve(value: NumberOrVar, context: MeetingContext, runtime: ScenarioRuntime): number {
  if (typeof value === 'number') return value;
  // Validated at load time: every $name exists at every difficulty.
  const vars = runtime.difficulty[context.difficulty].vars;
  const name = value.slice(1);
  return Object.hasOwn(vars, name) ? (vars[name] as number) : Number.NaN;
}

function inRange(
  x: number,
  range: Range,
  context: MeetingContext,
  runtime: ScenarioRuntime,
): boolean {
  if (range.atLeast !== undefined && x < resolve(range.atLeast, context, runtime)) return false;
  if (range.atMost !== undefined && x > resolve(range.atMost, context, runtime)) return false;
  return true;
}

const list = <T>(value: T | readonly T[]): readonly T[] =>
  Array.isArray(value) ? (value as readonly T[]) : [value as T];

export type GuardName = keyof SimpleWhenSpec;
type GuardImpl<K extends GuardName> = (
  view: GuardView,
  params: NonNullable<SimpleWhenSpec[K]>,
  runtime: ScenarioRuntime,
) => boolean;

export const GUARDS: { readonly [K in GuardName]: GuardImpl<K> } = {
  behavior: (view, params) =>
    view.current !== undefined && list(params).includes(view.current.behavior),
  group: (view, params) => view.current !== undefined && list(params).includes(view.current.group),
  meter: (view, params, runtime) =>
    Object.entries(params).every(([meter, range]) =>
      inRange(view.context.meters[meter] ?? 0, range, view.context, runtime),
    ),
  pitchStreak: (view, params, runtime) => {
    let streak = 0;
    for (let i = view.turns.length - 1; i >= 0; i--) {
      const turn = view.turns[i];
      if (turn?.group !== 'pitch' || isBenefit(turn, i + 1, view.context)) break;
      streak++;
    }
    return streak >= resolve(params, view.context, runtime);
  },
  turn: (view, params, runtime) => inRange(view.turns.length, params, view.context, runtime),
  count: (view, params, runtime) => {
    const behaviors = params.behavior ? list<Behavior>(params.behavior) : undefined;
    const groups = params.group ? list<BehaviorGroup>(params.group) : undefined;
    const n = view.turns.filter(
      (t) =>
        (!behaviors || behaviors.includes(t.behavior)) &&
        (!groups || groups.includes(GROUP_OF[t.behavior])),
    ).length;
    return inRange(n, params, view.context, runtime);
  },
  askSize: (view, params) =>
    view.current?.behavior === 'commitment_ask' && (view.current.ask ?? 'modest') === params,
  repeated: (view, params) => (view.current?.repeated ?? false) === params,
  buildsOnBuyer: (view, params) => (view.current?.buildsOnBuyer ?? false) === params,
  dressed: (view, params) => (view.current?.dressed ?? false) === params,
  revealed: (view, params) => list(params).every((fact) => view.context.revealed.includes(fact)),
  notRevealed: (view, params) =>
    list(params).every((fact) => !view.context.revealed.includes(fact)),
  explicitNeed: (view, params) => view.context.needs.some((n) => n.kind === 'explicit') === params,
  difficulty: (view, params) => list(params).includes(view.context.difficulty),
};

/**
 * A pitch that answers, in substance, an explicit need the buyer already stated
 * is a Benefit in Rackham's sense: not self-oriented, so it does not count
 * towards a pitch streak (the report scores it the same way). The conversation
 * reader says which buyer lines a product turn answers (what the need is about
 * appears in what the product is said to do); a product monologue that repeats
 * one of the buyer's words answers none.
 */
function isBenefit(turn: TurnFacts, turnNumber: number, context: MeetingContext): boolean {
  // Dressed in value words, it is still the pitch it wraps, and never a Benefit.
  if (turn.behavior !== 'pitch' || turn.dressed) return false;
  const answers = answersOf(turn);
  return context.needs.some(
    (need) =>
      need.kind === 'explicit' &&
      need.turn < turnNumber &&
      (answers ? answers.includes(need.turn) : turn.buildsOnBuyer),
  );
}

export const GUARD_NAMES = Object.keys(GUARDS) as GuardName[];

/** Actions a reaction performs, in this order; each returns the context changes. */
export const REACTION_ACTIONS = ['effects', 'reveal', 'need', 'say'] as const;

type ActionImpl<P> = (
  context: MeetingContext,
  params: P,
  runtime: ScenarioRuntime,
  event: MeetingEvent,
) => Partial<MeetingContext>;

function clampMeters(
  meters: Record<string, number>,
  runtime: ScenarioRuntime,
): Record<string, number> {
  for (const [name, bounds] of Object.entries(runtime.meters)) {
    const value = meters[name] ?? 0;
    meters[name] = Math.min(bounds.max, Math.max(bounds.min, Math.round(value * 10) / 10));
  }
  return meters;
}

function isQuestion(behavior: Behavior): boolean {
  return behavior.endsWith('_question');
}

export const ACTIONS: {
  readonly recordTurn: ActionImpl<undefined>;
  readonly beginEvent: ActionImpl<Readonly<Record<string, number>>>;
  readonly effects: ActionImpl<Readonly<Record<string, number>>>;
  readonly reveal: ActionImpl<string | readonly string[]>;
  readonly need: ActionImpl<'implied' | 'explicit'>;
  readonly say: ActionImpl<string>;
} = {
  /** Starts every reaction to a rep turn: remembers the turn and lets per-turn drift act. */
  recordTurn: (context, _params, runtime, event) => {
    if (event.type !== 'rep.turn') return {};
    const { loss } = runtime.difficulty[context.difficulty];
    const meters = { ...context.meters };
    for (const [name, bounds] of Object.entries(runtime.meters)) {
      if (bounds.perTurn !== 0) {
        meters[name] = (meters[name] ?? 0) + bounds.perTurn * (bounds.perTurn < 0 ? loss : 1);
      }
    }
    return {
      turns: [...context.turns, event.turn],
      meters: clampMeters(meters, runtime),
      reply: [],
      answeringSubstantive: context.lastLineSubstantive,
      lastLineSubstantive: false,
    };
  },
  /**
   * Starts a scenario event: the buyer's new line replaces the last one, and
   * its meter changes are scaled by difficulty only (no rep turn earned them).
   */
  beginEvent: (context, deltas, runtime) => {
    const { gain, loss } = runtime.difficulty[context.difficulty];
    const meters = { ...context.meters };
    for (const [name, delta] of Object.entries(deltas)) {
      meters[name] = (meters[name] ?? 0) + delta * (delta > 0 ? gain : loss);
    }
    return { meters: clampMeters(meters, runtime), reply: [], lastLineSubstantive: false };
  },
  effects: (context, deltas, runtime) => {
    const { gain, loss } = runtime.difficulty[context.difficulty];
    const turn = context.turns[context.turns.length - 1];
    // A repeat earns nothing, one the buyer had already answered costs; a
    // question that ignores what the buyer just revealed earns half.
    let relevance = 1;
    if (turn?.repeated)
      relevance = turn.alreadyAnswered ? WEIGHTS.repeatedAfterAnswer : WEIGHTS.repeated;
    else if (
      turn &&
      isQuestion(turn.behavior) &&
      context.answeringSubstantive &&
      !turn.buildsOnBuyer
    )
      relevance = WEIGHTS.ignoresBuyer;
    const meters = { ...context.meters };
    for (const [name, delta] of Object.entries(deltas)) {
      meters[name] = (meters[name] ?? 0) + (delta > 0 ? delta * gain * relevance : delta * loss);
    }
    return { meters: clampMeters(meters, runtime) };
  },
  reveal: (context, facts) => {
    const fresh = list(facts).filter((f) => !context.revealed.includes(f));
    return fresh.length === 0
      ? {}
      : { revealed: [...context.revealed, ...fresh], lastLineSubstantive: true };
  },
  need: (context, kind) => ({
    needs: [...context.needs, { kind, turn: context.turns.length }],
    lastLineSubstantive: true,
  }),
  say: (context, key, runtime) => {
    const wordings = runtime.lines[key] ?? [];
    const random = createRandom(context.rng);
    const last = context.lastWording[key];
    let index = random.int(wordings.length);
    if (wordings.length > 1 && index === last)
      index = (index + 1 + random.int(wordings.length - 1)) % wordings.length;
    const text = fill(wordings[index] ?? '', runtime.placeholders);
    const line: BuyerLine = { key, text };
    return {
      reply: [...context.reply, line],
      rng: random.state(),
      lastWording: { ...context.lastWording, [key]: index },
    };
  },
};

export const PLACEHOLDERS = ['name', 'role', 'company'] as const;

function fill(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
