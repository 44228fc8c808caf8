// The security checks both shells share, fed hostile input directly: no URL
// serves a file outside the app's folder, only our own page (right Host,
// right Origin, right token) may drive the browser-mode host, and only plain
// https links may leave the app.
import fc from 'fast-check';
import { resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MAX_REQUEST_TARGET,
  checkBrowserRequest,
  contentTypeOf,
  isPageFile,
  isSafeExternalUrl,
  openExternalUrl,
  requestPath,
  resolveStaticFile,
  tokensMatch,
} from '../../../src-main/host/security';

const ROOT = resolve('/srv/first-meeting/renderer');
const inside = (file: string | null) =>
  file !== null && (file === ROOT || file.startsWith(`${ROOT}${sep}`));

describe('resolveStaticFile', () => {
  it('serves index.html for the root, and files under the folder by their path', () => {
    expect(resolveStaticFile(ROOT, '/')).toBe(resolve(ROOT, 'index.html'));
    expect(resolveStaticFile(ROOT, '/?token=abc')).toBe(resolve(ROOT, 'index.html'));
    expect(resolveStaticFile(ROOT, '/index.html')).toBe(resolve(ROOT, 'index.html'));
    expect(resolveStaticFile(ROOT, '/assets/app.js')).toBe(resolve(ROOT, 'assets', 'app.js'));
    expect(resolveStaticFile(ROOT, '/assets/app.js?v=1#top')).toBe(
      resolve(ROOT, 'assets', 'app.js'),
    );
    expect(resolveStaticFile(ROOT, '/assets/caf%C3%A9.png')).toBe(
      resolve(ROOT, 'assets', 'café.png'),
    );
  });

  it('refuses paths that climb out, however they are spelled', () => {
    for (const path of [
      '/../etc/passwd',
      '/..',
      '/assets/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/%2E%2E/etc/passwd',
      '/..%2fetc',
      '/..%2Fetc%2Fpasswd',
      '/assets/%2e%2e',
      '/assets/..%5c..%5cwin.ini',
      '/..\\..\\win.ini',
      '/a/./b',
      '/./index.html',
      '/foo/..',
    ]) {
      expect(resolveStaticFile(ROOT, path), path).toBeNull();
    }
  });

  it('refuses NUL bytes, drive letters, backslashes and malformed escapes', () => {
    for (const path of [
      '/%00',
      '/index.html%00.js',
      '/index.html\0',
      '/C:/Windows',
      '/c:%5cwindows%5cwin.ini',
      '//C:/Windows',
      '/%5C%5Cserver%5Cshare',
      '/%E0%A4%A',
      '/%',
      'etc/passwd',
      '',
    ]) {
      expect(resolveStaticFile(ROOT, path), JSON.stringify(path)).toBeNull();
    }
  });

  it('whatever it does answer is inside the folder: doubled slashes, double encoding', () => {
    for (const path of [
      '//etc/passwd',
      '///',
      '/%252e%252e/%252e%252e/etc/passwd',
      '/%25252e%25252e/etc/passwd',
      '/~/x',
      '/assets//app.js',
    ]) {
      const file = resolveStaticFile(ROOT, path);
      expect(file, path).not.toBeNull();
      expect(inside(file), `${path} -> ${file}`).toBe(true);
    }
    expect(resolveStaticFile(ROOT, '//etc/passwd')).toBe(resolve(ROOT, 'etc', 'passwd'));
    expect(resolveStaticFile(ROOT, '/%252e%252e/x')).toBe(resolve(ROOT, '%2e%2e', 'x'));
  });

  it('many random hostile paths never resolve outside the folder', () => {
    const pieces = [
      '..',
      '.',
      '%2e%2e',
      '%2e',
      '%252e',
      '%2f',
      '%5c',
      '/',
      '//',
      'a',
      'etc',
      '%00',
    ];
    for (let i = 0; i < 2000; i++) {
      let path = '/';
      const length = 1 + Math.floor(Math.random() * 8);
      for (let j = 0; j < length; j++) {
        path += pieces[Math.floor(Math.random() * pieces.length)] ?? '';
        if (Math.random() < 0.5) path += '/';
      }
      const file = resolveStaticFile(ROOT, path);
      if (file !== null) expect(inside(file), `${path} -> ${file}`).toBe(true);
    }
  });
});

describe('resolveStaticFile and Windows aliases', () => {
  it('refuses names Windows would read as another file: trailing dots or spaces, ":" streams', () => {
    for (const path of [
      '/index.html.',
      '/index.html..',
      '/index.html%20',
      '/index.html%2e',
      '/index.html::$DATA',
      '/index.html%3a%3a$DATA',
      '/assets%3a/app.js',
      '/assets./app.js',
      '/a:b',
    ]) {
      expect(resolveStaticFile(ROOT, path), path).toBeNull();
    }
    expect(resolveStaticFile(ROOT, '/assets/app.min.js')).toBe(
      resolve(ROOT, 'assets', 'app.min.js'),
    );
  });
});

