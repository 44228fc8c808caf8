// Settings' learning record store calls through the app's own door: the
// credentials are saved where only the user can read them and never come back
// to the page, Test connection makes a real request, and a stored meeting's
// statements reach the store once Send results is on.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import validate from '@learninglocker/xapi-validation';
import type { ComposedHost } from '../../../src-main/host/compose';
import { LIGHT_STACK_VALUE_SCRIPT } from '../../fixtures/replies';
import { attemptNumber } from '../services/xapi/fixtures/attempts';
import { freshFolders } from '../support/folders';
import { call, hostsClosedAfterEach, send, stored } from '../support/host';
import { TestLrs } from '../support/lrs';

const hostOn = hostsClosedAfterEach();
const freshDataDir = freshFolders('xapi-host');
const SECRET = 'very-secret-4711';
let store: TestLrs;

afterEach(async () => {
  await store?.stop();
});

async function meeting(composed: ComposedHost): Promise<string> {
  const view = await call(composed, 'session.start', {
    scenarioId: 'light-stack-leader',
    difficulty: 'normal',
    mode: 'coach',
  });
  for (const text of LIGHT_STACK_VALUE_SCRIPT.slice(0, 2)) {
    await call(composed, 'session.reply', { sessionId: view.id, text, source: 'typed' });
  }
  return stored(await call(composed, 'session.end', { sessionId: view.id })).id;
}

function everyFileText(dir: string): string {
  let text = '';
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    if (statSync(path).isFile() && name !== 'lrs.json') text += readFileSync(path, 'utf8');
  }
  return text;
}

