// Loading a scenario from YAML text: parse, validate the shape against the
// schema, check every name it refers to, and compile. Every problem is reported
// with its file, line and column and, where one helps, a hint, so a manager can
// fix a file in minutes. Scenario files are data: nothing in them is evaluated.
import {
  closest,
  formatProblem,
  readYaml,
  sortProblems,
  type FileProblem,
  type Path,
  type Report,
} from '../yaml/read';
import { compileScenario, type CompiledScenario } from './compile';
import { GUARD_NAMES, PLACEHOLDERS, REACTION_ACTIONS } from './registry';
import {
  DIFFICULTIES,
  scenarioSchema,
  type ReactionSpec,
  type ScenarioFile,
  type SimpleWhenSpec,
  type WhenSpec,
} from './schema';

export { closest, formatProblem };
export type ScenarioProblem = FileProblem;

export interface LoadResult {
  readonly scenario?: CompiledScenario;
  readonly problems: ScenarioProblem[];
  /** The file's data, when it loaded without a single problem (what a cache may keep). */
  readonly cleanData?: unknown;
}

export function loadScenario(text: string, file: string): LoadResult {
  const { data, problems, report, raw } = readYaml(text, file, scenarioSchema, {
    notAMapping:
      'a scenario file is a YAML mapping (id:, title:, persona:, ...); this file is not one',
    knownKeys: KNOWN_KEYS,
    conditionsAt: (path) => {
      const parent = path[path.length - 1];
      return parent === 'when' || parent === 'not' || path[path.length - 2] === 'any'
        ? [...GUARD_NAMES, 'any', 'not']
        : undefined;
    },
  });
  if (!data) return { problems: sortProblems(problems) };
  checkReferences(data, report);
  if (problems.some((p) => p.severity === 'error')) return { problems: sortProblems(problems) };
  return {
    scenario: compileScenario(data),
    problems: sortProblems(problems),
    ...(problems.length === 0 ? { cleanData: raw } : {}),
  };
}

/**
 * Loads data that loaded cleanly before (a cache hit), skipping the YAML
 * parser. Every check still runs; on any problem it returns undefined and the
 * caller reads the file itself, which gives positioned messages.
 */
export function loadCleanData(data: unknown): CompiledScenario | undefined {
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) return undefined;
  let clean = true;
  checkReferences(parsed.data, () => {
    clean = false;
  });
  return clean ? compileScenario(parsed.data) : undefined;
}

const KNOWN_KEYS: readonly string[] = [
  ...Object.keys(scenarioSchema.shape),
  'name',
  'role',
  'company',
  'caresAbout',
  'facts',
  'start',
  'min',
  'max',
  'perTurn',
  'label',
  'gain',
  'loss',
  'vars',
  'note',
  'description',
  'outcome',
  'reactions',
  'otherwise',
  'when',
  ...REACTION_ACTIONS,
  'goto',
  ...GUARD_NAMES,
  'any',
  'not',
  'atLeast',
  'atMost',
];

// ------------------------------------------------------------ references

