// Browser mode's transport: the built renderer over HTTP and the contract over
// a WebSocket, on 127.0.0.1 only. Every request must name our loopback Host;
// every page needs the per-launch token in its URL, and the socket needs the
// token and our own Origin, so no other site, user or machine can drive it.
//
// Every byte from the network is hostile: each handler (request, upgrade, raw
// socket, accepted WebSocket, each message, each call's promise) catches its
// own errors, answers with an HTTP status or closes with a WebSocket code, and
// logs one line. Nothing a client sends can make the process exit.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { STATUS_CODES, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Envelope } from '../contract/api';
import { TOKEN_PARAM, WIRE_PATH, type AnswerMessage } from '../contract/wire';
import {
  CONTENT_SECURITY_POLICY,
  checkBrowserRequest,
  contentTypeOf,
  isPageFile,
  requestPath,
  resolveStaticFile,
} from '../host/security';

/** Runs one call of the contract (host/dispatch.ts's `dispatch`, bound to a host). */
export type CallHandler = (name: unknown, args: unknown) => Promise<Envelope<unknown>>;

export type Log = (message: string) => void;

export interface WebHostOptions {
  /**
   * Answers calls. The server takes only this function, not the host, so it
   * can listen (and the page can load) while the host is still starting.
   */
  readonly call: CallHandler;
  /** The built renderer (out/renderer). */
  readonly rendererDir: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly token?: string;
  readonly log?: Log;
}

export interface WebHost {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

/** Largest call message accepted: a reply is at most a few kilobytes. */
const MAX_MESSAGE_BYTES = 1024 * 1024;

export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const log = options.log ?? ((message: string) => console.error(message));
  let port = options.port;

  const server = createServer((request, response) => {
    request.on('error', (error) => log(`request ${quote(request.url)}: ${errorText(error)}`));
    response.on('error', (error) => log(`answering ${quote(request.url)}: ${errorText(error)}`));
    serveFile(request, response).catch((error: unknown) => {
      log(`serving ${quote(request.url)}: ${errorText(error)}`);
      try {
        if (response.headersSent) response.destroy();
        else send(response, 500, 'text/plain; charset=utf-8', 'Internal error\n');
      } catch {
        response.destroy();
      }
    });
  });

