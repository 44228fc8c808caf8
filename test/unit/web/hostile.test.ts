// Browser mode against hostile bytes, on a real server and real sockets: odd
// request targets and upgrade paths are answered with a 4xx (never a 500,
// never the page, never a crash), every spelling of the page needs the token,
// and malformed WebSocket frames close only the socket that sent them, with
// the right close code. After each, the host still answers our own page.
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Envelope } from '../../../src-main/contract/api';
import { startWebHost } from '../../../src-main/web/server';
import {
  APP,
  HELP,
  INDEX,
  TOKEN,
  ask,
  clientFrame,
  closePayload,
  rawExchange,
  rawHandshake,
  rawRequest,
  requestText,
  startHarness,
  stillServing,
  watchUncaught,
  type Harness,
} from './harness';

let harness: Harness;
let port: number;

// An 'error' event with no listener, or a rejected promise nobody handles,
// lands here: the test that caused it fails (see afterEach).
const uncaught = watchUncaught();

beforeAll(async () => {
  harness = await startHarness('web-hostile');
  port = harness.web.port;
});

afterAll(async () => {
  await harness.close();
});

afterEach(async () => {
  // Let a late 'error' event from the last connection surface first.
  await new Promise((resolveTick) => setTimeout(resolveTick, 50));
  expect(uncaught.splice(0).map((error) => String(error))).toEqual([]);
});

const PAGES = ['First Meeting</title>', 'First Meeting help</title>'];

function expectNoPage(body: string, label: string) {
  for (const page of PAGES) expect(body, label).not.toContain(page);
}

/** Request targets a browser, a script or a port scanner may send. */
function oddTargets(): string[] {
  return [
    '//',
    '///',
    '//x:y@',
    '//x:y@/api',
    `//127.0.0.1:${port}/ws`,
    `//127.0.0.1:${port}/api?token=${TOKEN}`,
    `///api?token=${TOKEN}`,
    '/%',
    '/%zz',
    `/api%?token=${TOKEN}`,
    `/api?token=%zz`,
    `/%2e%2e/api?token=${TOKEN}`,
    `/${'a'.repeat(5000)}`,
    `/api?token=${TOKEN}&pad=${'b'.repeat(9000)}`,
    '\\',
    '\\\\evil\\share',
    '/\\evil',
    'http://evil/',
    'http://evil/api',
    `http://127.0.0.1:${port}/api?token=${TOKEN}`,
    `http://127.0.0.1:${port}/?token=${TOKEN}`,
    `ws://127.0.0.1:${port}/api?token=${TOKEN}`,
    '*',
    'api',
    `?token=${TOKEN}`,
  ];
}

