// One entry point for every call, whichever transport carried it (Electron
// IPC or the browser-mode WebSocket): check the name, validate the arguments,
// run the handler and answer with an envelope. Nothing thrown escapes, and an
// unexpected error is logged here and answered without its stack.
import {
  isCallName,
  type CallArgs,
  type CallName,
  type CallResult,
  type Envelope,
} from '../contract/api';
import { checkArgs } from '../contract/validate';
import { errorKindOf } from './errors';
import type { SessionHost } from './session-host';

export type Handlers = {
  readonly [K in CallName]: (args: CallArgs<K>) => CallResult<K> | Promise<CallResult<K>>;
};

export function handlersFor(host: SessionHost): Handlers {
  return {
    'app.info': () => host.info(),
    'scenarios.list': () => host.scenarios(),
    'session.start': (args) => host.start(args),
    'session.current': () => host.current(),
    'session.reply': (args) => host.reply(args),
    'session.end': (args) => host.end(args),
    'session.replay': (args) => host.replay(args),
    'recovery.resume': (args) => host.resume(args),
    'recovery.score': (args) => host.score(args),
    'history.list': (args) => host.history(args),
    'history.progress': ({ scenarioId }) => host.progress(scenarioId),
    'history.get': ({ sessionId }) => host.record(sessionId),
    'history.delete': ({ sessionId }) => {
      host.deleteSession(sessionId);
      return null;
    },
    'history.undoDelete': ({ sessionId }) => {
      host.undoDelete(sessionId);
      return null;
    },
    'history.exportSession': ({ sessionId }) => host.exportSession(sessionId),
    'history.exportCsv': () => host.exportCsv(),
    'settings.get': () => host.settings(),
    'settings.set': (patch) => host.updateSettings(patch),
  };
}

export type Log = (message: string) => void;

export async function dispatch(
  handlers: Handlers,
  name: unknown,
  args: unknown,
  log: Log = (message) => console.error(message),
): Promise<Envelope<unknown>> {
  if (!isCallName(name)) {
    return {
      ok: false,
      error: {
        kind: 'invalid',
        message: `Unknown call ${JSON.stringify(typeof name === 'string' ? name : typeof name).slice(0, 80)}`,
      },
    };
  }
  const checked = checkArgs(name, args);
  if (!checked.ok) return { ok: false, error: { kind: 'invalid', message: checked.message } };
  try {
    const handler = handlers[name] as (args: unknown) => unknown;
    const value = await handler(checked.args);
    return { ok: true, value: value ?? null };
  } catch (error) {
    const kind = errorKindOf(error);
    const message = error instanceof Error ? error.message : String(error);
    if (kind === 'internal')
      log(`${name} failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
    return { ok: false, error: { kind, message } };
  }
}
