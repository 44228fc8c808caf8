// `cli xapi export`: a learner's results as statements for a learning system
// that imports files, valid, with the ids the app sends, filtered by date.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import validate from '@learninglocker/xapi-validation';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src-main/cli/index';
import { LearnerStore } from '../../../src-main/services/drills/learners';
import { SessionStore } from '../../../src-main/services/storage/session-store';
import { attemptNumber } from '../services/xapi/fixtures/attempts';
import { recordAt } from '../services/storage/fixtures/records';
import { freshFolders } from '../support/folders';

const freshDataDir = freshFolders('xapi-cli');

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

interface Exported {
  id: string;
  verb: { id: string };
  actor: { name: string; account: { homePage: string; name: string } };
  object: { id: string };
  timestamp: string;
}

function sessionsIn(dataDir: string): void {
  const store = SessionStore.open(dataDir);
  store.save(recordAt('20260101-120000-aaaaaaaa', '2026-01-01T12:00:00.000Z'));
  store.save({
    ...recordAt('20260301-120000-bbbbbbbb', '2026-03-01T12:00:00.000Z'),
    endedAt: '2026-03-01T12:20:00.000Z',
    reps: ['Bo'],
  });
}

describe('xapi export', () => {
  it("before learners exist: a rep's sessions by name, valid statements under the given base IRI", async () => {
    const dataDir = freshDataDir();
    sessionsIn(dataDir);
    const r = await cli(
      'xapi',
      'export',
      '--learner',
      'ana',
      '--data-dir',
      dataDir,
      '--base-iri',
      'https://lms.example.org/fm',
    );
    expect(r.code).toBe(0);
    const statements = JSON.parse(r.stdout) as Exported[];
    expect(statements.map((s) => s.verb.id.split('/').pop())).toEqual(['attempted', 'scored']);
    for (const s of statements) expect(validate(s)).toEqual([]);
    expect(statements[0]?.actor.account).toEqual({
      homePage: 'https://lms.example.org/fm',
      name: 'rep-ana',
    });
    expect(statements[0]?.object.id).toBe(
      'https://lms.example.org/fm/scenarios/light-stack-leader',
    );
    expect(r.stderr).toBe('2 statements for ana');
    // The same ids every time: an LMS that imports twice keeps one of each.
    const again = JSON.parse(
      (
        await cli(
          'xapi',
          'export',
          '--learner',
          'Ana',
          '--data-dir',
          dataDir,
          '--base-iri',
          'https://lms.example.org/fm',
        )
      ).stdout,
    ) as Exported[];
    expect(again.map((s) => s.id)).toEqual(statements.map((s) => s.id));
  });

  it("with learners: the name must be a learner; a session is its learner's, older ones the first learner's; drill attempts and --since count", async () => {
    const dataDir = freshDataDir();
    sessionsIn(dataDir);
    const learners = new LearnerStore(dataDir);
    const ana = learners.add('Ana Ruiz', new Date('2026-01-01T00:00:00.000Z'));
    const bo = learners.add('Bo Chen', new Date('2026-01-02T00:00:00.000Z'));
    for (const i of [0, 1]) learners.record({ ...attemptNumber(i), learnerId: bo.id });
    learners.close();
    // Bo's own meeting, after learners existed.
    SessionStore.open(dataDir).save({
      ...recordAt('20260401-120000-cccccccc', '2026-04-01T12:00:00.000Z'),
      endedAt: '2026-04-01T12:20:00.000Z',
      learnerId: bo.id,
    });

    const boStatements = JSON.parse(
      (await cli('xapi', 'export', '--learner', 'bo chen', '--data-dir', dataDir)).stdout,
    ) as Exported[];
    expect(boStatements).toHaveLength(6);
    expect(
      boStatements.every((s) => s.actor.name === 'Bo Chen' && s.actor.account.name === bo.id),
    ).toBe(true);
    expect(boStatements.map((s) => s.verb.id.split('/').pop())).toEqual([
      'attempted',
      'attempted',
      'failed',
      'passed',
      'attempted',
      'scored',
    ]);

    // History's sessions from before learners existed are the first learner's; Bo's is not.
    const anaStatements = JSON.parse(
      (
        await cli(
          'xapi',
          'export',
          '--learner',
          'Ana Ruiz',
          '--since',
          '2026-02-01',
          '--data-dir',
          dataDir,
        )
      ).stdout,
    ) as Exported[];
    expect(anaStatements).toHaveLength(2);
    expect(anaStatements.every((s) => s.timestamp >= '2026-03-01')).toBe(true);
    expect(anaStatements.every((s) => s.timestamp < '2026-04-01')).toBe(true);
    expect(anaStatements.every((s) => s.actor.account.name === ana.id)).toBe(true);

    const nobody = await cli('xapi', 'export', '--learner', 'Cy', '--data-dir', dataDir);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(/no learner named "Cy" .*the learners are: Ana Ruiz, Bo Chen/);
  });

  it('a damaged learners file is named and left where it is', async () => {
    const dataDir = freshDataDir();
    const path = join(dataDir, 'learners.json');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path, '{"version": 1, "learners": [');
    const r = await cli('xapi', 'export', '--learner', 'Ana', '--data-dir', dataDir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(path);
    expect(r.stderr).toMatch(/not valid JSON/);
    expect(readFileSync(path, 'utf8')).toBe('{"version": 1, "learners": [');
  });

  it('refuses a missing learner, a bad date and an unknown action, in one line', async () => {
    const dataDir = freshDataDir();
    expect(await cli('xapi', 'export', '--data-dir', dataDir)).toMatchObject({
      code: 2,
      stderr: /needs --learner NAME/,
    });
    expect(
      await cli('xapi', 'export', '--learner', 'a', '--since', 'May', '--data-dir', dataDir),
    ).toMatchObject({
      code: 2,
      stderr: /--since "May" is not a date/,
    });
    expect(await cli('xapi', 'send', '--learner', 'a')).toMatchObject({
      code: 2,
      stderr: /one action: export/,
    });
  });
});
