// Wires the host from its services: the one place that knows which store,
// settings backend, scenario library and classifier a running app uses.
// Both shells call it; only the settings backend differs between them.
import { join } from 'node:path';
import { defaultClassifier } from '../core/understanding/default';
import { ScenarioLibrary } from '../services/scenario-library';
import { openSettings, type OpenBackend } from '../services/settings';
import { SessionStore } from '../services/storage/session-store';
import { handlersFor, type Handlers } from './dispatch';
import { SessionHost } from './session-host';
import type { AppInfo } from '../contract/api';

export interface ComposeOptions {
  readonly dataDir: string;
  readonly shell: AppInfo['shell'];
  readonly version: string;
  readonly openSettingsBackend: OpenBackend;
  /** Folder of scenario files; the built-in one by default. */
  readonly scenarioDir?: string;
}

export interface ComposedHost {
  readonly host: SessionHost;
  readonly handlers: Handlers;
}

export function composeHost(options: ComposeOptions): ComposedHost {
  const store = SessionStore.open(options.dataDir);
  const host = new SessionHost({
    shell: options.shell,
    version: options.version,
    store,
    settings: openSettings(options.dataDir, options.openSettingsBackend),
    library: ScenarioLibrary.load(
      options.scenarioDir,
      join(options.dataDir, 'cache', 'scenarios.json'),
    ),
    classifier: defaultClassifier(),
  });
  return { host, handlers: handlersFor(host) };
}
