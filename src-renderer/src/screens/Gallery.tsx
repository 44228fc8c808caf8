// Choose a buyer: one card per scenario (built-in and the organisation's own),
// with a way back to a meeting still in progress, and every scenario file that
// could not be used with its file:line:column messages. The list is asked for
// again every few seconds, so a saved scenario file shows up without a restart.
import { useEffect } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { ScenarioCardView } from '../components/ScenarioCardView';
import { ScreenTitle } from '../components/ScreenTitle';
import { useStore } from '../store';

/** How often the gallery asks for the scenarios again (a saved file shows up within this). */
const RELOAD_MS = 2000;

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** A performance mark: the gallery has shown its buyers and can start a meeting. */
export const GALLERY_READY = 'first-meeting:gallery-ready';

export function Gallery() {
  const scenarios = useStore((s) => s.scenarios);
  const loaded = useStore((s) => s.scenariosLoaded);
  const error = useStore((s) => s.scenariosError);
  const ready = loaded && scenarios.length > 0;

  // Marks when the first screen became usable, for `npm run bench`.
  useEffect(() => {
    if (ready && performance.getEntriesByName(GALLERY_READY).length === 0) {
      performance.mark(GALLERY_READY);
    }
  }, [ready]);
  const reload = useStore((s) => s.loadScenarios);
  const refresh = useStore((s) => s.refreshScenarios);
  const unusable = useStore((s) => s.unusableScenarios);
  const ownFolder = useStore((s) => s.ownScenarioFolder);
  useEffect(() => {
    const timer = setInterval(() => void refresh(), RELOAD_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  const live = useStore((s) => (s.view && !s.view.ended ? s.view : null));
  const navigate = useStore((s) => s.navigate);

  return (
    <>
      <div className="screen-header">
        <ScreenTitle>Choose a buyer</ScreenTitle>
        <p>Pick who you are meeting, how hard they are, and whether you want coaching as you go.</p>
      </div>
      {live && (
        <div className="notice">
          <p>
            Your meeting with {live.scenario.persona.name} is still going.{' '}
            <button type="button" className="button-link" onClick={() => navigate('meeting')}>
              Back to the meeting
            </button>
          </p>
        </div>
      )}
      {error && (
        <ErrorAlert message={`Could not load the buyers: ${error}`}>
          <button type="button" className="button" onClick={() => void reload()}>
            Try again
          </button>
        </ErrorAlert>
      )}
      {!loaded && <p className="loading">Loading buyers…</p>}
      {loaded && !error && scenarios.length === 0 && <p>No buyers are available.</p>}
      <div className="scenario-gallery">
        <div className="scenario-grid">
          {scenarios.map((card) => (
            <ScenarioCardView key={card.id} card={card} />
          ))}
        </div>
      </div>
      {unusable.length > 0 && (
        <section className="panel unusable-scenarios" aria-labelledby="unusable-heading">
          <h2 id="unusable-heading">
            {unusable.length === 1
              ? 'One scenario file cannot be used'
              : `${unusable.length} scenario files cannot be used`}
          </h2>
          <p className="hint">Fix what each message says and save; the buyer appears here.</p>
          {unusable.map((file) => (
            <div key={file.file} className="unusable-file">
              <h3>
                <code>{fileName(file.file)}</code>
                {file.source === 'own' ? " (your organisation's)" : ' (built-in)'}
              </h3>
              <ul>
                {file.problems.map((problem) => (
                  <li key={problem}>
                    <code>{problem}</code>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
      {ownFolder && (
        <p className="hint own-folder">
          Your organisation&apos;s own buyers: scenario files in <code>{ownFolder}</code> (see
          docs/scenarios.md to write one).
        </p>
      )}
    </>
  );
}
