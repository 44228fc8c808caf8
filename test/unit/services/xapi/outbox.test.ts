// The outbox against the loopback store: statements reach it once each, after
// an outage too; a statement the store refuses is set aside with its message
// and the rest still go; a kill during a send loses nothing and duplicates
// nothing; the secret never reaches settings.json or the log.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Statement } from '@xapi/xapi';
import { afterEach, describe, expect, it } from 'vitest';
import { drillAttemptStatements } from '../../../../src-main/core/xapi/statements';
import { LrsClient } from '../../../../src-main/services/xapi/client';
import { CredentialStore } from '../../../../src-main/services/xapi/credentials';
import { uuidV5 } from '../../../../src-main/services/xapi/ids';
import { Outbox } from '../../../../src-main/services/xapi/outbox';
import { sendRound } from '../../../../src-main/services/xapi/sender';
import { Uploader } from '../../../../src-main/services/xapi/uploader';
import { freshFolders } from '../../support/folders';
import { TestLrs } from '../../support/lrs';
import { startFixture, type Fixture } from '../storage/fixtures/child';
import { attemptNumber } from './fixtures/attempts';

const newDataDir = freshFolders('xapi');
const options = { baseIri: 'https://lrs.example.com/fm', idFor: (n: string) => uuidV5(n) };
const learner = { id: 'l1', name: 'Ana' };
const stores: TestLrs[] = [];
const children: Fixture[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) await child.kill();
  for (const store of stores.splice(0)) await store.stop();
});

async function startStore(opts: ConstructorParameters<typeof TestLrs>[0] = {}): Promise<TestLrs> {
  const store = new TestLrs(opts);
  await store.start();
  stores.push(store);
  return store;
}

function queue(outbox: Outbox, count: number, from = 0): string[] {
  const ids: string[] = [];
  for (let i = from; i < from + count; i++) {
    const statements = drillAttemptStatements(attemptNumber(i), learner, options);
    outbox.add(statements);
    ids.push(...statements.map((s) => s.id as string));
  }
  return ids;
}

function clientFor(store: TestLrs): LrsClient {
  return new LrsClient({ endpoint: store.endpoint, key: store.key, secret: store.secret });
}

