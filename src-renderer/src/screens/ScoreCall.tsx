// Score a call: choose a transcript (picker or drop), see who spoke and how
// much, confirm which speaker is the rep, and get the same report as a
// practice session, stored in History as a real call.
import { useId, useState, type DragEvent } from 'react';
import type { CallPreview } from '../../../src-main/contract/api';
import { ErrorAlert } from '../components/ErrorAlert';
import { ScreenTitle } from '../components/ScreenTitle';
import { capitalise } from '../lib/format';
import { useStore } from '../store';

const FORMAT_NAMES: Readonly<Record<CallPreview['format'], string>> = {
  vtt: 'WebVTT (Zoom, Microsoft Teams)',
  srt: 'SRT subtitles',
  otter: 'Otter text export',
  names: '"Name: words" lines',
  'rep-buyer': 'REP: and BUYER: lines',
};

export function ScoreCall() {
  const phase = useStore((s) => s.callPhase);
  const preview = useStore((s) => s.callPreview);
  const error = useStore((s) => s.callError);
  const choose = useStore((s) => s.chooseCallFile);
  const reset = useStore((s) => s.resetCall);
  const id = useId();
  const [dragging, setDragging] = useState(false);

  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void choose(file);
  };

  return (
    <div className="score-call">
      <div className="screen-header">
        <ScreenTitle>Score a call</ScreenTitle>
      </div>
      <p className="hint">
        Score a real first meeting from its transcript: WebVTT from Zoom or Microsoft Teams, SRT, an
        Otter text export, or lines of &quot;Name: words&quot;. The file is read on this computer
        and is not kept unless you ask.
      </p>

      <div
        className={dragging ? 'drop-zone dragging' : 'drop-zone'}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <label htmlFor={`${id}-file`}>Transcript file</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".vtt,.srt,.txt,text/vtt,text/plain"
          disabled={phase === 'reading' || phase === 'scoring'}
          aria-describedby={`${id}-file-hint`}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void choose(file);
            event.target.value = '';
          }}
        />
        <span id={`${id}-file-hint`} className="hint">
          Or drop the file here. Up to 20 MB.
        </span>
      </div>

      <p role="status" className="status-line">
        {phase === 'reading' ? 'Reading the transcript…' : phase === 'scoring' ? 'Scoring…' : ''}
      </p>
      {error && <ErrorAlert message={error} />}
      {preview && (
        <Preview
          key={preview.uploadId}
          preview={preview}
          busy={phase === 'scoring'}
          onCancel={reset}
        />
      )}
    </div>
  );
}

function Preview({
  preview,
  busy,
  onCancel,
}: {
  readonly preview: CallPreview;
  readonly busy: boolean;
  readonly onCancel: () => void;
}) {
  const score = useStore((s) => s.scoreCall);
  const id = useId();
  const [rep, setRep] = useState(preview.suggestion.name);
  // Keyed by the upload, so a new file starts from its own suggestion.
  const [keep, setKeep] = useState(false);

  const amount = (s: CallPreview['speakers'][number]) =>
    s.seconds !== undefined ? `${Math.round(s.seconds)} s` : `${s.words} words`;

  return (
    <section className="panel call-preview" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{preview.fileName}</h2>
      <p>
        Read as {FORMAT_NAMES[preview.format]}: {preview.turns} turns,{' '}
        {preview.timed
          ? 'with times, so talk share and pauses are measured.'
          : 'without times, so talk share and pauses are estimated from words.'}
      </p>
      <div className="table-wrap" role="region" aria-labelledby={`${id}-speakers`} tabIndex={0}>
        <table>
          <caption id={`${id}-speakers`}>Speakers and how much each spoke</caption>
          <thead>
            <tr>
              <th scope="col">Speaker</th>
              <th scope="col" className="num">
                Turns
              </th>
              <th scope="col" className="num">
                Spoke
              </th>
              <th scope="col" className="num">
                Share
              </th>
              <th scope="col" className="num">
                Questions
              </th>
            </tr>
          </thead>
          <tbody>
            {preview.speakers.map((s) => (
              <tr key={s.name}>
                <th scope="row">{s.name}</th>
                <td className="num">{s.turns}</td>
                <td className="num">{amount(s)}</td>
                <td className="num">{Math.round(s.share * 100)}%</td>
                <td className="num">{s.questions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <fieldset disabled={busy}>
        <legend>Who is the rep?</legend>
        {preview.speakers.map((s) => {
          const input = `${id}-${s.name}`;
          const likely = s.name === preview.suggestion.name;
          return (
            <div key={s.name} className="radio">
              <input
                id={input}
                type="radio"
                name={`${id}-rep`}
                value={s.name}
                checked={rep === s.name}
                aria-describedby={likely ? `${id}-why` : undefined}
                onChange={() => setRep(s.name)}
              />
              <div>
                <label htmlFor={input}>
                  {s.name}
                  {likely ? ' (likely the rep)' : ''}
                </label>
                {likely && (
                  <div id={`${id}-why`} className="hint">
                    {capitalise(preview.suggestion.reasons.join('; '))}
                    {preview.suggestion.confident ? '' : '. Another speaker is close: check.'}
                  </div>
                )}
              </div>
            </div>
          );
        })}
      </fieldset>

      {preview.notes.length > 0 && (
        <ul className="hint">
          {preview.notes.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      )}

      <div className="checkbox">
        <input
          id={`${id}-keep`}
          type="checkbox"
          checked={keep}
          disabled={busy}
          onChange={(event) => setKeep(event.target.checked)}
        />
        <label htmlFor={`${id}-keep`}>Keep a copy of the file in the data folder</label>
      </div>

      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={() => void score(rep, keep)}
        >
          Score this call
        </button>
        <button type="button" className="button" disabled={busy} onClick={onCancel}>
          Choose another file
        </button>
      </div>
    </section>
  );
}
