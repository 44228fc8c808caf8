// Laundered pitches lose and good reps are not thrown out, against every
// built-in buyer at every difficulty (the scripts are in scripts.yaml).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Meeting } from '../../src-main/core/meeting/meeting';
import { DIFFICULTIES } from '../../src-main/core/scenarios/schema';
import { defaultClassifier } from '../../src-main/core/understanding/default';
import { ScenarioLibrary } from '../../src-main/services/scenario-library';

interface Script {
  name: string;
  turns: string[];
}
const scripts = parse(readFileSync(resolve(import.meta.dirname, 'scripts.yaml'), 'utf8')) as {
  laundered: Script[];
  good: Record<string, Script[]>;
};
const library = ScenarioLibrary.load();
const SEEDS = [1, 2, 3];

function play(
  id: string,
  difficulty: (typeof DIFFICULTIES)[number],
  seed: number,
  turns: string[],
) {
  const scenario = library.get(id);
  if (!scenario) throw new Error(`no built-in scenario ${id}`);
  const meeting = Meeting.start({ scenario, classifier: defaultClassifier(), difficulty, seed });
  for (const line of turns) {
    if (meeting.ended) break;
    meeting.reply(line);
  }
  return { meeting, report: meeting.report() };
}

describe('laundered pitches never win', () => {
  for (const script of scripts.laundered) {
    for (const id of library.ids()) {
      it(`${script.name}: ${id}`, () => {
        for (const difficulty of DIFFICULTIES) {
          for (const seed of SEEDS) {
            const where = `${difficulty}, seed ${seed}`;
            const { meeting, report } = play(id, difficulty, seed, script.turns);
            expect(meeting.outcome, where).not.toBe('advanced');
            expect(report.overall, where).toBeLessThan(50);
          }
        }
      });
    }
  }

  it('the buyer says when a pitch is dressed in value words', () => {
    for (const id of library.ids()) {
      const { meeting } = play(id, 'easy', 1, scripts.laundered[0]?.turns ?? []);
      const dressed = meeting.turns.filter((t) => t.facts.dressed);
      expect(dressed.length, id).toBeGreaterThan(0);
      const lines = library.get(id)?.file.lines.dressed_pitch ?? [];
      expect(lines.length, id).toBeGreaterThan(0);
      expect(
        dressed.some((t) => lines.some((line) => t.buyer.includes(line))),
        `${id}: ${dressed.map((t) => t.buyer).join(' / ')}`,
      ).toBe(true);
    }
  });
});

describe('good reps are not thrown out', () => {
  it('every built-in buyer has good scripts', () => {
    expect(Object.keys(scripts.good).sort()).toEqual(library.ids().sort());
  });
  for (const [id, list] of Object.entries(scripts.good)) {
    for (const script of list) {
      it(`${id}: ${script.name}`, () => {
        for (const difficulty of DIFFICULTIES) {
          for (const seed of SEEDS) {
            const where = `${difficulty}, seed ${seed}`;
            const { meeting, report } = play(id, difficulty, seed, script.turns);
            expect(meeting.turns.length, where).toBeGreaterThanOrEqual(5);
            expect(report.overall, where).toBeGreaterThanOrEqual(60);
          }
        }
      });
    }
  }
});
