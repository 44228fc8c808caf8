// Where the rep types or speaks. Enter sends, Shift+Enter starts a new line;
// the box stays editable while a reply is in flight and keeps focus after
// sending. The text is cleared only when main accepted it, and kept (with the
// error) if not. Speaking (MicControl): hold the button, or hold Space while
// the box is empty; or hands-free. A transcript is sent at once as a spoken
// reply, or, with "review transcript" on, put in the box to edit and sent
// with Send (still as spoken, naming its utterance).
import { useCallback, useId, useRef, useState, type KeyboardEvent } from 'react';
import { END_OF_TURN_MS, type Transcript } from '../../../src-main/contract/api';
import { MAX_REPLY_CHARACTERS as MAX_REPLY } from '../../../src-main/core/meeting/reply';
import { useRecorder } from '../speech/useRecorder';
import type { ReplyOptions } from '../store/meeting';
import { useStore } from '../store';
import { ErrorAlert } from './ErrorAlert';
import { MicControl, SpeechMessages, useSpeechAvailability } from './MicControl';

export interface ComposerProps {
  readonly sessionId: string;
  readonly busy: boolean;
  readonly closed: boolean;
  readonly error: string | null;
  send(text: string, options?: ReplyOptions): Promise<boolean>;
}

export function Composer({ sessionId, busy, closed, error, send }: ComposerProps) {
  const id = useId();
  const [draft, setDraft] = useState('');
  /** The utterance the words in the box were heard in (review mode), until the box is emptied. */
  const [spokenId, setSpokenId] = useState<string | null>(null);
  const boxRef = useRef<HTMLTextAreaElement>(null);
  const canSend = !busy && !closed && draft.trim().length > 0;

  const mode = useStore((s) => s.settings?.micMode ?? 'push');
  const review = useStore((s) => s.settings?.reviewTranscript ?? false);
  const endOfTurnMs = useStore((s) => s.settings?.endOfTurnMs ?? END_OF_TURN_MS.default);
  const setSpeechNotice = useStore((s) => s.setSpeechNotice);
  const { ready, reason } = useSpeechAvailability();
  const speaking = ready && !closed;

  const changeDraft = (text: string) => {
    setDraft(text);
    if (text.trim() === '') setSpokenId(null);
  };

  const onTranscript = useCallback(
    async (transcript: Transcript) => {
      const text = transcript.text.trim().slice(0, MAX_REPLY);
      const toBox = () => {
        setDraft((now) => (now.trim() ? `${now.trimEnd()} ${text}` : text).slice(0, MAX_REPLY));
        setSpokenId(transcript.utteranceId);
        const box = boxRef.current;
        if (box) {
          box.focus();
          // The caret after the words, ready to edit; after React has rendered them.
          requestAnimationFrame(() => box.setSelectionRange(box.value.length, box.value.length));
        }
      };
      // Words the engine is unsure of are checked by the rep, never sent as they are.
      if (review || transcript.unsure) {
        toBox();
        // Unless the transcript came with a problem to show instead.
        if (!transcript.problem)
          setSpeechNotice({
            message: 'Your words are in the reply box: edit them if needed, then press Send.',
            tone: 'hint',
          });
        return;
      }
      const ok = await send(text, { source: 'spoken', utteranceId: transcript.utteranceId });
      // Not sent (the error is shown): keep the words in the box to try again.
      if (!ok) toBox();
    },
    [review, send, setSpeechNotice],
  );

  const control = useRecorder({
    sessionId,
    enabled: speaking,
    mode,
    endOfTurnMs,
    onTranscript: (t) => void onTranscript(t),
  });

  const submit = async () => {
    if (!canSend) return;
    const sent = draft;
    const utteranceId = spokenId;
    boxRef.current?.focus();
    const ok = await send(
      sent,
      utteranceId !== null ? { source: 'spoken', utteranceId } : { source: 'typed' },
    );
    // The rep may have typed on while main answered: clear only what was sent.
    if (ok) {
      if (utteranceId !== null) setSpokenId((now) => (now === utteranceId ? null : now));
      setDraft((now) =>
        now === sent ? '' : now.startsWith(sent) ? now.slice(sent.length).trimStart() : now,
      );
    }
  };

  // Hold Space in the empty box to talk (push to talk); any other time Space types a space.
  const spaceTalks = speaking && mode === 'push' && !busy && draft === '';
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === ' ' && spaceTalks && !event.nativeEvent.isComposing) {
      event.preventDefault();
      if (!event.repeat) control.press();
      return;
    }
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void submit();
  };
  const onKeyUp = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === ' ') control.release();
  };

  return (
    <div className="composer">
      <SpeechMessages control={control} mode={mode} />
      <label htmlFor={`${id}-reply`} className="label">
        Your reply
      </label>
      <div className="composer-row">
        <textarea
          id={`${id}-reply`}
          ref={boxRef}
          className="textarea"
          rows={3}
          maxLength={MAX_REPLY}
          value={draft}
          readOnly={closed}
          aria-describedby={`${id}-hint`}
          onChange={(event) => changeDraft(event.target.value)}
          onKeyDown={onKeyDown}
          onKeyUp={onKeyUp}
        />
        <button
          type="button"
          className="button button-primary"
          disabled={!canSend}
          onClick={() => void submit()}
        >
          Send
        </button>
      </div>
      <MicControl
        control={control}
        mode={mode}
        ready={ready}
        reason={reason}
        busy={busy}
        closed={closed}
        review={review}
      />
      <div className="composer-foot">
        <p id={`${id}-hint`} className="hint">
          Enter sends. Shift+Enter adds a new line.
          {speaking && mode === 'push' ? ' Hold Space in the empty box to talk.' : ''}
        </p>
        {draft.length > MAX_REPLY - 500 && (
          <p className="hint">
            {draft.length} / {MAX_REPLY} characters
          </p>
        )}
      </div>
      {error && <ErrorAlert message={error} />}
    </div>
  );
}
