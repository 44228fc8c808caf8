// Pure security checks shared by the two shells: which file a URL may serve,
// which requests may drive the browser-mode host, which links may leave the
// app. They take plain values and return decisions, so tests can throw
// hostile input at them directly.
import { timingSafeEqual } from 'node:crypto';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * The file under `root` a URL path names, or null when it would leave `root`
 * or is not a plain path (encoded slashes, NUL bytes, backslashes, drive letters).
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
