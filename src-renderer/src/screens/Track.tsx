// A track: each module, open or locked, its status, best score and the
// attempts left on its meeting drills, with each drill to start; the
// certificate once the whole track is passed.
import { useEffect, useId } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { ScreenTitle } from '../components/ScreenTitle';
import { useStore } from '../store';

export function Track() {
  const id = useId();
  const trackId = useStore((s) => s.trackOnShow);
  const overview = useStore((s) => s.drillsOverview);
  const load = useStore((s) => s.loadDrills);
  const error = useStore((s) => s.drillsError);
  const openQuick = useStore((s) => s.openQuickDrill);
  const startMeeting = useStore((s) => s.startMeetingDrill);
  const openCertificate = useStore((s) => s.openCertificate);
  const navigate = useStore((s) => s.navigate);
  useEffect(() => void load(), [load]);
  const track = overview?.tracks.find((t) => t.id === trackId);
  if (!track)
    return (
      <>
        <ScreenTitle>Track</ScreenTitle>
        <p>
          No track to show.{' '}
          <button type="button" className="button-link" onClick={() => navigate('drills')}>
            Back to Drills
          </button>
        </p>
      </>
    );
  return (
    <>
      <div className="screen-header">
        <ScreenTitle>{track.title}</ScreenTitle>
        {track.description && <p>{track.description}</p>}
        <p>
          {track.modulesPassed} of {track.modules.length} modules passed
        </p>
      </div>
      {error && <ErrorAlert message={error} />}
      {track.certificate && (
        <div className="notice">
          <p>
            You passed this track.{' '}
            <button
              type="button"
              className="button button-primary"
              onClick={() => track.certificate && openCertificate(track.certificate)}
            >
              See your certificate
            </button>
          </p>
        </div>
      )}
      <ol className="modules">
        {track.modules.map((module) => (
          <li key={module.id} className="panel" aria-labelledby={`${id}-${module.id}`}>
            <h2 id={`${id}-${module.id}`}>
              {module.title}{' '}
              <span className={`tag status-tag`}>{module.locked ? 'Locked' : module.status}</span>
            </h2>
            {module.description && <p>{module.description}</p>}
            <p className="hint">
              {module.bestScore !== null ? `Best score ${module.bestScore}. ` : ''}
              {module.quick.length > 0 &&
                `Pass ${module.quickNeeded} of ${module.quick.length} quick drills. `}
              {module.locked ? 'Opens once the module before it is passed.' : ''}
            </p>
            {!module.locked && (
              <ul className="module-drills">
                {module.quick.map((q) => (
                  <li key={q.id}>
                    <span>
                      {q.passed ? '✓ ' : ''}
                      {q.title}
                    </span>
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() =>
                        void openQuick(q.id, { trackId: track.id, moduleId: module.id })
                      }
                    >
                      {q.passed ? 'Again' : 'Start'}
                      <span className="visually-hidden"> {q.title}</span>
                    </button>
                  </li>
                ))}
                {module.meeting.map((m) => (
                  <li key={m.id}>
                    <span>
                      {m.passed ? '✓ ' : ''}
                      {m.title} · {m.attemptsLeft} attempt{m.attemptsLeft === 1 ? '' : 's'} left
                      {m.best !== null ? ` · best ${m.best}` : ''}
                    </span>
                    {!m.passed && m.attemptsLeft > 0 && (
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => void startMeeting(m.id, track.id, module.id)}
                      >
                        Start meeting<span className="visually-hidden"> {m.title}</span>
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
