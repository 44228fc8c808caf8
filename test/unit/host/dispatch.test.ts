// The one door every call comes through: the name is checked, the arguments
// validated, the handler run, and the answer is always an envelope. A hostile
// or broken payload is refused as 'invalid' before any handler runs; an
// unexpected failure is answered 'internal' without its stack, and logged.
import { describe, expect, it } from 'vitest';
import { CALL_NAMES, type CallName, type Envelope } from '../../../src-main/contract/api';
import { dispatch, type Handlers } from '../../../src-main/host/dispatch';
import { HostError, internalMessage } from '../../../src-main/host/errors';
import { ReplyError } from '../../../src-main/core/meeting/reply';
import { NotFoundError } from '../../../src-main/services/storage/session-store';

interface Recorder {
  readonly handlers: Handlers;
  readonly calls: { name: CallName; args: unknown }[];
}

/** Handlers that only record what reached them and answer with their own name. */
function recorder(overrides: Partial<Record<CallName, (args: unknown) => unknown>> = {}): Recorder {
  const calls: { name: CallName; args: unknown }[] = [];
  const entries = CALL_NAMES.map((name) => [
    name,
    (args: unknown) => {
      calls.push({ name, args });
      const override = overrides[name];
      return override ? override(args) : { answeredBy: name };
    },
  ]);
  return { handlers: Object.fromEntries(entries) as unknown as Handlers, calls };
}

function expectInvalid(envelope: Envelope<unknown>, message?: RegExp): void {
  expect(envelope.ok).toBe(false);
  if (envelope.ok) return;
  expect(envelope.error.kind).toBe('invalid');
  if (message) expect(envelope.error.message).toMatch(message);
}

describe('unknown calls', () => {
  it('are refused as invalid, whatever the name is, and no handler runs', async () => {
    const { handlers, calls } = recorder();
    const names: unknown[] = [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'valueOf',
      'session.delete',
      '',
      'x'.repeat(100_000),
      42,
      NaN,
      null,
      undefined,
      true,
      {},
      [],
      ['app.info'],
      Symbol('app.info'),
    ];
    for (const name of names) {
      const envelope = await dispatch(handlers, name, undefined);
      expectInvalid(envelope, /Unknown call/);
      if (!envelope.ok) expect(envelope.error.message.length).toBeLessThan(120);
    }
    expect(calls).toEqual([]);
  });

  it('a call name that is an object which cannot become a string is still answered, not thrown', async () => {
    // JSON.parse('{"toString":1}') gives exactly this: an object String() cannot convert.
    const { handlers, calls } = recorder();
    for (const name of [JSON.parse('{"toString":1}') as unknown, Object.create(null) as unknown]) {
      const envelope = await dispatch(handlers, name, undefined).catch((error: unknown) => ({
        thrown: String(error),
      }));
      expect(envelope).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    }
    expect(calls).toEqual([]);
  });
});

describe('hostile arguments', () => {
  const cases: [CallName, unknown, RegExp][] = [
    ['history.get', { sessionId: '../../etc' }, /sessionId/],
    ['history.get', { sessionId: 'a/b' }, /sessionId/],
    ['history.get', { sessionId: 'A' }, /sessionId/],
    ['history.get', { sessionId: '' }, /sessionId/],
    ['history.delete', { sessionId: 'abc', recursive: true }, /"recursive"/],
    ['history.get', ['abc'], /arguments/],
    ['history.exportSession', JSON.parse('{"sessionId":"abc","__proto__":{"x":1}}'), /__proto__/],
    ['session.reply', { sessionId: 'abc', text: 'x'.repeat(20_000), source: 'typed' }, /text/],
    ['session.reply', { sessionId: 'abc', text: 'hi', source: 1 }, /source/],
    ['session.replay', { sessionId: 'abc', fromTurn: NaN }, /fromTurn/],
    ['session.replay', { sessionId: 'abc', fromTurn: Infinity }, /fromTurn/],
    ['session.replay', { sessionId: 'abc', fromTurn: 2.5 }, /fromTurn/],
    ['session.start', { scenarioId: 'x', difficulty: 'normal' }, /mode/],
    ['settings.set', { theme: 'purple' }, /theme/],
    ['settings.set', JSON.parse('{"__proto__":{"repName":"x"}}'), /__proto__/],
    ['app.info', { anything: 1 }, /arguments/],
    ['history.list', 'all', /arguments/],
    ['history.list', { offset: -1, limit: 10 }, /offset/],
    ['history.list', { offset: 0, limit: 1e9 }, /limit/],
  ];

  it('each is refused as invalid with a message naming the field, and no handler runs', async () => {
    const { handlers, calls } = recorder();
    for (const [name, args, field] of cases) {
      expectInvalid(await dispatch(handlers, name, args), field);
    }
    expect(calls).toEqual([]);
  });

  it('calls without arguments run with null or undefined', async () => {
    const { handlers, calls } = recorder();
    expect(await dispatch(handlers, 'app.info', null)).toEqual({
      ok: true,
      value: { answeredBy: 'app.info' },
    });
    expect(await dispatch(handlers, 'scenarios.list', undefined)).toEqual({
      ok: true,
      value: { answeredBy: 'scenarios.list' },
    });
    expect(calls.map((c) => c.name)).toEqual(['app.info', 'scenarios.list']);
  });

  it('the handler gets the checked arguments (the name trimmed), not the raw payload', async () => {
    const { handlers, calls } = recorder();
    await dispatch(handlers, 'settings.set', { repName: '  Ana  ' });
    expect(calls).toEqual([{ name: 'settings.set', args: { repName: 'Ana' } }]);
  });
});

