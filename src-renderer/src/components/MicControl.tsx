// Speaking a reply, beside the reply box: the "Hold to talk" button (hold it
// with the mouse, a finger, or Space/Enter while it has focus; Escape cancels),
// or, with "Hands-free" ticked, nothing to hold: the app hears when the rep
// starts and stops. A level meter shows the microphone is live, a status line
// says what it is doing ("Listening…", "Transcribing…"), and notices say what
// went wrong. Without a speech engine or a microphone it says why, and typing
// works exactly as before.
import { useId, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { END_OF_TURN_MS, type MicMode } from '../../../src-main/contract/api';
import type { RecorderControl } from '../speech/useRecorder';
import { useStore, type MicPhase } from '../store';
import { LevelMeter } from './LevelMeter';

/** Whether speech can be used in this meeting, and if not, why (for the rep). */
export function useSpeechAvailability(): {
  readonly ready: boolean;
  readonly reason: string | null;
} {
  const status = useStore((s) => s.speechStatus);
  const error = useStore((s) => s.speechStatusError);
  if (status?.active) return { ready: true, reason: null };
  if (status) {
    const details = status.engines.map((e) => `${e.label}: ${e.detail}`).join(' ');
    return {
      ready: false,
      reason: `Speaking is not available: no speech engine is set up.${details ? ` ${details}` : ''} Type your reply (Settings, Speech, has more).`,
    };
  }
  if (error)
    return { ready: false, reason: `Speaking is not available: ${error} Type your reply.` };
  return { ready: false, reason: 'Checking for a speech engine…' };
}

export interface MicControlProps {
  readonly control: RecorderControl;
  readonly mode: MicMode;
  readonly ready: boolean;
  readonly reason: string | null;
  /** A reply is on its way, or the meeting is ending. */
  readonly busy: boolean;
  readonly closed: boolean;
  readonly review: boolean;
}

function statusText(phase: MicPhase, mode: MicMode, buyerSpeaking: boolean): string {
  switch (phase) {
    case 'opening':
      return 'Starting the microphone…';
    case 'recording':
      return 'Listening…';
    case 'transcribing':
      return 'Transcribing…';
    case 'waiting':
      return buyerSpeaking ? 'Waiting for the buyer to finish…' : 'Waiting for you to speak';
    case 'off':
      return mode === 'handsFree' ? 'Microphone off' : '';
  }
}

const HOLD_KEYS = new Set([' ', 'Enter']);

export function MicControl({
  control,
  mode,
  ready,
  reason,
  busy,
  closed,
  review,
}: MicControlProps) {
  const id = useId();
  const phase = useStore((s) => s.micPhase);
  const level = useStore((s) => s.micLevel);
  const buyerSpeaking = useStore((s) => s.buyerSpeaking);
  const settings = useStore((s) => s.settings);
  const saveSettings = useStore((s) => s.saveSettings);

  // The tick shows at once; once main answers, the stored mode is the truth again.
  const [pickedMode, setPickedMode] = useState<MicMode | null>(null);
  const chooseMode = async (next: MicMode) => {
    setPickedMode(next);
    await saveSettings({ micMode: next });
    setPickedMode(null);
  };

  const canPress = ready && !busy && !closed && phase !== 'transcribing';
  const holding = phase === 'opening' || phase === 'recording';
  const live = phase === 'waiting' || phase === 'recording';

  const down = () => {
    if (canPress) control.press();
  };
  const onPointerDown = (event: PointerEvent<HTMLButtonElement>) => {
    if (event.button !== 0) return;
    // Keep focus where it is (the reply box, often), and keep the pointer until it lets go.
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    down();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (!HOLD_KEYS.has(event.key)) return;
    event.preventDefault();
    if (!event.repeat) down();
  };
  const onKeyUp = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (!HOLD_KEYS.has(event.key)) return;
    event.preventDefault();
    control.release();
  };

  const seconds = ((settings?.endOfTurnMs ?? END_OF_TURN_MS.default) / 1000).toLocaleString();
  const modeHint =
    mode === 'push'
      ? review
        ? 'Hold while you speak, then let go: your words go into the reply box to check before you send. Escape cancels.'
        : 'Hold while you speak, then let go to send. Escape cancels.'
      : `Just speak: ${seconds} s of silence ends your turn${review ? ' and puts your words in the reply box' : ' and sends it'}. Escape cancels.`;

  return (
    <div className="speech" role="group" aria-label="Speak instead of typing">
      <div className="speech-bar">
        {mode === 'push' && (
          <button
            type="button"
            className={holding ? 'button mic-button holding' : 'button mic-button'}
            aria-disabled={!canPress}
            aria-describedby={`${id}-why`}
            onPointerDown={onPointerDown}
            onPointerUp={() => control.release()}
            onPointerCancel={() => control.release()}
            onLostPointerCapture={() => control.release()}
            onKeyDown={onKeyDown}
            onKeyUp={onKeyUp}
            onContextMenu={(event) => event.preventDefault()}
          >
            <MicIcon />
            Hold to talk
          </button>
        )}
        {ready && !closed && (
          // A fixed slot, so nothing moves when the meter comes and goes.
          <span className="level-slot">{live && <LevelMeter level={level} />}</span>
        )}
        <p role="status" className={phase === 'recording' ? 'mic-status recording' : 'mic-status'}>
          {ready && !closed ? statusText(phase, mode, buyerSpeaking) : ''}
        </p>
        {ready && !closed && (
          <label className="check mic-mode">
            <input
              type="checkbox"
              checked={(pickedMode ?? mode) === 'handsFree'}
              disabled={!settings}
              aria-describedby={`${id}-mode-hint`}
              onChange={(event) => void chooseMode(event.target.checked ? 'handsFree' : 'push')}
            />
            <span>Hands-free</span>
          </label>
        )}
      </div>
      <p id={`${id}-why`} className="hint speech-hint">
        {!ready ? reason : closed ? 'The meeting is over.' : modeHint}
      </p>
      {ready && !closed && (
        <p id={`${id}-mode-hint`} className="visually-hidden">
          Hands-free listens all the time and sends when you stop speaking.
        </p>
      )}
    </div>
  );
}

/**
 * What went wrong with the microphone (with a retry in hands-free) and the
 * last notice about the rep's speech. Shown above the reply box, so a message
 * appearing does not move the button under the rep's finger.
 */
export function SpeechMessages({
  control,
  mode,
}: {
  readonly control: RecorderControl;
  readonly mode: MicMode;
}) {
  const micError = useStore((s) => s.micError);
  const notice = useStore((s) => s.speechNotice);
  return (
    <>
      {micError && (
        <div role="alert" className="speech-problem">
          <p>{micError}</p>
          {mode === 'handsFree' && (
            <button type="button" className="button button-small" onClick={control.retry}>
              Try the microphone again
            </button>
          )}
        </div>
      )}
      <p
        role="status"
        className={
          notice
            ? `speech-notice speech-notice-${notice.tone}`
            : 'speech-notice speech-notice-empty'
        }
      >
        {notice?.message ?? ''}
      </p>
    </>
  );
}

function MicIcon() {
  return (
    <svg
      className="mic-icon"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      focusable="false"
    >
      <path
        fill="currentColor"
        d="M12 14a3 3 0 0 0 3-3V5a3 3 0 0 0-6 0v6a3 3 0 0 0 3 3Zm5-3a5 5 0 0 1-10 0H5a7 7 0 0 0 6 6.92V21h2v-3.08A7 7 0 0 0 19 11h-2Z"
      />
    </svg>
  );
}
