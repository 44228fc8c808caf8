// The meeting: who the buyer is, the clock, the conversation, the reply box,
// and in coach mode the buyer's meters. In a window of ordinary height the
// screen fills it and only the conversation scrolls; at high zoom the page
// scrolls and the reply box is brought back into view after each answer. Main holds the session; this screen
// shows the last view main returned and the reply on its way. With the buyer
// voice setting on, the buyer's lines are spoken too (mutable per meeting).
import { useEffect, useId, useRef, useState } from 'react';
import type { SessionView } from '../../../src-main/contract/api';
import { Composer } from '../components/Composer';
import { Conversation } from '../components/Conversation';
import { ErrorAlert } from '../components/ErrorAlert';
import { MeetingClock } from '../components/MeetingClock';
import { MeterPanel } from '../components/MeterPanel';
import { ScreenTitle } from '../components/ScreenTitle';
import { DIFFICULTY_LABEL, MODE_LABEL } from '../lib/format';
import { useBuyerVoice } from '../speech/useBuyerVoice';
import { useVoiceCount } from '../speech/voice';
import { useStore } from '../store';

export function Meeting() {
  const view = useStore((s) => s.view);
  const navigate = useStore((s) => s.navigate);
  if (!view)
    return (
      <>
        <ScreenTitle>No meeting in progress</ScreenTitle>
        <button type="button" className="button button-primary" onClick={() => navigate('gallery')}>
          Choose a buyer
        </button>
      </>
    );
  // A new session (a replay, a resume) gets fresh per-meeting state.
  return <LiveMeeting key={view.id} view={view} />;
}

function LiveMeeting({ view }: { readonly view: SessionView }) {
  const pendingReply = useStore((s) => s.pendingReply);
  const replyError = useStore((s) => s.replyError);
  const meetingError = useStore((s) => s.meetingError);
  const ending = useStore((s) => s.ending);
  const reportWanted = useStore((s) => s.reportWanted);
  const sendReply = useStore((s) => s.sendReply);
  const endMeeting = useStore((s) => s.endMeeting);
  const repName = useStore((s) => s.settings?.repName ?? '');
  const { persona } = view.scenario;
  const coach = view.mode === 'coach' && view.meters !== undefined;
  const openingMeters = useOpeningMeters(view);
  const previous =
    view.turns.length >= 2 ? view.turns[view.turns.length - 2]?.meters : openingMeters;
  const loadSpeechStatus = useStore((s) => s.loadSpeechStatus);
  // Engines may have been set up since the last meeting: ask again.
  useEffect(() => void loadSpeechStatus(), [loadSpeechStatus]);
  useBuyerVoice(view);
  // What stays in view under the newest line when the page (not the conversation) scrolls.
  const replyRef = useRef<HTMLDivElement>(null);
  // Busy, not disabled: a disabled button drops keyboard focus to the page.
  const endBusy = ending || pendingReply !== null;
  const status = ending
    ? view.ended
      ? reportWanted
        ? 'Opening the report…'
        : ''
      : 'Scoring the meeting…'
    : '';

  return (
    // The DOM order is the tab order: the reply box comes before End meeting,
    // which the layout still shows in the header.
    <div className="meeting-screen">
      <div className="meeting-title">
        <ScreenTitle>Meeting with {persona.name}</ScreenTitle>
        <p className="meeting-meta">
          {persona.role}, {persona.company} · {view.scenario.title} ·{' '}
          {DIFFICULTY_LABEL[view.difficulty]} · {MODE_LABEL[view.mode]} mode
        </p>
      </div>
      {(meetingError || view.replayOf || view.notice) && (
        <div className="meeting-notes">
          {meetingError && <ErrorAlert message={`Could not end the meeting: ${meetingError}`} />}
          {view.replayOf && (
            <p className="notice">
              A replay of an earlier meeting from turn {view.replayOf.fromTurn}: answer differently
              and see what changes.
            </p>
          )}
          {view.notice && (
            <p className="notice" role="note">
              {view.notice}
            </p>
          )}
        </div>
      )}
      <div className={coach ? 'meeting with-meters' : 'meeting'}>
        <div className="chat">
          <Conversation
            view={view}
            pendingReply={pendingReply}
            pendingName={repName || 'You'}
            keepInView={replyRef}
          />
          <div className="chat-status">
            <p className="typing" aria-hidden="true">
              {pendingReply !== null ? `${persona.name} is answering…` : ''}
            </p>
            <p role="status">{status}</p>
          </div>
          <div ref={replyRef} className="reply-area">
            {view.ended ? (
              <BuyerEnded name={persona.name} />
            ) : (
              <Composer
                sessionId={view.id}
                busy={pendingReply !== null || ending}
                closed={view.ended}
                error={replyError}
                send={sendReply}
              />
            )}
          </div>
        </div>
        {coach && view.meters && (
          <MeterPanel meters={view.scenario.meters} values={view.meters} previous={previous} />
        )}
      </div>
      <div className="meeting-tools">
        <MeetingClock startedAt={view.startedAt} running={!view.ended} />
        <VoiceMute />
        {!view.ended && (
          <button
            type="button"
            className="button"
            aria-disabled={endBusy || undefined}
            onClick={() => {
              if (!endBusy) void endMeeting();
            }}
          >
            End meeting
          </button>
        )}
      </div>
    </div>
  );
}

/**
 * The buyer walked out: their last line stays on screen and is announced
 * (BuyerLog adds it once this button has focus, so the focus move cannot cut
 * it off), and the rep moves on when ready.
 */
function BuyerEnded({ name }: { readonly name: string }) {
  const id = useId();
  const seeReport = useStore((s) => s.seeReport);
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="meeting-ended">
      <p id={`${id}-ended`} className="end-status">
        {name} ended the meeting.
      </p>
      <button
        ref={ref}
        type="button"
        className="button button-primary"
        data-see-report=""
        aria-describedby={`${id}-ended`}
        onClick={() => void seeReport()}
      >
        See report
      </button>
    </div>
  );
}

/** Mutes the buyer's voice for this meeting (the setting stays as it is). */
function VoiceMute() {
  const on = useStore((s) => s.settings?.buyerVoice ?? false);
  const muted = useStore((s) => s.voiceMuted);
  const setVoiceMuted = useStore((s) => s.setVoiceMuted);
  const voices = useVoiceCount();
  if (!on || voices === 0) return null;
  return (
    <button
      type="button"
      className="button voice-mute"
      aria-pressed={muted}
      onClick={() => setVoiceMuted(!muted)}
    >
      Mute buyer voice
    </button>
  );
}

/** The meters at the opening, remembered from the first view of this meeting (if we saw it). */
function useOpeningMeters(view: SessionView): Readonly<Record<string, number>> | undefined {
  const [opening] = useState(() => (view.turns.length === 0 ? view.meters : undefined));
  return opening;
}