describe('answers from handlers', () => {
  it('a handler returning nothing answers ok with null', async () => {
    const { handlers } = recorder({ 'history.delete': () => undefined });
    expect(await dispatch(handlers, 'history.delete', { sessionId: 'abc' })).toEqual({
      ok: true,
      value: null,
    });
  });

  it('an async handler is awaited', async () => {
    const { handlers } = recorder({ 'settings.get': async () => ({ theme: 'dark' }) });
    expect(await dispatch(handlers, 'settings.get', undefined)).toEqual({
      ok: true,
      value: { theme: 'dark' },
    });
  });

  it('known failures keep their kind and message and are not logged', async () => {
    const logged: string[] = [];
    const { handlers } = recorder({
      'history.get': () => {
        throw new NotFoundError('No session "abc"');
      },
      'session.reply': () => {
        throw new ReplyError('a reply needs at least one word');
      },
      'session.end': () => {
        throw new HostError('conflict', 'This meeting was interrupted: resume it first.');
      },
    });
    const log = (m: string) => logged.push(m);
    expect(await dispatch(handlers, 'history.get', { sessionId: 'abc' }, log)).toEqual({
      ok: false,
      error: { kind: 'not_found', message: 'No session "abc"' },
    });
    expect(
      await dispatch(
        handlers,
        'session.reply',
        { sessionId: 'a', text: '?', source: 'typed' },
        log,
      ),
    ).toEqual({
      ok: false,
      error: { kind: 'invalid', message: 'a reply needs at least one word' },
    });
    expect(await dispatch(handlers, 'session.end', { sessionId: 'abc' }, log)).toEqual({
      ok: false,
      error: { kind: 'conflict', message: 'This meeting was interrupted: resume it first.' },
    });
    expect(logged).toEqual([]);
  });

  it('an unexpected Error answers internal without a stack, and the stack goes to the log', async () => {
    const logged: string[] = [];
    const { handlers } = recorder({
      'session.current': () => {
        throw new TypeError('Cannot read properties of undefined (reading "rows")');
      },
    });
    const envelope = await dispatch(handlers, 'session.current', undefined, (m) => logged.push(m));
    expect(envelope).toEqual({
      ok: false,
      error: {
        kind: 'internal',
        message: internalMessage('session.current'),
      },
    });
    if (!envelope.ok) expect(envelope.error.message).not.toContain('rows');
    if (!envelope.ok) expect(envelope.error.message).not.toMatch(/\n|\s+at /);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^session\.current failed: /);
    expect(logged[0]).toMatch(/\n\s+at /);
  });

  it('a rejected promise or a thrown non-Error is answered internal too', async () => {
    const logged: string[] = [];
    const { handlers } = recorder({
      'scenarios.list': () => Promise.reject(new Error('disk gone')),
      'history.exportCsv': () => {
        throw 'a string';
      },
    });
    const log = (m: string) => logged.push(m);
    expect(await dispatch(handlers, 'scenarios.list', null, log)).toEqual({
      ok: false,
      error: { kind: 'internal', message: internalMessage('scenarios.list') },
    });
    expect(await dispatch(handlers, 'history.exportCsv', null, log)).toEqual({
      ok: false,
      error: { kind: 'internal', message: internalMessage('history.exportCsv') },
    });
    expect(logged).toHaveLength(2);
  });
});
