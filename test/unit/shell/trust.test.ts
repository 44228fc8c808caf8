// Which URLs the Electron shell treats as its own page: the IPC sender check
// and the navigation guard both rest on this.
import { resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  appRequestFile,
  isAppUrl,
  permissionAllowed,
} from '../../../src-main/shell/trust';

describe('isAppUrl', () => {
  it('accepts pages of our own app:// origin', () => {
    expect(isAppUrl(`${APP_ORIGIN}/index.html`)).toBe(true);
    expect(isAppUrl(`${APP_ORIGIN}/`)).toBe(true);
  });

  it.each([
    'https://first-meeting/index.html',
    'file:///index.html',
    'app://first-meeting.evil.com/index.html',
    'app://evil/index.html',
    'app://user:pw@first-meeting/index.html',
    'javascript:alert(1)',
    'about:blank',
    '',
    'not a url',
  ])('refuses %j', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('refuses values that are not strings', () => {
    for (const value of [undefined, null, 42, {}, ['app://first-meeting/']]) {
      expect(isAppUrl(value)).toBe(false);
    }
  });
});

describe('the app:// protocol handler', () => {
  const root = resolve('/srv/first-meeting/out/renderer');

  it('serves files of the built renderer, and index.html for the root', () => {
    expect(appRequestFile(`${APP_ORIGIN}/index.html`, root)).toBe(`${root}${sep}index.html`);
    expect(appRequestFile(`${APP_ORIGIN}/`, root)).toBe(`${root}${sep}index.html`);
    expect(appRequestFile(`${APP_ORIGIN}/assets/index-abc.js?v=1`, root)).toBe(
      `${root}${sep}assets${sep}index-abc.js`,
    );
  });

  it.each([
    `${APP_ORIGIN}/../../../etc/passwd`,
    `${APP_ORIGIN}/%2e%2e/%2e%2e/etc/passwd`,
    `${APP_ORIGIN}/assets/..%2f..%2f..%2fetc/passwd`,
    `${APP_ORIGIN}/assets/..%5c..%5cwin.ini`,
    `${APP_ORIGIN}/%00index.html`,
    `${APP_ORIGIN}/C:/Windows/win.ini`,
    'app://elsewhere/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('never reads outside the renderer: %j', (url) => {
    const file = appRequestFile(url, root);
    if (file !== null) expect(file.startsWith(`${root}${sep}`)).toBe(true);
    else expect(file).toBeNull();
  });

  it('refuses other hosts and traversal outright rather than mapping them inside', () => {
    expect(appRequestFile('app://elsewhere/index.html', root)).toBeNull();
    expect(appRequestFile(`${APP_ORIGIN}/assets/..%2f..%2fsecret`, root)).toBeNull();
    expect(appRequestFile(`${APP_ORIGIN}/%00index.html`, root)).toBeNull();
  });
});

describe('permissionAllowed', () => {
  it('lets our own page use the microphone', () => {
    expect(permissionAllowed('media', `${APP_ORIGIN}/index.html`, ['audio'])).toBe(true);
    // Permission checks name the origin and no media types.
    expect(permissionAllowed('media', APP_ORIGIN, undefined)).toBe(true);
  });

  it('refuses the camera and screen, even to our own page', () => {
    expect(permissionAllowed('media', `${APP_ORIGIN}/index.html`, ['audio', 'video'])).toBe(false);
    expect(permissionAllowed('media', `${APP_ORIGIN}/index.html`, ['video'])).toBe(false);
    // A request that names no media type is not a microphone request.
    expect(permissionAllowed('media', `${APP_ORIGIN}/index.html`, [])).toBe(false);
  });

  it.each(['notifications', 'geolocation', 'clipboard-read', 'display-capture', 'openExternal'])(
    'refuses %s',
    (permission) => {
      expect(permissionAllowed(permission, `${APP_ORIGIN}/index.html`, undefined)).toBe(false);
    },
  );

  it('refuses the microphone to any other origin', () => {
    for (const url of ['https://example.com/', 'http://127.0.0.1:5173/', 'file:///x.html', null])
      expect(permissionAllowed('media', url, ['audio'])).toBe(false);
  });
});
