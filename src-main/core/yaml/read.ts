// Reading a YAML data file a person wrote (a scenario, a drill bank, a track):
// parse it, check its shape against a zod schema, and report every problem
// with its file, line and column and, where one helps, a "did you mean" hint.
// Files are data: nothing in them is evaluated. Each kind of file adds its own
// checks of the names it refers to through `report`.
import {
  LineCounter,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node,
} from 'yaml';
import type { z } from 'zod';
import { BEHAVIORS } from '../behaviors/taxonomy';

export interface FileProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export type Path = readonly (string | number)[];

/** Adds a problem at `path` (its key or its value). */
export type Report = (
  path: Path,
  message: string,
  severity?: 'error' | 'warning',
  which?: 'key' | 'value',
) => void;

export function formatProblem(p: FileProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

export interface ReadOptions {
  /** What the file is, for the message when it is not a mapping ("a scenario file is a YAML mapping (id:, ...)"). */
  readonly notAMapping: string;
  /** Every key the format knows, for "did you mean" on an unknown one. */
  readonly knownKeys: readonly string[];
  /** Keys that are conditions rather than plain keys at this path, with the list to suggest from. */
  readonly conditionsAt?: (path: Path) => readonly string[] | undefined;
}

export interface ReadResult<T> {
  /** The data, when its shape is right (its references are still to be checked). */
  readonly data?: T;
  /** The data as parsed, before the schema (what a cache may keep). */
  readonly raw?: unknown;
  readonly problems: FileProblem[];
  readonly report: Report;
}

export function readYaml<T>(
  text: string,
  file: string,
  schema: z.ZodType<T>,
  options: ReadOptions,
): ReadResult<T> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: FileProblem[] = [];
  const at = (offset: number): { line: number; column: number } => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const report: Report = (path, message, severity = 'error', which = 'value') =>
    problems.push({ file, ...at(offsetOf(doc, path, which)), severity, message });

  for (const error of doc.errors) {
    problems.push({
      file,
      ...at(error.pos[0]),
      severity: 'error',
      message: yamlMessage(error.message),
    });
  }
  if (problems.length > 0) return { problems, report };
  if (!isMap(doc.contents)) {
    report([], options.notAMapping);
    return { problems, report };
  }
  let raw: unknown;
  try {
    // A small alias limit: a data file has no reason for many, and an alias
    // bomb must not hang the loader.
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    report([], `YAML: ${error instanceof Error ? error.message : String(error)}`);
    return { problems, report };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of flattenIssues(parsed.error.issues)) {
      describeIssue(issue, raw, report, options);
    }
    return { problems, report, raw };
  }
  return { data: parsed.data, raw, problems, report };
}

export function sortProblems<P extends FileProblem>(problems: P[]): P[] {
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

function yamlMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return `YAML: ${first.replace(/ at line \d+, column \d+:?$/, '')}`;
}

// ---------------------------------------------------------------- positions

function offsetOf(doc: Document, path: Path, which: 'key' | 'value'): number {
  let node: unknown = doc.contents;
  let keyOffset: number | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === segment);
      if (!pair) break;
      keyOffset = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (!item) break;
      keyOffset = undefined;
      node = item;
    } else break;
  }
  if (which === 'key' && keyOffset !== undefined) return keyOffset;
  return (node as Node | undefined)?.range?.[0] ?? keyOffset ?? 0;
}

// ------------------------------------------------------------- shape issues

type Issue = z.core.$ZodIssue;

/** Unions report every branch; keep the branch that says something specific. */
function flattenIssues(issues: readonly Issue[]): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const branches = issue.errors.map((branch) =>
        flattenIssues(branch.map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as Issue)),
      );
      const specific = branches.find((b) =>
        b.every((i) => !(i.code === 'invalid_type' && i.path.length === issue.path.length)),
      );
      out.push(...(specific ?? branches[branches.length - 1] ?? [issue]));
    } else out.push(issue);
  }
  return out;
}

function describeIssue(issue: Issue, data: unknown, report: Report, options: ReadOptions): void {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const where = describePath(path);
  switch (issue.code) {
    case 'unrecognized_keys':
      for (const key of issue.keys) {
        const conditions = options.conditionsAt?.(path);
        const kind = conditions ? 'condition' : 'key';
        const suggestion = closest(key, conditions ?? options.knownKeys);
        const allowed = conditions ? `; conditions are: ${conditions.join(', ')}` : '';
        report(
          [...path, key],
          `unknown ${kind} "${key}"${where}${suggestion ? `; did you mean "${suggestion}"?` : allowed}`,
          'error',
          'key',
        );
      }
      return;
    case 'invalid_value': {
      const value = valueAt(data, path);
      const values = issue.values.map(String);
      const isBehavior =
        values.length === BEHAVIORS.length &&
        values.every((o) => (BEHAVIORS as readonly string[]).includes(o));
      const noun = isBehavior ? 'behaviour' : 'value';
      const suggestion = typeof value === 'string' ? closest(value, values) : undefined;
      report(
        path,
        `unknown ${noun} ${JSON.stringify(value)}${where}; ${suggestion ? `did you mean "${suggestion}"?` : `use one of: ${values.join(', ')}`}`,
      );
      return;
    }
    case 'invalid_type': {
      const value = valueAt(data, path);
      if (value === undefined) {
        report(
          path.slice(0, -1),
          `missing "${String(path[path.length - 1])}"${describePath(path.slice(0, -1))}: expected ${issue.expected}`,
        );
      } else {
        report(path, `expected ${issue.expected}${where}, found ${typeName(value)}`);
      }
      return;
    }
    case 'invalid_key':
      report(
        path,
        `bad name "${String(path[path.length - 1])}"${describePath(path.slice(0, -1))}: ${issue.issues[0]?.message ?? issue.message}`,
        'error',
        'key',
      );
      return;
    default:
      report(path, `${issue.message}${where}`);
  }
}

/** The plain value at `path` in the parsed file, or undefined where nothing is. */
function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment))
      return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function typeName(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function describePath(path: Path): string {
  if (path.length === 0) return '';
  return ` at ${path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
    .join('')
    .slice(1)}`;
}

/** The candidate within two edits of `word` (or one it starts with, as "pitching" does "pitch"). */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const prefix = candidates.find((c) => c.length >= 4 && lower.startsWith(c.toLowerCase()));
  if (prefix) return prefix;
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const d = editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min(
        (row[j] as number) + 1,
        (row[j - 1] as number) + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = current;
    }
  }
  return row[b.length] as number;
}
