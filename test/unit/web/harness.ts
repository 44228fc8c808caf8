// What the hostile and fuzz tests of browser mode share: the real server on a
// free 127.0.0.1 port, driven by the real host over a temporary data folder
// (as in server.test.ts), and clients that write exactly the bytes they are
// told to: raw HTTP requests and upgrades on a net.Socket, hand-built
// WebSocket frames, and a proper `ws` client for "is the host still there".
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import WebSocket from 'ws';
import type { Envelope } from '../../../src-main/contract/api';
import type { AnswerMessage } from '../../../src-main/contract/wire';
import { composeHost, type ComposedHost } from '../../../src-main/host/compose';
import { dispatch } from '../../../src-main/host/dispatch';
import { openJsonSettingsBackend } from '../../../src-main/services/json-settings';
import { startWebHost, type WebHost } from '../../../src-main/web/server';

export const TOKEN = 'hostile-token-0123456789abcdefghijklmn';
export const INDEX =
  '<!doctype html><title>First Meeting</title><script src="/assets/app.js"></script>';
/** A second page in the build: any .html file is a page and needs the token. */
export const HELP = '<!doctype html><title>First Meeting help</title>';
export const APP = 'console.log("first meeting");';

/**
 * Collects, for the test file, every uncaught exception (an 'error' event with
 * no listener) and unhandled rejection, so the test that caused one can fail
 * on it instead of only vitest's run report.
 */
export function watchUncaught(): unknown[] {
  const uncaught: unknown[] = [];
  const record = (error: unknown) => uncaught.push(error);
  beforeAll(() => {
    process.on('uncaughtException', record);
    process.on('unhandledRejection', record);
  });
  afterAll(() => {
    process.off('uncaughtException', record);
    process.off('unhandledRejection', record);
  });
  return uncaught;
}

export interface Harness {
  readonly root: string;
  readonly dataDir: string;
  readonly composed: ComposedHost;
  readonly web: WebHost;
  /** Every line the server and the dispatcher logged. */
  readonly logged: string[];
  readonly origin: string;
  close(): Promise<void>;
}

export async function startHarness(prefix: string): Promise<Harness> {
  const root = mkdtempSync(join(tmpdir(), `first-meeting-${prefix}-`));
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), INDEX);
  writeFileSync(join(rendererDir, 'help.html'), HELP);
  writeFileSync(join(rendererDir, 'assets', 'app.js'), APP);
  writeFileSync(join(root, 'secret.txt'), 'TOP SECRET');
  const dataDir = join(root, 'data');
  const logged: string[] = [];
  const composed = composeHost({
    dataDir,
    shell: 'browser',
    version: '0.0.0-test',
    openSettingsBackend: openJsonSettingsBackend,
  });
  const web = await startWebHost({
    call: (name, args) =>
      dispatch(composed.handlers, name, args, (message) => logged.push(message)),
    rendererDir,
    port: 0,
    token: TOKEN,
    log: (message) => logged.push(message),
  });
  return {
    root,
    dataDir,
    composed,
    web,
    logged,
    origin: `http://127.0.0.1:${web.port}`,
    close: async () => {
      await web.close();
      composed.host.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export interface RawReply {
  /** 0 when the server closed the connection without answering. */
  readonly status: number;
  readonly head: string;
  readonly body: string;
}

/**
 * Writes `text` as is on a fresh TCP connection and reads until the server
 * closes it. Nothing here normalises the request target, unlike http.request.
 */
export function rawExchange(port: number, text: string | Buffer): Promise<RawReply> {
  return new Promise((resolveReply) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolveReply(parseReply(Buffer.concat(chunks).toString('latin1')));
    };
    // An upgrade answered with 101 stays open: what came so far is the answer.
    const timer = setTimeout(finish, 3000);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (/^HTTP\/1\.1 101 /.test(Buffer.concat(chunks).toString('latin1'))) finish();
    });
    socket.on('error', finish);
    socket.on('close', finish);
    socket.write(text);
  });
}

