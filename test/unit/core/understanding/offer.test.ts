// What the rep sells: a scenario's `sells` part, checked by the loader like the
// rest of the file, handed to the classifier so it knows which nouns are ours.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../../src-main/core/scenarios/load';
import { briefOf, offerOf } from '../../../../src-main/core/scenarios/compile';
import { compileOffer } from '../../../../src-main/core/understanding/offer';

const root = resolve(import.meta.dirname, '../../../..');
const FILE = 'scenarios/average-cro.yaml';
const builtIn = readFileSync(resolve(root, FILE), 'utf8');

describe('the sells part of a scenario', () => {
  it.each(['average-cro', 'light-stack-leader', 'locked-in-buyer'])(
    'the built-in %s scenario says what the rep sells, and the brief shows it',
    (id) => {
      const text = readFileSync(resolve(root, `scenarios/${id}.yaml`), 'utf8');
      const scenario = loadScenario(text, `${id}.yaml`).scenario;
      expect(scenario).toBeDefined();
      const offer = scenario && offerOf(scenario);
      expect(offer?.name).toBe('Signalwise');
      expect(offer?.words?.length).toBeGreaterThan(2);
      expect(scenario && briefOf(scenario)).toContain('You sell Signalwise:');
    },
  );

  it('reports a sells part without a name at its file:line:column', () => {
    const broken = builtIn.replace('  name: Signalwise\n', '');
    const problems = loadScenario(broken, FILE).problems.filter((p) => p.severity === 'error');
    expect(problems.length).toBeGreaterThan(0);
    const problem = problems[0];
    expect(problem?.message).toMatch(/name/);
    const sellsLine = broken.split('\n').findIndex((l) => l.startsWith('sells:')) + 1;
    expect(problem?.line).toBeGreaterThanOrEqual(sellsLine);
    expect(problem?.line).toBeLessThanOrEqual(sellsLine + 2);
  });

  it('reports an unknown key inside sells', () => {
    const broken = builtIn.replace('  name: Signalwise\n', '  name: Signalwise\n  price: 10\n');
    const problems = loadScenario(broken, FILE).problems.filter((p) => p.severity === 'error');
    expect(problems.map((p) => p.message).join(' ')).toMatch(/price/);
  });
});

describe('compiling an offer for the classifier', () => {
  it('keeps the full name and its distinctive words, not generic ones', () => {
    const matcher = compileOffer({
      name: 'Forecast Coach Pro',
      what: 'x',
      words: ['Deal scoring'],
    });
    expect(matcher?.names.has('forecast coach pro')).toBe(true);
    expect(matcher?.names.has('forecast')).toBe(true);
    expect(matcher?.names.has('pro')).toBe(false);
    expect(matcher?.names.has('coach')).toBe(false);
    expect(matcher?.phrases).toEqual(['deal scoring']);
  });

  it('has nothing to match without an offer', () => {
    expect(compileOffer(undefined)).toBeUndefined();
    expect(compileOffer({ name: '  ', what: 'x' })).toBeUndefined();
  });
});
