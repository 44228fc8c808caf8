// The contract's argument checks: everything a page sends is untrusted, so a
// call with the wrong shape is refused before it does anything, with a message
// that names the field that was wrong.
import { describe, expect, it } from 'vitest';
import {
  CALL_NAMES,
  isCallName,
  MAX_HISTORY_PAGE,
  type CallName,
} from '../../../src-main/contract/api';
import { checkArgs, MAX_NAME_CHARS } from '../../../src-main/contract/validate';
import { MAX_REPLY_CHARACTERS } from '../../../src-main/core/meeting/reply';

function refused(name: CallName, args: unknown): string {
  const result = checkArgs(name, args);
  if (result.ok) throw new Error(`expected ${name} to refuse ${JSON.stringify(args)}`);
  expect(result.message.startsWith(`${name}: `)).toBe(true);
  return result.message;
}

const NO_ARG_CALLS = [
  'app.info',
  'scenarios.list',
  'session.current',
  'history.exportCsv',
  'settings.get',
] as const satisfies readonly CallName[];

const SESSION_ID_CALLS = [
  'session.end',
  'recovery.resume',
  'recovery.score',
  'history.get',
  'history.delete',
  'history.undoDelete',
  'history.exportSession',
] as const satisfies readonly CallName[];

describe('call names', () => {
  it('only the listed calls are calls; object built-ins and non-strings are not', () => {
    for (const name of CALL_NAMES) expect(isCallName(name)).toBe(true);
    for (const name of [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'APP.INFO',
      ' app.info',
      '',
      42,
      null,
      undefined,
      ['app.info'],
      { toString: () => 'app.info' },
    ]) {
      expect(isCallName(name)).toBe(false);
    }
  });
});

describe('calls without arguments', () => {
  it('accept null or undefined', () => {
    for (const name of NO_ARG_CALLS) {
      expect(checkArgs(name, undefined)).toEqual({ ok: true, args: undefined });
      expect(checkArgs(name, null)).toEqual({ ok: true, args: undefined });
    }
  });

  it('refuse anything else: an object, a number, a string, an array', () => {
    for (const name of NO_ARG_CALLS) {
      for (const args of [{}, 0, 'x', [], false]) {
        expect(refused(name, args)).toMatch(/arguments/);
      }
    }
  });
});

