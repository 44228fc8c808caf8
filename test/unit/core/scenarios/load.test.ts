// Loading a scenario file: a manager writes YAML, and every mistake comes back
// as `file:line:column: message` pointing at the exact spot, with a hint where
// one helps. Scenario files are data: nothing in them is ever run.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Meeting } from '../../../../src-main/core/meeting/meeting';
import {
  formatProblem,
  loadScenario,
  type ScenarioProblem,
} from '../../../../src-main/core/scenarios/load';
import { defaultClassifier } from '../../../../src-main/core/understanding/default';

const FILE = 'tiny.yaml';

/** The smallest useful scenario; every broken variant below is one edit away from it. */
const MINIMAL = `id: tiny-buyer
title: A tiny buyer
brief: A buyer who answers one kind of question.
persona:
  name: Ada Byrne
  role: CTO
  company: Acme Rail
  caresAbout:
    - Uptime
  facts:
    budget: The budget is set in March.
meters:
  trust: { start: 50 }
difficulty:
  easy:
    vars: { strikes: 3 }
  normal:
    vars: { strikes: 2 }
  hard:
    vars: { strikes: 1 }
opening: hello
initial: talking
endings:
  - when: { pitchStreak: $strikes }
    say: bye
    goto: gone
states:
  talking:
    reactions:
      - when: { behavior: goal_question }
        effects: { trust: 10 }
        reveal: budget
        say: answer
      - when: { behavior: commitment_ask }
        say: agree
        goto: done
    otherwise:
      say: hmm
  done:
    outcome: advanced
  gone:
    outcome: ended_by_buyer
lines:
  hello:
    - Hello, {name} here.
    - Hi, I run tech at {company}.
  answer:
    - We set the budget in March.
    - Budgets get set in March.
  agree:
    - Sure, let us meet again.
    - Fine, book a slot.
  bye:
    - I have heard enough.
    - We are done here.
  hmm:
    - Go on.
    - And?
`;

/** MINIMAL with one exact piece replaced; fails loudly if the piece is not there exactly once. */
function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) {
    throw new Error(`test setup: "${from}" must occur exactly once`);
  }
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** 1-based line and column of the `nth` occurrence of `needle` in `text`. */
function locate(text: string, needle: string, nth = 1): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`test setup: "${needle}" occurs fewer than ${nth} times`);
  }
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: (before[before.length - 1] ?? '').length + 1 };
}

function errorsOf(text: string): ScenarioProblem[] {
  return loadScenario(text, FILE).problems.filter((p) => p.severity === 'error');
}

/** Asserts the file does not load and has an error at `where` whose message matches every pattern. */
function expectError(
  text: string,
  where: { line: number; column: number },
  ...patterns: RegExp[]
): ScenarioProblem {
  const result = loadScenario(text, FILE);
  expect(result.scenario, 'a file with errors must not load').toBeUndefined();
  const matching = result.problems.filter(
    (p) => p.severity === 'error' && patterns.every((re) => re.test(p.message)),
  );
  expect(
    matching.length,
    `an error matching ${patterns.join(' and ')}; got:\n${result.problems.map(formatProblem).join('\n')}`,
  ).toBeGreaterThan(0);
  const problem = matching[0] as ScenarioProblem;
  expect({ line: problem.line, column: problem.column }).toEqual(where);
  expect(formatProblem(problem)).toBe(`${FILE}:${where.line}:${where.column}: ${problem.message}`);
  return problem;
}

describe('a valid scenario', () => {
  it('compiles with no problems', () => {
    const result = loadScenario(MINIMAL, FILE);
    expect(result.problems).toEqual([]);
    expect(result.scenario?.file.id).toBe('tiny-buyer');
    expect(Object.keys(result.scenario?.file.states ?? {})).toEqual(['talking', 'done', 'gone']);
  });

  it('plays as written: the opening fills placeholders, reactions reveal and move states', () => {
    const scenario = loadScenario(MINIMAL, FILE).scenario;
    expect(scenario).toBeDefined();
    if (!scenario) return;
    const meeting = Meeting.start({ scenario, classifier: defaultClassifier(), seed: 7 });
    expect(['Hello, Ada Byrne here.', 'Hi, I run tech at Acme Rail.']).toContain(meeting.opening);
    const goal = meeting.reply('What has to be true by the end of the year for a great year?');
    expect(goal.facts.behavior).toBe('goal_question');
    expect(meeting.revealed).toEqual(['budget']);
    expect(meeting.meters.trust).toBe(60);
    expect(['We set the budget in March.', 'Budgets get set in March.']).toContain(goal.buyer);
    meeting.reply('Would it make sense to put thirty minutes on the calendar next week?');
    expect(meeting.outcome).toBe('advanced');
  });
});

