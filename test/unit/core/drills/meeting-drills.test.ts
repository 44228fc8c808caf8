// Meeting drills judged from the report: a good rep's meeting (the golden good
// scripts, written before the drills) passes each certification drill, a
// laundered pitch fails it, and every objective says why.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadDrillBankFile } from '../../../../src-main/core/drills/bank';
import { checkObjective, judgeMeetingDrill } from '../../../../src-main/core/drills/judge';
import { Meeting } from '../../../../src-main/core/meeting/meeting';
import { loadScenario } from '../../../../src-main/core/scenarios/load';
import { defaultClassifier } from '../../../../src-main/core/understanding/default';

const ROOT = resolve(import.meta.dirname, '../../../..');
const classifier = defaultClassifier();
const IDS = ['average-cro', 'light-stack-leader', 'locked-in-buyer'];
const scripts = parse(readFileSync(resolve(ROOT, 'test/golden/scripts.yaml'), 'utf8')) as {
  laundered: { turns: string[] }[];
  good: Record<string, { turns: string[] }[]>;
};
const file = resolve(ROOT, 'scenarios/drills/meetings.yaml');
const bank = loadDrillBankFile(readFileSync(file, 'utf8'), file, IDS);

function play(
  scenarioId: string,
  turns: readonly string[],
  difficulty: 'easy' | 'normal' | 'hard',
) {
  const path = resolve(ROOT, `scenarios/${scenarioId}.yaml`);
  const scenario = loadScenario(readFileSync(path, 'utf8'), path).scenario;
  if (!scenario) throw new Error('test setup');
  const meeting = Meeting.start({ scenario, classifier, difficulty, seed: 3 });
  for (const t of turns) if (!meeting.ended) meeting.reply(t);
  return meeting.report();
}

describe('meeting drills', () => {
  it('the file loads', () => {
    expect(bank.problems).toEqual([]);
    expect(bank.meeting.length).toBeGreaterThanOrEqual(3);
  });

  it.each(IDS)(
    'the certification drill for %s: a good meeting passes, a laundered one fails',
    (id) => {
      const drill = bank.meeting.find((d) => d.id === `md-certify-${id}`);
      expect(drill).toBeDefined();
      if (!drill) return;
      const good = judgeMeetingDrill(drill, play(id, scripts.good[id]?.[0]?.turns ?? [], 'normal'));
      expect(good.passed, JSON.stringify(good.objectives)).toBe(true);
      const laundered = judgeMeetingDrill(
        drill,
        play(id, scripts.laundered[0]?.turns ?? [], 'normal'),
      );
      expect(laundered.passed).toBe(false);
      expect(laundered.objectives.filter((o) => !o.met).map((o) => o.name)).toContain(
        'No pitch before the buyer states an explicit need',
      );
    },
  );

  it('each objective reads its figure from the report and says it', () => {
    const report = play('average-cro', scripts.good['average-cro']?.[0]?.turns ?? [], 'normal');
    const implications = report.metrics.byBehavior.implication_question;
    expect(
      checkObjective({ atLeast: { behavior: 'implication_question', count: 2 } }, report),
    ).toEqual({
      name: 'At least 2 implication questions',
      met: implications >= 2,
      why: `You asked ${implications}.`,
    });
    expect(checkObjective({ talkShareAtMost: 0.5 }, report).why).toMatch(
      /^You talked \d+% of the words\.$/,
    );
    expect(checkObjective({ reach: 'advanced' }, report).met).toBe(report.outcome === 'advanced');
    expect(checkObjective({ pitchingAtMost: 10 }, report).why).toBe(
      `Your pitching score was ${report.pitching}.`,
    );
  });
});
