// The rep's settings: name, theme (applied at once), default mode, and where
// the data lives. Each change is saved through main and confirmed with "Saved".
import { useEffect, useId, useState } from 'react';
import type { Mode, Theme } from '../../../src-main/contract/api';
import { ErrorAlert } from '../components/ErrorAlert';
import { ScreenTitle } from '../components/ScreenTitle';
import { applyTheme } from '../lib/theme';
import { useStore } from '../store';

const THEMES: readonly { value: Theme; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'system', label: 'Follow the system' },
];

const MODES: readonly { value: Mode; label: string; hint: string }[] = [
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

      <fieldset disabled={!settings}>
        <legend>Theme</legend>
        {THEMES.map((t) => (
          <label key={t.value} className="radio">
            <input
              type="radio"
              name={`${id}-theme`}
              value={t.value}
              checked={theme === t.value}
              onChange={() => void chooseTheme(t.value)}
            />
            <span>{t.label}</span>
          </label>
        ))}
      </fieldset>

      <fieldset disabled={!settings}>
        <legend>Default mode</legend>
        {MODES.map((m) => (
          <div key={m.value} className="radio">
            <input
              id={`${id}-mode-${m.value}`}
              type="radio"
              name={`${id}-mode`}
              value={m.value}
              checked={mode === m.value}
              aria-describedby={`${id}-mode-${m.value}-hint`}
              onChange={() => void chooseMode(m.value)}
            />
            <div>
              <label htmlFor={`${id}-mode-${m.value}`}>{m.label}</label>
              <div id={`${id}-mode-${m.value}-hint`} className="hint">
                {m.hint}
              </div>
            </div>
          </div>
        ))}
      </fieldset>

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
    </div>
  );
}
