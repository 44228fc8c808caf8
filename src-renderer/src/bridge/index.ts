// The renderer's only way to the session host. In Electron the preload has put
// a bridge on window; in browser mode we build one over a WebSocket to the
// local host. Either way the UI calls `api.call(name, args)`, which unwraps the
// envelope and throws an ApiError the screens can show.
import {
  BRIDGE_KEY,
  type Bridge,
  type CallArgs,
  type CallName,
  type CallResult,
  type ErrorKind,
} from '../../../src-main/contract/api';
import { createSocketBridge } from './socket';

export class ApiError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface Api {
  readonly shell: 'electron' | 'browser';
  call<K extends CallName>(
    name: K,
    // The contract writes "no arguments" as `void`; this maps it to an empty argument list.

    ...args: CallArgs<K> extends undefined ? [] : [CallArgs<K>]
  ): Promise<CallResult<K>>;
}

export function createApi(bridge: Bridge, shell: Api['shell']): Api {
  return {
    shell,
    async call(name, ...args) {
      const invoke = bridge[name] as (args: unknown) => ReturnType<Bridge[typeof name]>;
      const envelope = await invoke(args[0]);
      if (!envelope.ok) throw new ApiError(envelope.error.kind, envelope.error.message);
      return envelope.value as never;
    },
  };
}

function preloadBridge(): Bridge | undefined {
  return (window as unknown as Record<string, Bridge | undefined>)[BRIDGE_KEY];
}

let api: Api | undefined;

export function getApi(): Api {
  if (!api) {
    const bridge = preloadBridge();
    api = bridge ? createApi(bridge, 'electron') : createApi(createSocketBridge(), 'browser');
  }
  return api;
}
