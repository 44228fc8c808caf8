// A loopback learning record store for tests: no real LRS installs from the
// npm registry or Debian's archive on these machines (Learning Locker's
// xapi-statements needs MongoDB and Redis, which Debian 12 does not ship), so
// this one enforces the xAPI 1.0.3 rules the client relies on:
//   - Basic auth on everything but /about, and the X-Experience-API-Version header;
//   - every statement validated with Learning Locker's @learninglocker/xapi-validation
//     (400 with its warnings);
//   - ids are idempotent: a PUT or POST of an id already held with the same
//     content changes nothing (PUT: 204); different content is 409 Conflict and,
//     for a POST, the whole batch is refused and nothing of it stored (1.0.3,
//     part three, 2.1.2 and 2.1.3); two statements with one id in a batch: 400;
//   - a batch over `maxBatch` statements: 413;
//   - a scripted outage: `outage()` answers 503, `stop()` refuses connections.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import validation from '@learninglocker/xapi-validation';

// A CommonJS module: vitest hands over its default export, Playwright's loader the module.
const validate: typeof validation =
  typeof validation === 'function'
    ? validation
    : (validation as unknown as { default: typeof validation }).default;

export interface TestLrsOptions {
  readonly key?: string;
  readonly secret?: string;
  readonly maxBatch?: number;
  /** Hold each statements answer this long after storing (to kill a client mid-send). */
  readonly answerDelayMs?: number;
}

export interface Received {
  readonly method: string;
  readonly ids: readonly string[];
  readonly status: number;
}

export class TestLrs {
  readonly key: string;
  readonly secret: string;
  /** Every statement the store holds, by id. */
  readonly statements = new Map<string, unknown>();
  /** Every statements request, in order, with what it answered. */
  readonly received: Received[] = [];
  private server: Server | undefined;
  private port = 0;
  private down = false;

  constructor(private readonly options: TestLrsOptions = {}) {
    this.key = options.key ?? 'test-key';
    this.secret = options.secret ?? 'test-secret-value';
  }

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}/xapi/`;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((done) => server.listen(this.port, '127.0.0.1', done));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Connection refused from now on (the port stays reserved for start()). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  }

  /** 503 Service Unavailable for every statements request until `recover()`. */
  outage(): void {
    this.down = true;
  }

  recover(): void {
    this.down = false;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = await new Promise<string>((done) => {
      let text = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (text += chunk));
      req.on('end', () => done(text));
    });
    if (url.pathname === '/xapi/about' && req.method === 'GET') {
      return send(res, 200, { version: ['1.0.3'] });
    }
    if (
      req.headers.authorization !==
      `Basic ${Buffer.from(`${this.key}:${this.secret}`).toString('base64')}`
    ) {
      return send(res, 401, { message: 'Unauthorised' });
    }
    if (req.headers['x-experience-api-version'] !== '1.0.3') {
      return send(res, 400, { message: 'X-Experience-API-Version header missing or not 1.0.3' });
    }
    if (url.pathname !== '/xapi/statements') return send(res, 404, { message: 'Not found' });
    if (req.method === 'HEAD' || req.method === 'GET') return send(res, 200, { statements: [] });
    if (this.down) return send(res, 503, { message: 'Service Unavailable (scripted outage)' });
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return send(res, 400, { message: 'The body is not JSON' });
    }
    if (req.method === 'PUT') {
      const id = url.searchParams.get('statementId') ?? '';
      const statement = parsed as { id?: string };
      if (!id || (statement.id !== undefined && statement.id !== id)) {
        return this.answer(res, 'PUT', [id], 400, {
          message: 'statementId does not match the statement',
        });
      }
      const problem = problemOf(statement);
      if (problem) return this.answer(res, 'PUT', [id], 400, { message: problem });
      const held = this.statements.get(id);
      if (held !== undefined && !same(held, statement)) {
        return this.answer(res, 'PUT', [id], 409, {
          message: `A different statement ${id} is already stored`,
        });
      }
      this.statements.set(id, statement);
      return this.answer(res, 'PUT', [id], 204);
    }
    if (req.method === 'POST') {
      const list = (Array.isArray(parsed) ? parsed : [parsed]) as { id?: string }[];
      const ids = list.map((s) => s.id ?? '');
      if (list.length > (this.options.maxBatch ?? 100)) {
        return this.answer(res, 'POST', ids, 413, {
          message: `At most ${this.options.maxBatch ?? 100} statements a request`,
        });
      }
      if (new Set(ids).size !== ids.length) {
        return this.answer(res, 'POST', ids, 400, {
          message: 'Two statements in the batch have one id',
        });
      }
      for (const statement of list) {
        const problem = problemOf(statement);
        if (problem)
          return this.answer(res, 'POST', ids, 400, { message: `${statement.id}: ${problem}` });
      }
      for (const statement of list) {
        const held = statement.id ? this.statements.get(statement.id) : undefined;
        if (held !== undefined && !same(held, statement)) {
          return this.answer(res, 'POST', ids, 409, {
            message: `A different statement ${statement.id} is already stored`,
          });
        }
      }
      for (const statement of list) if (statement.id) this.statements.set(statement.id, statement);
      return this.answer(res, 'POST', ids, 200, ids);
    }
    return send(res, 405, { message: 'Method not allowed' });
  }

  private async answer(
    res: ServerResponse,
    method: string,
    ids: string[],
    status: number,
    body?: unknown,
  ): Promise<void> {
    this.received.push({ method, ids, status });
    if (this.options.answerDelayMs)
      await new Promise((done) => setTimeout(done, this.options.answerDelayMs));
    send(res, status, body);
  }
}

function problemOf(statement: unknown): string | undefined {
  const warnings = validate(statement);
  if (warnings.length === 0) return undefined;
  return warnings
    .slice(0, 3)
    .map((w) => `${(w as { path?: string[] }).path?.join('.') ?? 'statement'}: ${w.message}`)
    .join('; ');
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (res.destroyed) return;
  if (status === 204 || body === undefined) {
    res.writeHead(status).end();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}
