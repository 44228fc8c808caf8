// A property-based fuzz of the call socket, on the real server and the real
// host over a temporary data folder that holds a finished session and
// settings. fast-check sends random sequences of messages over a WebSocket
// opened with the token: malformed JSON, JSON with hostile values (huge
// numbers, deep nesting, __proto__ and constructor keys, long strings, wrong
// types), unknown call names, and real call names with random arguments in
// random key order. After each sequence: (a) every call got an answer envelope
// of the right shape, or the socket was closed with the policy code because a
// message was not a call; (b) a fresh socket still gets app.info; (c) every
// file in the data folder is byte-identical to before, and nothing leaked onto
// Object.prototype.
//
// How (c) stays honest: the calls that legitimately write (session.start,
// session.reply, session.end, session.replay, every recovery.* call,
// history.delete, history.undoDelete, settings.set) and every speech.* call
// (they change the host's state in memory) are still fuzzed, but only with
// arguments that are invalid by construction: never null or missing, and an
// object always carries a key no schema knows (every schema is strict). The
// test asserts they all answer `invalid`, so their validation is fuzzed too
// and nothing can have been written. Every other call in CALL_NAMES counts as
// read-only and gets any arguments at all, valid ones included (the seeded
// session's id is in the pool); it may answer anything but an internal error.
// A call added to the contract later that writes must be added to WRITES:
// this test fails on (c) until it is.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { CALL_NAMES, isCallName, type Envelope } from '../../../src-main/contract/api';
import {
  ask,
  openSocket,
  snapshot,
  startHarness,
  stillServing,
  watchUncaught,
  type Harness,
} from './harness';

const WRITES: ReadonlySet<string> = new Set([
  'session.start',
  'session.reply',
  'session.end',
  'session.replay',
  'history.delete',
  'history.undoDelete',
  'settings.set',
  'call.score',
  'team.start',
  'team.act',
  'team.end',
  'team.resume',
  'team.discard',
  'learners.add',
  'learners.choose',
  // Asked with a daily size, it keeps it as the learner's choice.
  'drills.overview',
  'drills.answer',
  'drills.startMeeting',
  'results.import',
  'lrs.save',
  'lrs.sendNow',
]);
const writes = (name: string) =>
  WRITES.has(name) || name.startsWith('recovery.') || name.startsWith('speech.');
const READS = CALL_NAMES.filter((name) => !writes(name));
const WRITERS = CALL_NAMES.filter((name) => writes(name));

/** The server's maxPayload: a bigger message closes the socket with 1009. */
const MAX_PAYLOAD = 1024 * 1024;
const WAIT_MS = 5000;

// An 'error' event with no listener or an unhandled rejection fails the property.
const uncaught = watchUncaught();
let harness: Harness;
let sessionId = '';
let before: Record<string, string> = {};
/** What a prototype-pollution bug would change: every own property of the built-in prototypes. */
const prototypes = () =>
  [Object.prototype, Array.prototype, Function.prototype].map((proto) =>
    Object.getOwnPropertyNames(proto)
      .sort()
      .map((name) => [name, Object.getOwnPropertyDescriptor(proto, name)]),
  );
const cleanPrototypes = prototypes();

beforeAll(async () => {
  harness = await startHarness('web-fuzz');
  // Seed the folder with real data, so the read calls have something to read
  // and (c) compares more than empty folders.
  const ws = await openSocket(harness);
  const value = async (id: number, call: string, args: unknown) => {
    const { envelope } = await ask(ws, id, call, args);
    if (!envelope.ok) throw new Error(`${call}: ${envelope.error.message}`);
    return envelope.value as { id: string };
  };
  await value(1, 'settings.set', { repName: 'Fuzz Rep', theme: 'dark' });
  sessionId = (
    await value(2, 'session.start', {
      scenarioId: 'light-stack-leader',
      difficulty: 'easy',
      mode: 'coach',
    })
  ).id;
  await value(3, 'session.reply', {
    sessionId,
    text: 'Thanks for making the time. What matters most to you this quarter?',
    source: 'typed',
  });
  await value(4, 'session.end', { sessionId });
  ws.terminate();
  before = snapshot(harness.dataDir);
});

