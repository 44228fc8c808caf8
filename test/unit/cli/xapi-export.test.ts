// `cli xapi export`: a learner's results as statements for a learning system
// that imports files, valid, with the ids the app sends, filtered by date.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import validate from '@learninglocker/xapi-validation';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src-main/cli/index';
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

  it('with a learners file: the name must be a learner; drill attempts and --since count', async () => {
    const dataDir = freshDataDir();
    sessionsIn(dataDir);
    writeFileSync(
      join(dataDir, 'learners.json'),
      JSON.stringify([
        { id: 'l1', name: 'Ana Ruiz', createdAt: '2026-01-01T00:00:00.000Z' },
        { id: 'l2', name: 'Bo Chen', createdAt: '2026-01-02T00:00:00.000Z' },
      ]),
    );
    mkdirSync(join(dataDir, 'learners', 'l2'), { recursive: true });
    const attempts = [0, 1].map((i) => ({ ...attemptNumber(i), learnerId: 'l2' }));
    writeFileSync(
      join(dataDir, 'learners', 'l2', 'attempts.jsonl'),
      attempts.map((a) => JSON.stringify(a)).join('\n') + '\n',
    );

    const bo = JSON.parse(
      (await cli('xapi', 'export', '--learner', 'bo chen', '--data-dir', dataDir)).stdout,
    ) as Exported[];
    expect(bo).toHaveLength(4);
    expect(bo.every((s) => s.actor.name === 'Bo Chen' && s.actor.account.name === 'l2')).toBe(true);
    expect(bo.map((s) => s.verb.id.split('/').pop())).toEqual([
      'attempted',
      'attempted',
      'failed',
      'passed',
    ]);

    // History's sessions are the first learner's.
    const ana = JSON.parse(
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
    expect(ana).toHaveLength(2);
    expect(ana.every((s) => s.timestamp >= '2026-03-01')).toBe(true);

    const nobody = await cli('xapi', 'export', '--learner', 'Cy', '--data-dir', dataDir);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(/no learner named "Cy" .*the learners are: Ana Ruiz, Bo Chen/);
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
