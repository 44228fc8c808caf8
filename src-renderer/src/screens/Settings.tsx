// The rep's settings: name, theme (applied at once), default mode, speech
// (engine, microphone mode, silence window, transcript review, buyer voice),
// and where the data lives. Each change is saved through main and confirmed
// with "Saved".
import { useEffect, useId, useState } from 'react';
import {
  END_OF_TURN_MS,
  type MicMode,
  type Mode,
  type Settings as SettingsValues,
  type Theme,
} from '../../../src-main/contract/api';
import type { LogTail } from '../../../src-main/contract/api';
import { getApi } from '../bridge';
import { ErrorAlert } from '../components/ErrorAlert';
import { errorMessage } from '../lib/errors';
import { ScreenTitle } from '../components/ScreenTitle';
import { applyTheme } from '../lib/theme';
import { useVoiceCount } from '../speech/voice';
import { useStore } from '../store';
import { RadioGroup, type RadioOption } from '../components/RadioGroup';
import { LrsSettings } from './LrsSettings';

const THEMES: readonly RadioOption<Theme>[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'system', label: 'Follow the system' },
];

const MODES: readonly RadioOption<Mode>[] = [
  {
    value: 'coach',
    label: 'Coach',
    hint: "See the buyer's meters and how each reply was read while you talk.",
  },
  {
    value: 'exam',
    label: 'Exam',
    hint: 'Nothing is shown until the report, as in a real meeting.',
  },
];

export function Settings() {
  const settings = useStore((s) => s.settings);
  const status = useStore((s) => s.settingsStatus);
  const error = useStore((s) => s.settingsError);
  const save = useStore((s) => s.saveSettings);
  const info = useStore((s) => s.info);
  const id = useId();

  const savedName = settings?.repName ?? '';
  const [name, setName] = useState(savedName);
  // Follow main's value when it changes (first load, or a save elsewhere).
  useEffect(() => setName(savedName), [savedName]);

  const saveName = () => {
    if (settings && name.trim() !== savedName) void save({ repName: name.trim() });
  };

  // The rep's pick shows at once; once main answers, its stored value is the truth again.
  const [pickedTheme, setPickedTheme] = useState<Theme | null>(null);
  const [pickedMode, setPickedMode] = useState<Mode | null>(null);
  const theme = pickedTheme ?? settings?.theme;
  const mode = pickedMode ?? settings?.mode;

  const chooseTheme = async (next: Theme) => {
    setPickedTheme(next);
    applyTheme(next);
    await save({ theme: next });
    setPickedTheme(null);
    // If main refused, show what is really stored.
    applyTheme(useStore.getState().settings?.theme ?? next);
  };

  const chooseMode = async (next: Mode) => {
    setPickedMode(next);
    await save({ mode: next });
    setPickedMode(null);
  };

  return (
    <div className="settings">
      <div className="screen-header">
        <ScreenTitle>Settings</ScreenTitle>
      </div>
      {!settings && (
        <ErrorAlert message="Your settings could not be read, so they cannot be changed now." />
      )}
      <div className="field">
        <label htmlFor={`${id}-name`}>Your name</label>
        <input
          id={`${id}-name`}
          className="input"
          type="text"
          autoComplete="name"
          value={name}
          disabled={!settings}
          aria-describedby={`${id}-name-hint`}
          onChange={(event) => setName(event.target.value)}
          onBlur={saveName}
          onKeyDown={(event) => {
            if (event.key === 'Enter') saveName();
          }}
        />
        <span id={`${id}-name-hint`} className="hint">
          Shown beside your replies and stored with each session.
        </span>
      </div>

      <RadioGroup
        legend="Theme"
        options={THEMES}
        value={theme}
        onChange={(value) => void chooseTheme(value)}
        disabled={!settings}
      />

      <RadioGroup
        legend="Default mode"
        options={MODES}
        value={mode}
        onChange={(value) => void chooseMode(value)}
        disabled={!settings}
      />

      <SpeechSettings settings={settings} />

      <p role="status" className={status === 'saved' ? 'status-line saved' : 'status-line'}>
        {status === 'saved' ? 'Saved' : status === 'saving' ? 'Saving…' : ''}
      </p>
      {error && <ErrorAlert message={`Could not save: ${error}`} />}

      <section className="panel" aria-labelledby={`${id}-data`}>
        <h2 id={`${id}-data`}>Data folder</h2>
        <p className="data-dir">{info?.dataDir ?? 'Unknown'}</p>
        <p className="hint">
          Sessions and settings are stored here. The folder is set when the app starts (with{' '}
          <code className="nowrap">--data-dir</code> in browser mode); it cannot be changed from
          this screen.
        </p>
        {info && <p className="hint">First Meeting {info.version}</p>}
      </section>

      <OwnScenariosSection desktop={info?.shell === 'electron'} />

      <LrsSettings />

      <LogSection logFile={info?.logFile ?? null} />
    </div>
  );
}