describe('the outbox', () => {
  it('is on disk when add returns, one file per statement, and adding again adds nothing', () => {
    const outbox = Outbox.in(newDataDir());
    const ids = queue(outbox, 3);
    expect(readdirSync(outbox.waitingDir).sort()).toEqual(ids.map((id) => `${id}.json`).sort());
    expect(queue(outbox, 3)).toEqual(ids);
    expect(outbox.waitingCount()).toBe(6);
  });

  it('sends in batches within the store limit and every statement arrives once', async () => {
    const store = await startStore({ maxBatch: 10 });
    const outbox = Outbox.in(newDataDir());
    const ids = queue(outbox, 12);
    const result = await sendRound(outbox, clientFor(store), 10);
    expect(result).toEqual({ delivered: 24, setAside: 0 });
    expect([...store.statements.keys()].sort()).toEqual([...ids].sort());
    expect(outbox.waitingCount()).toBe(0);
    expect(store.received.every((r) => r.ids.length <= 10 && r.status < 300)).toBe(true);
  });

  it('a batch too large for the store (413) is split, not lost', async () => {
    const store = await startStore({ maxBatch: 4 });
    const outbox = Outbox.in(newDataDir());
    const ids = queue(outbox, 5);
    expect(await sendRound(outbox, clientFor(store), 10)).toEqual({ delivered: 10, setAside: 0 });
    expect(store.statements.size).toBe(ids.length);
    expect(store.received.some((r) => r.status === 413)).toBe(true);
  });

  it('after an outage (503, then connection refused) every statement reaches the store once', async () => {
    const store = await startStore();
    const dataDir = newDataDir();
    const outbox = Outbox.in(dataDir);
    const credentials = new CredentialStore(dataDir);
    credentials.save({
      endpoint: store.endpoint,
      key: store.key,
      secret: store.secret,
      baseIri: options.baseIri,
    });
    const timers: { run: () => void; ms: number }[] = [];
    const uploader = new Uploader({
      outbox,
      credentials,
      enabled: () => true,
      setTimer: (run, ms) => {
        const timer = { run, ms };
        timers.push(timer);
        return { cancel: () => timers.splice(timers.indexOf(timer), 1) };
      },
      random: () => 1,
    });
    const ids = queue(outbox, 4);
    store.outage();
    await uploader.sendNow();
    expect(uploader.status()).toMatchObject({
      waiting: 8,
      lastError: expect.stringMatching(/503/),
    });
    expect(timers.map((t) => t.ms)).toEqual([2000]);
    await store.stop();
    ids.push(...queue(outbox, 2, 4));
    await uploader.sendNow();
    expect(uploader.status().lastError).toMatch(/refused the connection/);
    expect(timers.map((t) => t.ms)).toEqual([4000]);
    store.recover();
    await store.start();
    timers[0]?.run();
    await uploader.sendNow();
    expect(uploader.status()).toMatchObject({ waiting: 0, lastError: null });
    expect([...store.statements.keys()].sort()).toEqual([...ids].sort());
    const stored = store.received.filter((r) => r.status < 300).flatMap((r) => r.ids);
    expect(stored.length).toBe(new Set(stored).size);
  });

  it('a statement the store refuses (400) is set aside with its message; the rest are delivered', async () => {
    const store = await startStore();
    const outbox = Outbox.in(newDataDir());
    const ids = queue(outbox, 5);
    const bad = {
      ...drillAttemptStatements(attemptNumber(99), learner, options)[0],
      verb: { id: 'not an IRI' },
    };
    outbox.add([bad as Statement]);
    const result = await sendRound(outbox, clientFor(store));
    expect(result).toEqual({ delivered: 10, setAside: 1 });
    expect([...store.statements.keys()].sort()).toEqual([...ids].sort());
    const [kept] = outbox.setAside();
    expect(kept?.id).toBe(bad.id);
    expect(kept?.message).toMatch(/refused this statement \(400\): .*verb/);
    // Queued again (the session saved again): it stays aside, not back in the way.
    outbox.add([bad as Statement]);
    expect(outbox.waitingCount()).toBe(0);
  });

  it('a resend of what the store already holds is delivered, not duplicated (204 / 409)', async () => {
    const store = await startStore();
    const outbox = Outbox.in(newDataDir());
    const ids = queue(outbox, 3);
    await sendRound(outbox, clientFor(store));
    queue(outbox, 3);
    expect(outbox.waitingCount()).toBe(6);
    // A different statement under one of those ids: the store answers 409 for it.
    const first = JSON.parse(readFileSync(join(outbox.waitingDir, `${ids[1]}.json`), 'utf8'));
    first.statement.result.response = 'edited';
    outbox.delivered([ids[1] as string]);
    outbox.add([first.statement]);
    expect(await sendRound(outbox, clientFor(store))).toEqual({ delivered: 6, setAside: 0 });
    expect(store.statements.size).toBe(6);
    expect(store.received.some((r) => r.status === 409)).toBe(true);
    expect(outbox.waitingCount()).toBe(0);
  });

  it('wrong key or secret: nothing is lost and the error says to check them', async () => {
    const store = await startStore();
    const outbox = Outbox.in(newDataDir());
    queue(outbox, 2);
    const result = await sendRound(
      outbox,
      new LrsClient({ endpoint: store.endpoint, key: store.key, secret: 'wrong' }),
    );
    expect(result.stopped).toMatch(/refused the key and secret/);
    expect(outbox.waitingCount()).toBe(4);
  });

  it('a kill during a send loses nothing: a fresh sender delivers the rest, each once', async () => {
    const store = await startStore({ answerDelayMs: 150, maxBatch: 50 });
    const dataDir = newDataDir();
    const count = 120;
    const child = startFixture('../../xapi/fixtures/sender-child.ts', [
      dataDir,
      store.endpoint,
      store.key,
      store.secret,
      String(count),
    ]);
    children.push(child);
    await child.waitForLine((line) => line === 'queued');
    // Killed while the store holds a batch it has stored but not yet answered.
    await new Promise<void>((done) => {
      const check = setInterval(() => {
        if (store.received.length >= 2) {
          clearInterval(check);
          done();
        }
      }, 5);
    });
    await child.kill();
    const outbox = Outbox.in(dataDir);
    expect(outbox.waitingCount()).toBeGreaterThan(0);
    // The store had stored the batch it was answering: those are still waiting here.
    expect(outbox.waiting().some((w) => store.statements.has(w.id))).toBe(true);
    expect(outbox.waitingCount() + store.statements.size).toBeGreaterThanOrEqual(count * 2);
    const result = await sendRound(outbox, clientFor(store));
    expect(result.stopped).toBeUndefined();
    const expected = new Set<string>();
    for (let i = 0; i < count; i++) {
      for (const s of drillAttemptStatements(attemptNumber(i), learner, {
        ...options,
        baseIri: 'https://lrs.example.com/fm',
      }))
        expected.add(s.id as string);
    }
    expect(new Set(store.statements.keys())).toEqual(expected);
    expect(outbox.waitingCount()).toBe(0);
  });
});

describe('credentials', () => {
  it('live in lrs.json readable only by the user, never in settings.json, and the secret in no log', () => {
    const dataDir = newDataDir();
    const credentials = new CredentialStore(dataDir);
    const outbox = Outbox.in(dataDir);
    queue(outbox, 1);
    credentials.save({
      endpoint: 'https://lrs.example.com/xapi/',
      key: 'k-123456789',
      secret: 's3cr3t-VALUE',
      baseIri: options.baseIri,
    });
    expect(statSync(credentials.file).mode & 0o777).toBe(0o600);
    expect(credentials.read()).toMatchObject({ key: 'k-123456789', secret: 's3cr3t-VALUE' });
    for (const name of readdirSync(dataDir)) {
      if (name === 'lrs.json') continue;
      const path = join(dataDir, name);
      if (statSync(path).isFile()) expect(readFileSync(path, 'utf8')).not.toContain('s3cr3t-VALUE');
    }
    expect(existsSync(join(dataDir, 'settings.json'))).toBe(false);
  });

  it('with a cipher (the desktop app) the secret is sealed on disk and opened on read', () => {
    const dataDir = newDataDir();
    const cipher = {
      encrypt: (plain: string) => Buffer.from([...plain].reverse().join('')).toString('base64'),
      decrypt: (sealed: string) => [...Buffer.from(sealed, 'base64').toString()].reverse().join(''),
    };
    const credentials = new CredentialStore(dataDir, cipher);
    credentials.save({
      endpoint: 'https://lrs.example.com/',
      key: 'k',
      secret: 'open-sesame',
      baseIri: options.baseIri,
    });
    expect(readFileSync(credentials.file, 'utf8')).not.toContain('open-sesame');
    expect(credentials.read()?.secret).toBe('open-sesame');
    // Without the cipher (another machine's file) it is not readable, and not guessed.
    expect(new CredentialStore(dataDir).read()).toBeUndefined();
  });
});
