// The command line end to end. A few tests spawn the real command the way a
// user runs it; the rest call `run(argv, io)`, the same entry point, for speed.
// Every failure must be one clear line on stderr, a non-zero exit, no stack
// trace and no hang.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BEHAVIORS } from '../../../src-main/core/behaviors/taxonomy';
import { run } from '../../../src-main/cli/index';
import { SessionStore } from '../../../src-main/services/storage/session-store';
import { COMMANDS } from '../../../src-main/cli/usage';

const root = resolve(import.meta.dirname, '../../..');
const SPAWN_TIMEOUT = 60_000;

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment of a spawned command: tsx caches in the temp folder, so it
 * gets this file's own (removed afterwards), and the app's data folder is one
 * of the test's, never the user's.
 */
function spawnEnv(): NodeJS.ProcessEnv {
  return { ...process.env, TMPDIR: join(dir, 'tmp'), FIRST_MEETING_DATA: join(dir, 'app-data') };
}

/** The real command, as a user runs it; `input` is what is typed (standard input). */
function spawnCli(...args: string[]): Result & { raw: SpawnSyncReturns<string> } {
  return spawnTyped(undefined, ...args);
}

function spawnTyped(
  input: string | undefined,
  ...args: string[]
): Result & { raw: SpawnSyncReturns<string> } {
  const raw = spawnSync('npx', ['tsx', 'src-main/cli/index.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: SPAWN_TIMEOUT,
    env: spawnEnv(),
    ...(input === undefined ? {} : { input }),
  });
  return { code: raw.status, stdout: raw.stdout, stderr: raw.stderr, raw };
}

/** The same entry point in-process; output joined as the terminal would show it. */
async function runCli(...args: string[]): Promise<Result> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (t) => out.push(`${t}\n`), err: (t) => err.push(`${t}\n`) });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}

const STACK_FRAME = /^\s+at /m;