describe('problems, each at its exact line and column', () => {
  it('a YAML syntax error points at the broken spot', () => {
    const text = edit(MINIMAL, 'title: A tiny buyer', 'title: "A tiny" buyer');
    const problem = expectError(text, { line: 2, column: 17 }, /^YAML: /);
    expect(problem.message).not.toMatch(/\n/);
  });

  it('a duplicate key points at the second one', () => {
    const text = edit(MINIMAL, 'title: A tiny buyer\n', 'title: A tiny buyer\ntitle: Again\n');
    expectError(text, { line: 3, column: 1 }, /unique|duplicate/i);
  });

  it('an unknown top-level key suggests the key meant', () => {
    const text = edit(MINIMAL, 'initial: talking\n', 'initial: talking\ninitail: talking\n');
    expectError(text, locate(text, 'initail'), /unknown key "initail"/, /did you mean "initial"\?/);
  });

  it('an unknown condition suggests the condition meant: behaviour -> behavior', () => {
    const text = edit(MINIMAL, '{ behavior: goal_question }', '{ behaviour: goal_question }');
    expectError(
      text,
      locate(text, 'behaviour'),
      /unknown condition "behaviour"/,
      /did you mean "behavior"\?/,
    );
  });

  it('an unknown behaviour name suggests the behaviour meant: pitching -> pitch', () => {
    const text = edit(MINIMAL, '{ behavior: commitment_ask }', '{ behavior: pitching }');
    expectError(
      text,
      locate(text, 'pitching'),
      /unknown behaviour "pitching"/,
      /did you mean "pitch"\?/,
    );
  });

  it('a misspelt behaviour one letter off suggests the behaviour meant', () => {
    const text = edit(MINIMAL, '{ behavior: commitment_ask }', '{ behavior: comitment_ask }');
    expectError(
      text,
      locate(text, 'comitment_ask'),
      /unknown behaviour "comitment_ask"/,
      /did you mean "commitment_ask"\?/,
    );
  });

  it('an unknown meter in effects suggests the meter meant', () => {
    const text = edit(MINIMAL, 'effects: { trust: 10 }', 'effects: { trsut: 10 }');
    expectError(text, locate(text, 'trsut'), /unknown meter "trsut"/, /did you mean "trust"\?/);
  });

  it('an unknown line key in say suggests the line meant', () => {
    const text = edit(MINIMAL, 'say: answer', 'say: answr');
    expectError(text, locate(text, 'answr'), /unknown line "answr"/, /did you mean "answer"\?/);
  });

  it('an unknown state in goto suggests the state meant', () => {
    const text = edit(MINIMAL, 'goto: done', 'goto: dnoe');
    expectError(text, locate(text, 'dnoe'), /unknown state "dnoe"/, /did you mean "done"\?/);
  });

  it('a misspelt state is reported once, not again as every state it leaves unreachable', () => {
    const text = edit(MINIMAL, 'goto: done', 'goto: dnoe');
    const errors = errorsOf(text);
    expect(errors.map((p) => p.message)).toEqual([expect.stringMatching(/unknown state "dnoe"/)]);
  });

  it('an unknown fact suggests the fact meant', () => {
    const text = edit(MINIMAL, 'reveal: budget', 'reveal: budgte');
    expectError(text, locate(text, 'budgte'), /unknown fact "budgte"/, /did you mean "budget"\?/);
  });

  it('a $variable missing at one difficulty names the difficulty and where to add it', () => {
    const text = edit(MINIMAL, '    vars: { strikes: 1 }\n', '    vars: { other: 1 }\n');
    expectError(
      text,
      locate(text, '$strikes'),
      /"\$strikes"/,
      /"hard"/,
      /difficulty\.hard\.vars\.strikes/,
    );
    expect(errorsOf(text)).toHaveLength(1);
  });

  it('an unreachable state is named at its key', () => {
    const text = edit(
      MINIMAL,
      '  gone:\n    outcome: ended_by_buyer\n',
      '  gone:\n    outcome: ended_by_buyer\n  lost:\n    outcome: declined\n',
    );
    expectError(text, locate(text, 'lost:'), /state "lost" is unreachable/);
  });

  it('a state with no way out to a final state is named at its key', () => {
    let text = edit(
      MINIMAL,
      'endings:\n  - when: { pitchStreak: $strikes }\n    say: bye\n    goto: gone\n',
      '',
    );
    text = edit(
      text,
      '    otherwise:\n      say: hmm\n  done:\n',
      [
        '      - when: { behavior: pushback }',
        '        say: bye',
        '        goto: gone',
        '      - when: { behavior: rapport }',
        '        say: hmm',
        '        goto: stuck',
        '    otherwise:',
        '      say: hmm',
        '  stuck:',
        '    reactions:',
        '      - when: { behavior: rapport }',
        '        say: hmm',
        '    otherwise:',
        '      say: hmm',
        '  done:',
        '',
      ].join('\n'),
    );
    expectError(text, locate(text, 'stuck:'), /state "stuck" has no way out/);
    expect(errorsOf(text)).toHaveLength(1);
  });

  it('a state where nothing is ever said is named at its key', () => {
    let text = edit(
      MINIMAL,
      '    otherwise:\n      say: hmm\n',
      '    otherwise:\n      effects: { trust: 1 }\n',
    );
    text = edit(text, '        reveal: budget\n        say: answer\n', '        reveal: budget\n');
    text = edit(text, '        say: agree\n', '');
    expectError(text, locate(text, 'talking:'), /state "talking" has no lines/);
  });

  it('a state with no otherwise is named at its key', () => {
    const text = edit(MINIMAL, '    otherwise:\n      say: hmm\n', '');
    expectError(text, locate(text, 'talking:'), /state "talking"/, /otherwise/);
  });

  it('a final state with reactions is named at its key', () => {
    const text = edit(
      MINIMAL,
      '  done:\n    outcome: advanced\n',
      '  done:\n    outcome: advanced\n    otherwise:\n      say: hmm\n',
    );
    expectError(text, locate(text, 'done:'), /state "done" is final/, /cannot have reactions/);
  });

  it('a scenario with no final state says the meeting could never end', () => {
    let text = edit(
      MINIMAL,
      '  done:\n    outcome: advanced\n',
      '  done:\n    otherwise:\n      say: hmm\n',
    );
    text = edit(
      text,
      '  gone:\n    outcome: ended_by_buyer\n',
      '  gone:\n    otherwise:\n      say: hmm\n',
    );
    expectError(text, locate(text, 'states:'), /no state has an outcome/, /never end/);
  });

  it('an unknown placeholder in a line lists the placeholders there are', () => {
    const text = edit(MINIMAL, 'Hello, {name} here.', 'Hello, {nmae} here.');
    expectError(
      text,
      locate(text, 'Hello, {nmae}'),
      /unknown placeholder "\{nmae\}"/,
      /\{name\}, \{role\}, \{company\}/,
    );
  });

  it('a string where a number is expected says what was expected and what was found', () => {
    const text = edit(MINIMAL, 'trust: { start: 50 }', 'trust: { start: fifty }');
    expectError(text, locate(text, 'fifty'), /expected number/, /meters\.trust\.start/, /"fifty"/);
  });

  it('a list where text is expected is called a list', () => {
    const text = edit(MINIMAL, 'title: A tiny buyer', 'title: [A, tiny, buyer]');
    expectError(text, locate(text, '[A, tiny'), /expected string at title, found a list/);
  });

  it('a string where a number is expected in effects is caught too', () => {
    const text = edit(MINIMAL, 'effects: { trust: 10 }', "effects: { trust: 'ten' }");
    expectError(text, locate(text, "'ten'"), /expected number/, /"ten"/);
  });
});