describe('requestPath', () => {
  it('splits an origin-form target into its still-encoded path and its query', () => {
    expect(requestPath('/')).toEqual({ pathname: '/', search: '' });
    expect(requestPath('/?token=abc')).toEqual({ pathname: '/', search: '?token=abc' });
    expect(requestPath('/api?token=a?b')).toEqual({ pathname: '/api', search: '?token=a?b' });
    expect(requestPath('/%69ndex.html?x=%20')).toEqual({
      pathname: '/%69ndex.html',
      search: '?x=%20',
    });
    expect(requestPath('/index.html#?token=abc')).toEqual({ pathname: '/index.html', search: '' });
  });

  it('reads a path that starts with "//" as a path, never as a host', () => {
    expect(requestPath('//')).toEqual({ pathname: '//', search: '' });
    expect(requestPath('///')).toEqual({ pathname: '///', search: '' });
    expect(requestPath('//x:y@')).toEqual({ pathname: '//x:y@', search: '' });
    expect(requestPath('//127.0.0.1:8080/api?token=t')).toEqual({
      pathname: '//127.0.0.1:8080/api',
      search: '?token=t',
    });
    expect(requestPath('//evil.com/api')?.pathname).not.toBe('/api');
  });

  it('refuses what is not a plain origin-form target', () => {
    for (const raw of [
      undefined,
      '',
      '*',
      'api',
      '?token=abc',
      'http://evil/',
      'http://127.0.0.1:8080/api',
      'ws://127.0.0.1/api',
      '\\',
      '\\evil\\share',
      '/%',
      '/%zz',
      '/%2',
      '/a?b=%g0',
      '/a b',
      '/a\tb',
      '/\u00e9',
      '/\u0000',
      '/\x7f',
      '/a\r\nHost: evil',
      `/${'a'.repeat(MAX_REQUEST_TARGET)}`,
    ]) {
      expect(requestPath(raw), JSON.stringify(raw)).toBeNull();
    }
    expect(requestPath(`/${'a'.repeat(MAX_REQUEST_TARGET - 1)}`)).not.toBeNull();
  });

  it('never throws, and whatever it answers is a prefix of the target that resolves inside the folder', () => {
    const piece = fc.constantFrom(
      '/',
      '//',
      '.',
      '..',
      '%2e',
      '%2f',
      '%5c',
      '%',
      '%zz',
      '%00',
      '?',
      '#',
      '@',
      ':',
      '\\',
      'index.html',
      'api',
      'x:y@',
      '127.0.0.1:1',
      'http:',
      'C:',
      '~',
      ' ',
      '\u00e9',
      '\u0000',
    );
    const target = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join('')),
      fc.array(piece, { maxLength: 12 }).map((pieces) => `/${pieces.join('')}`),
    );
    fc.assert(
      fc.property(target, (raw) => {
        const parsed = requestPath(raw);
        if (parsed === null) return;
        expect(parsed.pathname.startsWith('/')).toBe(true);
        expect(parsed.pathname).not.toMatch(/[?#]/);
        expect(parsed.search === '' || parsed.search.startsWith('?')).toBe(true);
        expect(raw.startsWith(parsed.pathname + parsed.search)).toBe(true);
        const file = resolveStaticFile(ROOT, parsed.pathname);
        if (file !== null) expect(inside(file), `${raw} -> ${file}`).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('isPageFile', () => {
  it('any .html file is a page, whatever the case of its extension; scripts and styles are not', () => {
    for (const file of ['index.html', 'INDEX.HTML', 'help.Html', 'assets/x.html']) {
      expect(isPageFile(resolve(ROOT, file)), file).toBe(true);
    }
    for (const file of ['assets/app.js', 'app.css', 'index.html.js', 'html', 'favicon.ico']) {
      expect(isPageFile(resolve(ROOT, file)), file).toBe(false);
    }
  });

  it('every spelling of the page resolves to a page file', () => {
    for (const path of [
      '/',
      '//',
      '///',
      '/index.html',
      '/index.html/',
      '/%69ndex.html',
      '/index%2ehtml',
      '//index.html',
      '/index.html?x',
    ]) {
      const file = resolveStaticFile(ROOT, path);
      expect(file, path).toBe(resolve(ROOT, 'index.html'));
      expect(isPageFile(file ?? ''), path).toBe(true);
    }
  });
});

describe('contentTypeOf', () => {
  it('names scripts, pages and styles so the browser runs them, and anything else as plain bytes', () => {
    expect(contentTypeOf('/x/index.html')).toMatch(/^text\/html/);
    expect(contentTypeOf('/x/APP.JS')).toMatch(/^text\/javascript/);
    expect(contentTypeOf('/x/app.css')).toMatch(/^text\/css/);
    expect(contentTypeOf('/x/secret')).toBe('application/octet-stream');
    expect(contentTypeOf('/x/page.htm')).toBe('application/octet-stream');
  });
});

describe('checkBrowserRequest', () => {
  const PORT = 51234;
  const TOKEN = 'k3Qx0ZP8aT5u-Hc2_rW9yLmN4bV7dE1f';
  const page = { port: PORT, token: TOKEN, requireOrigin: false };
  const socket = { port: PORT, token: TOKEN, requireOrigin: true };
  const ours = `http://127.0.0.1:${PORT}`;

  it('lets our own page through, on 127.0.0.1 or localhost', () => {
    for (const host of [`127.0.0.1:${PORT}`, `localhost:${PORT}`, `LOCALHOST:${PORT}`]) {
      expect(checkBrowserRequest({ host, origin: undefined, token: TOKEN }, page)).toEqual({
        ok: true,
      });
    }
    expect(
      checkBrowserRequest({ host: `127.0.0.1:${PORT}`, origin: ours, token: TOKEN }, socket),
    ).toEqual({ ok: true });
    expect(
      checkBrowserRequest(
        { host: `localhost:${PORT}`, origin: `http://localhost:${PORT}`, token: TOKEN },
        socket,
      ),
    ).toEqual({ ok: true });
  });

  it('refuses another Host (DNS rebinding) with 403, even with the right token', () => {
    for (const host of [
      'evil.com',
      `evil.com:${PORT}`,
      `127.0.0.1:${PORT + 1}`,
      '127.0.0.1',
      `127.0.0.1.evil.com:${PORT}`,
      `[::1]:${PORT}`,
      `0.0.0.0:${PORT}`,
      '',
      undefined,
    ]) {
      expect(checkBrowserRequest({ host, origin: ours, token: TOKEN }, socket)).toMatchObject({
        ok: false,
        status: 403,
      });
    }
  });

  it('refuses a foreign Origin with 403, even with the right token', () => {
    for (const origin of [
      'http://evil.com',
      'null',
      `http://127.0.0.1.evil.com:${PORT}`,
      `https://127.0.0.1:${PORT}`,
      `http://127.0.0.1:${PORT + 1}`,
      `http://127.0.0.1:${PORT}/`,
      `http://127.0.0.1`,
      'file://',
      '',
    ]) {
      for (const expected of [page, socket]) {
        expect(
          checkBrowserRequest({ host: `127.0.0.1:${PORT}`, origin, token: TOKEN }, expected),
        ).toMatchObject({ ok: false, status: 403 });
      }
    }
  });

  it('refuses a socket without an Origin, but serves the page without one', () => {
    const request = { host: `127.0.0.1:${PORT}`, origin: undefined, token: TOKEN };
    expect(checkBrowserRequest(request, socket)).toMatchObject({ ok: false, status: 403 });
    expect(checkBrowserRequest(request, page)).toEqual({ ok: true });
  });

  it('refuses a missing, wrong, short or padded token with 401', () => {
    for (const token of [
      undefined,
      null,
      '',
      'wrong',
      TOKEN.slice(0, -1),
      `${TOKEN}x`,
      ` ${TOKEN}`,
      TOKEN.toUpperCase(),
    ]) {
      expect(
        checkBrowserRequest({ host: `127.0.0.1:${PORT}`, origin: ours, token }, socket),
      ).toMatchObject({ ok: false, status: 401 });
    }
  });

  it('an empty expected token matches nothing', () => {
    expect(tokensMatch('', '')).toBe(false);
    expect(tokensMatch(TOKEN, TOKEN)).toBe(true);
    expect(tokensMatch('é', 'e')).toBe(false);
  });
});

describe('links that leave the app', () => {
  it('only https links without credentials are safe', () => {
    for (const url of [
      'https://example.com',
      'https://example.com/path?q=1#x',
      'https://docs.example.com:8443/a',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(true);
    }
    for (const value of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'file:///etc/passwd',
      'http://example.com',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      'ms-settings:',
      'https://user:pw@example.com',
      'https://user@example.com',
      'https://:pw@example.com',
      'https://',
      '//example.com',
      'example.com',
      '',
      `https://example.com/${'a'.repeat(2100)}`,
      42,
      null,
      undefined,
      { href: 'https://example.com' },
      ['https://example.com'],
    ]) {
      expect(isSafeExternalUrl(value), String(value).slice(0, 60)).toBe(false);
    }
  });

  it('openExternalUrl opens a safe link and never calls open for anything else', async () => {
    const opened: string[] = [];
    const open = async (url: string) => {
      opened.push(url);
    };
    expect(await openExternalUrl('https://example.com/help', open)).toBe(true);
    for (const value of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'http://example.com',
      'https://user:pw@example.com',
      'data:,x',
      12,
      null,
      `https://example.com/${'a'.repeat(3000)}`,
    ]) {
      expect(await openExternalUrl(value, open)).toBe(false);
    }
    expect(opened).toEqual(['https://example.com/help']);
  });
});
