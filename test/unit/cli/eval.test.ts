// `eval` on the command line: several sets at once, each with its group
// confusion matrix, pitch leak and calibration; --json as one object per set;
// --metamorphic; --agreement between two label files.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../src-main/cli/index';

const root = resolve(import.meta.dirname, '../../..');
const heldout = join(root, 'test/fixtures/behaviors/heldout.tsv');
const hard = join(root, 'test/fixtures/behaviors/heldout-hard.tsv');

async function runCli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (t) => out.push(`${t}\n`), err: (t) => err.push(`${t}\n`) });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

let dir: string;
let small: string;
let raterA: string;
let raterB: string;
let strangers: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fm-eval-'));
  small = join(dir, 'small.tsv');
  writeFileSync(
    small,
    [
      'pitch\tOur platform is the only one that combines coaching and forecasting.',
      'proof_to_sell\tCustomers who switched to us grew pipeline 40% in one quarter.',
      'pushback\tThat is what everyone says until they see our numbers.',
      'goal_question\tWhat has to be true by the end of the year for you to call it a great year?',
      'problem_question\tWhere do deals tend to get stuck for your team?',
      'rapport\tThanks for making the time today.',
      '',
    ].join('\n'),
  );
  raterA = join(dir, 'a.tsv');
  raterB = join(dir, 'b.tsv');
  strangers = join(dir, 'c.tsv');
  writeFileSync(
    raterA,
    'goal_question\tWhat does a great year look like?\npitch\tOur tool is the best.\ninsight\tMost teams lose deals early.\nrapport\tHi there.\n',
  );
  writeFileSync(
    raterB,
    'rapport\thi there.\ninsight\tMost teams lose deals early.\nproof_to_sell\tOur tool is the best.\ngoal_question\tWhat does a great year look like?\n',
  );
  writeFileSync(strangers, 'rapport\tSomething else entirely.\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('eval FILE...', () => {
  it('prints every set with its confusion matrix, pitch leak and calibration error', async () => {
    const r = await runCli('eval', heldout, hard);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const sets = r.stdout.split(/^Set\s+/m).slice(1);
    expect(sets).toHaveLength(2);
    expect(sets[0]).toContain('heldout.tsv');
    expect(sets[1]).toContain('heldout-hard.tsv');
    for (const set of sets) {
      expect(set).toMatch(/Group accuracy\s+\d(\.\d+)?/);
      expect(set).toMatch(/Pitch leak\s+\d+\.\d% \(\d+ of \d+ pitch-group lines read as value\)/);
      expect(set).toMatch(/ECE\s+0(\.\d+)?/);
      expect(set).toMatch(/Group confusion \(rows = expected/);
      expect(set).toMatch(/^value\s+\d+\s+\d+\s+\d+\s+\d+$/m);
      expect(set).toMatch(/^pitch\s+\d+\s+\d+\s+\d+\s+\d+$/m);
      expect(set).toContain('Reliability');
    }
  });

  it('--json gives one object per set whose figures agree with each other', async () => {
    const r = await runCli('eval', small, heldout, '--json');
    expect(r.code).toBe(0);
    const objects = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(objects.map((o) => o.file)).toEqual([small, heldout]);
    const first = objects[0] as {
      examples: number;
      pitchLines: number;
      pitchLeak: number;
      groupConfusion: { groups: string[]; counts: number[][] };
      calibration: { ece: number; bins: { count: number }[] };
      perBehavior: unknown[];
    };
    expect(first.examples).toBe(6);
    expect(first.pitchLines).toBe(3);
    expect(first.groupConfusion.groups).toEqual(['value', 'neutral', 'pitch']);
    // Rows are what the lines were labelled: 2 value, 1 neutral, 3 pitch.
    expect(first.groupConfusion.counts.map((row) => row.reduce((a, b) => a + b, 0))).toEqual([
      2, 1, 3,
    ]);
    expect(first.pitchLeak).toBeCloseTo((first.groupConfusion.counts[2]?.[0] ?? 0) / 3, 3);
    expect(first.calibration.bins.reduce((n, b) => n + b.count, 0)).toBe(6);
    expect(first.calibration.ece).toBeGreaterThanOrEqual(0);
    expect(first.perBehavior).toHaveLength(13);
  });

  it('checks every file before printing anything', async () => {
    const r = await runCli('eval', heldout, join(dir, 'missing.tsv'));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/missing\.tsv/);
  });

  it('needs a file', async () => {
    const r = await runCli('eval');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/at least one FILE/);
  });
});

