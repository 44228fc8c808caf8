// A session host as browser mode composes it, and calls through the same door
// the UI uses (dispatch), for tests of the host.
import { afterEach } from 'vitest';
import type { CallArgs, CallName, CallResult, Envelope } from '../../../src-main/contract/api';
import { composeHost, type ComposedHost } from '../../../src-main/host/compose';
import { dispatch } from '../../../src-main/host/dispatch';
import { openJsonSettingsBackend } from '../../../src-main/services/json-settings';
import type { Disk } from '../../../src-main/services/storage/disk';

/** A host on `dataDir`; a second one on the same folder is the app started again (after a crash, if the first was never closed). */
export function composeTestHost(dataDir: string, scenarioDir?: string, disk?: Disk): ComposedHost {
  return composeHost({
    dataDir,
    shell: 'browser',
    version: '0.0.0-test',
    openSettingsBackend: openJsonSettingsBackend,
    ...(scenarioDir ? { scenarioDir } : {}),
    ...(disk ? { disk } : {}),
  });
}

/** Like composeTestHost, with every host it made closed after each test. */
export function hostsClosedAfterEach(): typeof composeTestHost {
  const opened: ComposedHost[] = [];
  afterEach(async () => {
    for (const composed of opened.splice(0)) await composed.close();
  });
  return (dataDir, scenarioDir, disk) => {
    const composed = composeTestHost(dataDir, scenarioDir, disk);
    opened.push(composed);
    return composed;
  };
}

const unexpected = (message: string) => {
  throw new Error(`unexpected internal error: ${message}`);
};

/** A call, arguments unchecked (tests send bad ones too); answers the envelope. */
export function send<K extends CallName>(
  { handlers }: ComposedHost,
  name: K,
  args: unknown,
  log: (message: string) => void = unexpected,
): Promise<Envelope<CallResult<K>>> {
  return dispatch(handlers, name, args, log) as Promise<Envelope<CallResult<K>>>;
}

/** A call that must succeed; answers its value. */
export async function call<K extends CallName>(
  composed: ComposedHost,
  name: K,
  args: CallArgs<K>,
): Promise<CallResult<K>> {
  const envelope = await send(composed, name, args);
  if (!envelope.ok) throw new Error(`${name} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value;
}

/** A meeting that was ended with turns is stored: its record, never null. */
export function stored<T>(record: T | null): T {
  if (record === null) throw new Error('the meeting was discarded, not stored');
  return record;
}
