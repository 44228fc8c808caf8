// Which URLs the Electron shell treats as its own page: the IPC sender check
// and the navigation guard both rest on this.
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isAppUrl } from '../../../src-main/shell/trust';

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
