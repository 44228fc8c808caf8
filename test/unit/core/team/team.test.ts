// Team roleplays in the core: the roster's rules, who speaks when in each
// rotation, the room's calls and their agreement with the coach, overrides
// that change a rep's score while the coach's reading is kept, events, and a
// replay of the action log that gives back the same roleplay.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompiledScenario } from '../../../../src-main/core/scenarios/compile';
import { loadScenario } from '../../../../src-main/core/scenarios/load';
import { agreementOf, repReport, teamBoard } from '../../../../src-main/core/team/board';
import { teamCsv, teamLabelledLines } from '../../../../src-main/core/team/export';
import { TeamRoleplay } from '../../../../src-main/core/team/roleplay';
import { checkRoster, repNameProblem } from '../../../../src-main/core/team/roster';
import { TeamError, type TeamAction, type TeamSetup } from '../../../../src-main/core/team/types';
import { parseLabelledTsv } from '../../../../src-main/core/understanding/dataset';
import { defaultClassifier } from '../../../../src-main/core/understanding/default';

function builtIn(id: string): CompiledScenario {
  const file = resolve(import.meta.dirname, `../../../../scenarios/${id}.yaml`);
  const result = loadScenario(readFileSync(file, 'utf8'), file);
  if (!result.scenario) throw new Error(`test setup: ${id} does not load`);
  return result.scenario;
}

const scenario = builtIn('light-stack-leader');
const classifier = defaultClassifier();

function setup(overrides: Partial<TeamSetup> = {}): TeamSetup {
  return {
    scenarioId: 'light-stack-leader',
    difficulty: 'normal',
    mode: 'coach',
    rotation: 'relay',
    turnsPerRep: 1,
    reps: ['Ana', 'Ben', 'Chloe'],
    seed: 42,
    calling: true,
    ...overrides,
  };
}

const GOOD = [
  'What does a great year look like for your team?',
  'What gets in the way of that today?',
  'When a new hire chases a bad-fit deal, what does that cost you?',
  'How do you decide which targets are worth pursuing?',
];
const PITCH = 'Our platform is the leading solution with the best dashboards on the market.';

let clock = 0;
const turn = (text: string): TeamAction => ({
  type: 'turn',
  text,
  source: 'typed',
  at: (clock += 1000),
});

describe('the roster', () => {
  it('takes two to twelve unique names of 1-40 characters, trimmed', () => {
    expect(checkRoster(['  Ana ', 'Ben'])).toEqual({ reps: ['Ana', 'Ben'] });
    expect(checkRoster(['Ana'])).toMatchObject({ problem: { message: /at least 2 reps/ } });
    expect(checkRoster(['Ana', 'ana'])).toMatchObject({
      problem: { message: /Rep 2: ana is on the roster already/, index: 1 },
    });
    expect(checkRoster(['Ana', '   '])).toMatchObject({ problem: { index: 1 } });
    expect(repNameProblem('x'.repeat(41), [])).toMatch(/at most 40 characters; this one has 41/);
    const twelve = Array.from({ length: 12 }, (_, i) => `Rep ${i + 1}`);
    expect(checkRoster(twelve)).toEqual({ reps: twelve });
    expect(repNameProblem('Thirteen', twelve)).toMatch(/at most 12 reps/);
  });

  it('a roleplay cannot start with a bad roster or turn count', () => {
    expect(() => new TeamRoleplay(setup({ reps: ['Solo'] }), scenario, classifier)).toThrow(
      TeamError,
    );
    expect(() => new TeamRoleplay(setup({ turnsPerRep: 0 }), scenario, classifier)).toThrow(
      /Turns per rep/,
    );
  });
});