let dir: string;
const file = (name: string, content: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

let replies: string;
let binary: string;
let emptyReplies: string;
let hugeReply: string;
let emojiOnlyReply: string;
let noisyReplies: string;
let brokenYaml: string;
let brokenScenario: string;
let brokenScenarioLine: number;
let brokenScenarioColumn: number;
let transcript: string;
let utterances: string;
let emptyFolder: string;
let hugeTranscript: string;
let emojiTranscript: string;
/** 5,000 characters of one REP line, which must never be printed back. */
const HUGE_LINE = 'Where do deals get stuck for you? '.repeat(150).slice(0, 5000);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'first-meeting-cli-'));
  mkdirSync(join(dir, 'tmp'));
  replies = file(
    'replies.txt',
    [
      'What has to be true by the end of next year for you to call it a great year?',
      "When a new rep chases a bad-fit deal, what does that do to the rest of the team's numbers?",
      "It sounds like you have this covered. I'd rather tell you that than waste your afternoon.",
      'Would it be all right if I checked in with you in the spring, once the new reps have started?',
      '',
    ].join('\n'),
  );
  binary = file('binary.txt', Buffer.from([0x52, 0x45, 0x50, 0x3a, 0x00, 0x01, 0x02]));
  emptyReplies = file('empty-replies.txt', '\n   \n\n');
  hugeReply = file('huge-reply.txt', `${'What are your goals '.repeat(2500)}\n`);
  emojiOnlyReply = file('emoji-only.txt', 'What are your goals this year?\n🎯🔥👍\n');
  noisyReplies = file(
    'noisy.txt',
    'What has to be true 🎯 by the end of next year for a great year?\u0007\u001b[31m\nWhere do deals get stuck\u200b for your team? 🙂\n',
  );
  brokenYaml = file('broken.yaml', 'id: broken\ntitle: [oops\nbrief: x\n');
  const marcus = readFileSync(join(root, 'scenarios/light-stack-leader.yaml'), 'utf8');
  const needle = '      - when: { behavior: pitch }\n';
  const at = marcus.indexOf(needle);
  if (at < 0) throw new Error('test setup: light-stack-leader.yaml changed');
  brokenScenarioLine = marcus.slice(0, at).split('\n').length;
  brokenScenarioColumn = needle.indexOf('pitch }') + 1;
  brokenScenario = file(
    'broken-scenario.yaml',
    marcus.slice(0, at) + needle.replace('pitch }', 'pitchh }') + marcus.slice(at + needle.length),
  );
  transcript = file(
    'transcript.txt',
    [
      'REP: Thanks for making the time today.',
      'BUYER: Sure. We have about twenty minutes.',
      'REP: Where do deals tend to get stuck for your team?',
      'BUYER: In legal review, mostly. Contracts sit there for weeks and we lose momentum.',
      'REP: When a contract sits in legal for weeks, what does that do to the quarter?',
      'BUYER: We need to fix that before the new fiscal year.',
      '',
    ].join('\n'),
  );
  emptyFolder = join(dir, 'no-scenarios');
  mkdirSync(emptyFolder);
  writeFileSync(join(emptyFolder, 'notes.txt'), 'not a scenario\n');
  hugeTranscript = file('huge-transcript.txt', `BUYER: Hello.\nREP: ${HUGE_LINE}\n`);
  emojiTranscript = file(
    'emoji-transcript.txt',
    'REP: Where do deals get stuck for your team?\nBUYER: In legal.\nREP: 🎯🔥👍\n',
  );
  utterances = file(
    'utterances.txt',
    'Where do deals tend to get stuck for your team?\n\nOur platform is the only one that combines coaching and forecasting.\n',
  );
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the real command', () => {
  it('--help prints usage for every command and exits 0', { timeout: 120_000 }, () => {
    const r = spawnCli('--help');
    expect(r.raw.error).toBeUndefined();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage:/);
    for (const command of Object.keys(COMMANDS)) expect(r.stdout).toContain(command);
  });

  it(
    'classify TEXT --json prints one JSON line with exactly the public keys',
    { timeout: 120_000 },
    () => {
      const r = spawnCli(
        'classify',
        'so um basically what i wanted to ask is like where do deals get stuck',
        '--json',
      );
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      const out = lines(r.stdout);
      expect(out).toHaveLength(1);
      const parsed = JSON.parse(out[0] as string) as Record<string, unknown>;
      expect(Object.keys(parsed).sort()).toEqual([
        'behavior',
        'confidence',
        'cues',
        'group',
        'text',
      ]);
      expect(parsed).toMatchObject({ behavior: 'problem_question', group: 'value' });
    },
  );

  it('play with the same seed twice prints identical output', { timeout: 120_000 }, () => {
    const args = [
      'play',
      '--scenario',
      'light-stack-leader',
      '--replies',
      replies,
      '--seed',
      '7',
      '--json',
    ];
    const first = spawnCli(...args);
    const second = spawnCli(...args);
    expect(first.code).toBe(0);
    expect(first.stdout).not.toBe('');
    expect(second.stdout).toBe(first.stdout);
  });

  it('validate exits 0 on the built-in scenarios folder', { timeout: 120_000 }, () => {
    const r = spawnCli('validate', 'scenarios');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stderr).toMatch(/0 errors/);
  });

  it(
    'validate exits 1 with file:line:column lines on a broken scenario',
    { timeout: 120_000 },
    () => {
      const r = spawnCli('validate', brokenScenario);
      expect(r.code).toBe(1);
      expect(lines(r.stdout)).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^${escape(brokenScenario)}:${brokenScenarioLine}:${brokenScenarioColumn}: unknown behaviour "pitchh".*did you mean "pitch"`,
          ),
        ),
      );
      for (const line of lines(r.stdout)) expect(line).toMatch(/^.+:\d+:\d+: /);
      expect(r.stderr).toMatch(/1 error/);
    },
  );

  it.each([
    ['an unknown command', ['bogus'], /unknown command "bogus"/],
    ['a binary file', ['score', 'BINARY'], /binary/],
    [
      'a malformed YAML scenario',
      ['play', '--scenario', 'BROKEN_YAML', '--replies', 'REPLIES'],
      /broken\.yaml:\d+:\d+: YAML/,
    ],
    [
      'a 50,000-character reply',
      ['play', '--scenario', 'light-stack-leader', '--replies', 'HUGE'],
      /huge-reply\.txt:1: .*at most \d+ characters/,
    ],
  ])(
    '%s fails cleanly: non-zero exit, a clear message, no stack trace, no hang',
    { timeout: 120_000 },
    (_name, args, message) => {
      const r = spawnCli(...args.map(placeholder));
      expect(r.raw.error, 'the command must not hang').toBeUndefined();
      expect(r.raw.signal).toBeNull();
      expect(r.code).not.toBe(0);
      expect(r.code).not.toBeNull();
      expect(lines(r.stderr)[0]).toMatch(/^first-meeting: /);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(STACK_FRAME);
      expect(r.stdout).toBe('');
    },
  );
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Test tables name temp files before they exist; swap the names for paths. */
function placeholder(arg: string): string {
  const paths: Record<string, string> = {
    REPLIES: replies,
    BINARY: binary,
    EMPTY_REPLIES: emptyReplies,
    HUGE: hugeReply,
    EMOJI_ONLY: emojiOnlyReply,
    BROKEN_YAML: brokenYaml,
    MISSING: join(dir, 'does-not-exist.txt'),
    EMPTY_FOLDER: emptyFolder,
    HUGE_TRANSCRIPT: hugeTranscript,
    EMOJI_TRANSCRIPT: emojiTranscript,
    TRANSCRIPT: transcript,
  };
  return paths[arg] ?? arg;
}

describe('classify', () => {
  it('--file --json prints one JSON line per non-empty line, with exactly the public keys', async () => {
    const r = await runCli('classify', '--file', utterances, '--json');
    expect(r.code).toBe(0);
    const out = lines(r.stdout).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(2);
    for (const u of out) {
      expect(Object.keys(u).sort()).toEqual(['behavior', 'confidence', 'cues', 'group', 'text']);
      expect(BEHAVIORS).toContain(u.behavior);
      expect(typeof u.confidence).toBe('number');
      expect(Array.isArray(u.cues)).toBe(true);
    }
    expect(out.map((u) => u.behavior)).toEqual(['problem_question', 'pitch']);
    expect(out[0]?.text).toBe('Where do deals tend to get stuck for your team?');
  });

  it('classifies a turn that uses the word "constructor" instead of failing', async () => {
    const r = await runCli(
      'classify',
      'Who is the main constructor on the new terminal?',
      '--json',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(BEHAVIORS).toContain((JSON.parse(r.stdout) as { behavior: string }).behavior);
  });
});

describe('eval', () => {
  const heldout = 'test/fixtures/behaviors/heldout.tsv';

  it('prints accuracy, macro-F1, group accuracy and per-behaviour scores', async () => {
    const r = await runCli('eval', join(root, heldout));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Accuracy\s+0\.\d+/);
    expect(r.stdout).toMatch(/Macro-F1\s+0\.\d+/);
    expect(r.stdout).toMatch(/Group accuracy\s+0\.\d+/);
    for (const behavior of BEHAVIORS) expect(r.stdout).toContain(behavior);
  });

  it('--json prints parseable metrics', async () => {
    const r = await runCli('eval', join(root, heldout), '--json');
    expect(r.code).toBe(0);
    const e = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(e).toMatchObject({
      examples: expect.any(Number),
      accuracy: expect.any(Number),
      macroF1: expect.any(Number),
      groupAccuracy: expect.any(Number),
    });
    expect(e.perBehavior).toHaveLength(13);
  });
});

describe('play', () => {
  const playJson = (...extra: string[]) =>
    runCli('play', '--scenario', 'light-stack-leader', '--replies', replies, '--json', ...extra);

  it('--json gives the scenario, seed, opening, turns, outcome, end turn and report', async () => {
    const r = await playJson('--seed', '3');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    for (const key of ['scenario', 'seed', 'opening', 'turns', 'outcome', 'endedAtTurn', 'report'])
      expect(out).toHaveProperty(key);
    expect(out).toMatchObject({ scenario: 'light-stack-leader', seed: 3, outcome: 'advanced' });
    expect(typeof out.opening).toBe('string');
    const turns = out.turns as Record<string, unknown>[];
    expect(turns).toHaveLength(4);
    expect(out.endedAtTurn).toBe(4);
    for (const turn of turns) {
      for (const key of ['rep', 'behavior', 'group', 'buyer', 'meters'])
        expect(turn).toHaveProperty(key);
      expect(BEHAVIORS).toContain(turn.behavior);
      expect(typeof turn.buyer).toBe('string');
      expect(turn.meters).toMatchObject({
        trust: expect.any(Number),
        patience: expect.any(Number),
      });
    }
    const report = out.report as Record<string, unknown>;
    for (const key of ['valueCreation', 'pitching', 'overall', 'metrics', 'moments'])
      expect(report).toHaveProperty(key);
    expect(report.moments).toHaveLength(4);
  });

  it('an open meeting has no end turn', async () => {
    const two = file('two.txt', 'What are your goals this year?\nWhere do deals get stuck?\n');
    const out = JSON.parse(
      (await runCli('play', '--scenario', 'light-stack-leader', '--replies', two, '--json')).stdout,
    ) as Record<string, unknown>;
    expect(out).toMatchObject({ outcome: 'open', endedAtTurn: null });
  });

  it('the same seed twice gives identical output; another seed changes the wording', async () => {
    expect((await playJson('--seed', '11')).stdout).toBe((await playJson('--seed', '11')).stdout);
    const openings = new Set<string>();
    for (const seed of ['1', '2', '3', '4', '5']) {
      openings.add(
        (JSON.parse((await playJson('--seed', seed)).stdout) as { opening: string }).opening,
      );
    }
    expect(openings.size).toBeGreaterThan(1);
  });

  it('--difficulty changes the meeting', async () => {
    const pitches = file(
      'pitches.txt',
      [
        'Our platform is the only one that combines coaching and forecasting in one place.',
        'Customers who switched to us grew pipeline 40% in one quarter.',
        'We help sales teams like yours double their pipeline with our AI platform.',
        'Our dashboard gives every manager a live view of every deal.',
        'We are the leading coaching platform for freight sales teams.',
      ].join('\n'),
    );
    const end = async (difficulty: string) =>
      (
        JSON.parse(
          (
            await runCli(
              'play',
              '--scenario',
              'light-stack-leader',
              '--replies',
              pitches,
              '--difficulty',
              difficulty,
              '--json',
            )
          ).stdout,
        ) as { endedAtTurn: number }
      ).endedAtTurn;
    expect(await end('hard')).toBeLessThan(await end('easy'));
  });

  it('readable output shows the conversation and the report', async () => {
    const r = await runCli('play', '--scenario', 'light-stack-leader', '--replies', replies);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Marcus Hale/);
    expect(r.stdout).toMatch(/You \[goal_question\]/);
    expect(r.stdout).toMatch(/Session report/);
    expect(r.stdout).toMatch(/Value creation\s+\d+\/100/);
  });

  it('a scenario file path works as well as a built-in id', async () => {
    const path = join(root, 'scenarios/light-stack-leader.yaml');
    const byPath = await runCli('play', '--scenario', path, '--replies', replies, '--json');
    expect(byPath.code).toBe(0);
    expect(byPath.stdout).toBe((await playJson()).stdout);
  });

  it('emoji and control characters inside replies are tolerated', async () => {
    const r = await runCli(
      'play',
      '--scenario',
      'light-stack-leader',
      '--replies',
      noisyReplies,
      '--json',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { turns: { rep: string; behavior: string }[] };
    expect(out.turns).toHaveLength(2);
    expect(out.turns[0]?.behavior).toBe('goal_question');
    for (const turn of out.turns) expect(turn.rep).not.toMatch(/\p{Cc}/u);
  });
});

describe('score', () => {
  it('scores a transcript file into a readable report', async () => {
    const r = await runCli('score', transcript);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Session report/);
    expect(r.stdout).toMatch(/Moments/);
  });

  it('--json prints the report', async () => {
    const r = await runCli('score', transcript, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { moments: unknown[]; valueCreation: number };
    expect(report.moments).toHaveLength(3);
    expect(report.valueCreation).toBeGreaterThan(50);
  });

  const ZOOM = [
    'WEBVTT',
    '',
    '1',
    '00:00:01.000 --> 00:00:04.500',
    'Sam Lee: Thanks for making the time, Dana. Is it okay if I mostly ask questions today?',
    '',
    '2',
    '00:00:05.000 --> 00:00:08.000',
    'Dana Kessler: Sure, go ahead. I have twenty minutes.',
    '',
    '3',
    '00:00:08.500 --> 00:00:12.000',
    'Sam Lee: What does a great year look like for the revenue team?',
    '',
    '4',
    '00:00:12.800 --> 00:01:20.000',
    'Dana Kessler: Pipeline. I want three times what we had this year, so we are hiring SDRs.',
    '',
  ].join('\n');

  it('a Zoom WebVTT call is scored with the rep chosen by first name, and its timings are measured', async () => {
    const call = file('zoom-call.vtt', ZOOM);
    const r = await runCli('score', call, '--rep', 'sam');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Real call +.*zoom-call\.vtt \(vtt\)/);
    expect(r.stdout).toMatch(/Rep +Sam Lee/);
    expect(r.stdout).toMatch(/Buyer side +Dana Kessler/);
    expect(r.stdout).toMatch(/rep talk share \(measured from speaking time\)/);
    const json = await runCli('score', call, '--rep', 'Sam Lee', '--json');
    const report = JSON.parse(json.stdout) as {
      metrics: { timings: string };
      call: { rep: string; format: string };
      moments: unknown[];
    };
    expect(report.metrics.timings).toBe('measured');
    expect(report.call).toMatchObject({ rep: 'Sam Lee', format: 'vtt' });
    expect(report.moments).toHaveLength(2);
  });

  it('the same words without times are estimated, and --format forces a reader', async () => {
    const names = file(
      'names.txt',
      'Sam: What does a great year look like?\nDana: More pipeline.\n',
    );
    const r = await runCli('score', names, '--rep', 'Sam', '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { metrics: { timings: string } }).metrics.timings).toBe(
      'estimated',
    );
    const forced = await runCli('score', names, '--rep', 'Sam', '--format', 'srt');
    expect(forced.code).toBe(1);
    expect(forced.stderr).toMatch(/names\.txt/);
  });

  it('without --rep a call lists its speakers and the likely rep instead of guessing', async () => {
    const r = await runCli('score', file('no-rep.vtt', ZOOM));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no-rep\.vtt: say which speaker is the rep with --rep NAME/);
    expect(r.stderr).toMatch(/Sam Lee \(2 turns, 2 questions\), Dana Kessler/);
    expect(r.stderr).toMatch(/Most likely the rep: Sam Lee/);
  });

  it('an unknown --rep or --format is refused in one line', async () => {
    const call = file('unknown-rep.vtt', ZOOM);
    const unknown = await runCli('score', call, '--rep', 'Bob');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/unknown-rep\.vtt: no speaker called "Bob"/);
    const format = await runCli('score', call, '--rep', 'Sam', '--format', 'xml');
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/--format must be one of vtt, srt, otter, names, rep-buyer/);
  });

  it('a transcript problem is reported with its line number', async () => {
    const bad = file('bad-transcript.txt', 'REP: Hello.\nBUYER:\n');
    const r = await runCli('score', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}:2: the BUYER line is empty`);
  });
});

