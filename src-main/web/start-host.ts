// The session host as browser mode runs it: composed with the JSON settings
// file, and bound to one function that answers calls. main.ts imports this
// module only after the server is listening, so the page loads while the
// host's code (zod, XState, the classifier) is still being read.
import type { Envelope } from '../contract/api';
import { composeHost } from '../host/compose';
import { openJsonSettingsBackend } from '../services/json-settings';

export interface RunningHost {
  call(name: unknown, args: unknown): Promise<Envelope<unknown>>;
  close(): Promise<void>;
}

export function startHost(dataDir: string, version: string): RunningHost {
  const composed = composeHost({
    dataDir,
    shell: 'browser',
    version,
    openSettingsBackend: openJsonSettingsBackend,
  });
  return {
    call: (name, args) => composed.call(name, args),
    close: () => composed.close(),
  };
}
