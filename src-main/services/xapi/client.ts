// Talks to a learning record store over xAPI 1.0.3's REST API with Basic auth:
// a batch is POSTed, a single statement PUT by its id, and `/about` answers
// Test connection. Only the words of an answer leave here, never the key or
// the secret.
import type { Statement } from '@xapi/xapi';

export interface LrsCredentials {
  /** The statements endpoint's base, e.g. https://lrs.example.com/xapi/ */
  readonly endpoint: string;
  readonly key: string;
  readonly secret: string;
}

export type LrsAnswer =
  | { readonly kind: 'stored' }
  /** 409: the store already holds a statement with this id. */
  | { readonly kind: 'conflict'; readonly message: string }
  | { readonly kind: 'refused'; readonly status: number; readonly message: string }
  | { readonly kind: 'tooLarge'; readonly message: string }
  | { readonly kind: 'unauthorised'; readonly message: string }
  /** The store is down or unreachable: try again later. */
  | { readonly kind: 'unavailable'; readonly message: string };

const TIMEOUT_MS = 20_000;

export function endpointUrl(endpoint: string, path: string): URL {
  const base = endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
  return new URL(path, base);
}

/** Checks an endpoint typed in Settings; throws with words on a bad one. */
export function checkEndpoint(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`"${value.trim().slice(0, 200)}" is not a web address (https://…)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(
      'the endpoint must start with https:// (or http:// for a store on this network)',
    );
  }
  if (url.username || url.password)
    throw new Error('put the key and secret in their own fields, not in the address');
  return url.toString();
}

function headers(credentials: LrsCredentials): Record<string, string> {
  const token = Buffer.from(`${credentials.key}:${credentials.secret}`, 'utf8').toString('base64');
  return {
    Authorization: `Basic ${token}`,
    'X-Experience-API-Version': '1.0.3',
    'Content-Type': 'application/json',
  };
}

async function answerOf(response: Response): Promise<LrsAnswer> {
  const body = (await response.text().catch(() => '')).slice(0, 2000);
  const message = storeMessage(body) || `${response.status} ${response.statusText}`.trim();
  if (response.ok) return { kind: 'stored' };
  switch (response.status) {
    case 409:
      return { kind: 'conflict', message };
    case 413:
      return { kind: 'tooLarge', message };
    case 401:
    case 403:
      return { kind: 'unauthorised', message };
    default:
      if (response.status >= 500 || response.status === 429 || response.status === 408) {
        return {
          kind: 'unavailable',
          message: `the store answered ${response.status}: ${message}`,
        };
      }
      return { kind: 'refused', status: response.status, message };
  }
}

/** A store's error body is often JSON with a message; otherwise its first line of text. */
function storeMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { message?: unknown; warnings?: unknown };
    if (typeof parsed.message === 'string') return parsed.message.slice(0, 500);
  } catch {
    // Not JSON: the text itself.
  }
  return body.split('\n')[0]?.trim().slice(0, 500) ?? '';
}

function unreachable(error: unknown): LrsAnswer {
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  const name = (error as Error).name;
  const words =
    name === 'TimeoutError'
      ? 'the store did not answer in time'
      : cause === 'ECONNREFUSED'
        ? 'the store refused the connection (it may be down)'
        : cause === 'ENOTFOUND' || cause === 'EAI_AGAIN'
          ? 'the store’s address could not be found (no network?)'
          : `the store could not be reached (${cause ?? (error as Error).message})`;
  return { kind: 'unavailable', message: words };
}

export type Fetch = typeof fetch;

export class LrsClient {
  constructor(
    private readonly credentials: LrsCredentials,
    private readonly fetchImpl: Fetch = fetch,
  ) {}

  async postBatch(statements: readonly Statement[]): Promise<LrsAnswer> {
    return this.request('POST', endpointUrl(this.credentials.endpoint, 'statements'), statements);
  }

  async putOne(statement: Statement): Promise<LrsAnswer> {
    const url = endpointUrl(this.credentials.endpoint, 'statements');
    url.searchParams.set('statementId', statement.id ?? '');
    return this.request('PUT', url, statement);
  }

  /** Test connection: GET /about, then an authenticated HEAD on statements (about needs no auth). */
  async test(): Promise<{ readonly ok: boolean; readonly message: string }> {
    try {
      const about = await this.fetchImpl(endpointUrl(this.credentials.endpoint, 'about'), {
        headers: headers(this.credentials),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!about.ok) return { ok: false, message: `The store’s /about answered ${about.status}.` };
      const info = (await about.json().catch(() => ({}))) as { version?: unknown };
      const versions = Array.isArray(info.version) ? info.version.map(String) : [];
      const url = endpointUrl(this.credentials.endpoint, 'statements');
      url.searchParams.set('limit', '1');
      const check = await this.fetchImpl(url, {
        method: 'HEAD',
        headers: headers(this.credentials),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (check.status === 401 || check.status === 403) {
        return { ok: false, message: 'The store refused the key and secret.' };
      }
      if (!check.ok)
        return {
          ok: false,
          message: `The store answered ${check.status} to a statements request.`,
        };
      const speaks = versions.some((v) => v.startsWith('1.0'));
      return {
        ok: true,
        message: speaks
          ? `Connected: the store speaks xAPI ${versions.join(', ')} and accepted the key.`
          : 'Connected, and the store accepted the key (it did not say which xAPI versions it speaks).',
      };
    } catch (error) {
      const answer = unreachable(error);
      return {
        ok: false,
        message: `Could not connect: ${'message' in answer ? answer.message : ''}.`,
      };
    }
  }

  private async request(method: string, url: URL, body: unknown): Promise<LrsAnswer> {
    try {
      const response = await this.fetchImpl(url, {
        method,
        headers: headers(this.credentials),
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      return await answerOf(response);
    } catch (error) {
      return unreachable(error);
    }
  }
}
