// One quick drill: the target, the buyer's line, the rep's one answer (typed,
// or spoken and then in the box to check before Answer), and the result:
// passed or not, why, the answer quoted, two model answers, and when the
// drill comes back.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { END_OF_TURN_MS, type Transcript } from '../../../src-main/contract/api';
import { BehaviorTag } from '../components/BehaviorTag';
import { ErrorAlert } from '../components/ErrorAlert';
import { ObjectiveList } from '../components/ObjectiveList';
import { MicControl, SpeechMessages, useSpeechAvailability } from '../components/MicControl';
import { ScreenTitle } from '../components/ScreenTitle';
import { formatShortDate } from '../lib/format';
import { revealAndFocus } from '../lib/focus';
import { useRecorder } from '../speech/useRecorder';
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
  const loadSpeechStatus = useStore((s) => s.loadSpeechStatus);
  useEffect(() => void loadSpeechStatus(), [loadSpeechStatus]);
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
        <AnswerForm
          key={drill.id}
          drillId={drill.id}
          busy={busy}
          error={error}
          submit={(text, source) => void answer(text, source)}
        />
      ) : (
        <section className="panel" aria-labelledby={`${id}-result`}>
          <h2
            id={`${id}-result`}
            // The answer box went away: focus moves here, so a keyboard or
            // screen-reader user is not dropped to the page.
            ref={revealAndFocus}
            tabIndex={-1}
            className={result.passed ? 'passed' : 'not-passed'}
          >
            {result.passed ? 'Passed' : 'Not yet'}
          </h2>
          <p>
            You said: <q>{result.answer}</q>{' '}
            <BehaviorTag behavior={result.behavior} group={result.group} />
          </p>
          <ObjectiveList objectives={result.objectives} />
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

function AnswerForm({
  drillId,
  busy,
  error,
  submit,
}: {
  readonly drillId: string;
  readonly busy: boolean;
  readonly error: string | null;
  submit(text: string, source: 'typed' | 'spoken'): void;
}) {
  const id = useId();
  const boxRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  /** The words in the box came from speech (until the box is emptied). */
  const [spoken, setSpoken] = useState(false);
  const mode = useStore((s) => s.settings?.micMode ?? 'push');
  const endOfTurnMs = useStore((s) => s.settings?.endOfTurnMs ?? END_OF_TURN_MS.default);
  const { ready, reason } = useSpeechAvailability();
  const onTranscript = useCallback((transcript: Transcript) => {
    const words = transcript.text.trim();
    if (!words) return;
    // Spoken words wait in the box to be checked: a drill takes one answer.
    setText(words.slice(0, 4000));
    setSpoken(true);
    boxRef.current?.focus();
  }, []);
  const control = useRecorder({
    sessionId: `drill-${drillId}`,
    enabled: ready && !busy,
    mode,
    endOfTurnMs,
    onTranscript,
  });
  const send = () => {
    if (text.trim() && !busy) submit(text, spoken ? 'spoken' : 'typed');
  };
  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <SpeechMessages control={control} mode={mode} />
      <label htmlFor={`${id}-answer`} className="label">
        Your answer
      </label>
      <textarea
        id={`${id}-answer`}
        ref={boxRef}
        className="textarea"
        rows={3}
        maxLength={4000}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value.trim() === '') setSpoken(false);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            send();
          }
        }}
      />
      <MicControl
        control={control}
        mode={mode}
        ready={ready}
        reason={reason}
        busy={busy}
        closed={false}
        review
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
  );
}
