// Value words wrapped around a line inside the same sentence, for two uses that
// never share a wrapper: training (teaching the model that wrapping changes
// nothing) and the metamorphic check (measuring that it learnt it, with
// wrappers it never saw).

/** A wrapper takes the line's body (no end mark, first letter lowered) and returns the new line. */
export type Wrapper = (body: string, question: boolean) => string;

function body(line: string): { body: string; question: boolean } {
  const trimmed = line.trim();
  const question = /\?\s*$/.test(trimmed);
  let text = trimmed.replace(/[.?!\s]+$/, '');
  // Lower the first letter unless it starts a name or "I".
  const first = /^[A-Za-z']+/.exec(text)?.[0] ?? '';
  if (COMMON_OPENERS.has(first)) text = text[0]?.toLowerCase() + text.slice(1);
  return { body: text, question };
}

/** Capitalised only because they open a sentence; other capitals (names, "I") stay. */
const COMMON_OPENERS = new Set(
  (
    'The Our We What How Where When Why Who Which Is Are Do Does Did Can Could Would Will Should Have ' +
    'Has So And But That This It If Most A An Customers Clients Teams Yes No Okay Sure Look Well ' +
    'Honestly Respectfully With In On For At Every Not Just Imagine You Your Let Any Some Many Maybe ' +
    'Actually Right Fair Quick One Two Three Four Five Last Since Once Because Ah Oh Hey Hi Thanks ' +
    'Great Totally Absolutely Really Then There They Their My Me To From Over After Before Funny ' +
    "Everyone Everybody Nobody Isn't Don't Wouldn't Aren't Doesn't Didn't Can't That's It's " +
    "What's Here Here's Trust Trusting Public People Sounds Makes Whatever Whichever Agencies Hospitals " +
    'Companies Plants Firms Retailers Brands Users Basically Plus Also Even Only'
  ).split(' '),
);

export function wrapLine(line: string, wrapper: Wrapper): string {
  const b = body(line);
  return wrapper(b.body, b.question);
}

const end = (q: boolean) => (q ? '?' : '.');

/** Wrappers the model trains on. */
export const TRAINING_WRAPPERS: readonly Wrapper[] = [
  (b, q) => `Just being straight with you, ${b}${end(q)}`,
  (b, q) => `Not trying to sell you anything, but ${b}${end(q)}`,
  (b, q) => `If it makes sense for you, ${b}${end(q)}`,
  (b) => `You'd be amazed how often ${b}.`,
  (b) => `I wonder how you'd see it if ${b}?`,
  (b, q) => `Picture this: ${b}${end(q)}`,
  (b, q) => `Out of curiosity, ${b}${end(q)}`,
  (b, q) => `Frankly, and no hard sell here, ${b}${end(q)}`,
  (b, q) => `Candidly, ${b}${end(q)}`,
  (b) => `Most people don't realise that ${b}.`,
  (b) => `How would it land with your team if ${b}?`,
  (b, q) => `In all honesty, ${b}${end(q)}`,
];

/** Wrappers for the metamorphic check: never trained on. */
export const CHECK_WRAPPERS: readonly Wrapper[] = [
  (b, q) => `To be honest, ${b}${end(q)}`,
  (b, q) => `No pressure, but ${b}${end(q)}`,
  (b, q) => `If it's a fit, ${b}${end(q)}`,
  (b) => `A lot of teams are surprised how much ${b}.`,
  (b) => `I'm curious how you'd feel about this: ${b}?`,
  (b) => `Imagine if ${b}.`,
  (b) => `What would change if ${b}?`,
  (b, q) => `Honestly, ${b}${end(q)}`,
  (b, q) => `I'm curious, ${b}${end(q)}`,
  (b) => `Wouldn't it be worth knowing that ${b}?`,
];

/** The converse: "we" and "but" added to a value line, which must stay value. */
export const CONVERSE_WRAPPERS: readonly Wrapper[] = [
  (b, q) => `We ask everyone this, but ${b}${end(q)}`,
  (b, q) => `But ${b}${end(q)}`,
  (b, q) => `Honestly, ${b}${end(q)}`,
];
