// Where the rep types. Enter sends, Shift+Enter starts a new line; the box
// stays editable while a reply is in flight and keeps focus after sending. The
// text is cleared only when main accepted it, and kept (with the error) if not.
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { MAX_REPLY_CHARACTERS as MAX_REPLY } from '../../../src-main/core/meeting/reply';
import { ErrorAlert } from './ErrorAlert';

export interface ComposerProps {
  readonly busy: boolean;
  readonly closed: boolean;
  readonly error: string | null;
  send(text: string): Promise<boolean>;
}

export function Composer({ busy, closed, error, send }: ComposerProps) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const boxRef = useRef<HTMLTextAreaElement>(null);
  const canSend = !busy && !closed && draft.trim().length > 0;

  const submit = async () => {
    if (!canSend) return;
    const sent = draft;
    boxRef.current?.focus();
    const ok = await send(sent);
    // The rep may have typed on while main answered: clear only what was sent.
    if (ok)
      setDraft((now) =>
        now === sent ? '' : now.startsWith(sent) ? now.slice(sent.length).trimStart() : now,
      );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void submit();
  };

  return (
    <div className="composer">
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
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
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
      <div className="composer-foot">
        <p id={`${id}-hint`} className="hint">
          Enter sends. Shift+Enter adds a new line.
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