describe('odd request targets and upgrade paths', () => {
  it('are answered with a 4xx, never a 500 or the page, with or without a foreign Origin', async () => {
    for (const target of oddTargets()) {
      for (const origin of [undefined, `http://127.0.0.1:${port}`, 'http://evil.com']) {
        for (const upgrade of [false, true]) {
          const label = `${upgrade ? 'upgrade' : 'GET'} ${target.slice(0, 60)} origin=${origin}`;
          const reply = await rawRequest(port, target, { origin, upgrade });
          expect(reply.status, label).toBeGreaterThanOrEqual(400);
          expect(reply.status, label).toBeLessThan(500);
          expectNoPage(reply.body, label);
        }
      }
    }
    expect(await stillServing(harness)).toMatchObject({ ok: true });
  });

  it('a path that cannot be parsed is a 400, for a request and for an upgrade', async () => {
    for (const target of ['/%', '/%zz', 'http://evil/', '*', `/${'a'.repeat(5000)}`]) {
      expect((await rawRequest(port, target)).status, target).toBe(400);
      expect(
        (await rawRequest(port, target, { upgrade: true, origin: harness.origin })).status,
        target,
      ).toBe(400);
    }
    // '//' is a path, the page's: without the token it is a 401, not a crash or a host.
    expect((await rawRequest(port, '//')).status).toBe(401);
    // '//x:y@' is a path too, naming no file we serve.
    expect((await rawRequest(port, '//x:y@')).status).toBe(404);
    expect(
      (await rawRequest(port, '//x:y@', { upgrade: true, origin: harness.origin })).status,
    ).toBe(403);
    expect((await rawRequest(port, '//', { upgrade: true, origin: harness.origin })).status).toBe(
      403,
    );
    expect(harness.logged.some((line) => /cannot be parsed/.test(line))).toBe(true);
  });

  it('a request line the HTTP parser refuses is a 4xx, and the host keeps serving', async () => {
    for (const text of [
      'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: x\r\n\r\n',
      'GET /\x00 HTTP/1.1\r\n\r\n',
      'NONSENSE\r\n\r\n',
      `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`,
    ]) {
      const reply = await rawExchange(port, text);
      expect(reply.status, JSON.stringify(text.slice(0, 40))).toBeGreaterThanOrEqual(400);
      expect(reply.status, JSON.stringify(text.slice(0, 40))).toBeLessThan(500);
    }
    expect(harness.logged.some((line) => /bad request/.test(line))).toBe(true);
    expect(await stillServing(harness)).toMatchObject({ ok: true });
  });

  it('a client that resets the connection mid-upgrade does not take the host down', async () => {
    const targets = ['/other', '//', `/api?token=${TOKEN}`, `/api?token=wrong`];
    for (let i = 0; i < 40; i++) {
      const target = targets[i % targets.length] ?? '/';
      await new Promise<void>((resolveReset) => {
        const socket = connect({ host: '127.0.0.1', port });
        socket.on('error', () => undefined);
        socket.on('close', () => resolveReset());
        socket.write(
          requestText(port, target, {
            upgrade: true,
            origin: i % 2 === 0 ? harness.origin : 'http://evil.com',
          }),
          () => socket.resetAndDestroy(),
        );
      });
    }
    // A reset seen by the server arrives a moment later.
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
    expect(await stillServing(harness)).toMatchObject({ ok: true });
  });
});

describe('every spelling of the page', () => {
  const aliases = [
    '/',
    '//',
    '/index.html',
    '/index.html/',
    '/index.html//',
    '/%69ndex.html',
    '/index%2ehtml',
    '/index%2Ehtml',
    '/%2findex.html',
    '/assets/..//index.html',
    '/assets/../index.html',
    '//index.html',
    '///index.html',
    '/./index.html',
    '/.//index.html',
    '/INDEX.HTML',
    '/Index.Html',
    '/index.html?',
    '/index.html?token',
    '/index.html#?token=' + TOKEN,
    '/index.html.',
    '/index.html%20',
    '/index.html::$DATA',
    '/index.html%3a%3a$DATA',
    '/help.html',
    '/help.html/',
    '/%68elp.html',
    '//help.html',
    '/assets/../help.html',
    '/HELP.HTML',
  ];

  it('without the token is a 401 or a 404, never the page', async () => {
    for (const path of aliases) {
      for (const method of ['GET', 'HEAD']) {
        const reply = await rawRequest(port, path, { method });
        expect([401, 404], `${method} ${path}`).toContain(reply.status);
        expectNoPage(reply.body, path);
      }
    }
  });

  it('with the token, the spellings that name the page serve it: the file decides, not the path', async () => {
    for (const path of [
      '/',
      '//',
      '/index.html/',
      '/%69ndex.html',
      '/index%2ehtml',
      '//index.html',
    ]) {
      const reply = await rawRequest(port, `${path}?token=${TOKEN}`);
      expect(reply.status, path).toBe(200);
      expect(reply.body, path).toBe(INDEX);
      expect(reply.head, path).toMatch(/cache-control: no-store/i);
    }
    const help = await rawRequest(port, `/help.html?token=${TOKEN}`);
    expect(help.status).toBe(200);
    expect(help.body).toBe(HELP);
  });

  it('the public scripts still need no token, but still need our Host and Origin', async () => {
    for (const path of [
      '/assets/app.js',
      '/assets//app.js',
      '/%61ssets/app.js',
      '//assets/app.js',
    ]) {
      const reply = await rawRequest(port, path);
      expect(reply.status, path).toBe(200);
      expect(reply.body, path).toBe(APP);
      expect((await rawRequest(port, path, { host: 'evil.com' })).status, path).toBe(403);
      expect((await rawRequest(port, path, { origin: 'http://evil.com' })).status, path).toBe(403);
    }
  });
});

