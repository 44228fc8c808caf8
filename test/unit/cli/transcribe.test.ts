// `transcribe FILE.wav`: the text, or exactly one JSON object with four keys;
// a clear one-line error naming the file otherwise. One test spawns the real
// command to prove the process exits once the native decoder is freed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../src-main/cli/index';
import { freshFolders } from '../support/folders';
import { fliteWav, sentences, wordErrorRate } from '../support/speech';

const root = resolve(import.meta.dirname, '../../..');
const SENTENCE = sentences('sentences.txt')[0] as string;
const folder = freshFolders('cli-transcribe');
let dataDir: string;
let before: string | undefined;

beforeAll(() => {
  dataDir = folder();
  mkdirSync(dataDir, { recursive: true });
  // The app's data folder decides the whisper models: use an empty one, not the user's.
  before = process.env.FIRST_MEETING_DATA;
  process.env.FIRST_MEETING_DATA = dataDir;
});
afterAll(() => {
  if (before === undefined) delete process.env.FIRST_MEETING_DATA;
  else process.env.FIRST_MEETING_DATA = before;
});

async function runCli(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (t) => out.push(`${t}\n`), err: (t) => err.push(`${t}\n`) });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('transcribe', () => {
  it('--json prints exactly one object with text, engine, audioSeconds and decodeSeconds', async () => {
    const r = await runCli('transcribe', fliteWav(SENTENCE), '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0] as string) as Record<string, unknown>;
    expect(Object.keys(result).sort()).toEqual(['audioSeconds', 'decodeSeconds', 'engine', 'text']);
    expect(result.engine).toBe('pocketsphinx');
    expect(typeof result.audioSeconds).toBe('number');
    expect(typeof result.decodeSeconds).toBe('number');
    expect(wordErrorRate(SENTENCE, result.text as string)).toBeLessThanOrEqual(0.5);
  });

  it('prints the text alone without --json', async () => {
    const r = await runCli('transcribe', fliteWav(SENTENCE), '--engine', 'pocketsphinx');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(wordErrorRate(SENTENCE, r.stdout)).toBeLessThanOrEqual(0.5);
  });

  it('names a file that is not a WAV, in one line, exit 1', async () => {
    const path = join(dataDir, 'notes.wav');
    writeFileSync(path, 'call notes');
    const r = await runCli('transcribe', path);
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: `first-meeting: ${path}: not a WAV file (no RIFF header)\n`,
    });
  });

  it('names a missing file', async () => {
    const path = join(dataDir, 'missing.wav');
    const r = await runCli('transcribe', path, '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`first-meeting: ${path}: no such file\n`);
  });

  it('says why whisper cannot run when asked for by name, instead of using another engine', async () => {
    const r = await runCli('transcribe', fliteWav(SENTENCE), '--engine', 'whisper');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^first-meeting: whisper cannot run: No model file: .*huggingface.*\n$/,
    );
    expect(r.stderr).toContain(join(dataDir, 'models'));
  });

  it('--data-dir chooses the folder whisper models are looked for in', async () => {
    const other = folder();
    mkdirSync(other);
    const r = await runCli(
      'transcribe',
      fliteWav(SENTENCE),
      '--engine',
      'whisper',
      '--data-dir',
      other,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(join(other, 'models'));
    expect(r.stderr).not.toContain(join(dataDir, 'models'));
  });

  it('--data-dir naming a file says so in one line, without a raw EEXIST', async () => {
    const path = join(dataDir, 'not-a-folder.txt');
    writeFileSync(path, 'just a file');
    const r = await runCli('transcribe', fliteWav(SENTENCE), '--data-dir', path);
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: `first-meeting: The data folder ${path} is a file, not a folder. Choose another with --data-dir, or move the file away.\n`,
    });
  });

  it('rejects a bad --engine and a missing FILE as usage errors', async () => {
    expect((await runCli('transcribe', 'x.wav', '--engine', 'siri')).stderr).toMatch(
      /--engine must be auto, pocketsphinx or whisper, not "siri"/,
    );
    expect((await runCli('transcribe')).code).toBe(2);
    expect((await runCli('transcribe', 'a.wav', 'b.wav')).code).toBe(2);
    expect((await runCli('classify', 'hello', '--engine', 'whisper')).code).toBe(2);
  });

  it('runs as a real process and exits when done', { timeout: 90_000 }, () => {
    const r = spawnSync(
      'npx',
      ['tsx', 'src-main/cli/index.ts', 'transcribe', fliteWav(SENTENCE), '--json'],
      {
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
        // tsx caches in the temp folder: give it one that is removed afterwards.
        env: { ...process.env, FIRST_MEETING_DATA: dataDir, TMPDIR: dataDir },
      },
    );
    expect(r.status).toBe(0);
    expect(Object.keys(JSON.parse(r.stdout) as object)).toHaveLength(4);
  });
});