function checkReferences(s: ScenarioFile, report: Report): void {
  const meters = Object.keys(s.meters);
  const lines = Object.keys(s.lines);
  const facts = Object.keys(s.persona.facts ?? {});
  const states = Object.keys(s.states);
  const usedLines = new Set<string>([s.opening]);

  // Kinds of name that were misspelt somewhere: checks that depend on them
  // (reachability, unused lines) would only repeat the same mistake.
  const misspelt = new Set<string>();
  const expect = (
    kind: string,
    name: string,
    known: readonly string[],
    path: Path,
    where = 'value' as 'key' | 'value',
  ) => {
    if (known.includes(name)) return;
    misspelt.add(kind);
    const suggestion = closest(name, known);
    const hint = suggestion
      ? `; did you mean "${suggestion}"?`
      : known.length > 0
        ? `; defined ${kind}s: ${known.join(', ')}`
        : `; this file defines no ${kind}s`;
    report(path, `unknown ${kind} "${name}"${hint}`, 'error', where);
  };
  const list = (v: string | readonly string[]): readonly string[] =>
    typeof v === 'string' ? [v] : v;

  const checkVar = (value: number | string | undefined, path: Path) => {
    if (typeof value !== 'string') return;
    const name = value.slice(1);
    for (const level of DIFFICULTIES) {
      if (!Object.hasOwn(s.difficulty[level].vars ?? {}, name)) {
        report(
          path,
          `"${value}" is not set for difficulty "${level}"; add it under difficulty.${level}.vars.${name}`,
        );
      }
    }
  };
  const checkRange = (
    range: { atLeast?: number | string; atMost?: number | string },
    path: Path,
  ) => {
    if (range.atLeast === undefined && range.atMost === undefined) {
      report(path, 'a range needs atLeast, atMost or both');
    }
    checkVar(range.atLeast, [...path, 'atLeast']);
    checkVar(range.atMost, [...path, 'atMost']);
  };
  const checkSimpleWhen = (w: SimpleWhenSpec, path: Path) => {
    for (const [meter, range] of Object.entries(w.meter ?? {})) {
      expect('meter', meter, meters, [...path, 'meter', meter], 'key');
      checkRange(range, [...path, 'meter', meter]);
    }
    checkVar(w.pitchStreak, [...path, 'pitchStreak']);
    if (w.turn) checkRange(w.turn, [...path, 'turn']);
    if (w.count) checkRange(w.count, [...path, 'count']);
    for (const key of ['revealed', 'notRevealed'] as const) {
      const v = w[key];
      if (v)
        list(v).forEach((f, i) =>
          expect('fact', f, facts, typeof v === 'string' ? [...path, key] : [...path, key, i]),
        );
    }
  };
  const checkWhen = (w: WhenSpec | undefined, path: Path) => {
    if (!w) return;
    checkSimpleWhen(w, path);
    w.any?.forEach((alt, i) => checkSimpleWhen(alt, [...path, 'any', i]));
    if (w.not) checkSimpleWhen(w.not, [...path, 'not']);
  };
  const checkReaction = (r: Omit<ReactionSpec, 'when'> & { when?: WhenSpec }, path: Path) => {
    checkWhen(r.when, [...path, 'when']);
    for (const meter of Object.keys(r.effects ?? {}))
      expect('meter', meter, meters, [...path, 'effects', meter], 'key');
    if (r.say) {
      usedLines.add(r.say);
      expect('line', r.say, lines, [...path, 'say']);
    }
    if (r.reveal)
      list(r.reveal).forEach((f, i) =>
        expect(
          'fact',
          f,
          facts,
          typeof r.reveal === 'string' ? [...path, 'reveal'] : [...path, 'reveal', i],
        ),
      );
    if (r.goto) expect('state', r.goto, states, [...path, 'goto']);
  };

  expect('line', s.opening, lines, ['opening']);
  expect('state', s.initial, states, ['initial']);
  for (const level of DIFFICULTIES) {
    for (const meter of Object.keys(s.difficulty[level].start ?? {})) {
      expect('meter', meter, meters, ['difficulty', level, 'start', meter], 'key');
    }
  }
  s.rules?.forEach((r, i) => checkReaction(r, ['rules', i]));
  s.endings?.forEach((r, i) => checkReaction(r, ['endings', i]));
  for (const [id, event] of Object.entries(s.events ?? {})) checkReaction(event, ['events', id]);

  for (const [name, state] of Object.entries(s.states)) {
    const path = ['states', name];
    if (state.outcome) {
      if (state.reactions || state.otherwise) {
        report(
          path,
          `state "${name}" is final (outcome: ${state.outcome}); a final state cannot have reactions or otherwise`,
          'error',
          'key',
        );
      }
      continue;
    }
    state.reactions?.forEach((r, i) => checkReaction(r, [...path, 'reactions', i]));
    if (state.otherwise) checkReaction(state.otherwise, [...path, 'otherwise']);
    const saysSomething = [
      ...(state.reactions ?? []),
      ...(state.otherwise ? [state.otherwise] : []),
    ].some((r) => r.say);
    if (!saysSomething) {
      report(
        path,
        `state "${name}" has no lines: none of its reactions says anything; add "say:" to its reactions and to "otherwise"`,
        'error',
        'key',
      );
    } else if (!state.otherwise?.say) {
      report(
        path,
        `state "${name}" has no answer for a turn that matches none of its reactions; add "otherwise: { say: LINE }"`,
        'error',
        'key',
      );
    }
  }

  checkGraph(s, report, misspelt.has('state'));
  checkLines(s, report, misspelt.has('line') ? undefined : usedLines);
}

