// Golden conversations: each built-in scenario is played with scripted replies,
// and every turn's behaviour, the persona's state and the outcome must match.
// In the spirit of XState's own SCXML tests: a machine definition plus a script
// of events and expected states.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Meeting } from '../../src-main/core/meeting/meeting';
import { defaultClassifier } from '../../src-main/core/understanding/default';
import { ScenarioLibrary } from '../../src-main/services/scenario-library';

interface GoldenTurn {
  rep: string;
  behavior?: string;
  state?: string;
}
interface GoldenConversation {
  name: string;
  difficulty?: 'easy' | 'normal' | 'hard';
  seed?: number;
  turns: GoldenTurn[];
  outcome: string;
  endedAtTurn?: number;
}

const dir = resolve(import.meta.dirname);
const library = ScenarioLibrary.load();
const files = readdirSync(dir).filter((f) => f.endsWith('.golden.yaml'));

describe('golden conversations', () => {
  it('covers every built-in scenario', () => {
    const covered = files.map((f) => f.replace('.golden.yaml', ''));
    expect(covered.sort()).toEqual(library.ids().sort());
  });

  for (const file of files) {
    const golden = parse(readFileSync(join(dir, file), 'utf8')) as {
      scenario: string;
      conversations: GoldenConversation[];
    };
    describe(golden.scenario, () => {
      for (const conversation of golden.conversations) {
        it(conversation.name, () => {
          const scenario = library.get(golden.scenario);
          expect(scenario, `scenario ${golden.scenario}`).toBeDefined();
          if (!scenario) return;
          const meeting = Meeting.start({
            scenario,
            classifier: defaultClassifier(),
            difficulty: conversation.difficulty ?? 'normal',
            seed: conversation.seed ?? 1,
          });
          conversation.turns.forEach((expected, i) => {
            expect(meeting.ended, `meeting ended before turn ${i + 1}`).toBe(false);
            const turn = meeting.reply(expected.rep);
            const where = `turn ${i + 1}: "${expected.rep}"`;
            if (expected.behavior) expect(turn.facts.behavior, where).toBe(expected.behavior);
            if (expected.state) expect(turn.state, where).toBe(expected.state);
          });
          expect(meeting.outcome).toBe(conversation.outcome);
          if (conversation.endedAtTurn !== undefined) {
            expect(meeting.turns.length).toBe(conversation.endedAtTurn);
          }
        });
      }
    });
  }
});