describe('the learning record store in Settings', () => {
  it('saves the credentials 0600, shows the key masked and never the secret, and tests the connection', async () => {
    store = new TestLrs({ key: 'org-key-123456', secret: SECRET });
    await store.start();
    const dataDir = freshDataDir();
    const composed = hostOn(dataDir);
    expect(await call(composed, 'lrs.status', undefined)).toMatchObject({
      endpoint: '',
      hasSecret: false,
      sendResults: false,
      waiting: 0,
    });
    expect(await call(composed, 'lrs.test', undefined)).toEqual({
      ok: false,
      message: 'Save the endpoint, key and secret first.',
    });
    const saved = await send(composed, 'lrs.save', {
      endpoint: store.endpoint,
      key: 'org-key-123456',
      secret: SECRET,
    });
    expect(JSON.stringify(saved)).not.toContain(SECRET);
    expect(saved).toMatchObject({
      ok: true,
      value: { keyHint: '••••3456', hasSecret: true, secretKept: 'userOnlyFile' },
    });
    expect(statSync(join(dataDir, 'lrs.json')).mode & 0o777).toBe(0o600);
    expect(await call(composed, 'lrs.test', undefined)).toMatchObject({
      ok: true,
      message: /xAPI 1\.0\.3/,
    });

    // A new key with the secret left out keeps the saved secret; a wrong one is refused by the store.
    await call(composed, 'lrs.save', { endpoint: store.endpoint, key: 'wrong-key' });
    expect(await call(composed, 'lrs.test', undefined)).toEqual({
      ok: false,
      message: 'The store refused the key and secret.',
    });
    expect(JSON.stringify(await send(composed, 'lrs.status', undefined))).not.toContain(SECRET);
    expect(everyFileText(dataDir)).not.toContain(SECRET);
  });

  it('without a store set up, queued statements wait and Settings says what is missing', async () => {
    const composed = hostOn(freshDataDir());
    await call(composed, 'settings.set', { sendResults: true });
    await meeting(composed);
    expect(await call(composed, 'lrs.sendNow', undefined)).toMatchObject({
      waiting: 2,
      lastError: 'No learning record store is set up: add its endpoint, key and secret.',
    });
  });

  it('refuses an endpoint that is not a web address, in words', async () => {
    const composed = hostOn(freshDataDir());
    const answer = await send(composed, 'lrs.save', {
      endpoint: 'lrs.example',
      key: 'k',
      secret: 's',
    });
    expect(answer).toMatchObject({
      ok: false,
      error: { kind: 'invalid', message: /is not a web address/ },
    });
    const colon = await send(composed, 'lrs.save', {
      endpoint: 'https://x.example/',
      key: 'a:b',
      secret: 's',
    });
    expect(colon).toMatchObject({
      ok: false,
      error: { message: 'A key cannot contain a colon (:).' },
    });
    const empty = await send(composed, 'lrs.save', { endpoint: 'https://x.example/', key: '' });
    expect(empty).toMatchObject({
      ok: false,
      error: { kind: 'invalid', message: 'lrs.save: key: is empty' },
    });
  });

  it('with Send results on, a stored meeting reaches the store as valid statements; off, nothing is queued', async () => {
    store = new TestLrs({ secret: SECRET });
    await store.start();
    const dataDir = freshDataDir();
    const composed = hostOn(dataDir);
    await call(composed, 'lrs.save', {
      endpoint: store.endpoint,
      key: store.key,
      secret: SECRET,
      baseIri: 'https://learn.example.com/fm/',
    });

    await meeting(composed);
    expect((await call(composed, 'lrs.status', undefined)).waiting).toBe(0);
    expect(await send(composed, 'lrs.sendNow', undefined)).toMatchObject({
      ok: false,
      error: { message: 'Turn on Send results first.' },
    });

    await call(composed, 'settings.set', { sendResults: true });
    const id = await meeting(composed);
    const status = await call(composed, 'lrs.sendNow', undefined);
    expect(status).toMatchObject({ waiting: 0, setAside: 0, lastError: null, sendResults: true });
    const statements = [...store.statements.values()] as {
      verb: { id: string };
      actor: unknown;
      context: { extensions: Record<string, unknown> };
    }[];
    expect(statements.map((s) => s.verb.id).sort()).toEqual([
      'http://adlnet.gov/expapi/verbs/attempted',
      'http://adlnet.gov/expapi/verbs/scored',
    ]);
    for (const s of statements) expect(validate(s)).toEqual([]);
    expect(statements[0]?.actor).toEqual({
      objectType: 'Agent',
      name: 'Rep',
      account: { homePage: 'https://learn.example.com/fm', name: 'rep-rep' },
    });
    expect(
      statements[0]?.context.extensions['https://learn.example.com/fm/extensions/session-id'],
    ).toBe(id);
    const settings = readFileSync(join(dataDir, 'settings.json'), 'utf8');
    expect(JSON.parse(settings)).toMatchObject({ sendResults: true });
    expect(settings).not.toContain(SECRET);
    expect(existsSync(join(dataDir, 'xapi', 'outbox'))).toBe(true);
  });

  it('the drill hooks name the learner added in Drills and send their statements', async () => {
    store = new TestLrs({ secret: SECRET });
    await store.start();
    const dataDir = freshDataDir();
    const composed = hostOn(dataDir);
    const added = await call(composed, 'learners.add', { name: 'Cy Ode' });
    const cy = added.learners[0]?.id ?? '';
    await call(composed, 'lrs.save', { endpoint: store.endpoint, key: store.key, secret: SECRET });
    await call(composed, 'settings.set', { sendResults: true });
    composed.xapi.enqueueDrillAttempt({ ...attemptNumber(1), learnerId: cy });
    composed.xapi.enqueueTrackCompletion({
      id: 'c2f1a3e4-5b6c-4d7e-8f90-a1b2c3d4e5f6',
      learnerId: cy,
      trackId: 'first-week',
      completedAt: '2026-03-06T16:30:00.000Z',
      moduleScores: [{ moduleId: 'day-1', score: 90 }],
      verificationCode: 'FM-1',
    });
    expect(await call(composed, 'lrs.sendNow', undefined)).toMatchObject({
      waiting: 0,
      lastError: null,
    });
    const actors = [...store.statements.values()].map(
      (s) => (s as { actor: { name: string } }).actor.name,
    );
    expect(actors).toEqual(['Cy Ode', 'Cy Ode', 'Cy Ode', 'Cy Ode']);
  });

  it('while the store is down, Settings says so in words and the statements wait', async () => {
    store = new TestLrs({ secret: SECRET });
    await store.start();
    const composed = hostOn(freshDataDir());
    await call(composed, 'lrs.save', { endpoint: store.endpoint, key: store.key, secret: SECRET });
    await call(composed, 'settings.set', { sendResults: true });
    store.outage();
    await meeting(composed);
    const down = await call(composed, 'lrs.sendNow', undefined);
    expect(down).toMatchObject({
      waiting: 2,
      lastError: 'The store answered 503: Service Unavailable (scripted outage).',
    });
    store.recover();
    expect(await call(composed, 'lrs.sendNow', undefined)).toMatchObject({
      waiting: 0,
      lastError: null,
    });
    expect(store.statements.size).toBe(2);
  });
});
