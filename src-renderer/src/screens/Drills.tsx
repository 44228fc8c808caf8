// Drills: who is practising, today's drills (the ones due back first, then
// new ones), the learner's tracks with their progress and certificates, and
// the whole drill library.
import { useEffect, useId, useState } from 'react';
import { MAX_BUNDLE_CHARS } from '../../../src-main/contract/api';
import { getApi } from '../bridge';
import { downloadFile } from '../lib/download';
import { errorMessage } from '../lib/errors';
import { ErrorAlert } from '../components/ErrorAlert';
import { LearnerPicker } from '../components/LearnerPicker';
import { ScreenTitle } from '../components/ScreenTitle';
import { useStore } from '../store';

export function Drills() {
  const id = useId();
  const learners = useStore((s) => s.learnersView);
  const overview = useStore((s) => s.drillsOverview);
  const loading = useStore((s) => s.drillsLoading);
  const error = useStore((s) => s.drillsError);
  const load = useStore((s) => s.loadDrills);
  const openQuick = useStore((s) => s.openQuickDrill);
  const openTrack = useStore((s) => s.openTrack);
  const openCertificate = useStore((s) => s.openCertificate);
  const chosen = useStore((s) => s.dailySize);
  const setDailySize = useStore((s) => s.setDailySize);
  const active = learners?.active ?? null;
  useEffect(() => void load(), [load, active]);

  return (
    <>
      <div className="screen-header">
        <ScreenTitle>Drills</ScreenTitle>
        <p>Short drills that come back until they stick, and tracks that end in a certificate.</p>
      </div>
      <LearnerPicker />
      {error && <ErrorAlert message={error} />}
      {active && loading && !overview && <p className="loading">Loading your drills…</p>}
      {overview && (
        <>
          <section className="panel" aria-labelledby={`${id}-today`}>
            <h2 id={`${id}-today`}>Today&apos;s drills</h2>
            <div className="field-inline">
              <label className="label" htmlFor={`${id}-size`}>
                Drills a day
              </label>
              <input
                id={`${id}-size`}
                className="input input-number"
                type="number"
                min={1}
                max={100}
                value={chosen ?? overview.dailySize}
                onChange={(event) => {
                  const size = Math.round(Number(event.target.value));
                  if (size >= 1 && size <= 100) void setDailySize(size);
                }}
              />
            </div>
            {overview.today.length === 0 ? (
              <p>Nothing due today. Well done: come back tomorrow.</p>
            ) : (
              <ol className="today-drills">
                {overview.today.map((drill) => (
                  <li key={drill.id}>
                    <span>
                      {drill.due && <span className="tag due-tag">Due again</span>} {drill.title}
                    </span>
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => void openQuick(drill.id)}
                    >
                      Start<span className="visually-hidden"> {drill.title}</span>
                    </button>
                  </li>
                ))}
              </ol>
            )}
          </section>

          <section className="panel" aria-labelledby={`${id}-tracks`}>
            <h2 id={`${id}-tracks`}>Tracks</h2>
            <ul className="track-list">
              {overview.tracks.map((track) => (
                <li key={track.id}>
                  <h3>{track.title}</h3>
                  <p>
                    {track.modulesPassed} of {track.modules.length} modules passed
                    {track.passed ? ' · Passed' : ''}
                  </p>
                  <progress
                    max={track.modules.length}
                    value={track.modulesPassed}
                    aria-label={`${track.title}: ${track.modulesPassed} of ${track.modules.length} modules passed`}
                  />
                  <div className="row-actions">
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => openTrack(track.id)}
                    >
                      Open<span className="visually-hidden"> {track.title}</span>
                    </button>
                    {track.certificate && (
                      <button
                        type="button"
                        className="button button-small button-primary"
                        onClick={() => track.certificate && openCertificate(track.certificate)}
                      >
                        Certificate<span className="visually-hidden"> for {track.title}</span>
                      </button>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          </section>

          <section className="panel" aria-labelledby={`${id}-library`}>
            <h2 id={`${id}-library`}>Drill library</h2>
            <details>
              <summary>All {overview.library.length} drills</summary>
              <table className="board-table">
                <thead>
                  <tr>
                    <th scope="col">Drill</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Target</th>
                    <th scope="col">
                      <span className="visually-hidden">Start</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {overview.library.map((drill) => (
                    <tr key={drill.id}>
                      <th scope="row">{drill.title}</th>
                      <td>{drill.kind === 'quick' ? 'Quick' : 'Meeting'}</td>
                      <td>{drill.target}</td>
                      <td>
                        {drill.kind === 'quick' && (
                          <button
                            type="button"
                            className="button button-small"
                            onClick={() => void openQuick(drill.id)}
                          >
                            Try<span className="visually-hidden"> {drill.title}</span>
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </section>
          <ResultsPanel />
          {overview.problems.length > 0 && (
            <section className="panel unusable-scenarios" aria-labelledby={`${id}-problems`}>
              <h2 id={`${id}-problems`}>Drill and track files that could not be used</h2>
              <ul>
                {overview.problems.map((p) => (
                  <li key={p}>
                    <code>{p}</code>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </>
  );
}

/** Results bundles: export this learner's (or everyone's) results; import a bundle from another machine. */
function ResultsPanel() {
  const id = useId();
  const load = useStore((s) => s.loadDrills);
  const loadLearners = useStore((s) => s.loadLearners);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const exportResults = async (everyone: boolean) => {
    try {
      downloadFile(await getApi().call('results.export', { everyone }));
    } catch (error) {
      setMessage({ text: `Could not export: ${errorMessage(error)}`, error: true });
    }
  };
  const importFile = async (file: File) => {
    setMessage(null);
    if (file.size > MAX_BUNDLE_CHARS * 4) {
      setMessage({
        text: `${file.name} is too large to import here; use: npm run --silent cli -- results import FILE`,
        error: true,
      });
      return;
    }
    try {
      const done = await getApi().call('results.import', {
        fileName: file.name,
        text: await file.text(),
      });
      setMessage({
        text: `Imported ${done.learnersAdded} learner(s), ${done.attemptsAdded} attempt(s) and ${done.certificatesAdded} certificate(s) from ${file.name}.`,
        error: false,
      });
      await loadLearners();
      await load();
    } catch (error) {
      setMessage({ text: errorMessage(error), error: true });
    }
  };
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Results</h2>
      <p className="hint">
        A results bundle carries drill attempts and certificates to an enablement lead, who imports
        it; importing twice adds nothing.
      </p>
      <div className="row-actions">
        <button type="button" className="button" onClick={() => void exportResults(false)}>
          Export results
        </button>
        <button type="button" className="button" onClick={() => void exportResults(true)}>
          Export everyone&apos;s results
        </button>
      </div>
      <div className="field-inline">
        <label className="label" htmlFor={`${id}-import`}>
          Import results
        </label>
        <input
          id={`${id}-import`}
          type="file"
          accept=".json,application/json"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      {message && (
        <p
          role={message.error ? 'alert' : 'status'}
          className={message.error ? 'field-problem' : ''}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
