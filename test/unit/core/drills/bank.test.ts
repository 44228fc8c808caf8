// The built-in drill bank: every file loads, ids are unique, every drill's two
// model answers pass their own drill, and a plain pitch fails every drill.
// Drills are written for people, not for the judge: where a natural model
// answer was misread, the target was widened if a good rep's answer really is
// of another kind, else reworded as naturally; the misreadings are listed for
// the judge's maintainers in docs/enablement.md.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DrillBank, loadDrillBankFile } from '../../../../src-main/core/drills/bank';
import { judgeQuickDrill } from '../../../../src-main/core/drills/judge';
import { formatProblem } from '../../../../src-main/core/yaml/read';
import { defaultClassifier } from '../../../../src-main/core/understanding/default';

const DIR = resolve(import.meta.dirname, '../../../../scenarios/drills');
const SCENARIOS = ['average-cro', 'light-stack-leader', 'locked-in-buyer'];
const classifier = defaultClassifier();
const PITCH = 'Our platform is the leading solution, let me show you our features.';

function builtInBank(): DrillBank {
  const bank = new DrillBank();
  for (const name of readdirSync(DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const file = join(DIR, name);
    bank.add(file, loadDrillBankFile(readFileSync(file, 'utf8'), file, SCENARIOS));
  }
  return bank;
}

const bank = builtInBank();

describe('the built-in drill bank', () => {
  it('loads without a problem', () => {
    expect(bank.problems).toEqual([]);
    expect(bank.quickDrills.length).toBeGreaterThan(0);
  });

  it.each(bank.quickDrills.map((d) => [d.id, d] as const))(
    '%s: both model answers pass, a plain pitch fails',
    (_id, drill) => {
      for (const model of drill.models) {
        const result = judgeQuickDrill(drill, model, classifier);
        expect(result.passed, `${model}\n${JSON.stringify(result.objectives)}`).toBe(true);
      }
      expect(judgeQuickDrill(drill, PITCH, classifier).passed).toBe(false);
    },
  );
});

describe("a failed drill's objectives", () => {
  it('list the kinds the drill accepts as a reader would, with commas and one "or"', () => {
    const drill = bank.quickDrills.find((d) => list(d.target.behavior).length >= 3);
    expect(drill, 'a built-in drill that accepts three kinds or more').toBeDefined();
    const result = judgeQuickDrill(drill as (typeof bank.quickDrills)[number], PITCH, classifier);
    const kinds = result.objectives.find((o) => /^Reads as/.test(o.name));
    expect(kinds?.met).toBe(false);
    expect(kinds?.why).toMatch(/, not [a-z ]+(, [a-z ]+)+ or [a-z ]+\.$/);
    expect(kinds?.why.match(/ or /g)).toHaveLength(1);
  });
});

function list<T>(value: T | readonly T[] | undefined): readonly T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value as T];
}

describe('a bank file with problems', () => {
  it('names the file, line and column of each', () => {
    const text = `quick:\n  - id: qd-a\n    title: A\n    skill: brush-of\n    buyer: Hi.\n    target: { say: x }\n    models: [a, b]\n`;
    const result = loadDrillBankFile(text, 'bank.yaml', SCENARIOS);
    expect(result.quick).toEqual([]);
    expect(result.problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^bank\.yaml:4:12: unknown value "brush-of" at quick\[0\]\.skill; did you mean "brush-off"\?$/,
      ),
    ]);
  });

  it('refuses a meeting drill on an unknown scenario and an objective with two keys', () => {
    const text = [
      'meeting:',
      '  - id: md-a',
      '    title: A',
      '    scenario: average-ceo',
      '    difficulty: normal',
      '    objectives:',
      '      - { noPitchBeforeNeed: true, talkShareAtMost: 0.5 }',
      '    passMark: 60',
      '    maxAttempts: 3',
      '',
    ].join('\n');
    const messages = loadDrillBankFile(text, 'm.yaml', SCENARIOS).problems.map(formatProblem);
    expect(messages).toContain(
      'm.yaml:4:15: unknown scenario "average-ceo"; the scenarios are average-cro, light-stack-leader, locked-in-buyer',
    );
    expect(messages.some((m) => /^m\.yaml:7:9: an objective has one key/.test(m))).toBe(true);
  });
});