describe('validate and scenarios', () => {
  it('validate --json reports files, errors and warnings', async () => {
    const r = await runCli('validate', brokenScenario, '--json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { files: number; errors: number; problems: unknown[] };
    expect(out).toMatchObject({ files: 1, errors: 1 });
  });

  it('validate reports a missing path', async () => {
    const r = await runCli('validate', join(dir, 'nowhere'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/no such file or folder/);
  });

  it('scenarios lists light-stack-leader', async () => {
    const r = await runCli('scenarios');
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toContain('light-stack-leader');
    const list = JSON.parse((await runCli('scenarios', '--json')).stdout) as { id: string }[];
    expect(list.map((s) => s.id)).toContain('light-stack-leader');
  });
});

describe('practice', () => {
  it('holds a meeting from typed lines and ends with the report', () => {
    const raw = spawnSync(
      'npx',
      [
        'tsx',
        'src-main/cli/index.ts',
        'practice',
        '--scenario',
        'light-stack-leader',
        '--seed',
        '3',
        '--no-save',
      ],
      {
        cwd: root,
        encoding: 'utf8',
        timeout: SPAWN_TIMEOUT,
        env: spawnEnv(),
        input: [
          'normal',
          'What has to be true by the end of next year for you to call it a great year?',
          '',
          '/end',
          'this line is never read',
          '',
        ].join('\n'),
      },
    );
    expect(raw.status).toBe(0);
    expect(raw.stderr).toBe('');
    expect(raw.stdout).toContain('Marcus Hale, VP of Sales at Brightline Freight');
    expect(raw.stdout).toContain('Seed 3');
    expect(raw.stdout).toMatch(/Marcus Hale: .*(85|goal)/);
    expect(raw.stdout).toContain('Session report');
    expect(raw.stdout).toContain('goal_question');
  });
});

describe('new', () => {
  it('starts a scenario file that loads and plays, named after its id', async () => {
    const r = await runCli('new', 'my-buyer', '--dir', dir);
    expect(r.code).toBe(0);
    const path = join(dir, 'my-buyer.yaml');
    expect(r.stdout).toContain(path);
    expect(readFileSync(path, 'utf8')).toMatch(/^id: my-buyer$/m);
    const validated = await runCli('validate', path);
    expect(validated.code).toBe(0);
    expect(validated.stdout).toBe('');
    const played = await runCli('play', '--scenario', path, '--replies', replies, '--json');
    expect(played.code).toBe(0);
    expect(JSON.parse(played.stdout).scenario).toBe('my-buyer');
  });

  it('never overwrites an existing file', async () => {
    const path = file('taken.yaml', 'my own work\n');
    const r = await runCli('new', 'taken', '--dir', dir);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/taken\.yaml: already exists/)]);
    expect(readFileSync(path, 'utf8')).toBe('my own work\n');
  });

  it("writes to the data folder's scenarios folder by default, where the app lists it, and validate checks it there", async () => {
    const dataDir = join(dir, 'data-for-new');
    const r = await runCli('new', 'our-buyer', '--data-dir', dataDir);
    expect(r.code).toBe(0);
    const path = join(dataDir, 'scenarios', 'our-buyer.yaml');
    expect(readFileSync(path, 'utf8')).toMatch(/^id: our-buyer$/m);
    const checked = await runCli('validate', '--data-dir', dataDir, '--json');
    expect(checked.code).toBe(0);
    // Three built-in buyers and ours, and the built-in drill banks and tracks.
    const drillFiles = ['drills', 'tracks'].flatMap((d) =>
      readdirSync(join(root, 'scenarios', d)).filter((f) => f.endsWith('.yaml')),
    ).length;
    expect(JSON.parse(checked.stdout).files).toBe(4 + drillFiles);
  });

  it('validate with no path reports an own scenario that takes a built-in id', async () => {
    const dataDir = join(dir, 'data-for-clash');
    mkdirSync(join(dataDir, 'scenarios'), { recursive: true });
    const builtIn = readFileSync(join(root, 'scenarios', 'average-cro.yaml'), 'utf8');
    writeFileSync(join(dataDir, 'scenarios', 'copy.yaml'), builtIn);
    const checked = await runCli('validate', '--data-dir', dataDir);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toMatch(
      /copy\.yaml:1:1: .*the id "average-cro" belongs to a built-in scenario; give this scenario another id/,
    );
  });

  it('refuses an id that is not lowercase letters, digits and hyphens', async () => {
    const r = await runCli('new', 'My Buyer', '--dir', dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not a scenario id/);
  });

  it('reads relative paths from the folder the user typed the command in', () => {
    const raw = spawnSync(
      'npm',
      ['--prefix', root, 'run', '--silent', 'cli', '--', 'new', 'from-here', '--out', '.'],
      { cwd: dir, encoding: 'utf8', timeout: SPAWN_TIMEOUT, env: spawnEnv() },
    );
    expect(raw.stderr).toBe('');
    expect(readFileSync(join(dir, 'from-here.yaml'), 'utf8')).toMatch(/^id: from-here$/m);
  });
});