  async function serveFile(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const target = requestPath(request.url);
    if (!target) {
      log(`refused a request: its path cannot be parsed: ${quote(request.url)}`);
      send(response, 400, 'text/plain; charset=utf-8', 'Bad request\n');
      return;
    }
    // Which file the path names decides whether it is a page: however the
    // path is spelled (`/index.html/`, `/%69ndex.html`, `//`), a page needs the token.
    const file = resolveStaticFile(options.rendererDir, target.pathname);
    const isPage = file !== null && isPageFile(file);
    const check = checkBrowserRequest(
      {
        host: request.headers.host,
        origin: request.headers.origin,
        // Only pages need the token; their scripts and styles are the public build.
        token: isPage ? new URLSearchParams(target.search).get(TOKEN_PARAM) : token,
      },
      { port, token, requireOrigin: false },
    );
    if (!check.ok) {
      send(
        response,
        check.status,
        'text/plain; charset=utf-8',
        check.status === 401
          ? 'First Meeting: open the address printed when it started; it includes a private token.\n'
          : 'Forbidden\n',
      );
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed\n');
      return;
    }
    if (!file) {
      send(response, 404, 'text/plain; charset=utf-8', 'Not found\n');
      return;
    }
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      send(response, 404, 'text/plain; charset=utf-8', 'Not found\n');
      return;
    }
    // For HEAD, Node sends the headers (with the real Content-Length) and drops the body.
    send(response, 200, contentTypeOf(file), body, {
      'Cache-Control': isPage ? 'no-store' : 'no-cache',
    });
  }

  // A request the HTTP parser refuses (a bad request line or header, headers
  // too large, a timeout) never reaches the handler above: answer it here.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    log(`refused a bad request: ${errorText(error)}`);
    // Only write an answer if no response of ours has started on this connection.
    const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const status =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? 431
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? 408
          : 400;
    refuse(socket, status);
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  sockets.on('error', (error) => log(`call sockets: ${errorText(error)}`));
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node has taken its own error handler off this socket; without one, a
    // reset from the client would be an unhandled 'error' event.
    socket.on('error', (error) => log(`connection ${quote(request.url)}: ${errorText(error)}`));
    let handedOver = false;
    try {
      const target = requestPath(request.url);
      const check = !target
        ? ({ ok: false, status: 400, reason: 'its path cannot be parsed' } as const)
        : target.pathname === WIRE_PATH
          ? checkBrowserRequest(
              {
                host: request.headers.host,
                origin: request.headers.origin,
                token: new URLSearchParams(target.search).get(TOKEN_PARAM),
              },
              { port, token, requireOrigin: true },
            )
          : ({ ok: false, status: 403, reason: 'unknown path' } as const);
      if (!check.ok) {
        log(`refused a connection to ${quote(request.url)}: ${check.reason}`);
        refuse(socket, check.status);
        return;
      }
      handedOver = true;
      sockets.handleUpgrade(request, socket, head, (ws) => serveCalls(ws));
    } catch (error) {
      log(`upgrading ${quote(request.url)}: ${errorText(error)}`);
      if (handedOver) socket.destroy();
      else refuse(socket, 500);
    }
  });

  function serveCalls(ws: WebSocket): void {
    // ws has already closed the socket with the matching code (1002 protocol
    // error, 1007 invalid UTF-8, 1009 too big) when it emits this.
    ws.on('error', (error: Error & { code?: string }) =>
      log(`closed a call socket: ${error.code ?? 'error'}: ${error.message}`),
    );
    ws.on('message', (data, isBinary) => {
      try {
        const message = isBinary ? undefined : parseCall(textOf(data));
        if (!message) {
          log('closed a call socket: a message was not a call');
          ws.close(1008, 'Expected {"id", "call", "args"}');
          return;
        }
        answer(ws, message);
      } catch (error) {
        log(`closed a call socket: ${errorText(error)}`);
        closeQuietly(ws, 1011, 'Internal error');
      }
    });
  }

  function answer(ws: WebSocket, message: { id: number; call: unknown; args: unknown }): void {
    let envelope: Promise<Envelope<unknown>>;
    try {
      envelope = Promise.resolve(options.call(message.call, message.args));
    } catch (error) {
      envelope = Promise.reject(error);
    }
    envelope
      .catch((error: unknown): Envelope<unknown> => {
        log(`call ${callLabel(message.call)} failed: ${errorText(error)}`);
        return INTERNAL_ERROR;
      })
      .then((value) => {
        if (ws.readyState !== ws.OPEN) return;
        let text: string;
        try {
          text = JSON.stringify({ id: message.id, envelope: value } satisfies AnswerMessage);
        } catch (error) {
          log(`call ${callLabel(message.call)}: its answer cannot be sent: ${errorText(error)}`);
          text = JSON.stringify({ id: message.id, envelope: INTERNAL_ERROR });
        }
        ws.send(text, (error) => {
          if (error) log(`answering ${callLabel(message.call)}: ${errorText(error)}`);
        });
      })
      .catch((error: unknown) => {
        log(`answering ${callLabel(message.call)}: ${errorText(error)}`);
        closeQuietly(ws, 1011, 'Internal error');
      });
  }

  function closeQuietly(ws: WebSocket, code: number, reason: string): void {
    try {
      ws.close(code, reason);
    } catch {
      ws.terminate();
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new PortInUseError(
              `Port ${options.port} is already in use; choose another with --port, or leave it out to pick a free one.`,
            )
          : error,
      ),
    );
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  server.on('error', (error) => log(`server: ${errorText(error)}`));
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?${TOKEN_PARAM}=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const INTERNAL_ERROR: Envelope<unknown> = {
  ok: false,
  error: { kind: 'internal', message: 'Internal error' },
};

/** Answers on a raw socket (an upgrade, or a request Node could not parse) and drops it. */
function refuse(socket: Duplex, status: number): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
  );
}

function textOf(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

/** A request target for a log line: quoted, and cut short. */
function quote(value: unknown): string {
  return JSON.stringify(typeof value === 'string' ? value.slice(0, 200) : String(value));
}

function callLabel(call: unknown): string {
  return typeof call === 'string' ? quote(call.slice(0, 80)) : typeof call;
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code ? `${code}: ${error.message}` : error.message;
  }
  return typeof error === 'string' ? error : 'unknown error';
}

function parseCall(text: string): { id: number; call: unknown; args: unknown } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { id, call, args } = value as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) return undefined;
  return { id, call, args };
}

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Length': String(Buffer.byteLength(body)),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    ...headers,
  });
  response.end(body);
}
