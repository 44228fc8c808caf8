// One quick drill: the target, the buyer's line, the rep's one answer, and the
// result: passed or not, why, the answer quoted, two model answers, and when
// the drill comes back.
import { useId, useState } from 'react';
import { BehaviorTag } from '../components/BehaviorTag';
import { ErrorAlert } from '../components/ErrorAlert';
import { ScreenTitle } from '../components/ScreenTitle';
import { formatShortDate } from '../lib/format';
import { useStore } from '../store';

export function QuickDrill() {
  const id = useId();
  const drill = useStore((s) => s.quickDrill);
  const result = useStore((s) => s.quickResult);
  const busy = useStore((s) => s.quickBusy);
  const error = useStore((s) => s.quickError);
  const answer = useStore((s) => s.answerQuickDrill);
  const navigate = useStore((s) => s.navigate);
  const trackOnShow = useStore((s) => s.trackOnShow);
  const [text, setText] = useState('');
  const back = () => navigate(drill?.trackId && trackOnShow ? 'track' : 'drills');
  if (!drill)
    return (
      <>
        <ScreenTitle>Quick drill</ScreenTitle>
        {error ? <ErrorAlert message={error} /> : <p className="loading">Loading the drill…</p>}
      </>
    );
  return (
    <>
      <div className="screen-header">
        <ScreenTitle>Quick drill: {drill.title}</ScreenTitle>
        <p className="drill-target">{drill.say}</p>
      </div>
      <figure className="buyer-line">
        <blockquote>
          <p>{drill.buyer}</p>
        </blockquote>
        <figcaption>The buyer</figcaption>
      </figure>
      {!result ? (
        <form
          className="composer"
          onSubmit={(event) => {
            event.preventDefault();
            if (text.trim()) void answer(text);
          }}
        >
          <label htmlFor={`${id}-answer`} className="label">
            Your answer
          </label>
          <textarea
            id={`${id}-answer`}
            className="textarea"
            rows={3}
            maxLength={4000}
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !event.shiftKey) {
                event.preventDefault();
                if (text.trim() && !busy) void answer(text);
              }
            }}
          />
          <div className="report-actions">
            <button
              type="submit"
              className="button button-primary"
              aria-disabled={busy || !text.trim() || undefined}
            >
              Answer
            </button>
          </div>
          {error && <ErrorAlert message={error} />}
        </form>
      ) : (
        <section className="panel" aria-labelledby={`${id}-result`}>
          <h2 id={`${id}-result`} className={result.passed ? 'passed' : 'not-passed'}>
            {result.passed ? 'Passed' : 'Not yet'}
          </h2>
          <p>
            You said: <q>{result.answer}</q>{' '}
            <BehaviorTag behavior={result.behavior} group={result.group} />
          </p>
          <ul className="objectives">
            {result.objectives.map((o) => (
              <li key={o.name}>
                <strong>
                  {o.met ? '✓' : '✗'} {o.name}
                </strong>
                : {o.why}
              </li>
            ))}
          </ul>
          {result.tip && <p className="hint">{result.tip}</p>}
          <h3>Two answers that pass</h3>
          <ul>
            {result.models.map((m) => (
              <li key={m}>
                <q>{m}</q>
              </li>
            ))}
          </ul>
          <p>This drill comes back on {formatShortDate(`${result.nextDue}T12:00:00`)}.</p>
          <div className="report-actions">
            <button type="button" className="button button-primary" onClick={back}>
              Back to {drill.trackId && trackOnShow ? 'the track' : 'Drills'}
            </button>
          </div>
        </section>
      )}
    </>
  );
}
