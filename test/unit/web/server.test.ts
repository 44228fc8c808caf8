// Browser mode for real: the server on a free loopback port, the page over
// HTTP and the contract over a WebSocket, driven by the real host. Only our
// own page (right Host, right Origin, the launch token) gets in; nothing
// outside the renderer folder is ever served; a broken message closes the
// socket instead of reaching the host.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { AnswerMessage } from '../../../src-main/contract/wire';
import { composeHost, type ComposedHost } from '../../../src-main/host/compose';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/host/security';
import { openJsonSettingsBackend } from '../../../src-main/services/json-settings';
import { dispatch } from '../../../src-main/host/dispatch';
import { PortInUseError, startWebHost, type WebHost } from '../../../src-main/web/server';

const TOKEN = 'test-token-0123456789abcdefghijklmnop';
const INDEX = '<!doctype html><title>First Meeting</title><script src="/assets/app.js"></script>';
const APP = 'console.log("first meeting");';

let root: string;
let composed: ComposedHost;
let web: WebHost;
const logged: string[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'first-meeting-web-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), INDEX);
  writeFileSync(join(rendererDir, 'assets', 'app.js'), APP);
  // Files next to the renderer folder that must never be served.
  writeFileSync(join(root, 'secret.txt'), 'TOP SECRET');
  writeFileSync(join(root, 'package.json'), '{"name":"SECRET-PACKAGE"}');
  composed = composeHost({
    dataDir: join(root, 'data'),
    shell: 'browser',
    version: '0.0.0-test',
    openSettingsBackend: openJsonSettingsBackend,
  });
  web = await startWebHost({
    call: (name, args) =>
      dispatch(composed.handlers, name, args, (message) => logged.push(message)),
    rendererDir,
    port: 0,
    token: TOKEN,
    log: (message) => logged.push(message),
  });
});