describe('help', () => {
  it.each(Object.keys(COMMANDS))('%s --help prints its usage and exits 0', async (command) => {
    const r = await runCli(command, '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: .*${command}`));
    expect(r.stderr).toBe('');
  });

  it('help and -h print the main usage and exit 0', async () => {
    for (const flag of ['help', '-h', '--help']) {
      const r = await runCli(flag);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Commands:/);
    }
  });

  it('no command prints the main usage with a non-zero exit', async () => {
    const r = await runCli();
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(/Commands:/);
  });
});

const BAD_INPUT: [string, string[], RegExp][] = [
  ['an unknown command', ['bogus'], /unknown command "bogus"/],
  [
    'an unknown option',
    ['classify', '--bogus', 'hi'],
    /unknown option "--bogus"; .*put it after --, as in: -- "--bogus"/,
  ],
  ['an option without its value', ['play', '--scenario'], /--scenario needs a value/],
  ['an option another command takes', ['classify', 'hi', '--seed', '3'], /does not take --seed/],
  [
    'an unknown scenario',
    ['play', '--scenario', 'nobody', '--replies', 'REPLIES'],
    /unknown scenario "nobody".*light-stack-leader/,
  ],
  ['a missing file', ['score', 'MISSING'], /does-not-exist\.txt: no such file/],
  [
    'a missing replies file',
    ['play', '--scenario', 'light-stack-leader', '--replies', 'MISSING'],
    /does-not-exist\.txt: no such file/,
  ],
  ['a binary file', ['score', 'BINARY'], /binary\.txt: looks like a binary file/],
  [
    'a binary replies file',
    ['play', '--scenario', 'light-stack-leader', '--replies', 'BINARY'],
    /binary\.txt: looks like a binary file/,
  ],
  [
    'an empty replies file',
    ['play', '--scenario', 'light-stack-leader', '--replies', 'EMPTY_REPLIES'],
    /empty-replies\.txt: no replies/,
  ],
  [
    'a 50,000-character reply',
    ['play', '--scenario', 'light-stack-leader', '--replies', 'HUGE'],
    /huge-reply\.txt:1: a reply can be at most \d+ characters; this one has 50000/,
  ],
  [
    'a 50,000-character TEXT to classify',
    ['classify', 'x'.repeat(50_000)],
    /at most \d+ characters/,
  ],
  [
    'an emoji-only reply',
    ['play', '--scenario', 'light-stack-leader', '--replies', 'EMOJI_ONLY'],
    /emoji-only\.txt:2: a reply needs at least one word/,
  ],
  ['an emoji-only TEXT to classify', ['classify', '🎯🔥'], /at least one word/],
  [
    'a malformed YAML scenario',
    ['play', '--scenario', 'BROKEN_YAML', '--replies', 'REPLIES'],
    /broken\.yaml:\d+:\d+: YAML: /,
  ],
  [
    'a --seed that is not a number',
    ['play', '--scenario', 'light-stack-leader', '--replies', 'REPLIES', '--seed', 'abc'],
    /--seed must be a whole number.*"abc"/,
  ],
  [
    'a negative --seed',
    ['play', '--scenario', 'light-stack-leader', '--replies', 'REPLIES', '--seed=-3'],
    /--seed must be a whole number/,
  ],
  [
    'a negative --seed given as its own argument',
    ['play', '--scenario', 'light-stack-leader', '--replies', 'REPLIES', '--seed', '-1'],
    /--seed must be a whole number from 0 up .*not "-1"/,
  ],
  [
    'a folder with no scenario files to validate',
    ['validate', 'EMPTY_FOLDER'],
    /no-scenarios: no scenario files here \(a scenario file ends in \.yaml or \.yml\)/,
  ],
  [
    'an empty file to classify',
    ['classify', '--file', 'EMPTY_REPLIES'],
    /empty-replies\.txt: nothing to classify/,
  ],
  [
    'a transcript line over 4,000 characters',
    ['score', 'HUGE_TRANSCRIPT'],
    /huge-transcript\.txt:2: a REP line can be at most 4000 characters; this one has 5000$/,
  ],
  [
    'an emoji-only transcript line',
    ['score', 'EMOJI_TRANSCRIPT'],
    /emoji-transcript\.txt:3: the REP line has no words$/,
  ],
  [
    'a transcript passed as --scenario',
    ['play', '--scenario', 'TRANSCRIPT', '--replies', 'REPLIES'],
    /transcript\.txt: this is a transcript \(REP: and BUYER: lines\), not a scenario file; score it with: .* score /,
  ],
  [
    '--data-dir naming a file',
    ['practice', '--scenario', 'light-stack-leader', '--data-dir', 'TRANSCRIPT'],
    /^first-meeting: The data folder .*transcript\.txt is a file, not a folder\. Choose another with --data-dir/,
  ],
  [
    'new --dir naming a file',
    ['new', 'my-buyer', '--dir', 'TRANSCRIPT'],
    /transcript\.txt: a file, not a folder/,
  ],
  [
    'a fractional --seed',
    ['play', '--scenario', 'light-stack-leader', '--replies', 'REPLIES', '--seed', '1.5'],
    /--seed must be a whole number/,
  ],
  [
    'an unknown --difficulty',
    ['play', '--scenario', 'light-stack-leader', '--replies', 'REPLIES', '--difficulty', 'brutal'],
    /--difficulty must be easy, normal or hard.*"brutal"/,
  ],
  ['play without --replies', ['play', '--scenario', 'light-stack-leader'], /--replies/],
  ['eval of a file that is not labelled TSV', ['eval', 'REPLIES'], /replies\.txt:1: /],
];