describe('calls that take a session id', () => {
  it('accept an id the host makes', () => {
    for (const name of SESSION_ID_CALLS) {
      expect(checkArgs(name, { sessionId: '20260101-120000-ab12cd34' })).toEqual({
        ok: true,
        args: { sessionId: '20260101-120000-ab12cd34' },
      });
    }
  });

  it('refuse ids that could name another file: traversal, slashes, capitals, empty, too long', () => {
    for (const name of SESSION_ID_CALLS) {
      for (const sessionId of [
        '../../etc',
        '..',
        'a/b',
        'a\\b',
        'A',
        '',
        '-leading-dash',
        'abc.json',
        'abc\0',
        'a'.repeat(65),
      ]) {
        expect(refused(name, { sessionId })).toMatch(/sessionId: is not a session id/);
      }
    }
  });

  it('refuse a session id of the wrong type, naming the field', () => {
    for (const sessionId of [7, null, true, ['abc'], { id: 'abc' }]) {
      expect(refused('history.get', { sessionId })).toMatch(/sessionId: .*expected string/);
    }
    expect(refused('history.get', {})).toMatch(/sessionId: /);
  });

  it('refuse extra keys, naming the key', () => {
    expect(refused('history.get', { sessionId: 'abc', path: '/etc/passwd' })).toMatch(/"path"/);
  });

  it('refuse an array or a bare string instead of an object', () => {
    expect(refused('history.get', ['abc'])).toMatch(/arguments: .*expected object/);
    expect(refused('history.get', 'abc')).toMatch(/arguments: .*expected object/);
    expect(refused('history.get', null)).toMatch(/arguments: .*expected object/);
    expect(refused('history.get', undefined)).toMatch(/arguments: .*expected object/);
  });

  it('refuse a "__proto__" key as it arrives from JSON.parse, without polluting anything', () => {
    const smuggled = JSON.parse('{"sessionId":"abc","__proto__":{"polluted":true}}') as unknown;
    expect(refused('history.get', smuggled)).toMatch(/"__proto__"/);
    const onlyProto = JSON.parse('{"__proto__":{"sessionId":"abc"}}') as unknown;
    expect(refused('history.get', onlyProto)).toMatch(/sessionId|__proto__/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('session.start', () => {
  const good = { scenarioId: 'light-stack-leader', difficulty: 'normal', mode: 'exam' };

  it('accepts a scenario id, a difficulty and a mode', () => {
    expect(checkArgs('session.start', good)).toEqual({ ok: true, args: good });
  });

  it('refuses an unknown difficulty or mode, naming the field', () => {
    expect(refused('session.start', { ...good, difficulty: 'insane' })).toMatch(/difficulty: /);
    expect(refused('session.start', { ...good, mode: 'god' })).toMatch(/mode: /);
    expect(refused('session.start', { ...good, mode: undefined })).toMatch(/mode: /);
  });

  it('refuses scenario ids that are not plain names', () => {
    for (const scenarioId of ['../x', 'a/b', 'Light', '', 'x'.repeat(65), 3]) {
      expect(refused('session.start', { ...good, scenarioId })).toMatch(/scenarioId: /);
    }
  });

  it('refuses "constructor" and "__proto__" keys', () => {
    const payload = JSON.parse(
      '{"scenarioId":"light-stack-leader","difficulty":"easy","mode":"coach","constructor":{"prototype":{"x":1}}}',
    ) as unknown;
    expect(refused('session.start', payload)).toMatch(/"constructor"/);
  });
});

describe('session.reply', () => {
  const good = { sessionId: 'abc', text: 'What matters most to you?', source: 'typed' };

  it('accepts typed replies, and spoken ones that name their recording', () => {
    expect(checkArgs('session.reply', good).ok).toBe(true);
    expect(
      checkArgs('session.reply', { ...good, source: 'spoken', utteranceId: 'u1-abc' }).ok,
    ).toBe(true);
  });

  it('refuses a spoken reply with no recording: it would be stored as spoken without audio', () => {
    expect(checkArgs('session.reply', { ...good, source: 'spoken' })).toEqual({
      ok: false,
      message:
        'session.reply: utteranceId: a spoken reply names the recording it was heard in (utteranceId)',
    });
  });

  it('refuses a huge reply before the meeting sees it, naming the text field', () => {
    const text = 'x'.repeat(MAX_REPLY_CHARACTERS * 4 + 1);
    expect(refused('session.reply', { ...good, text })).toMatch(/text: .*16000/);
  });

  it('refuses a reply that is not a string, or an unknown source', () => {
    expect(refused('session.reply', { ...good, text: { toString: 'hi' } })).toMatch(/text: /);
    expect(refused('session.reply', { ...good, text: 42 })).toMatch(/text: /);
    expect(refused('session.reply', { ...good, source: 'telepathy' })).toMatch(/source: /);
  });
});

describe('session.replay', () => {
  it('accepts a whole turn number from 1', () => {
    expect(checkArgs('session.replay', { sessionId: 'abc', fromTurn: 1 }).ok).toBe(true);
  });

  it('refuses NaN, infinities, fractions, zero, negatives, strings and huge numbers', () => {
    for (const fromTurn of [NaN, Infinity, -Infinity, 1.5, 0, -1, '2', null, 10_001, 2 ** 53]) {
      expect(refused('session.replay', { sessionId: 'abc', fromTurn })).toMatch(/fromTurn: /);
    }
  });
});

describe('history.list', () => {
  it('accepts a page: an offset from 0 and a limit up to the page size', () => {
    expect(checkArgs('history.list', { offset: 0, limit: 20 })).toEqual({
      ok: true,
      args: { offset: 0, limit: 20 },
    });
    expect(checkArgs('history.list', { offset: 40, limit: MAX_HISTORY_PAGE }).ok).toBe(true);
  });

  it('refuses offsets and limits that are not whole, in range numbers, naming the field', () => {
    for (const offset of [-1, 1.5, NaN, Infinity, '0', null]) {
      expect(refused('history.list', { offset, limit: 20 })).toMatch(/offset: /);
    }
    for (const limit of [0, -5, MAX_HISTORY_PAGE + 1, 1e9, 2.5, NaN, Infinity, '20']) {
      expect(refused('history.list', { offset: 0, limit })).toMatch(/limit: /);
    }
  });

  it('refuses a missing page, extra keys and arrays', () => {
    expect(refused('history.list', undefined)).toMatch(/arguments: /);
    expect(refused('history.list', { offset: 0 })).toMatch(/limit: /);
    expect(refused('history.list', { offset: 0, limit: 1, filter: '*' })).toMatch(/"filter"/);
    expect(refused('history.list', [0, 20])).toMatch(/arguments: /);
  });
});

describe('history.progress', () => {
  it('takes a scenario id and refuses anything that could name a file', () => {
    expect(checkArgs('history.progress', { scenarioId: 'average-cro' }).ok).toBe(true);
    for (const scenarioId of ['../x', 'a/b', 'A', '', 7]) {
      expect(refused('history.progress', { scenarioId })).toMatch(/scenarioId: /);
    }
  });
});

describe('settings.set', () => {
  it('accepts any subset of the settings and trims the name', () => {
    expect(checkArgs('settings.set', {})).toEqual({ ok: true, args: {} });
    expect(checkArgs('settings.set', { repName: '  Ana  ', theme: 'dark' })).toEqual({
      ok: true,
      args: { repName: 'Ana', theme: 'dark' },
    });
  });

  it('refuses a name that is too long, an unknown theme or mode, naming the field', () => {
    expect(refused('settings.set', { repName: 'x'.repeat(MAX_NAME_CHARS + 1) })).toMatch(
      /repName: /,
    );
    expect(refused('settings.set', { theme: 'purple' })).toMatch(/theme: /);
    expect(refused('settings.set', { mode: 'sandbox' })).toMatch(/mode: /);
    expect(refused('settings.set', { repName: 5 })).toMatch(/repName: /);
  });

  it('refuses unknown settings and prototype keys', () => {
    expect(refused('settings.set', { dataDir: '/' })).toMatch(/"dataDir"/);
    expect(refused('settings.set', JSON.parse('{"__proto__":{"theme":"dark"}}'))).toMatch(
      /"__proto__"/,
    );
    expect(refused('settings.set', null)).toMatch(/arguments: /);
    expect(refused('settings.set', [])).toMatch(/arguments: /);
  });
});
