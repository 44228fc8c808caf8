// The meeting: who the buyer is, the clock, the conversation, the reply box,
// and in coach mode the buyer's meters. Main holds the session; this screen
// shows the last view main returned and the reply on its way. With the buyer
// voice setting on, the buyer's lines are spoken too (mutable per meeting).
import { useEffect, useState } from 'react';
import type { SessionView } from '../../../src-main/contract/api';
import { BuyerLog } from '../components/BuyerLog';
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
  const endStatus = useStore((s) => s.endStatus);
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

  return (
    <div className="meeting-screen">
      <div className="meeting-header">
        <div className="meeting-title">
          <ScreenTitle>Meeting with {persona.name}</ScreenTitle>
          <p className="meeting-meta">
            {persona.role}, {persona.company} · {view.scenario.title} ·{' '}
            {DIFFICULTY_LABEL[view.difficulty]} · {MODE_LABEL[view.mode]} mode
          </p>
        </div>
        <div className="meeting-tools">
          <MeetingClock startedAt={view.startedAt} running={!view.ended} />
          <VoiceMute />
          <button
            type="button"
            className="button"
            // Once the buyer has ended it the report opens by itself; if scoring failed, this retries.
            disabled={ending || pendingReply !== null || (view.ended && !meetingError)}
            onClick={() => void endMeeting()}
          >
            End meeting
          </button>
        </div>
      </div>
      {meetingError && <ErrorAlert message={`Could not end the meeting: ${meetingError}`} />}
      {view.replayOf && (
        <p className="notice">
          A replay of an earlier meeting from turn {view.replayOf.fromTurn}: answer differently and
          see what changes.
        </p>
      )}
      {view.notice && (
        <p className="notice" role="note">
          {view.notice}
        </p>
      )}
      <div className={coach ? 'meeting with-meters' : 'meeting'}>
        <div className="chat">
          <Conversation view={view} pendingReply={pendingReply} pendingName={repName || 'You'} />
          <div className="chat-status">
            <p className="typing" aria-hidden="true">
              {pendingReply !== null ? `${persona.name} is answering…` : ''}
            </p>
            <p role="status" className={endStatus ? 'end-status' : undefined}>
              {endStatus ?? (ending ? 'Scoring the meeting…' : '')}
            </p>
          </div>
          <Composer
            sessionId={view.id}
            busy={pendingReply !== null || ending}
            closed={view.ended}
            error={replyError}
            send={sendReply}
          />
        </div>
        {coach && view.meters && (
          <MeterPanel meters={view.scenario.meters} values={view.meters} previous={previous} />
        )}
      </div>
      <BuyerLog view={view} />
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