afterAll(async () => {
  await harness.close();
});

// ---- JSON text, built as text so it can hold what JSON.stringify never writes ----

const json = (value: unknown) => JSON.stringify(value);

const KEYS = [
  'sessionId',
  'scenarioId',
  'difficulty',
  'mode',
  'text',
  'source',
  'utteranceId',
  'fromTurn',
  'offset',
  'limit',
  'repName',
  'theme',
  'id',
  'call',
  'args',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '',
];

const keyText = fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 12 })).map(json);

const hostileStrings = fc.constantFrom(
  '',
  ' ',
  '../../etc/passwd',
  '..\\..\\win.ini',
  '/etc/passwd',
  'light-stack-leader',
  'easy',
  'coach',
  'typed',
  '__proto__',
  'constructor',
  '\u0000',
  '\ud800',
  '\u202e',
  '<script>alert(1)</script>',
  'x'.repeat(60_000),
  'é'.repeat(5_000),
);

const leafText = fc.oneof(
  fc.constantFrom(
    'null',
    'true',
    'false',
    '0',
    '-0',
    '1',
    '-1',
    '1.5',
    '1e308',
    '-1e308',
    '1e400',
    '-1e400',
    '5e-324',
    '9007199254740993',
    '1'.padEnd(400, '0'),
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"__proto__":null}',
  ),
  fc.oneof(fc.integer(), fc.double(), fc.boolean()).map(json),
  fc.string({ maxLength: 30 }).map(json),
  fc.string({ unit: 'binary', maxLength: 30 }).map(json),
  hostileStrings.map(json),
  fc.constant(null).map(() => json(sessionId)),
);

const { value: anyText } = fc.letrec<{ value: string; array: string; object: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 4, depthIdentifier: 'json' },
    leafText,
    tie('array'),
    tie('object'),
  ),
  array: fc
    .array(tie('value'), { maxLength: 4, depthIdentifier: 'json' })
    .map((items) => `[${items.join(',')}]`),
  object: fc
    .array(fc.tuple(keyText, tie('value')), { maxLength: 4, depthIdentifier: 'json' })
    .map((entries) => `{${entries.map(([key, value]) => `${key}:${value}`).join(',')}}`),
}));

/** An object of the contract's own keys, in any order, with any values: sometimes valid arguments. */
const contractObjectText = fc
  .shuffledSubarray(KEYS.slice(0, 12), { maxLength: 4 })
  .chain((keys) =>
    fc
      .tuple(...keys.map(() => fc.oneof(leafText, anyText)))
      .map((values) => `{${keys.map((key, i) => `${json(key)}:${values[i]}`).join(',')}}`),
  );

const noArgs = fc.constantFrom(undefined, 'null');
const sessionArgs = fc.oneof(
  fc.constant(null).map(() => `{"sessionId":${json(sessionId)}}`),
  fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,70}$/).map((id) => `{"sessionId":${json(id)}}`),
);
/** Arguments each read-only call would accept, or nearly: the seeded session, ids that look right, bounds. */
const LIKELY_ARGS: Readonly<Record<string, fc.Arbitrary<string | undefined>>> = {
  'history.list': fc
    .tuple(fc.integer({ min: -2, max: 600 }), fc.integer({ min: -2, max: 600 }), fc.boolean())
    .map(([offset, limit, swap]) =>
      swap ? `{"limit":${limit},"offset":${offset}}` : `{"offset":${offset},"limit":${limit}}`,
    ),
  'history.progress': fc
    .oneof(fc.constant('light-stack-leader'), fc.stringMatching(/^[a-z][a-z0-9-]{0,70}$/))
    .map((id) => `{"scenarioId":${json(id)}}`),
  'history.get': sessionArgs,
  'history.exportSession': sessionArgs,
};

