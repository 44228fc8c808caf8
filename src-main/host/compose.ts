// Wires the host from its services: the one place that knows which store,
// settings backend, scenario library, classifier and speech engines a running
// app uses.
// Both shells call it; only the settings backend differs between them.
import { join } from 'node:path';
import { defaultClassifier } from '../core/understanding/default';
import { ScenarioLibrary } from '../services/scenario-library';
import { openSettings, type OpenBackend } from '../services/settings';
import { SessionStore } from '../services/storage/session-store';
import { handlersFor, type Handlers } from './dispatch';
import { SessionHost } from './session-host';
import { SpeechHost } from './speech-host';
import {
  chooseEngine,
  closeSpeechEngines,
  createSpeechEngines,
  modelsFolder,
  speechStatus,
} from '../services/speech/engines';
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
  readonly speech: SpeechHost;
  readonly handlers: Handlers;
  /** Closes every journal (meetings in progress stay on disk) and frees the speech models. */
  close(): Promise<void>;
}

export function composeHost(options: ComposeOptions): ComposedHost {
  const store = SessionStore.open(options.dataDir);
  const settings = openSettings(options.dataDir, options.openSettingsBackend);
  const host = new SessionHost({
    shell: options.shell,
    version: options.version,
    store,
    settings,
    library: ScenarioLibrary.load(
      options.scenarioDir,
      join(options.dataDir, 'cache', 'scenarios.json'),
    ),
    classifier: defaultClassifier(),
  });
  // Nothing is loaded here: an engine loads its model when a meeting starts.
  const engines = createSpeechEngines({
    modelsDir: modelsFolder(options.dataDir),
    whisperModel: () => settings.get().whisperModel,
  });
  const speech = new SpeechHost({
    status: () => speechStatus(engines, settings.get().speechEngine),
    active: () => chooseEngine(engines, settings.get().speechEngine).engine,
    close: () => closeSpeechEngines(engines),
  });
  return {
    host,
    speech,
    handlers: handlersFor(host, speech),
    close: async () => {
      host.close();
      await speech.close();
    },
  };
}
