// The security checks both shells share, fed hostile input directly: no URL
// serves a file outside the app's folder, only our own page (right Host,
// right Origin, right token) may drive the browser-mode host, and only plain
// https links may leave the app.
import { resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkBrowserRequest,
  contentTypeOf,
  isSafeExternalUrl,
  openExternalUrl,
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