describe('eval --metamorphic', () => {
  it('prints the share of wrapped variants that leave their group, per wrapper and overall', async () => {
    const r = await runCli('eval', '--metamorphic', small);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Pitch group\s+\d+\.\d% of \d+ wrapped variants left the pitch group/);
    expect(r.stdout).toMatch(/Value group\s+\d+\.\d% of \d+ variants left the value group/);
    for (const id of [
      'to-be-honest',
      'no-pressure',
      'if-its-a-fit',
      'surprised',
      'what-would-change',
      'but',
    ]) {
      expect(r.stdout).toMatch(
        new RegExp(`^${id}\\s+(pitch|value)\\s+\\d+\\s+\\d+\\s+\\d+\\.\\d%`, 'm'),
      );
    }
  });

  it('--json counts every pitch-group line under each prefix wrapper', async () => {
    const r = await runCli('eval', '--metamorphic', '--json', small);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      file: string;
      pitch: { lines: number; variants: number; left: number; share: number };
      perWrapper: { wrapper: string; applied: number; left: number; share: number }[];
    };
    expect(report.file).toBe(small);
    expect(report.pitch.lines).toBe(3);
    expect(report.perWrapper.find((w) => w.wrapper === 'to-be-honest')?.applied).toBe(3);
    const pitchApplied = report.perWrapper
      .filter(
        (w) => !['but', 'we-find-that', 'we-wanted-to-ask', 'honestly-value'].includes(w.wrapper),
      )
      .reduce((n, w) => n + w.applied, 0);
    expect(report.pitch.variants).toBe(pitchApplied);
    expect(report.pitch.share).toBeCloseTo(report.pitch.left / report.pitch.variants, 3);
  });
});

describe('eval --agreement', () => {
  it("prints Cohen's kappa overall, per group and per behaviour, matching lines by text", async () => {
    const r = await runCli('eval', '--agreement', raterA, raterB);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Matched lines\s+4 \(only in A 0, only in B 0\)/);
    // Three of four the same; chance 3 x (1/4)(1/4) = 3/16; kappa (0.75 - 0.1875) / 0.8125.
    expect(r.stdout).toMatch(/Behaviour\s+agreement 0\.75, kappa 0\.692/);
    expect(r.stdout).toMatch(/Group\s+agreement 1, kappa 1\.000/);
    expect(r.stdout).toMatch(/^pitch\s+1\s+0\s+0\.000$/m);
    expect(r.stdout).toMatch(/^concede_fit\s+0\s+0\s+-$/m);
    expect(r.stdout).toContain('pitch -> proof_to_sell');
  });

  it('--json gives the same figures', async () => {
    const r = await runCli('eval', '--agreement', '--json', raterA, raterB);
    const a = JSON.parse(r.stdout) as { matched: number; kappa: number; groupKappa: number };
    expect(a).toMatchObject({ matched: 4, kappa: 0.692, groupKappa: 1 });
  });

  it('needs exactly two files with text in common', async () => {
    expect((await runCli('eval', '--agreement', raterA)).code).toBe(2);
    const none = await runCli('eval', '--agreement', raterA, strangers);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no text in common/);
  });

  it('refuses --metamorphic and --agreement together', async () => {
    const r = await runCli('eval', '--agreement', '--metamorphic', raterA, raterB);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not both/);
  });
});
