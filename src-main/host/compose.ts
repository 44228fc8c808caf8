// Wires the host from its services: the one place that knows which store,
// settings backend, scenario library, classifier and speech engines a running
// app uses.
// Both shells call it; only the settings backend differs between them.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { watchFolder } from '../services/folder-watch';
import { defaultClassifier } from '../core/understanding/default';
import { ScenarioLibrary, ownScenarioFolder } from '../services/scenario-library';
import { openSettings, type OpenBackend } from '../services/settings';
import { logFileIn, type LogFile } from '../services/log';
import type { Disk } from '../services/storage/disk';
import { SessionStore } from '../services/storage/session-store';
import { dispatch, handlersFor, type Handlers, type ShellEffects } from './dispatch';
import { SessionHost } from './session-host';
import { SpeechHost } from './speech-host';
import { CallHost } from './call-host';
import { TeamHost } from './team-host';
import { DrillsHost } from './drills-host';
import { clockFrom } from '../services/clock';
import { DrillLibrary } from '../services/drills/library';
import { LearnerStore } from '../services/drills/learners';
import { TeamStore } from '../services/storage/team-store';
import { XapiHost } from './xapi-host';
import type { SecretCipher } from '../services/xapi/credentials';
import {
  chooseEngine,
  closeSpeechEngines,
  createSpeechEngines,
  modelsFolder,
  speechStatus,
} from '../services/speech/engines';
import type { AppInfo, Envelope } from '../contract/api';

export interface ComposeOptions {
  readonly dataDir: string;
  readonly shell: AppInfo['shell'];
  readonly version: string;
  readonly openSettingsBackend: OpenBackend;
  /** Folder of scenario files; the built-in one by default. */
  readonly scenarioDir?: string;
  /** What only the shell can do (Electron opens folders). */
  readonly effects?: ShellEffects;
  /** The disk durable writes go through; the real one by default (tests make it fail). */
  readonly disk?: Disk;
  /** Encrypts the learning record store's secret at rest (Electron's safeStorage); browser mode has none. */
  readonly secretCipher?: SecretCipher;
  /** How the xAPI sender reaches the store; global fetch by default. */
  readonly fetch?: typeof fetch;
}

export interface ComposedHost {
  readonly host: SessionHost;
  readonly teams: TeamHost;
  readonly drills: DrillsHost;
  readonly speech: SpeechHost;
  readonly xapi: XapiHost;
  readonly handlers: Handlers;
  /** Answers one call (validate, run, envelope), logging what went wrong to the log file and stderr. */
  call(name: unknown, args: unknown): Promise<Envelope<unknown>>;
  /** The log file in the data folder; dispatch writes unexpected errors to it. */
  readonly log: LogFile;
  /** Closes every journal (meetings in progress stay on disk) and frees the speech models. */
  close(): Promise<void>;
}

export function composeHost(options: ComposeOptions): ComposedHost {
  const store = SessionStore.open(options.dataDir, options.disk ? { disk: options.disk } : {});
  const log = logFileIn(options.dataDir);
  const settings = openSettings(options.dataDir, options.openSettingsBackend);
  const ownScenarioDir = ownScenarioFolder(options.dataDir);
  try {
    mkdirSync(ownScenarioDir, { recursive: true });
  } catch {
    // A read-only data folder: no own scenarios, the built-in ones still load.
  }
  const loadLibrary = () =>
    ScenarioLibrary.load(
      options.scenarioDir,
      join(options.dataDir, 'cache', 'scenarios.json'),
      ownScenarioDir,
    );
  let library = loadLibrary();
  const watch = watchFolder(ownScenarioDir, () => {
    try {
      library = loadLibrary();
    } catch (error) {
      log.write(`reloading the scenarios in ${ownScenarioDir}: ${String(error)}`);
    }
  });
  const teams = new TeamHost({
    store: new TeamStore(store),
    library: () => library,
    classifier: defaultClassifier(),
    log,
  });
  const learners = new LearnerStore(options.dataDir, store.disk, (path, message) =>
    store.setAside(path, message),
  );
  let drillLibrary: DrillLibrary | undefined;
  let drillLibraryFor: ScenarioLibrary | undefined;
  // Loaded when drills are first asked for, not at start; again when the scenarios change.
  const drillsLibrary = () => {
    if (!drillLibrary || drillLibraryFor !== library) {
      drillLibrary = DrillLibrary.load(library.ids(), options.dataDir);
      drillLibraryFor = library;
    }
    return drillLibrary;
  };
  const drills = new DrillsHost({
    learners,
    library: drillsLibrary,
    classifier: defaultClassifier(),
    // Called only once the host is made (a meeting drill starts a session).
    sessions: (): SessionHost => host,
    clock: clockFrom(),
    log,
    onAttempt: (attempt) => xapi.enqueueDrillAttempt(attempt),
    onCompletion: (completion) => xapi.enqueueTrackCompletion(completion),
  });
  const xapi = new XapiHost({
    dataDir: options.dataDir,
    settings,
    log,
    learners,
    ...(options.secretCipher ? { cipher: options.secretCipher } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.disk ? { disk: options.disk } : {}),
  });
  const host = new SessionHost({
    shell: options.shell,
    version: options.version,
    store,
    settings,
    library: () => library,
    ownScenarioDir,
    classifier: defaultClassifier(),
    log,
    otherRows: () => teams.historyRows(),
    learner: () => drills.activeLearner(),
    completeDrill: (record, header) => drills.completeDrill(record, header),
    onSaved: (record) => xapi.enqueueSession(record),
  });
  // Nothing is loaded here: an engine loads its model when the rep first speaks.
  const engines = createSpeechEngines({
    modelsDir: modelsFolder(options.dataDir),
    cacheDir: join(options.dataDir, 'cache', 'speech'),
    whisperModel: () => settings.get().whisperModel,
  });
  const speech = new SpeechHost({
    status: () => speechStatus(engines, settings.get().speechEngine),
    active: () => chooseEngine(engines, settings.get().speechEngine).engine,
    close: () => closeSpeechEngines(engines),
  });
  const calls = new CallHost({
    store,
    classifier: defaultClassifier(),
    ...(options.disk ? { disk: options.disk } : {}),
  });
  const handlers = handlersFor(host, speech, calls, teams, drills, xapi, options.effects);
  xapi.start();
  const logBoth = (message: string) => {
    log.write(message);
    console.error(message);
  };
  return {
    host,
    teams,
    drills,
    speech,
    xapi,
    handlers,
    call: (name, args) => dispatch(handlers, name, args, logBoth),
    log,
    close: async () => {
      watch.close();
      xapi.close();
      host.close();
      teams.close();
      learners.close();
      await speech.close();
    },
  };
}