/** Reachability: from the initial state, through reactions, rules and endings. */
function checkGraph(s: ScenarioFile, report: Report, stateMisspelt: boolean): void {
  const states = Object.keys(s.states);
  const edges = new Map<string, Set<string>>();
  const global = [
    ...(s.rules ?? []),
    ...(s.endings ?? []),
    ...Object.values(s.events ?? {}),
  ].flatMap((r) => (r.goto ? [r.goto] : []));
  for (const [name, state] of Object.entries(s.states)) {
    if (state.outcome) continue;
    const targets = [
      ...(state.reactions ?? []),
      ...(state.otherwise ? [state.otherwise] : []),
    ].flatMap((r) => (r.goto ? [r.goto] : []));
    edges.set(name, new Set([...targets, ...global]));
  }
  const reachable = closure([s.initial], edges);
  const finals = states.filter((n) => s.states[n]?.outcome);
  if (finals.length === 0) {
    report(
      ['states'],
      'no state has an outcome, so the meeting can never end; add a final state such as "walked_out: { outcome: ended_by_buyer }"',
      'error',
      'key',
    );
  }
  if (stateMisspelt) return;
  for (const name of states) {
    if (!reachable.has(name)) {
      report(
        ['states', name],
        `state "${name}" is unreachable: no reaction, rule or ending goes to it from "${s.initial}"`,
        'error',
        'key',
      );
    } else if (!s.states[name]?.outcome && finals.length > 0) {
      const onward = closure([name], edges);
      if (!finals.some((f) => onward.has(f))) {
        report(
          ['states', name],
          `state "${name}" has no way out: nothing leads from it to a final state`,
          'error',
          'key',
        );
      }
    }
  }
}

/** Placeholders, and lines never said or with one wording (warnings). */
function checkLines(
  s: ScenarioFile,
  report: Report,
  usedLines: ReadonlySet<string> | undefined,
): void {
  for (const [key, wordings] of Object.entries(s.lines)) {
    wordings.forEach((text, i) => {
      for (const match of text.matchAll(/\{(\w+)\}/g)) {
        if (!(PLACEHOLDERS as readonly string[]).includes(match[1] ?? '')) {
          report(
            ['lines', key, i],
            `unknown placeholder "{${match[1]}}" in line "${key}"; use ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
          );
        }
      }
    });
    if (usedLines && !usedLines.has(key))
      report(['lines', key], `line "${key}" is never said`, 'warning', 'key');
    else if (wordings.length < 2) {
      report(
        ['lines', key],
        `line "${key}" has one wording; give two or more so a second session does not sound like a recording`,
        'warning',
        'key',
      );
    }
  }
}

function closure(
  start: readonly string[],
  edges: ReadonlyMap<string, ReadonlySet<string>>,
): Set<string> {
  const seen = new Set<string>(start);
  const queue = [...start];
  while (queue.length > 0) {
    const next = queue.shift() as string;
    for (const target of edges.get(next) ?? []) {
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return seen;
}