function parseReply(text: string): RawReply {
  const split = text.indexOf('\r\n\r\n');
  const head = split === -1 ? text : text.slice(0, split);
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(head);
  const body = split === -1 ? '' : text.slice(split + 4);
  return {
    status: match ? Number(match[1]) : 0,
    head,
    body: /^transfer-encoding: *chunked/im.test(head) ? unchunk(body) : body,
  };
}

/** The body of a chunked reply, as far as it came. */
function unchunk(text: string): string {
  let body = '';
  let rest = text;
  for (;;) {
    const line = rest.indexOf('\r\n');
    const size = line === -1 ? NaN : parseInt(rest.slice(0, line), 16);
    if (!Number.isFinite(size) || size === 0) return body;
    body += rest.slice(line + 2, line + 2 + size);
    rest = rest.slice(line + 2 + size + 2);
  }
}

export interface RawRequestOptions {
  readonly method?: string;
  readonly host?: string;
  readonly origin?: string;
  /** Send the headers of a WebSocket upgrade. */
  readonly upgrade?: boolean;
}

/** The bytes of one request with `target` exactly as given on the request line. */
export function requestText(port: number, target: string, options: RawRequestOptions = {}) {
  const lines = [
    `${options.method ?? 'GET'} ${target} HTTP/1.1`,
    `Host: ${options.host ?? `127.0.0.1:${port}`}`,
  ];
  if (options.origin !== undefined) lines.push(`Origin: ${options.origin}`);
  if (options.upgrade) {
    lines.push(
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
    );
  } else {
    lines.push('Connection: close');
  }
  return `${lines.join('\r\n')}\r\n\r\n`;
}

export function rawRequest(
  port: number,
  target: string,
  options: RawRequestOptions = {},
): Promise<RawReply> {
  return rawExchange(port, requestText(port, target, options));
}

/** A frame a client would send: masked unless told otherwise, FIN unless told otherwise. */
export function clientFrame(options: {
  readonly opcode: number;
  readonly payload?: Buffer;
  readonly fin?: boolean;
  /** Bits 0x40 (RSV1), 0x20 (RSV2), 0x10 (RSV3). */
  readonly rsv?: number;
  readonly mask?: boolean;
  /** Claim this payload length in the header instead of the real one. */
  readonly claimedLength?: bigint;
}): Buffer {
  const payload = options.payload ?? Buffer.alloc(0);
  const length = options.claimedLength ?? BigInt(payload.length);
  const mask = options.mask ?? true;
  const first = ((options.fin ?? true) ? 0x80 : 0) | (options.rsv ?? 0) | (options.opcode & 0x0f);
  let header: Buffer;
  if (length < 126n) {
    header = Buffer.from([first, (mask ? 0x80 : 0) | Number(length)]);
  } else if (length < 65536n) {
    header = Buffer.alloc(4);
    header[0] = first;
    header[1] = (mask ? 0x80 : 0) | 126;
    header.writeUInt16BE(Number(length), 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = first;
    header[1] = (mask ? 0x80 : 0) | 127;
    header.writeBigUInt64BE(length, 2);
  }
  if (!mask) return Buffer.concat([header, payload]);
  const key = randomBytes(4);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ (key[i % 4] ?? 0)));
  return Buffer.concat([header, key, masked]);
}

export function closePayload(code: number, reason = ''): Buffer {
  const payload = Buffer.alloc(2 + Buffer.byteLength(reason));
  payload.writeUInt16BE(code, 0);
  payload.write(reason, 2);
  return payload;
}

/** A WebSocket opened by hand on a net.Socket: what the server sent after its 101. */
export interface RawSocket {
  readonly socket: Socket;
  /** Resolves with the code of the server's close frame (0 if it had none), or null if the connection ended without one. */
  readonly closed: Promise<number | null>;
}