describe('bad input', () => {
  it.each(BAD_INPUT)(
    '%s: non-zero exit, a clear message, no stack trace',
    async (_name, args, message) => {
      const r = await runCli(...args.map(placeholder));
      expect(r.code).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(lines(r.stderr)[0]).toMatch(/^first-meeting: /);
      expect(lines(r.stderr)[0]).toMatch(message);
      expect(r.stderr).not.toMatch(/unexpected error/);
      expect(r.stderr).not.toMatch(STACK_FRAME);
    },
  );

  it('an empty --seed is refused, not read as seed 0', async () => {
    const r = await runCli(
      'play',
      '--scenario',
      'light-stack-leader',
      '--replies',
      replies,
      '--seed=',
      '--json',
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--seed must be a whole number/);
  });

  it('every bad-input failure is a single line on stderr', async () => {
    const multiLine: string[] = [];
    for (const [name, args] of BAD_INPUT) {
      const { stderr } = await runCli(...args.map(placeholder));
      if (lines(stderr).length !== 1) multiLine.push(`${name}: ${JSON.stringify(stderr)}`);
    }
    expect(multiLine).toEqual([]);
  });
});

describe('the command line says the truth', () => {
  it('every command prints readable text by default and JSON with --json', async () => {
    const newDir = join(dir, 'new-scenarios');
    mkdirSync(newDir);
    const commands: [string, string[]][] = [
      ['classify', ['classify', 'Where do deals get stuck for your team?']],
      ['play', ['play', '--scenario', 'light-stack-leader', '--replies', replies]],
      ['score', ['score', transcript]],
      ['validate', ['validate', join(root, 'scenarios/light-stack-leader.yaml')]],
      ['scenarios', ['scenarios']],
      ['new', ['new', 'truthful', '--dir', newDir]],
    ];
    const isJson = (text: string) =>
      lines(text).every((line) => {
        try {
          JSON.parse(line);
          return true;
        } catch {
          return false;
        }
      });
    for (const [name, args] of commands) {
      const text = await runCli(...args);
      expect(text.code, name).toBe(0);
      // validate puts its tally on stderr, so a valid file prints nothing on stdout.
      const shown = text.stdout + text.stderr;
      expect(shown, name).not.toBe('');
      expect(isJson(shown), `${name} without --json`).toBe(false);
      if (name === 'new') rmSync(join(newDir, 'truthful.yaml'));
      const json = await runCli(...args, '--json');
      expect(json.code, name).toBe(0);
      expect(isJson(json.stdout), `${name} --json`).toBe(true);
    }
  });

  it('classify names the behaviour, its group and its cues in words', async () => {
    const r = await runCli('classify', '--file', utterances);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Where do deals tend to get stuck for your team?\n');
    expect(r.stdout).toMatch(/^ {2}problem_question \(value\), confidence \d\.\d\d$/m);
    expect(r.stdout).toMatch(/^ {2}pitch \(pitch\), confidence \d\.\d\d$/m);
    expect(r.stdout).toMatch(/^ {2}Cues: /m);
  });

  it('classify --help describes readable output and --json', async () => {
    const r = await runCli('classify', '--help');
    expect(r.stdout).not.toMatch(/one JSON line each\)/);
    expect(r.stdout).toMatch(/--json prints one/);
  });

  it('the unknown-option hint has balanced quotes', async () => {
    const r = await runCli('classify', '--bogus', 'hi');
    const line = lines(r.stderr)[0] as string;
    expect(line.split('"').length % 2).toBe(1);
    expect(line.split("'").length % 2).toBe(1);
  });

  it('an oversized transcript line is refused without printing it back', async () => {
    const r = await runCli('score', hugeTranscript);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain(HUGE_LINE.slice(0, 60));
    expect(r.stderr.length).toBeLessThan(hugeTranscript.length + 200);
  });

  it('an emoji-only line has no words; a line with nothing after the speaker is empty', async () => {
    const emoji = await runCli('score', emojiTranscript);
    expect(emoji.stderr).toMatch(/has no words/);
    expect(emoji.stderr).not.toMatch(/is empty/);
    const empty = await runCli('score', file('empty-line.txt', 'REP: Hello there.\nBUYER:\n'));
    expect(empty.stderr).toMatch(/:2: the BUYER line is empty/);
  });

  it(
    '--seed -1, typed as two words in a real shell, says seeds are whole numbers from 0',
    {
      timeout: 120_000,
    },
    () => {
      const r = spawnCli(
        'play',
        '--scenario',
        'light-stack-leader',
        '--replies',
        replies,
        '--seed',
        '-1',
      );
      expect(r.code).toBe(2);
      expect(lines(r.stderr)).toEqual([
        'first-meeting: --seed must be a whole number from 0 up (0, 1, 2...), not "-1" (see --help)',
      ]);
      expect(r.stderr).not.toMatch(/ambiguous/);
    },
  );
});