interface FrameCase {
  readonly name: string;
  readonly frames: readonly Buffer[];
  /** The code of the close frame the server must send. */
  readonly code: number;
}

const CALL = Buffer.from(JSON.stringify({ id: 1, call: 'app.info', args: null }));
const MAX_PAYLOAD = 1024 * 1024;

const FRAME_CASES: readonly FrameCase[] = [
  {
    name: 'an unmasked client frame',
    frames: [clientFrame({ opcode: 1, payload: CALL, mask: false })],
    code: 1002,
  },
  {
    name: 'reserved data opcode 0x3',
    frames: [clientFrame({ opcode: 0x3, payload: CALL })],
    code: 1002,
  },
  { name: 'reserved control opcode 0xB', frames: [clientFrame({ opcode: 0xb })], code: 1002 },
  {
    name: 'RSV1 without an extension',
    frames: [clientFrame({ opcode: 1, rsv: 0x40, payload: CALL })],
    code: 1002,
  },
  { name: 'RSV2', frames: [clientFrame({ opcode: 1, rsv: 0x20, payload: CALL })], code: 1002 },
  { name: 'RSV3', frames: [clientFrame({ opcode: 1, rsv: 0x10, payload: CALL })], code: 1002 },
  {
    name: 'a ping with a 200-byte payload',
    frames: [clientFrame({ opcode: 0x9, payload: Buffer.alloc(200, 1) })],
    code: 1002,
  },
  {
    name: 'a fragmented close frame',
    frames: [clientFrame({ opcode: 0x8, fin: false, payload: closePayload(1000) })],
    code: 1002,
  },
  { name: 'a fragmented ping', frames: [clientFrame({ opcode: 0x9, fin: false })], code: 1002 },
  {
    name: 'a continuation frame with no start',
    frames: [clientFrame({ opcode: 0x0, payload: CALL })],
    code: 1002,
  },
  {
    name: 'a new text frame inside a fragmented message',
    frames: [
      clientFrame({ opcode: 1, fin: false, payload: CALL.subarray(0, 5) }),
      clientFrame({ opcode: 1, payload: CALL }),
    ],
    code: 1002,
  },
  {
    name: 'invalid UTF-8 in a text frame',
    frames: [clientFrame({ opcode: 1, payload: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) })],
    code: 1007,
  },
  {
    name: 'an overlong UTF-8 encoding',
    frames: [clientFrame({ opcode: 1, payload: Buffer.from([0xc0, 0xaf]) })],
    code: 1007,
  },
  {
    name: 'UTF-8 cut between fragments and never finished',
    frames: [
      clientFrame({ opcode: 1, fin: false, payload: Buffer.from([0x22, 0xe2, 0x82]) }),
      clientFrame({ opcode: 0, payload: Buffer.from([0x22]) }),
    ],
    code: 1007,
  },
  {
    name: 'close code 1005',
    frames: [clientFrame({ opcode: 0x8, payload: closePayload(1005) })],
    code: 1002,
  },
  {
    name: 'close code 1006',
    frames: [clientFrame({ opcode: 0x8, payload: closePayload(1006) })],
    code: 1002,
  },
  {
    name: 'close code 999',
    frames: [clientFrame({ opcode: 0x8, payload: closePayload(999) })],
    code: 1002,
  },
  {
    name: 'close code 5000',
    frames: [clientFrame({ opcode: 0x8, payload: closePayload(5000) })],
    code: 1002,
  },
  {
    name: 'a one-byte close payload',
    frames: [clientFrame({ opcode: 0x8, payload: Buffer.from([3]) })],
    code: 1002,
  },
  {
    name: 'a close reason that is not UTF-8',
    frames: [
      clientFrame({
        opcode: 0x8,
        payload: Buffer.concat([closePayload(1000), Buffer.from([0xff])]),
      }),
    ],
    code: 1007,
  },
  {
    name: 'a frame that claims more than maxPayload',
    frames: [clientFrame({ opcode: 1, payload: CALL, claimedLength: BigInt(MAX_PAYLOAD + 1) })],
    code: 1009,
  },
  {
    name: 'a frame that claims 2^63 bytes',
    frames: [clientFrame({ opcode: 2, claimedLength: 2n ** 63n })],
    code: 1009,
  },
  {
    name: 'fragments that add up to more than maxPayload',
    frames: [
      clientFrame({ opcode: 1, fin: false, payload: Buffer.alloc(MAX_PAYLOAD / 2 + 10, 0x20) }),
      clientFrame({ opcode: 0, payload: Buffer.alloc(MAX_PAYLOAD / 2 + 10, 0x20) }),
    ],
    code: 1009,
  },
  { name: 'a binary message', frames: [clientFrame({ opcode: 2, payload: CALL })], code: 1008 },
];

