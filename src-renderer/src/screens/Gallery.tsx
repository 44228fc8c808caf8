// Choose a buyer: one card per scenario, with a way back to a meeting still in
// progress, and (quietly) any scenario files that failed to load.
import { useEffect } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { ScenarioCardView } from '../components/ScenarioCardView';
import { ScreenTitle } from '../components/ScreenTitle';
import { useStore } from '../store';

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
  // Select stable references: a fresh [] per call would re-render forever.
  const info = useStore((s) => s.info);
  const problems = info?.scenarioProblems ?? [];
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
      {problems.length > 0 && (
        <details className="problems-details">
          <summary>
            {problems.length} scenario {problems.length === 1 ? 'file' : 'files'} could not be
            loaded
          </summary>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>
                <code>{problem}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