/** Objects whose keys a careless merge would write onto Object.prototype. */
const pollutingArgs = fc
  .tuple(
    fc.constantFrom('__proto__', 'constructor'),
    fc.constantFrom('polluted', 'isAdmin', 'toString', 'sessionId', 'id'),
    fc.oneof(leafText, fc.constant('{"polluted":true}')),
    fc.boolean(),
  )
  .map(([root, key, value, withSession]) => {
    const inner =
      root === 'constructor' ? `{"prototype":{${json(key)}:${value}}}` : `{${json(key)}:${value}}`;
    return withSession
      ? `{"sessionId":${json(sessionId)},${json(root)}:${inner}}`
      : `{${json(root)}:${inner}}`;
  });

/** What a read-only call may be sent: anything at all, or nothing, but often what it expects. */
const readArgs = (call: string) =>
  fc.oneof(
    { weight: 3, arbitrary: LIKELY_ARGS[call] ?? noArgs },
    { weight: 1, arbitrary: contractObjectText },
    { weight: 1, arbitrary: pollutingArgs },
    { weight: 1, arbitrary: anyText },
  );

/** Arguments no schema accepts: never null or missing, and an object always has an unknown key. */
const invalidArgs = fc.oneof(
  pollutingArgs.map((text) => `{"zzNoSchemaHasThisKey":1,${text.slice(1)}`),
  // No NaN or infinity: JSON writes them as null, which a call without arguments accepts.
  fc
    .oneof(
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.string({ maxLength: 20 }),
    )
    .map(json),
  fc.array(anyText, { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
  fc.tuple(contractObjectText, anyText, fc.boolean()).map(([object, extra, first]) => {
    const inner = object.slice(1, -1);
    const unknown = `"zzNoSchemaHasThisKey":${extra}`;
    const entries = inner === '' ? [unknown] : first ? [unknown, inner] : [inner, unknown];
    return `{${entries.join(',')}}`;
  }),
);

const unknownName = fc.oneof(
  fc
    .constantFrom(
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'APP.INFO',
      'app.info ',
      ' app.info',
      'app.info\u0000',
      'app',
      'fs.readFile',
      'process.exit',
      '',
    )
    .map(json),
  fc
    .string({ maxLength: 20 })
    .filter((name) => !isCallName(name))
    .map(json),
  fc.constantFrom('{"toString":1}', '{"valueOf":null}', '123', 'null', '[]', 'true', '1e400'),
);

type Kind = 'read' | 'write' | 'unknown' | 'not a call' | 'binary';

interface Sent {
  readonly kind: Kind;
  readonly text: string;
  /** The id of a call (read, write, unknown). */
  readonly id?: number;
  readonly call?: string;
}

/** A call message: fields in random order, args sometimes left out, sometimes an extra field. */
function callFields(id: string, call: string, args: string | undefined) {
  return fc.shuffledSubarray(
    [`"id":${id}`, `"call":${call}`, ...(args === undefined ? [] : [`"args":${args}`])],
    { minLength: 2 + (args === undefined ? 0 : 1) },
  );
}

const callMessage = (id: number) =>
  fc
    .oneof(
      {
        weight: 4,
        arbitrary: fc
          .constantFrom(...READS)
          .chain((call) => fc.tuple(fc.constant(call), readArgs(call)))
          .map(([call, args]) => ({ kind: 'read' as const, call, callToken: json(call), args })),
      },
      {
        weight: 2,
        arbitrary: fc.tuple(fc.constantFrom(...WRITERS), invalidArgs).map(([call, args]) => ({
          kind: 'write' as const,
          call,
          callToken: json(call),
          args: args as string | undefined,
        })),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(unknownName, readArgs('')).map(([callToken, args]) => ({
          kind: 'unknown' as const,
          call: callToken,
          callToken,
          args,
        })),
      },
    )
    .chain((message) =>
      fc
        .tuple(
          callFields(String(id), message.callToken, message.args),
          fc.option(fc.tuple(keyText, anyText), { freq: 4 }),
        )
        .map(([fields, extra]): Sent => {
          // A repeated "id", "call" or "args" would change what is sent; any other field is ignored.
          const more =
            extra && !['"id"', '"call"', '"args"'].includes(extra[0])
              ? [`${extra[0]}:${extra[1]}`]
              : [];
          return {
            kind: message.kind,
            id,
            call: message.call,
            text: `{${[...fields, ...more].join(',')}}`,
          };
        }),
    );

const notACall = fc
  .oneof(
    fc.constantFrom(
      '',
      ' ',
      '{',
      '}',
      'nul',
      'undefined',
      "{'id':1}",
      '{"id":1,}',
      '{"id":1}garbage',
      '[1,2]',
      '[{"id":1,"call":"app.info"}]',
      'null',
      '1',
      '"app.info"',
      '{"call":"app.info","args":null}',
      '{"__proto__":{"id":1},"call":"app.info"}',
      '{"constructor":{"prototype":{"id":1}},"call":"app.info"}',
    ),
    fc.string({ maxLength: 40 }),
    fc
      .tuple(
        fc.constantFrom(
          '1.5',
          '"1"',
          'null',
          'true',
          '[1]',
          '{}',
          '9007199254740993',
          '1e400',
          '-1e400',
        ),
        fc.constantFrom(...CALL_NAMES),
      )
      .map(([id, call]) => `{"id":${id},"call":${json(call)},"args":null}`),
    anyText,
  )
  .filter((text) => !isCall(text))
  .map((text): Sent => ({ kind: 'not a call', text }));

const binary = fc
  .uint8Array({ maxLength: 64 })
  .map((bytes): Sent => ({ kind: 'binary', text: Buffer.from(bytes).toString('latin1') }));

/** The wire's rule for a call, to keep the generator's labels true: a JSON object with a safe-integer id. */
function isCall(text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Number.isSafeInteger((value as { id?: unknown }).id);
}

/** A call too big for the socket (over maxPayload): closes it with 1009. */
const oversized = fc.nat({ max: 1000 }).map((extra): Sent => ({
  kind: 'read',
  id: 0,
  call: 'app.info',
  text: `{"id":0,"call":"app.info","args":"${'x'.repeat(MAX_PAYLOAD + extra)}"}`,
}));

const sequence = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constant('call') }, fc.constant('other')), {
    minLength: 1,
    maxLength: 10,
  })
  .chain((shape) =>
    fc.tuple(
      ...shape.map((what, i) =>
        what === 'call'
          ? callMessage(i + 1)
          : fc.oneof(
              { weight: 8, arbitrary: notACall },
              { weight: 2, arbitrary: binary },
              oversized,
            ),
      ),
    ),
  );