describe('relay', () => {
  it('reps take N turns each in roster order, Next rep hands over early, Skip turn passes', () => {
    const team = new TeamRoleplay(setup({ turnsPerRep: 2 }), scenario, classifier);
    expect(team.current).toBe('Ana');
    team.apply(turn(GOOD[0] as string));
    expect(team.current).toBe('Ana');
    team.apply(turn(GOOD[1] as string));
    expect(team.current).toBe('Ben');
    team.apply({ type: 'next', at: (clock += 10) });
    expect(team.current).toBe('Chloe');
    team.apply({ type: 'skip', at: (clock += 10) });
    team.apply({ type: 'skip', at: (clock += 10) });
    expect(team.current).toBe('Ana');
    const state = team.state();
    expect(state.turns.map((t) => t.rep)).toEqual(['Ana', 'Ana']);
    expect(state.meetings).toHaveLength(1);
  });

  it('pausing stops the clock and refuses turns until resumed', () => {
    const team = new TeamRoleplay(setup(), scenario, classifier);
    team.apply({ type: 'turn', text: GOOD[0] as string, source: 'typed', at: 5_000 });
    team.apply({ type: 'pause', at: 6_000 });
    expect(() => team.apply({ type: 'turn', text: 'x y', source: 'typed', at: 7_000 })).toThrow(
      /paused/,
    );
    team.apply({ type: 'resume', at: 66_000 });
    team.apply({ type: 'turn', text: GOOD[1] as string, source: 'typed', at: 70_000 });
    // A minute of discussion is not the rep's time.
    expect(team.state().turns[1]?.at).toBe(10_000);
    expect(team.state().pausedMs).toBe(60_000);
  });

  it('each rep is scored on their own turns; the buyer lines they did not answer add no words', () => {
    const team = new TeamRoleplay(setup({ reps: ['Ana', 'Ben'] }), scenario, classifier);
    team.apply(turn(GOOD[0] as string));
    team.apply(turn(PITCH));
    team.apply(turn(GOOD[2] as string));
    team.apply(turn(`${PITCH} It also has AI forecasting.`));
    const board = teamBoard(team.state());
    const ana = board.reps.find((r) => r.name === 'Ana');
    const ben = board.reps.find((r) => r.name === 'Ben');
    expect(ana?.turns).toBe(2);
    expect(ben?.turns).toBe(2);
    expect(ana?.pitching).toBe(0);
    expect(ben?.pitching).toBeGreaterThan(50);
    expect(ana?.overall ?? 0).toBeGreaterThan(ben?.overall ?? 100);
    expect(ana?.best?.text).toMatch(/\?$/);
    expect(ben?.worst?.text).toMatch(/Our platform/);
    const anaReport = repReport(team.state(), 'Ana').report;
    expect(anaReport.moments.map((m) => m.text)).toEqual([GOOD[0], GOOD[2]]);
    expect(anaReport.metrics.repTalkShare).toBeLessThan(1);
  });
});

describe('calls, agreement, notes and overrides', () => {
  it('the room calls a turn by button or by hands; agreement is the share of votes matching the coach', () => {
    const team = new TeamRoleplay(setup({ reps: ['Ana', 'Ben'] }), scenario, classifier);
    team.apply(turn(GOOD[0] as string));
    team.apply(turn(PITCH));
    const [first, second] = team.state().turns;
    expect(first?.understanding.group).toBe('value');
    expect(second?.understanding.group).toBe('pitch');
    team.apply({ type: 'call', turn: 1, call: 'value' });
    team.apply({ type: 'call', turn: 2, tally: { value: 1, neutral: 0, pitch: 3 } });
    const board = teamBoard(team.state());
    expect(board.reps.find((r) => r.name === 'Ana')?.agreement).toBe(1);
    expect(board.reps.find((r) => r.name === 'Ben')?.agreement).toBe(0.75);
    expect(board.agreement).toBe(0.875);
    expect(agreementOf({ call: 'pitch' }, 'value')).toEqual({ share: 0, votes: 1 });
    expect(() => team.apply({ type: 'call', turn: 3, call: 'value' })).toThrow(/no turn 3/);
    expect(() =>
      team.apply({ type: 'call', turn: 1, tally: { value: 0, neutral: 0, pitch: 0 } }),
    ).toThrow(/at least one hand/);
  });

  it('an override changes the rep’s score, keeps the coach’s reading, and needs a reason', () => {
    const team = new TeamRoleplay(setup({ reps: ['Ana', 'Ben'] }), scenario, classifier);
    team.apply(turn(GOOD[0] as string));
    team.apply(turn(PITCH));
    const before = teamBoard(team.state()).reps.find((r) => r.name === 'Ben');
    expect(() =>
      team.apply({ type: 'override', turn: 2, behavior: 'insight', reason: '  ' }),
    ).toThrow(/reason is required/);
    team.apply({
      type: 'override',
      turn: 2,
      behavior: 'insight',
      reason: 'The buyer had asked what we do',
    });
    const state = team.state();
    const after = teamBoard(state).reps.find((r) => r.name === 'Ben');
    expect(after?.pitching).toBeLessThan(before?.pitching ?? 0);
    expect(state.turns[1]?.understanding.behavior).not.toBe('insight');
    const moment = repReport(state, 'Ben').report.moments[0];
    expect(moment?.behavior).toBe('insight');
    expect(moment?.cues.join(' ')).toMatch(/changed by the facilitator/);
  });

  it('notes are kept as text and exports neutralise formulas and mark overrides', () => {
    const team = new TeamRoleplay(setup({ reps: ['=Ana', 'Ben'] }), scenario, classifier);
    team.apply(turn(GOOD[0] as string));
    team.apply(turn(PITCH));
    team.apply({ type: 'note', turn: 1, text: '<img src=x onerror=alert(1)>' });
    team.apply({ type: 'note', turn: 2, text: '=HYPERLINK("http://x","y")' });
    team.apply({
      type: 'override',
      turn: 2,
      behavior: 'proof_to_sell',
      reason: '+shared a customer',
    });
    team.apply({ type: 'call', turn: 1, call: 'value' });
    const csv = teamCsv(team.state());
    expect(csv).toContain("'=Ana");
    expect(csv).toContain('<img src=x onerror=alert(1)>');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv).toMatch(/,proof_to_sell,yes,'\+shared a customer,/);
    const labels = teamLabelledLines(team.state());
    const parsed = parseLabelledTsv(labels, { groups: true });
    expect(parsed.problems).toEqual([]);
    expect(parsed.lines).toEqual([{ behavior: 'proof_to_sell', text: PITCH }]);
    expect(parsed.groupLines).toEqual([{ group: 'value', text: GOOD[0] }]);
  });
});