afterAll(async () => {
  await web.close();
  composed.host.close();
  rmSync(root, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request: the path is sent exactly as given, and the Host header can be anything. */
function get(path: string, options: { host?: string; method?: string; origin?: string } = {}) {
  return new Promise<Reply>((resolveReply, reject) => {
    const headers: Record<string, string> = { host: options.host ?? `127.0.0.1:${web.port}` };
    if (options.origin) headers.origin = options.origin;
    const req = request(
      { host: '127.0.0.1', port: web.port, path, method: options.method ?? 'GET', headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolveReply({ status: res.statusCode ?? 0, headers: res.headers, body }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

interface SocketOptions {
  token?: string | null;
  origin?: string | null;
  host?: string;
  path?: string;
}

type Connection = { ws: WebSocket } | { status: number };

/** Opens the call socket as a page would (our Origin, the token), or as told to. */
function connect(options: SocketOptions = {}): Promise<Connection> {
  const token = options.token === undefined ? TOKEN : options.token;
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  const origin = options.origin === undefined ? `http://127.0.0.1:${web.port}` : options.origin;
  const ws = new WebSocket(`ws://127.0.0.1:${web.port}${options.path ?? '/api'}${query}`, {
    ...(origin === null ? {} : { origin }),
    ...(options.host ? { headers: { host: options.host } } : {}),
  });
  return new Promise((resolveConnection, reject) => {
    ws.once('open', () => resolveConnection({ ws }));
    ws.once('unexpected-response', (_req, res) => {
      resolveConnection({ status: res.statusCode ?? 0 });
      res.resume();
      ws.terminate();
    });
    ws.once('error', (error) => reject(error));
  });
}

async function open(options: SocketOptions = {}): Promise<WebSocket> {
  const connection = await connect(options);
  if (!('ws' in connection)) throw new Error(`refused with ${connection.status}`);
  return connection.ws;
}

/** Sends one call message and waits for the answer with its id. */
function ask(ws: WebSocket, message: unknown, id: number): Promise<AnswerMessage> {
  return new Promise((resolveAnswer) => {
    const onMessage = (data: WebSocket.RawData) => {
      const answer = JSON.parse(data.toString()) as AnswerMessage;
      if (answer.id !== id) return;
      ws.off('message', onMessage);
      resolveAnswer(answer);
    };
    ws.on('message', onMessage);
    ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

function closeCode(ws: WebSocket): Promise<number> {
  return new Promise((resolveCode) => ws.once('close', (code) => resolveCode(code)));
}

describe('the page over HTTP', () => {
  it('with the token, the page is served with a Content-Security-Policy and no caching', async () => {
    const reply = await get(`/?token=${TOKEN}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(INDEX);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(reply.headers['x-frame-options']).toBe('DENY');
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(web.url).toBe(`http://127.0.0.1:${web.port}/?token=${TOKEN}`);
  });

  it('without the token, or with a wrong one, the page is refused with 401', async () => {
    for (const path of ['/', '/index.html', '/?token=', '/?token=wrong', `/?token=${TOKEN}x`]) {
      const reply = await get(path);
      expect(reply.status, path).toBe(401);
      expect(reply.body).not.toContain('First Meeting</title>');
      expect(reply.body).toMatch(/token/);
    }
  });

  it('another Host is refused with 403, even with the token, for the page and its scripts', async () => {
    for (const host of ['evil.com', `evil.com:${web.port}`, `127.0.0.1:${web.port + 1}`]) {
      expect((await get(`/?token=${TOKEN}`, { host })).status, host).toBe(403);
      expect((await get('/assets/app.js', { host })).status, host).toBe(403);
    }
  });

  it('a foreign Origin is refused with 403', async () => {
    expect((await get(`/?token=${TOKEN}`, { origin: 'http://evil.com' })).status).toBe(403);
  });

  it('the public scripts are served without the token', async () => {
    const reply = await get('/assets/app.js');
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(APP);
    expect(reply.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('nothing outside the renderer folder is served, however the path is written', async () => {
    for (const path of [
      '/../package.json',
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '/%2e%2e%2fpackage.json',
      '/secret.txt%00.js',
      '/assets',
      '/missing.js',
    ]) {
      const reply = await get(path);
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toMatch(/SECRET/);
    }
    // '//secret.txt' is a path (never a host name): the renderer folder's secret.txt, which is not there.
    const doubled = await get('//secret.txt');
    expect(doubled.status).toBe(404);
    expect(doubled.body).not.toMatch(/SECRET/);
  });

  it('anything but GET or HEAD is refused with 405', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const reply = await get(`/assets/app.js`, { method });
      expect(reply.status, method).toBe(405);
    }
    expect((await get(`/?token=${TOKEN}`, { method: 'POST' })).status).toBe(405);
  });
});

describe('the call socket', () => {
  it('our page, with the token, gets answers from the host', async () => {
    const ws = await open();
    const answer = await ask(ws, { id: 1, call: 'app.info', args: null }, 1);
    expect(answer).toMatchObject({
      id: 1,
      envelope: { ok: true, value: { shell: 'browser', version: '0.0.0-test' } },
    });
    const started = await ask(
      ws,
      {
        id: 2,
        call: 'session.start',
        args: { scenarioId: 'light-stack-leader', difficulty: 'easy', mode: 'coach' },
      },
      2,
    );
    expect(started.envelope).toMatchObject({ ok: true, value: { turns: [], ended: false } });
    ws.close();
  });

  it('answers on localhost too', async () => {
    const ws = await open({
      host: `localhost:${web.port}`,
      origin: `http://localhost:${web.port}`,
    });
    expect((await ask(ws, { id: 7, call: 'settings.get', args: null }, 7)).envelope.ok).toBe(true);
    ws.close();
  });

  it('is refused without the token or with a wrong one (401)', async () => {
    for (const token of [null, '', 'wrong', TOKEN.slice(1)]) {
      expect(await connect({ token }), String(token)).toEqual({ status: 401 });
    }
  });

  it('is refused from another Origin, without an Origin, or for another Host (403)', async () => {
    expect(await connect({ origin: 'http://evil.com' })).toEqual({ status: 403 });
    expect(await connect({ origin: 'null' })).toEqual({ status: 403 });
    expect(await connect({ origin: `http://127.0.0.1.evil.com:${web.port}` })).toEqual({
      status: 403,
    });
    expect(await connect({ origin: null })).toEqual({ status: 403 });
    expect(await connect({ host: 'evil.com' })).toEqual({ status: 403 });
    expect(
      await connect({ host: `evil.com:${web.port}`, origin: `http://evil.com:${web.port}` }),
    ).toEqual({
      status: 403,
    });
    expect(await connect({ path: '/other' })).toEqual({ status: 403 });
    expect(logged.some((line) => /refused a connection/.test(line))).toBe(true);
  });

  it('a message that is not a call closes the socket with 1008', async () => {
    for (const message of [
      'not json',
      '[1,2]',
      'null',
      '{"call":"app.info","args":null}',
      '{"id":"1","call":"app.info"}',
      '{"id":1.5,"call":"app.info"}',
    ]) {
      const ws = await open();
      const closed = closeCode(ws);
      ws.send(message);
      expect(await closed, message).toBe(1008);
    }
    const ws = await open();
    const closed = closeCode(ws);
    ws.send(Buffer.from('{"id":1,"call":"app.info","args":null}'), { binary: true });
    expect(await closed).toBe(1008);
  });

  it('an unknown call or bad arguments answer invalid, and the socket stays usable', async () => {
    const ws = await open();
    expect(
      (await ask(ws, { id: 1, call: 'fs.readFile', args: '/etc/passwd' }, 1)).envelope,
    ).toMatchObject({
      ok: false,
      error: { kind: 'invalid' },
    });
    expect((await ask(ws, { id: 2, call: '__proto__', args: null }, 2)).envelope).toMatchObject({
      ok: false,
      error: { kind: 'invalid' },
    });
    expect(
      (await ask(ws, { id: 3, call: 'history.get', args: { sessionId: '../../etc/passwd' } }, 3))
        .envelope,
    ).toMatchObject({
      ok: false,
      error: { kind: 'invalid', message: expect.stringMatching(/sessionId/) },
    });
    // A call name that JavaScript cannot turn into a string must not bring the server down.
    expect((await ask(ws, '{"id":4,"call":{"toString":1},"args":null}', 4)).envelope).toMatchObject(
      { ok: false, error: { kind: 'invalid' } },
    );
    expect((await ask(ws, { id: 5, call: 'app.info', args: null }, 5)).envelope.ok).toBe(true);
    ws.close();
  });
});

describe('starting', () => {
  it('on a port that is taken fails with PortInUseError naming the port', async () => {
    const attempt = startWebHost({
      call: (name, args) => dispatch(composed.handlers, name, args, () => undefined),
      rendererDir: join(root, 'renderer'),
      port: web.port,
      log: () => undefined,
    });
    await expect(attempt).rejects.toBeInstanceOf(PortInUseError);
    await expect(attempt).rejects.toThrow(String(web.port));
  });

  it('without a token given, makes a long random one for each launch', async () => {
    const one = await startWebHost({
      call: (name, args) => dispatch(composed.handlers, name, args, () => undefined),
      rendererDir: join(root, 'renderer'),
      port: 0,
      log: () => undefined,
    });
    const two = await startWebHost({
      call: (name, args) => dispatch(composed.handlers, name, args, () => undefined),
      rendererDir: join(root, 'renderer'),
      port: 0,
      log: () => undefined,
    });
    try {
      expect(one.token.length).toBeGreaterThanOrEqual(32);
      expect(one.token).not.toBe(two.token);
      expect(one.url).toBe(`http://127.0.0.1:${one.port}/?token=${one.token}`);
    } finally {
      await one.close();
      await two.close();
    }
  });
});
