// The browser-mode launcher's options: a mistyped option is an error that
// names it, so `npm run web -- --port abc` never starts on a surprise port.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWebArgs } from '../../../src-main/web/main';

function parseError(argv: string[]): string {
  try {
    parseWebArgs(argv);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(argv)} to be refused`);
}

describe('parseWebArgs', () => {
  it('by default picks a free port and opens the browser', () => {
    const options = parseWebArgs([]);
    expect(options.port).toBe(0);
    expect(options.open).toBe(true);
  });

  it('takes a port, a data folder (made absolute) and --no-open', () => {
    expect(parseWebArgs(['--port', '8123', '--data-dir', 'my-data', '--no-open'])).toEqual({
      port: 8123,
      dataDir: resolve('my-data'),
      open: false,
    });
    expect(parseWebArgs(['--port=65535']).port).toBe(65535);
    expect(parseWebArgs(['--port', '0']).port).toBe(0);
  });

  it('a port that is not a port number is an error naming --port and the value', () => {
    for (const value of ['abc', '70000', '65536', '80.5', 'NaN', 'Infinity']) {
      const message = parseError(['--port', value]);
      expect(message).toMatch(/^--port: /);
      expect(message).toContain(`"${value}"`);
    }
    // Number() would read these as ports (0, 80, 1000, 80): only plain digits are a port.
    for (const value of ['', ' ', '0x50', '1e3', ' 80 ']) {
      expect(parseError([`--port=${value}`])).toMatch(/^--port: /);
    }
    expect(parseError(['--port=-1'])).toMatch(/--port/);
    expect(parseError(['--port'])).toMatch(/--port/);
  });

  it('an unknown option or a stray argument is an error naming it', () => {
    expect(parseError(['--bogus'])).toMatch(/--bogus/);
    expect(parseError(['--host', '0.0.0.0'])).toMatch(/--host/);
    expect(parseError(['--port', '8123', 'extra'])).toMatch(/extra/);
  });
});