/** Opens the call socket by hand with the right token and Origin, and reads the server's frames. */
export function rawHandshake(harness: Harness): Promise<RawSocket> {
  const port = harness.web.port;
  const key = randomBytes(16).toString('base64');
  const accept = createHash('sha1')
    .update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`)
    .digest('base64');
  const socket = connect({ host: '127.0.0.1', port });
  return new Promise((resolveSocket, reject) => {
    let buffer = Buffer.alloc(0);
    let upgraded = false;
    let settleClosed: (code: number | null) => void = () => undefined;
    const closed = new Promise<number | null>((resolveClosed) => {
      settleClosed = resolveClosed;
    });
    socket.on('error', () => settleClosed(null));
    socket.on('close', () => {
      settleClosed(null);
      if (!upgraded) reject(new Error('closed before the handshake finished'));
    });
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!upgraded) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end === -1) return;
        const head = buffer.subarray(0, end).toString('latin1');
        buffer = buffer.subarray(end + 4);
        if (
          !head.startsWith('HTTP/1.1 101 ') ||
          !head.includes(`Sec-WebSocket-Accept: ${accept}`)
        ) {
          reject(new Error(`handshake refused: ${head.split('\r\n')[0] ?? ''}`));
          socket.destroy();
          return;
        }
        upgraded = true;
        resolveSocket({ socket, closed });
      }
      // Server frames are never masked; only a close frame matters here.
      while (buffer.length >= 2) {
        const opcode = (buffer[0] ?? 0) & 0x0f;
        let length = (buffer[1] ?? 0) & 0x7f;
        let offset = 2;
        if (length === 126) {
          if (buffer.length < 4) return;
          length = buffer.readUInt16BE(2);
          offset = 4;
        } else if (length === 127) {
          if (buffer.length < 10) return;
          length = Number(buffer.readBigUInt64BE(2));
          offset = 10;
        }
        if (buffer.length < offset + length) return;
        const payload = buffer.subarray(offset, offset + length);
        buffer = buffer.subarray(offset + length);
        if (opcode === 0x8) {
          settleClosed(payload.length >= 2 ? payload.readUInt16BE(0) : 0);
          socket.destroy();
          return;
        }
      }
    });
    socket.write(
      [
        `GET /api?token=${TOKEN} HTTP/1.1`,
        `Host: 127.0.0.1:${port}`,
        `Origin: ${harness.origin}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        `Sec-WebSocket-Key: ${key}`,
        'Sec-WebSocket-Version: 13',
        '',
        '',
      ].join('\r\n'),
    );
  });
}

/** Opens the call socket as our page does (our Origin, the token). */
export function openSocket(harness: Harness): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${harness.web.port}/api?token=${TOKEN}`, {
    origin: harness.origin,
  });
  return new Promise((resolveSocket, reject) => {
    ws.once('open', () => resolveSocket(ws));
    ws.once('error', reject);
  });
}

/** Sends one call and waits (5 s at most) for the answer with its id. */
export function ask(
  ws: WebSocket,
  id: number,
  call: string,
  args: unknown,
): Promise<AnswerMessage> {
  return new Promise((resolveAnswer, reject) => {
    const done = () => {
      clearTimeout(timer);
      ws.off('message', onMessage);
      ws.off('close', onClose);
    };
    const onMessage = (data: WebSocket.RawData) => {
      const answer = JSON.parse(String(data)) as AnswerMessage;
      if (answer.id !== id) return;
      done();
      resolveAnswer(answer);
    };
    const onClose = (code: number) => {
      done();
      reject(new Error(`closed with ${code} before answering ${call}`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`no answer to ${call} within 5 s`));
    }, 5000);
    ws.on('message', onMessage);
    ws.once('close', onClose);
    ws.send(JSON.stringify({ id, call, args }));
  });
}

/** The host still answers our page: a fresh socket, one app.info call. */
export async function stillServing(harness: Harness): Promise<Envelope<unknown>> {
  const ws = await openSocket(harness);
  try {
    return (await ask(ws, 1, 'app.info', null)).envelope;
  } finally {
    ws.terminate();
  }
}

/** Every file under `folder`, by its path relative to it, with the SHA-256 of its bytes. */
export function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        files[`${relative(folder, path)}/`] = 'dir';
        walk(path);
      } else {
        files[relative(folder, path)] = createHash('sha256')
          .update(readFileSync(path))
          .digest('hex');
      }
    }
  };
  walk(folder);
  return files;
}