describe('warnings do not stop a scenario from loading', () => {
  it('a line with a single wording is a warning at its key', () => {
    const text = edit(MINIMAL, '  hmm:\n    - Go on.\n    - And?\n', '  hmm:\n    - Go on.\n');
    const result = loadScenario(text, FILE);
    expect(result.scenario).toBeDefined();
    expect(result.problems).toHaveLength(1);
    const warning = result.problems[0] as ScenarioProblem;
    expect(warning).toMatchObject({ severity: 'warning', ...locate(text, 'hmm:') });
    expect(warning.message).toMatch(/line "hmm" has one wording/);
    expect(formatProblem(warning)).toMatch(/^tiny\.yaml:\d+:3: warning: line "hmm"/);
  });

  it('a line that is never said is a warning at its key', () => {
    const text = `${MINIMAL}  spare:\n    - Never said.\n    - Also never.\n`;
    const result = loadScenario(text, FILE);
    expect(result.scenario).toBeDefined();
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        ...locate(text, 'spare:'),
        message: expect.stringMatching(/line "spare" is never said/),
      }),
    ]);
  });
});

describe('files that are not scenarios', () => {
  it.each([
    ['a list', '- just\n- a list\n'],
    ['a plain string', 'hello\n'],
    ['an empty file', ''],
    ['only a comment', '# nothing here\n'],
  ])('%s is not a mapping, said at 1:1', (_name, text) => {
    const result = loadScenario(text, FILE);
    expect(result.scenario).toBeUndefined();
    expect(result.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^tiny\.yaml:1:1: a scenario file is a YAML mapping/),
    ]);
  });
});