describe('malformed WebSocket frames after a valid handshake', () => {
  for (const frameCase of FRAME_CASES) {
    it(`${frameCase.name}: closes that socket with ${frameCase.code}, and the host keeps serving`, async () => {
      const before = harness.logged.length;
      const raw = await rawHandshake(harness);
      raw.socket.write(Buffer.concat(frameCase.frames));
      expect(await raw.closed).toBe(frameCase.code);
      expect(harness.logged.length).toBeGreaterThan(before);
      expect(await stillServing(harness)).toMatchObject({ ok: true });
    });
  }

  it('a well-formed call over the hand-made socket is answered, so the frames above are the only fault', async () => {
    const raw = await rawHandshake(harness);
    const answered = new Promise<string>((resolveAnswer) => {
      raw.socket.on('data', (chunk: Buffer) => {
        if ((chunk[0] ?? 0) === 0x81) resolveAnswer(chunk.toString('utf8'));
      });
    });
    raw.socket.write(clientFrame({ opcode: 1, payload: CALL }));
    expect(await answered).toMatch(/"id":1,"envelope":\{"ok":true/);
    raw.socket.write(clientFrame({ opcode: 0x8, payload: closePayload(1000) }));
    expect(await raw.closed).toBe(1000);
  });
});

describe('a call that fails inside the host', () => {
  it('is answered with an internal error and logged, and the socket stays usable', async () => {
    const logged: string[] = [];
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const web = await startWebHost({
      // A host that breaks its promise never to throw, in every way it could.
      call: (name) => {
        if (name === 'throws') throw new Error('thrown, not answered');
        if (name === 'rejects') return Promise.reject(new Error('rejected'));
        if (name === 'rejects-with-nothing') return Promise.reject(undefined as unknown as Error);
        if (name === 'bigint') return Promise.resolve({ ok: true, value: 10n });
        if (name === 'circular') return Promise.resolve({ ok: true, value: circular });
        return Promise.resolve({ ok: true, value: 'fine' } satisfies Envelope<string>);
      },
      rendererDir: join(harness.root, 'renderer'),
      port: 0,
      token: TOKEN,
      log: (message) => logged.push(message),
    });
    try {
      const ws = new WebSocket(`ws://127.0.0.1:${web.port}/api?token=${TOKEN}`, {
        origin: `http://127.0.0.1:${web.port}`,
      });
      await new Promise((resolveOpen, reject) => {
        ws.once('open', resolveOpen);
        ws.once('error', reject);
      });
      let id = 0;
      for (const name of ['throws', 'rejects', 'rejects-with-nothing', 'bigint', 'circular']) {
        id += 1;
        expect((await ask(ws, id, name, null)).envelope, name).toEqual({
          ok: false,
          error: { kind: 'internal', message: 'Internal error' },
        });
      }
      expect((await ask(ws, 99, 'fine', null)).envelope).toEqual({ ok: true, value: 'fine' });
      expect(logged.filter((line) => /"(throws|rejects|bigint|circular)/.test(line))).toHaveLength(
        5,
      );
      ws.terminate();
    } finally {
      await web.close();
    }
  });
});
