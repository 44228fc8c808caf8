// Who takes part: two to twelve reps, each name trimmed, 1-40 characters of
// text, unique (ignoring case). Problems name the rep they are about.
export const MIN_REPS = 2;
export const MAX_REPS = 12;
export const MAX_REP_NAME = 40;

export interface RosterProblem {
  readonly message: string;
  /** The position in the roster the problem is about, when it is about one name. */
  readonly index?: number;
}

/** The problem with adding `raw` to `roster`, or undefined when it can be added. */
export function repNameProblem(raw: string, roster: readonly string[]): string | undefined {
  const name = cleanName(raw);
  if (name.length === 0) return 'Type a name first.';
  if (name.length > MAX_REP_NAME)
    return `A name can be at most ${MAX_REP_NAME} characters; this one has ${name.length}.`;
  if (roster.some((r) => r.toLocaleLowerCase() === name.toLocaleLowerCase()))
    return `${name} is on the roster already; give each rep a different name.`;
  if (roster.length >= MAX_REPS) return `A team roleplay takes at most ${MAX_REPS} reps.`;
  return undefined;
}

/** A name as it is kept: control characters gone, spaces collapsed, trimmed. */
export function cleanName(raw: string): string {
  return raw
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The roster as kept, or the first problem with it. */
export function checkRoster(
  names: readonly string[],
): { readonly reps: readonly string[] } | { readonly problem: RosterProblem } {
  const reps: string[] = [];
  for (const [index, raw] of names.entries()) {
    const problem = repNameProblem(raw, reps);
    if (problem) return { problem: { message: `Rep ${index + 1}: ${problem}`, index } };
    reps.push(cleanName(raw));
  }
  if (reps.length < MIN_REPS)
    return {
      problem: {
        message: `A team roleplay needs at least ${MIN_REPS} reps; add ${MIN_REPS - reps.length} more.`,
      },
    };
  return { reps };
}