// ---- running one sequence ----

function within<T>(promise: Promise<T>, what: string): Promise<T> {
  return new Promise<T>((resolveValue, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${what} within ${WAIT_MS} ms`)), WAIT_MS);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolveValue(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function checkEnvelope(sent: Sent, envelope: Envelope<unknown>): void {
  const label = `${sent.kind} ${sent.text.slice(0, 200)}`;
  expect(typeof envelope.ok, label).toBe('boolean');
  if (envelope.ok) {
    expect(sent.kind, label).toBe('read');
    expect(envelope, label).toHaveProperty('value');
    return;
  }
  expect(typeof envelope.error.kind, label).toBe('string');
  expect(typeof envelope.error.message, label).toBe('string');
  if (sent.kind === 'read') expect(envelope.error.kind, label).not.toBe('internal');
  else expect(envelope.error.kind, label).toBe('invalid');
}

function expectedCloseCode(sent: Sent): number | null {
  if (Buffer.byteLength(sent.text) > MAX_PAYLOAD) return 1009;
  if (sent.kind === 'not a call' || sent.kind === 'binary') return 1008;
  return null;
}

function sendOne(ws: WebSocket, sent: Sent): void {
  const data = sent.kind === 'binary' ? Buffer.from(sent.text, 'latin1') : sent.text;
  // Sending on a socket the server has already closed only fails this send.
  ws.send(data, { binary: sent.kind === 'binary' }, () => undefined);
}

async function runSequence(messages: readonly Sent[], pipelined: boolean): Promise<void> {
  const ws = await openSocket(harness);
  const answers = new Map<number, Envelope<unknown>>();
  const repeated: number[] = [];
  let onAnswer: () => void = () => undefined;
  ws.on('message', (data) => {
    const answer = JSON.parse(String(data)) as { id: number; envelope: Envelope<unknown> };
    if (answers.has(answer.id)) repeated.push(answer.id);
    answers.set(answer.id, answer.envelope);
    onAnswer();
  });
  ws.on('error', () => undefined);
  const closed = new Promise<number>((resolveCode) =>
    ws.once('close', (code) => resolveCode(code)),
  );
  const answered = (ids: readonly number[]) =>
    new Promise<void>((resolveAll) => {
      const check = () => {
        if (ids.every((id) => answers.has(id))) resolveAll();
      };
      onAnswer = check;
      check();
    });
  const firstStop = messages.findIndex((sent) => expectedCloseCode(sent) !== null);
  const stop = firstStop === -1 ? undefined : messages[firstStop];
  try {
    if (pipelined) {
      for (const sent of messages) sendOne(ws, sent);
      if (stop) {
        // Calls before the first message that is not one may be answered before the close, or not.
        expect(await within(closed, 'close'), stop.text.slice(0, 200)).toBe(
          expectedCloseCode(stop),
        );
      } else {
        const ids = messages.map((sent) => sent.id ?? 0);
        const outcome = await within(
          Promise.race([
            answered(ids).then(() => 'answered'),
            closed.then((code) => `closed ${code}`),
          ]),
          'answers',
        );
        expect(outcome).toBe('answered');
      }
    } else {
      for (const sent of messages) {
        sendOne(ws, sent);
        const code = expectedCloseCode(sent);
        if (code !== null) {
          expect(await within(closed, 'close'), sent.text.slice(0, 200)).toBe(code);
          break;
        }
        const outcome = await within(
          Promise.race([
            answered([sent.id ?? 0]).then(() => 'answered'),
            closed.then((closeCode) => `closed ${closeCode}`),
          ]),
          `answer to ${sent.text.slice(0, 200)}`,
        );
        expect(outcome, sent.text.slice(0, 200)).toBe('answered');
      }
    }
    expect(repeated, 'ids answered twice').toEqual([]);
    const sentIds = new Set(messages.map((sent) => sent.id));
    expect(
      [...answers.keys()].filter((id) => !sentIds.has(id)),
      'answers to no call',
    ).toEqual([]);
    for (const sent of messages) {
      const envelope = sent.id === undefined ? undefined : answers.get(sent.id);
      if (envelope) checkEnvelope(sent, envelope);
    }
  } finally {
    ws.terminate();
  }
}

describe('the call socket under fuzzed messages', () => {
  it('answers every call, closes with 1008 for what is not one, keeps serving, and writes nothing', async () => {
    expect(
      Object.keys(before).some((file) => file.startsWith('sessions/') && file.endsWith('.json')),
    ).toBe(true);
    await fc.assert(
      fc.asyncProperty(sequence, fc.boolean(), async (messages, pipelined) => {
        await runSequence(messages, pipelined);
        // A late 'error' event from the socket just closed surfaces first.
        await new Promise((resolveTick) => setImmediate(resolveTick));
        expect(uncaught.splice(0).map((error) => String(error))).toEqual([]);
        expect(await stillServing(harness)).toMatchObject({ ok: true });
        expect(snapshot(harness.dataDir)).toEqual(before);
        expect(prototypes()).toEqual(cleanPrototypes);
      }),
      { numRuns: 80, interruptAfterTimeLimit: 20_000 },
    );
    // The seeded data is still readable through the host after all that.
    const ws = await openSocket(harness);
    try {
      expect((await ask(ws, 1, 'history.get', { sessionId })).envelope).toMatchObject({ ok: true });
    } finally {
      ws.terminate();
    }
  }, 60_000);
});