/** Where the organisation's own scenario files go; the desktop app can open the folder. */
function OwnScenariosSection({ desktop }: { readonly desktop: boolean }) {
  const id = useId();
  const folder = useStore((s) => s.ownScenarioFolder);
  const [error, setError] = useState<string | null>(null);
  const open = async () => {
    setError(null);
    try {
      await getApi().call('app.openScenarioFolder');
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <section className="panel" aria-labelledby={`${id}-own`}>
      <h2 id={`${id}-own`}>Your own scenarios</h2>
      <p className="data-dir">{folder ?? 'Unknown'}</p>
      <p className="hint">
        Scenario files saved here appear in the gallery beside the built-in buyers, within a couple
        of seconds. Start one with <code className="nowrap">npm run cli -- new ID</code>.
      </p>
      {desktop && (
        <button type="button" className="button" onClick={() => void open()}>
          Open folder
        </button>
      )}
      {error && <ErrorAlert message={`Could not open the folder: ${error}`} />}
    </section>
  );
}

/** Where the details of anything that went wrong are written, and a look at its end. */
function LogSection({ logFile }: { readonly logFile: string | null }) {
  const id = useId();
  const [log, setLog] = useState<LogTail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const show = async () => {
    setError(null);
    try {
      setLog(await getApi().call('app.log'));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <section className="panel" aria-labelledby={`${id}-log`}>
      <h2 id={`${id}-log`}>Log file</h2>
      <p className="data-dir">{logFile ?? 'Unknown'}</p>
      <p className="hint">
        When something goes wrong, the app tells you in words and writes the details here, for you
        or whoever helps you.
      </p>
      <button type="button" className="button" onClick={() => void (log ? setLog(null) : show())}>
        {log ? 'Hide log' : 'Show log'}
      </button>
      {error && <ErrorAlert message={`Could not read the log: ${error}`} />}
      {log && (
        <pre className="log-tail" tabIndex={0} aria-label="The end of the log file">
          {log.text === '' ? 'The log is empty: nothing has gone wrong.' : log.text}
        </pre>
      )}
    </section>
  );
}

const ENGINES: readonly RadioOption<SettingsValues['speechEngine']>[] = [
  { value: 'auto', label: 'Best available' },
  { value: 'whisper', label: 'Whisper' },
  { value: 'pocketsphinx', label: 'PocketSphinx' },
];

const MIC_MODES: readonly RadioOption<MicMode>[] = [
  {
    value: 'push',
    label: 'Hold to talk',
    hint: 'Hold the microphone button (or Space in the empty reply box) while you speak.',
  },
  {
    value: 'handsFree',
    label: 'Hands-free',
    hint: 'The microphone stays on in a meeting; your turn ends when you stop speaking.',
  },
];

/** Speech: which engine, where models go, how the microphone works, and the buyer's voice. */
function SpeechSettings({ settings }: { readonly settings: SettingsValues | null }) {
  const id = useId();
  const save = useStore((s) => s.saveSettings);
  const speech = useStore((s) => s.speechStatus);
  const speechError = useStore((s) => s.speechStatusError);
  const loading = useStore((s) => s.speechStatusLoading);
  const loadSpeechStatus = useStore((s) => s.loadSpeechStatus);
  const voices = useVoiceCount();

  useEffect(() => void loadSpeechStatus(), [loadSpeechStatus]);

  // A choice shows at once; once main answers, its stored value is the truth again.
  const [picked, setPicked] = useState<Partial<SettingsValues>>({});
  const shown = settings ? { ...settings, ...picked } : null;
  const choose = async (change: Partial<SettingsValues>) => {
    setPicked((now) => ({ ...now, ...change }));
    await save(change);
    setPicked((now) => Object.fromEntries(Object.entries(now).filter(([key]) => !(key in change))));
  };

  const savedModel = settings?.whisperModel ?? '';
  const [model, setModel] = useState(savedModel);
  useEffect(() => setModel(savedModel), [savedModel]);
  const saveModel = () => {
    if (settings && model.trim() !== savedModel) void save({ whisperModel: model.trim() });
  };

  const savedSilence = settings?.endOfTurnMs ?? END_OF_TURN_MS.default;
  const [silence, setSilence] = useState(String(savedSilence / 1000));
  useEffect(() => setSilence(String(savedSilence / 1000)), [savedSilence]);
  const silenceMs = Math.round(Number(silence) * 1000);
  const silenceValid =
    silence.trim() !== '' &&
    Number.isFinite(silenceMs) &&
    silenceMs >= END_OF_TURN_MS.min &&
    silenceMs <= END_OF_TURN_MS.max;
  /** Said aloud (role="alert") when the rep leaves the box or presses Enter on a value it refuses. */
  const [silenceRefused, setSilenceRefused] = useState(false);
  useEffect(() => {
    if (silenceValid) setSilenceRefused(false);
  }, [silenceValid]);
  const saveSilence = () => {
    setSilenceRefused(!silenceValid);
    if (settings && silenceValid && silenceMs !== savedSilence)
      void save({ endOfTurnMs: silenceMs });
  };
  const silenceProblem = `Not saved: enter a number of seconds from ${END_OF_TURN_MS.min / 1000} to ${END_OF_TURN_MS.max / 1000}.`;

  const activeLabel = speech?.active
    ? (speech.engines.find((e) => e.name === speech.active)?.label ?? speech.active)
    : null;

  return (
    <section className="panel speech-settings" aria-labelledby={`${id}-speech`}>
      <h2 id={`${id}-speech`}>Speech</h2>
      <p className="hint">
        Speak your replies instead of typing them. Speech is turned into text on this computer; no
        audio is stored or sent anywhere.
      </p>

      <h3 id={`${id}-engines`}>Speech engines</h3>
      {speechError && <ErrorAlert message={`Could not check the speech engines: ${speechError}`} />}
      {speech && (
        <>
          <ul className="engine-list" aria-labelledby={`${id}-engines`}>
            {speech.engines.map((engine) => (
              <li key={engine.name} className="engine">
                <span className="engine-name">{engine.label}</span>{' '}
                <span className={engine.available ? 'engine-ok' : 'engine-missing'}>
                  {engine.available ? 'Available' : 'Not available'}
                </span>
                <span className="hint engine-detail">{engine.detail}</span>
              </li>
            ))}
          </ul>
          <p className="engine-active">
            {activeLabel
              ? `In use: ${activeLabel}.`
              : 'No engine can run here, so replies must be typed.'}
          </p>
        </>
      )}
      <button
        type="button"
        className="button button-small"
        disabled={loading}
        onClick={() => void loadSpeechStatus()}
      >
        {loading ? 'Checking…' : 'Check again'}
      </button>

      <RadioGroup
        legend="Speech engine"
        options={ENGINES}
        value={shown?.speechEngine}
        onChange={(value) => void choose({ speechEngine: value })}
        disabled={!settings}
        className="speech-fieldset"
      />

      <div className="field">
        <label htmlFor={`${id}-model`}>Whisper model file</label>
        <input
          id={`${id}-model`}
          className="input"
          type="text"
          spellCheck={false}
          autoComplete="off"
          value={model}
          disabled={!settings}
          aria-describedby={`${id}-model-hint`}
          onChange={(event) => setModel(event.target.value)}
          onBlur={saveModel}
          onKeyDown={(event) => {
            if (event.key === 'Enter') saveModel();
          }}
        />
        <span id={`${id}-model-hint`} className="hint">
          Leave empty to use the first <code>.bin</code> file in the models folder
          {speech ? ':' : '.'}
        </span>
        {speech && <p className="data-dir">{speech.modelsDir}</p>}
      </div>

      <RadioGroup
        legend="Microphone"
        options={MIC_MODES}
        value={shown?.micMode}
        onChange={(value) => void choose({ micMode: value })}
        disabled={!settings}
      />

      <div className="field">
        <label htmlFor={`${id}-silence`}>Silence that ends your turn (seconds)</label>
        <input
          id={`${id}-silence`}
          className="input input-number"
          type="number"
          inputMode="decimal"
          min={END_OF_TURN_MS.min / 1000}
          max={END_OF_TURN_MS.max / 1000}
          step={0.1}
          value={silence}
          disabled={!settings}
          aria-invalid={!silenceValid}
          aria-describedby={`${id}-silence-hint`}
          aria-errormessage={silenceValid ? undefined : `${id}-silence-problem`}
          onChange={(event) => setSilence(event.target.value)}
          onBlur={saveSilence}
          onKeyDown={(event) => {
            if (event.key === 'Enter') saveSilence();
          }}
        />
        <span id={`${id}-silence-hint`} className={silenceValid ? 'hint' : 'hint field-problem'}>
          {silenceValid
            ? `Hands-free: a pause this long ends your turn (${END_OF_TURN_MS.min / 1000} to ${END_OF_TURN_MS.max / 1000} seconds; default ${END_OF_TURN_MS.default / 1000}). Longer lets you pause to think.`
            : silenceProblem}
        </span>
        {/* Present from the start (empty), so what is put in it is announced. */}
        <span id={`${id}-silence-problem`} role="alert" className="visually-hidden">
          {silenceRefused ? silenceProblem : ''}
        </span>
      </div>

      <div className="field">
        <label className="check">
          <input
            type="checkbox"
            checked={shown?.reviewTranscript ?? false}
            disabled={!settings}
            aria-describedby={`${id}-review-hint`}
            onChange={(event) => void choose({ reviewTranscript: event.target.checked })}
          />
          <span>Review the transcript before sending</span>
        </label>
        <span id={`${id}-review-hint`} className="hint">
          Your spoken words go into the reply box to correct, and are sent when you press Send.
        </span>
      </div>

      <div className="field">
        <label className="check">
          <input
            type="checkbox"
            checked={shown?.buyerVoice ?? false}
            disabled={!settings}
            aria-describedby={`${id}-voice-hint`}
            onChange={(event) => void choose({ buyerVoice: event.target.checked })}
          />
          <span>Speak the buyer&apos;s lines aloud</span>
        </label>
        <span id={`${id}-voice-hint`} className="hint">
          {voices === 0
            ? "No system voices found, so the buyer's lines are only shown as text."
            : 'Uses a voice installed on this computer; each buyer keeps their own. Their words are always shown too.'}
        </span>
      </div>
    </section>
  );
}
