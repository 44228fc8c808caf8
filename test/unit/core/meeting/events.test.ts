// Scenario events: a facilitator makes something happen between turns ("the
// CFO joins"). The buyer says the event's line, its effects move the meters
// through the same registry as reactions, the next reply is read as answering
// it, a bad event is refused in words, and a saved meeting keeps its events.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Meeting } from '../../../../src-main/core/meeting/meeting';
import { ReplyError } from '../../../../src-main/core/meeting/reply';
import type { CompiledScenario } from '../../../../src-main/core/scenarios/compile';
import { formatProblem, loadScenario } from '../../../../src-main/core/scenarios/load';
import { defaultClassifier } from '../../../../src-main/core/understanding/default';

const SCENARIOS = resolve(import.meta.dirname, '../../../../scenarios');
const classifier = defaultClassifier();

function builtIn(id: string): { scenario: CompiledScenario; text: string; file: string } {
  const file = resolve(SCENARIOS, `${id}.yaml`);
  const text = readFileSync(file, 'utf8');
  const result = loadScenario(text, file);
  if (!result.scenario) throw new Error(`test setup: ${id} does not load`);
  return { scenario: result.scenario, text, file };
}

const BUILT_IN = ['average-cro', 'light-stack-leader', 'locked-in-buyer'];

describe('scenario events', () => {
  it.each(BUILT_IN)('%s offers at least two events, each with a label and a line', (id) => {
    const { scenario } = builtIn(id);
    const events = Object.entries(scenario.file.events ?? {});
    expect(events.length).toBeGreaterThanOrEqual(2);
    for (const [, event] of events) {
      expect(event.label.length).toBeGreaterThan(0);
      expect(scenario.file.lines[event.say]?.length).toBeGreaterThan(0);
    }
  });

  it('the buyer says the event line and its effects move the meters, scaled by difficulty', () => {
    const { scenario } = builtIn('average-cro');
    const normal = Meeting.start({ scenario, classifier, seed: 3, difficulty: 'normal' });
    const hard = Meeting.start({ scenario, classifier, seed: 3, difficulty: 'hard' });
    const before = { ...normal.meters };
    const taken = normal.trigger('budget_frozen');
    hard.trigger('budget_frozen');
    expect(scenario.file.lines.event_budget_frozen).toContain(taken.buyer);
    expect(taken.afterTurn).toBe(0);
    expect(normal.meters.interest).toBe((before.interest ?? 0) - 8);
    expect(normal.meters.patience).toBe((before.patience ?? 0) - 5);
    // Hard multiplies losses: the same event costs more.
    expect(hard.meters.patience ?? 0).toBeLessThan(normal.meters.patience ?? 0);
    expect(normal.ended).toBe(false);
  });

  it('an event that reveals a fact makes it known, and the next reply can build on its words', () => {
    const { scenario } = builtIn('locked-in-buyer');
    const meeting = Meeting.start({ scenario, classifier, seed: 5 });
    meeting.reply('What are you hoping the team gets out of this year?');
    const taken = meeting.trigger('adoption_report');
    expect(meeting.revealed).toContain('rollout_pain');
    expect(taken.afterTurn).toBe(1);
    const next = meeting.reply(
      'Forty percent with managers still in spreadsheets: what happens at renewal if it stays there?',
    );
    expect(next.facts.buildsOnBuyer).toBe(true);
    // The event's line sits in the transcript between the turns it came between.
    const texts = meeting.transcript().map((e) => e.text);
    const at = texts.indexOf(taken.buyer);
    expect(at).toBeGreaterThan(0);
    expect(texts[at + 1]).toBe(next.rep);
  });

  it('an unknown event is refused with the names of the ones there are', () => {
    const { scenario } = builtIn('light-stack-leader');
    const meeting = Meeting.start({ scenario, classifier, seed: 1 });
    expect(() => meeting.trigger('cfo_join')).toThrow(ReplyError);
    expect(() => meeting.trigger('cfo_join')).toThrow(/no event "cfo_join".*cfo_joins/);
  });

  it('a saved meeting resumes with its events and answers as before', () => {
    const { scenario } = builtIn('average-cro');
    const replies = ['How is the year shaping up for you?', 'What is behind that, do you think?'];
    const a = Meeting.start({ scenario, classifier, seed: 11 });
    a.reply(replies[0] as string);
    a.trigger('cfo_joins');
    const resumed = Meeting.resume(a.save(), scenario, classifier);
    expect(resumed.events.map((e) => e.id)).toEqual(['cfo_joins']);
    expect(resumed.transcript()).toEqual(a.transcript());
    expect(resumed.reply(replies[1] as string).buyer).toBe(a.reply(replies[1] as string).buyer);
  });

  it('an event naming a missing line is an error at its line and column', () => {
    const { text, file } = builtIn('light-stack-leader');
    const broken = text.replace('say: event_budget_frozen', 'say: event_budget_frozne');
    const result = loadScenario(broken, file);
    expect(result.scenario).toBeUndefined();
    const problem = result.problems.find((p) =>
      /unknown line "event_budget_frozne"/.test(p.message),
    );
    expect(problem, result.problems.map(formatProblem).join('\n')).toBeDefined();
    const line = broken.split('\n').findIndex((l) => l.includes('event_budget_frozne')) + 1;
    expect(problem?.line).toBe(line);
    expect(problem?.message).toMatch(/did you mean "event_budget_frozen"/);
  });

  it('an event without a label is refused by the schema, naming the field', () => {
    const { text, file } = builtIn('light-stack-leader');
    const broken = text.replace('    label: The CFO joins\n', '');
    const result = loadScenario(broken, file);
    expect(result.scenario).toBeUndefined();
    const line = text.split('\n').findIndex((l) => l.trim() === 'cfo_joins:') + 1;
    expect(result.problems.map(formatProblem)).toContain(
      // The event's first field, now its first line, is where the label is missing.
      `${file}:${line + 1}:5: missing "label" at events.cfo_joins: expected string`,
    );
  });
});
