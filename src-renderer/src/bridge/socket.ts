// Browser mode: the contract over one WebSocket to the local host. The token
// comes from the page's own URL (the host printed it); calls made while the
// socket is (re)connecting wait for it, and a dropped connection reconnects,
// so a restarted host picks up where it was.
import { CALL_NAMES, type Bridge, type Envelope } from '../../../src-main/contract/api';
import {
  TOKEN_PARAM,
  WIRE_PATH,
  type AnswerMessage,
  type CallMessage,
} from '../../../src-main/contract/wire';

type Pending = (envelope: Envelope<unknown>) => void;

const RETRY_MS = [100, 250, 500, 1000, 2000];
/** Attempts (about five seconds) before waiting calls are told the host cannot be reached. */
const ATTEMPTS_BEFORE_GIVING_UP = 6;
const UNREACHABLE =
  'First Meeting is not answering at this address. If it was stopped or restarted, open the address it printed when it started (each start has a new one).';

export function createSocketBridge(location: Location = window.location): Bridge {
  const token = new URLSearchParams(location.search).get(TOKEN_PARAM) ?? '';
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const url = `${protocol}//${location.host}${WIRE_PATH}?${TOKEN_PARAM}=${encodeURIComponent(token)}`;
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let socket: WebSocket | undefined;
  let opened: Promise<WebSocket> | undefined;
  let attempt = 0;

  const failAll = (message: string) => {
    for (const resolve of pending.values())
      resolve({ ok: false, error: { kind: 'internal', message } });
    pending.clear();
  };

  const connect = (): Promise<WebSocket> => {
    if (opened) return opened;
    opened = new Promise<WebSocket>((resolve, reject) => {
      const open = () => {
        const ws = new WebSocket(url);
        ws.onopen = () => {
          attempt = 0;
          socket = ws;
          resolve(ws);
        };
        ws.onmessage = (event) => {
          const answer = JSON.parse(String(event.data)) as AnswerMessage;
          const done = pending.get(answer.id);
          pending.delete(answer.id);
          done?.(answer.envelope);
        };
        ws.onclose = () => {
          if (socket === ws) {
            // Calls in flight may or may not have reached the host; say so rather than guess.
            failAll('Lost the connection to First Meeting. Reconnecting; try again in a moment.');
            socket = undefined;
            opened = undefined;
          } else if (attempt + 1 >= ATTEMPTS_BEFORE_GIVING_UP) {
            // Never opened, again and again (stopped, restarted with a new token): say so.
            attempt = 0;
            opened = undefined;
            reject(new Error(UNREACHABLE));
          } else {
            // Never opened: keep trying with a gentle backoff.
            setTimeout(open, RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]);
          }
        };
      };
      open();
    });
    return opened;
  };

  const call = async (name: CallMessage['call'], args: unknown): Promise<Envelope<unknown>> => {
    let ws: WebSocket;
    try {
      ws = socket ?? (await connect());
    } catch (error) {
      return { ok: false, error: { kind: 'internal', message: (error as Error).message } };
    }
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      ws.send(JSON.stringify({ id, call: name, args } satisfies CallMessage));
    });
  };

  void connect().catch(() => undefined); // the first call reports it
  return Object.fromEntries(
    CALL_NAMES.map((name) => [name, (args: unknown) => call(name, args)]),
  ) as unknown as Bridge;
}
