// Browser mode's transport: the built renderer over HTTP and the contract over
// a WebSocket, on 127.0.0.1 only. Every request must name our loopback Host;
// the page needs the per-launch token in its URL, and the socket needs the
// token and our own Origin, so no other site, user or machine can drive it.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Envelope } from '../contract/api';
import { TOKEN_PARAM, WIRE_PATH, type AnswerMessage } from '../contract/wire';
import {
  CONTENT_SECURITY_POLICY,
  checkBrowserRequest,
  contentTypeOf,
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
    void serveFile(request, response).catch((error: unknown) => {
      log(`serving ${request.url ?? ''}: ${(error as Error).message}`);
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Internal error');
    });
  });

  async function serveFile(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const isPage = url.pathname === '/' || url.pathname === '/index.html';
    const check = checkBrowserRequest(
      {
        host: request.headers.host,
        origin: request.headers.origin,
        // Only the page itself needs the token; its scripts and styles are the public build.
        token: isPage ? url.searchParams.get(TOKEN_PARAM) : token,
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
    const file = resolveStaticFile(options.rendererDir, url.pathname);
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
    send(response, 200, contentTypeOf(file), request.method === 'HEAD' ? '' : body, {
      'Cache-Control': isPage ? 'no-store' : 'no-cache',
    });
  }

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const check =
      url.pathname === WIRE_PATH
        ? checkBrowserRequest(
            {
              host: request.headers.host,
              origin: request.headers.origin,
              token: url.searchParams.get(TOKEN_PARAM),
            },
            { port, token, requireOrigin: true },
          )
        : ({ ok: false, status: 403, reason: 'unknown path' } as const);
    if (!check.ok) {
      log(`refused a connection: ${check.reason}`);
      socket.end(
        `HTTP/1.1 ${check.status} ${check.status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
      );
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => serveCalls(ws));
  });

  function serveCalls(ws: WebSocket): void {
    ws.on('message', (data, isBinary) => {
      const message = isBinary ? undefined : parseCall(data.toString());
      if (!message) {
        ws.close(1008, 'Expected {"id", "call", "args"}');
        return;
      }
      void options.call(message.call, message.args).then((envelope) => {
        if (ws.readyState === ws.OPEN)
          ws.send(JSON.stringify({ id: message.id, envelope } satisfies AnswerMessage));
      });
    });
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