describe('practice saves to History', () => {
  const REPLY = 'What has to be true by the end of next year for you to call it a great year?';

  it('stores the session where the app reads History, and says where', { timeout: 120_000 }, () => {
    const dataDir = join(dir, 'history-data');
    const r = spawnTyped(
      `${REPLY}\n/end\n`,
      'practice',
      '--scenario',
      'light-stack-leader',
      '--difficulty',
      'hard',
      '--seed',
      '5',
      '--data-dir',
      dataDir,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const store = SessionStore.open(dataDir);
    const rows = store.list();
    expect(rows).toHaveLength(1);
    const row = rows[0] as (typeof rows)[number];
    expect(row).toMatchObject({
      scenarioId: 'light-stack-leader',
      difficulty: 'hard',
      mode: 'coach',
      turns: 1,
    });
    expect(r.stdout).toContain(`Saved to History in ${dataDir} (session ${row.id}).`);
    const record = store.get(row.id);
    expect(record).toMatchObject({ seed: 5, reps: ['Rep'], endedBy: 'rep' });
    expect(record.turns[0]).toMatchObject({ n: 1, rep: REPLY, source: 'typed' });
    expect(record.turns[0]?.behavior).toBe('goal_question');
    expect(r.stdout).toContain(`Overall          ${record.report.overall}/100`);
  });

  it('--no-save keeps the session out of History', { timeout: 120_000 }, () => {
    const r = spawnTyped(
      `${REPLY}\n`,
      'practice',
      '--scenario',
      'light-stack-leader',
      '--difficulty',
      'normal',
      '--no-save',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Session report');
    expect(r.stdout).not.toContain('Saved to History');
    expect(existsSync(join(dir, 'app-data'))).toBe(false);
  });

  it('without --data-dir it saves to the app data folder', { timeout: 120_000 }, () => {
    const r = spawnTyped(
      `${REPLY}\n`,
      'practice',
      '--scenario',
      'light-stack-leader',
      '--difficulty',
      'easy',
    );
    expect(r.code, r.stderr).toBe(0);
    const appData = join(dir, 'app-data');
    expect(r.stdout).toContain(`Saved to History in ${appData}`);
    expect(SessionStore.open(appData).list()).toHaveLength(1);
    rmSync(appData, { recursive: true, force: true });
  });

  it(
    '--json keeps the conversation on stderr and prints one object saying where it was saved',
    {
      timeout: 120_000,
    },
    () => {
      const dataDir = join(dir, 'json-data');
      const r = spawnTyped(
        `${REPLY}\n`,
        'practice',
        '--scenario',
        'light-stack-leader',
        '--difficulty',
        'normal',
        '--seed',
        '2',
        '--data-dir',
        dataDir,
        '--json',
      );
      expect(r.code, r.stderr).toBe(0);
      expect(lines(r.stdout)).toHaveLength(1);
      const out = JSON.parse(r.stdout) as {
        seed: number;
        turns: unknown[];
        report: { overall: number };
        saved: { id: string; dataDir: string };
      };
      expect(out).toMatchObject({ seed: 2, saved: { dataDir } });
      expect(out.turns).toHaveLength(1);
      expect(r.stderr).toContain('Marcus Hale: ');
      expect(SessionStore.open(dataDir).get(out.saved.id).report.overall).toBe(out.report.overall);
    },
  );

  it(
    'empty input says nothing was held, exits non-zero and saves nothing',
    { timeout: 120_000 },
    () => {
      const dataDir = join(dir, 'empty-input-data');
      const r = spawnTyped(
        '',
        'practice',
        '--scenario',
        'light-stack-leader',
        '--difficulty',
        'normal',
        '--data-dir',
        dataDir,
      );
      expect(r.code).toBe(1);
      expect(lines(r.stderr)).toEqual([
        'first-meeting: standard input ended before your first reply; there is nothing to score or save',
      ]);
      expect(r.stdout).not.toContain('Session report');
      expect(SessionStore.open(dataDir).list()).toHaveLength(0);

      const unchosen = spawnTyped('\n', 'practice', '--no-save');
      expect(unchosen.code).toBe(1);
      expect(lines(unchosen.stderr)).toEqual([
        'first-meeting: standard input ended before a scenario was chosen; no meeting was held',
      ]);
    },
  );

  it(
    '/end before any reply says there is nothing to score and saves nothing',
    { timeout: 120_000 },
    () => {
      const dataDir = join(dir, 'ended-at-once');
      const r = spawnTyped(
        '/end\n',
        'practice',
        '--scenario',
        'light-stack-leader',
        '--difficulty',
        'normal',
        '--data-dir',
        dataDir,
      );
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(
        'The meeting ended before your first reply: there is nothing to score or save.',
      );
      expect(SessionStore.open(dataDir).list()).toHaveLength(0);
    },
  );

  it(
    '--data-dir naming a file says so in one line before the meeting, without a raw EEXIST',
    {
      timeout: 120_000,
    },
    () => {
      const r = spawnTyped(
        `${REPLY}\n`,
        'practice',
        '--scenario',
        'light-stack-leader',
        '--data-dir',
        transcript,
      );
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(lines(r.stderr)).toEqual([
        `first-meeting: The data folder ${transcript} is a file, not a folder. Choose another with --data-dir, or move the file away.`,
      ]);
      expect(r.stderr).not.toMatch(/EEXIST|ENOTDIR/);
    },
  );
});
