// Pure security checks shared by the two shells: which file a URL may serve,
// which requests may drive the browser-mode host, which links may leave the
// app. They take plain values and return decisions, so tests can throw
// hostile input at them directly.
import { timingSafeEqual } from 'node:crypto';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/** The longest request target (path and query) the browser-mode server reads. */
export const MAX_REQUEST_TARGET = 4096;

export interface RequestPath {
  /** Still percent-encoded, exactly as sent: `resolveStaticFile` decodes it. */
  readonly pathname: string;
  /** '' or the query with its leading '?'. */
  readonly search: string;
}

/**
 * The path and query of an HTTP request target, or null when it is not a plain
 * origin-form target: absolute-form (`http://host/`), `*`, anything that does
 * not start with '/', is longer than MAX_REQUEST_TARGET, has bytes outside
 * printable ASCII, or has a '%' not followed by two hex digits. Unlike
 * `new URL(target, base)` it never throws and never reads `//x` as a host:
 * `//` and `//x:y@` are paths, and what they name is for `resolveStaticFile`.
 * A fragment, which browsers never send, is dropped.
 */
export function requestPath(raw: string | undefined): RequestPath | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_REQUEST_TARGET) return null;
  if (!raw.startsWith('/')) return null;
  if (!/^[\x21-\x7e]*$/.test(raw)) return null;
  if (/%(?![0-9a-fA-F]{2})/.test(raw)) return null;
  const hash = raw.indexOf('#');
  const target = hash === -1 ? raw : raw.slice(0, hash);
  const query = target.indexOf('?');
  if (query === -1) return { pathname: target, search: '' };
  return { pathname: target.slice(0, query), search: target.slice(query) };
}

/**
 * Does serving `file` show a page of the app (so it needs the launch token)?
 * Decided from the file a path resolves to, never from how the path was
 * spelled: `/index.html/`, `/%69ndex.html` and `//` all resolve to index.html.
 * The extension is compared without case for file systems that ignore it.
 */
export function isPageFile(file: string): boolean {
  return extname(file).toLowerCase() === '.html';
}

/**
 * The file under `root` a URL path names, or null when it would leave `root`
 * or is not a plain path (encoded slashes, NUL bytes, backslashes, drive
 * letters, and names Windows would read as another file: a trailing dot or
 * space, or a ':' stream suffix).
 */
export function resolveStaticFile(root: string, urlPath: string): string | null {
  const raw = urlPath.split(/[?#]/, 1)[0] ?? '';
  // Encoded separators are never part of a file we serve.
  if (/%(2f|5c)/i.test(raw)) return null;
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (!path.startsWith('/') || path.includes('\0') || path.includes('\\')) return null;
  if (/^\/+[a-zA-Z]:/.test(path)) return null;
  const segments = path.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.')) return null;
  if (segments.some((s) => s.includes(':') || s.endsWith('.') || s.endsWith(' '))) return null;
  const file = resolve(root, ...(segments.length > 0 ? segments : ['index.html']));
  const inside = relative(resolve(root), file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    return null;
  }
  return file;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The policy every page of the app is served with (the renderer's index.html repeats it). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface BrowserRequest {
  readonly host: string | undefined;
  readonly origin: string | undefined;
  readonly token: string | null | undefined;
}

export type RequestCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly status: 401 | 403; readonly reason: string };

/**
 * May this request drive the browser-mode host? Host must be the loopback
 * address we listen on (defeats DNS rebinding), Origin, when the browser sends
 * one, must be our own page (defeats other sites), and the token must match
 * (defeats other local users and programs that cannot read our URL).
 */
export function checkBrowserRequest(
  request: BrowserRequest,
  expected: { readonly port: number; readonly token: string; readonly requireOrigin: boolean },
): RequestCheck {
  const hosts = [`127.0.0.1:${expected.port}`, `localhost:${expected.port}`];
  if (!request.host || !hosts.includes(request.host.toLowerCase())) {
    return { ok: false, status: 403, reason: 'wrong Host' };
  }
  if (request.origin === undefined) {
    if (expected.requireOrigin) return { ok: false, status: 403, reason: 'missing Origin' };
  } else if (!hosts.some((h) => request.origin === `http://${h}`)) {
    return { ok: false, status: 403, reason: 'foreign Origin' };
  }
  if (!tokensMatch(request.token, expected.token)) {
    return { ok: false, status: 401, reason: 'missing or wrong token' };
  }
  return { ok: true };
}

export function tokensMatch(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string' || expected.length === 0) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Only web links leave the app, and only without credentials in them. */
export function isSafeExternalUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' && url.username === '' && url.password === '' && url.hostname !== ''
  );
}

/** Opens a link outside the app if it is safe; `open` is the effect (Electron's shell.openExternal). */
export async function openExternalUrl(
  value: unknown,
  open: (url: string) => Promise<void>,
): Promise<boolean> {
  if (!isSafeExternalUrl(value)) return false;
  // Hand on the URL as parsed, so what was checked is exactly what is opened.
  await open(new URL(value).href);
  return true;
}
