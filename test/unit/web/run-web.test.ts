// `npm run web` for real (runWeb on a free port, a temporary data folder, no
// browser): it says the address to open on a line of its own, answers a call
// made the moment that address is printed (the host finishes loading behind
// it), refuses to start on a data folder it cannot use before printing any
// address, and its stop function closes the port while keeping a meeting in
// progress for next time.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect as connectTcp } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { AppInfo, SessionView } from '../../../src-main/contract/api';
import type { AnswerMessage } from '../../../src-main/contract/wire';
import { runWeb } from '../../../src-main/web/main';

const URL_LINE = /^http:\/\/127\.0\.0\.1:\d+\/\?token=\S+$/;
const VERSION = (
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8')) as {
    version: string;
  }
).version;

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'first-meeting-run-web-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** Opens the call socket the way the page at `url` does. */
function openSocket(url: string): Promise<WebSocket> {
  const address = new URL(url);
  const ws = new WebSocket(
    `ws://${address.host}/api?token=${encodeURIComponent(address.searchParams.get('token') ?? '')}`,
    { origin: address.origin },
  );
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** One call over the socket; answers its envelope. */
function ask(ws: WebSocket, id: number, call: string, args: unknown): Promise<AnswerMessage> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const answer = JSON.parse(data.toString()) as AnswerMessage;
      if (answer.id !== id) return;
      ws.off('message', onMessage);
      resolve(answer);
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, call, args }));
  });
}

async function value<T>(answer: Promise<AnswerMessage>): Promise<T> {
  const { envelope } = await answer;
  if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
  return envelope.value as T;
}

/** A TCP connection to the port: resolves 'connected', or the error code. */
function tryPort(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connectTcp({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

describe('runWeb', () => {
  it('says the address on a line of its own and answers a call made the moment it is said', async () => {
    const dataDir = join(root, 'data', 'not-yet-made');
    const said: string[] = [];
    let firstAnswer: Promise<AppInfo> | undefined;
    const stop = await runWeb({ port: 0, dataDir, open: false }, (line) => {
      said.push(line);
      // The page is opened as soon as the address appears, before runWeb has returned.
      if (URL_LINE.test(line) && !firstAnswer) {
        firstAnswer = openSocket(line).then((ws) =>
          value<AppInfo>(ask(ws, 1, 'app.info', null)).finally(() => ws.close()),
        );
      }
    });
    try {
      const urls = said.filter((line) => URL_LINE.test(line));
      expect(urls).toHaveLength(1);
      expect(said.filter((line) => line.includes('token='))).toEqual(urls);
      expect(said.join('\n')).toContain(dataDir);
      expect(firstAnswer).toBeDefined();
      expect(await firstAnswer).toMatchObject({
        shell: 'browser',
        version: VERSION,
        dataDir,
        problems: [],
        interrupted: [],
      });
      // The host is the real one: the built-in buyers are there.
      const ws = await openSocket(urls[0] ?? '');
      const scenarios = await value<{ cards: { id: string }[] }>(
        ask(ws, 2, 'scenarios.list', null),
      );
      expect(scenarios.cards.map((s) => s.id).sort()).toEqual([
        'average-cro',
        'light-stack-leader',
        'locked-in-buyer',
      ]);
      ws.close();
    } finally {
      await stop();
    }
  });

  it('a data folder that cannot be made is refused before any address is said', async () => {
    const blocker = join(root, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const said: string[] = [];
    await expect(
      runWeb({ port: 0, dataDir: join(blocker, 'data'), open: false }, (line) => said.push(line)),
    ).rejects.toThrow(/^The data folder .* could not be created \(part of its path is a file\)\./);
    expect(said).toEqual([]);
  });

  it('a data folder that is a file is refused in one sentence, with no raw EEXIST', async () => {
    const file = join(root, 'data-is-a-file');
    writeFileSync(file, 'not a folder');
    const said: string[] = [];
    const started = runWeb({ port: 0, dataDir: file, open: false }, (line) => said.push(line));
    await expect(started).rejects.toThrow(/^The data folder .* is a file, not a folder\./);
    await expect(started).rejects.not.toThrow(/EEXIST/);
    expect(said).toEqual([]);
  });

  it('stop closes the port, and a meeting in progress is offered again at the next start', async () => {
    const dataDir = join(root, 'data-stop');
    let url = '';
    const stop = await runWeb({ port: 0, dataDir, open: false }, (line) => {
      if (URL_LINE.test(line)) url = line;
    });
    const port = Number(new URL(url).port);
    expect(await tryPort(port)).toBe('connected');
    const ws = await openSocket(url);
    const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
    const view = await value<SessionView>(
      ask(ws, 1, 'session.start', {
        scenarioId: 'light-stack-leader',
        difficulty: 'normal',
        mode: 'coach',
      }),
    );
    await value(
      ask(ws, 2, 'session.reply', {
        sessionId: view.id,
        text: 'What would make next year a great year for you?',
        source: 'typed',
      }),
    );

    await stop();
    await closed; // the page's socket is closed too
    expect(await tryPort(port)).toBe('ECONNREFUSED');

    let nextUrl = '';
    const stopAgain = await runWeb({ port: 0, dataDir, open: false }, (line) => {
      if (URL_LINE.test(line)) nextUrl = line;
    });
    try {
      expect(nextUrl).not.toBe(url); // a new token each launch
      const again = await openSocket(nextUrl);
      const info = await value<AppInfo>(ask(again, 1, 'app.info', null));
      expect(info.interrupted).toMatchObject([{ id: view.id, turns: 1 }]);
      again.close();
    } finally {
      await stopAgain();
    }
  });
});