describe('one meeting each', () => {
  it('every rep meets the same buyer with the same seed, and the board ranks them', () => {
    const team = new TeamRoleplay(
      setup({ rotation: 'each', reps: ['Ana', 'Ben'] }),
      scenario,
      classifier,
    );
    for (const text of GOOD) team.apply(turn(text));
    expect(() => team.apply({ type: 'skip', at: (clock += 1) })).toThrow(/Next rep/);
    team.apply({ type: 'next', at: (clock += 1) });
    expect(team.current).toBe('Ben');
    team.apply(turn(PITCH));
    team.apply(turn(`${PITCH} We integrate with everything.`));
    team.apply({ type: 'next', at: (clock += 1) });
    expect(team.complete).toBe(true);
    const state = team.state();
    expect(state.meetings.map((m) => m.opening)).toEqual([
      state.meetings[0]?.opening,
      state.meetings[0]?.opening,
    ]);
    const board = teamBoard(state);
    expect(board.reps.map((r) => [r.name, r.rank])).toEqual([
      ['Ana', 1],
      ['Ben', 2],
    ]);
    expect(board.reps[0]?.outcome).toBeDefined();
    expect(() => team.apply(turn('Anything else?'))).toThrow(/Every rep has had their meeting/);
  });
});

describe('events and replay', () => {
  it('an event is said between turns and a replayed log gives the same roleplay', () => {
    const actions: TeamAction[] = [
      { type: 'turn', text: GOOD[0] as string, source: 'typed', at: 1000 },
      { type: 'event', id: 'cfo_joins', at: 2000 },
      { type: 'call', turn: 1, call: 'value' },
      { type: 'turn', text: GOOD[1] as string, source: 'spoken', at: 3000 },
      { type: 'note', turn: 2, text: 'good follow-up' },
      { type: 'override', turn: 1, behavior: 'problem_question', reason: 'it asks what is wrong' },
    ];
    const live = new TeamRoleplay(setup(), scenario, classifier);
    for (const a of actions) live.apply(a);
    expect(live.state().events[0]?.label).toBe('The CFO joins');
    const { roleplay, kept } = TeamRoleplay.replay(setup(), actions, scenario, classifier);
    expect(kept).toBe(actions.length);
    expect(roleplay.state()).toEqual(live.state());
    // An action that no longer applies stops the replay there.
    const broken = [...actions.slice(0, 2), { type: 'event', id: 'nope', at: 1 } as TeamAction];
    expect(TeamRoleplay.replay(setup(), broken, scenario, classifier).kept).toBe(2);
  });
});
