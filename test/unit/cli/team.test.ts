// `cli team`: a team roleplay from a script. Relay replies are attributed by
// the rotation, One meeting each takes a block per rep, `/event ID` triggers a
// scenario event, the JSON has the documented keys, and a bad script is one
// line naming the file and line. `cli eval` reads a team's labelled lines.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../../src-main/cli/index';

const dir = mkdtempSync(join(tmpdir(), 'first-meeting-cli-team-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

function script(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const GOOD = 'What does a great year look like for your team?';
const PITCH = 'Our platform is the leading solution with the best dashboards on the market.';

describe('cli team', () => {
  it('a relay attributes replies by the rotation and triggers events', async () => {
    const file = script(
      'relay.txt',
      `${GOOD}\n${PITCH}\n/event cfo_joins\nWhat would your CFO want to see change?\n`,
    );
    const r = await cli(
      'team',
      '--scenario',
      'light-stack-leader',
      '--reps',
      'Ana,Ben,Chloe',
      '--replies',
      file,
      '--json',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as {
      scenario: string;
      rotation: string;
      reps: { name: string; turns: number; pitching: number; best: unknown; worst: unknown }[];
      turns: { rep: string; text: string; behavior: string; group: string; buyer: string }[];
      outcome: string;
      events: string[];
    };
    expect(result.scenario).toBe('light-stack-leader');
    expect(result.rotation).toBe('relay');
    expect(result.turns.map((t) => t.rep)).toEqual(['Ana', 'Ben', 'Chloe']);
    expect(result.turns[1]?.group).toBe('pitch');
    expect(result.events).toEqual(['cfo_joins']);
    expect(Object.keys(result.reps[0] ?? {})).toEqual([
      'name',
      'turns',
      'valueCreation',
      'pitching',
      'overall',
      'talkShare',
      'best',
      'worst',
    ]);
    expect(result.reps.find((p) => p.name === 'Ben')?.pitching).toBe(100);
    expect(result.outcome).toBe('open');
  });

  it('--turns 2 gives each rep two turns in a row', async () => {
    const file = script('two.txt', `${GOOD}\nWhat gets in the way?\n${PITCH}\n`);
    const r = await cli(
      'team',
      '--scenario',
      'light-stack-leader',
      '--reps',
      'Ana,Ben',
      '--turns',
      '2',
      '--replies',
      file,
      '--json',
    );
    const result = JSON.parse(r.stdout) as { turns: { rep: string }[] };
    expect(result.turns.map((t) => t.rep)).toEqual(['Ana', 'Ana', 'Ben']);
  });

  it('one meeting each reads a block per rep and gives each rep an outcome', async () => {
    const file = script('each.txt', `${GOOD}\nWhat gets in the way of that?\n---\n${PITCH}\n`);
    const r = await cli(
      'team',
      '--scenario',
      'average-cro',
      '--reps',
      'Ana,Ben',
      '--rotation',
      'each',
      '--replies',
      file,
      '--json',
    );
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as {
      reps: { name: string; outcome: string; rank: number }[];
      outcome?: string;
    };
    expect(result.reps.map((p) => p.name)).toEqual(['Ana', 'Ben']);
    expect(result.reps.every((p) => typeof p.outcome === 'string')).toBe(true);
    expect(result.outcome).toBeUndefined();
    const readable = await cli(
      'team',
      '--scenario',
      'average-cro',
      '--reps',
      'Ana,Ben',
      '--rotation',
      'each',
      '--replies',
      file,
    );
    expect(readable.stdout).toMatch(/Ranking/);
    expect(readable.stdout).toMatch(/Ana's meeting/);
  });

  it('bad input is one line naming the file and line, or the option', async () => {
    const badEvent = script('bad-event.txt', `${GOOD}\n/event ceo_arrives\n`);
    const r1 = await cli(
      'team',
      '--scenario',
      'light-stack-leader',
      '--reps',
      'Ana,Ben',
      '--replies',
      badEvent,
    );
    expect(r1.code).toBe(1);
    expect(r1.stderr).toMatch(new RegExp(`${badEvent}:2: .*no event "ceo_arrives"`));
    expect(r1.stderr.split('\n')).toHaveLength(1);
    const blocks = script('blocks.txt', `${GOOD}\n`);
    const r2 = await cli(
      'team',
      '--scenario',
      'light-stack-leader',
      '--reps',
      'Ana,Ben',
      '--rotation',
      'each',
      '--replies',
      blocks,
    );
    expect(r2.stderr).toMatch(/1 block of replies for 2 reps/);
    const r3 = await cli(
      'team',
      '--scenario',
      'light-stack-leader',
      '--reps',
      'Ana,ana',
      '--replies',
      blocks,
    );
    expect(r3.stderr).toMatch(/--reps: Rep 2: ana is on the roster already/);
    const r4 = await cli(
      'team',
      '--scenario',
      'light-stack-leader',
      '--reps',
      'Ana,Ben',
      '--replies',
      blocks,
      '--rotation',
      'round',
    );
    expect(r4.code).toBe(2);
    expect(r4.stderr).toMatch(/--rotation must be relay or each/);
  });

  it('eval reads a team’s labelled lines: behaviours as behaviours, room calls by group', async () => {
    const file = script(
      'labels.tsv',
      `insight\tMost teams your size lose more deals to doing nothing than to a competitor.\toverride\ngroup:value\t${GOOD}\troom call\ngroup:pitch\t${PITCH}\troom call\npitch\t${PITCH}\tfacilitator\n`,
    );
    const r = await cli('eval', file, '--json');
    expect(r.code).toBe(0);
    const [groups, behaviours] = r.stdout
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(groups).toMatchObject({ groupLabelled: { examples: 2, groupAccuracy: 1 } });
    expect(behaviours).toMatchObject({ examples: 2 });
  });
});