describe('scenario files are data, never code', () => {
  it('a !!js/function tag is read as plain text or rejected, never run', () => {
    const g = globalThis as { __firstMeetingRan?: boolean };
    delete g.__firstMeetingRan;
    const text = edit(
      MINIMAL,
      'title: A tiny buyer',
      'title: !!js/function "function () { globalThis.__firstMeetingRan = true; return 1; }"',
    );
    const result = loadScenario(text, FILE);
    if (result.scenario) {
      expect(typeof result.scenario.file.title).toBe('string');
      const meeting = Meeting.start({ scenario: result.scenario, classifier: defaultClassifier() });
      meeting.reply('What are your goals this year?');
    } else {
      expect(result.problems.length).toBeGreaterThan(0);
    }
    expect(g.__firstMeetingRan).toBeUndefined();
  });

  it('a {{constructor}} placeholder is rejected, not looked up', () => {
    const text = edit(MINIMAL, 'Hello, {name} here.', 'Hello, {{constructor}} here.');
    expectError(
      text,
      locate(text, 'Hello, {{constructor}}'),
      /unknown placeholder "\{constructor\}"/,
    );
  });

  it('a __proto__ key is rejected and pollutes nothing', () => {
    const text = edit(MINIMAL, 'persona:\n', 'persona:\n  __proto__: { polluted: true }\n');
    expectError(text, locate(text, '__proto__'), /unknown key "__proto__"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a YAML alias bomb is reported as a problem, not thrown', () => {
    const levels = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
    const bomb = levels
      .map((name, i) => {
        const item = i === 0 ? '"lol"' : `*${levels[i - 1]}`;
        return `${name}: &${name} [${Array.from({ length: 9 }, () => item).join(', ')}]`;
      })
      .join('\n');
    let result: ReturnType<typeof loadScenario> | undefined;
    expect(() => {
      result = loadScenario(`${bomb}\n`, FILE);
    }).not.toThrow();
    expect(result?.scenario).toBeUndefined();
    expect(result?.problems.length).toBeGreaterThan(0);
  });
});

describe('the built-in scenarios', () => {
  const dir = resolve(import.meta.dirname, '../../../../scenarios');
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();

  it('there is at least one, including light-stack-leader', () => {
    expect(files).toContain('light-stack-leader.yaml');
  });

  it.each(files)('%s loads with no errors and no warnings', (file) => {
    const result = loadScenario(readFileSync(join(dir, file), 'utf8'), file);
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.scenario).toBeDefined();
  });
});
