// The presenter screen of a team roleplay, readable from the back of a room:
// whose turn it is, the buyer's latest line in large type, the turn clock
// (discussion while paused is not the rep's time), the room's call on the last
// turn before the coach's is shown, the reply box, the facilitator's controls
// with their shortcuts, the scenario's events, and every turn so far with its
// notes and overrides. In coach mode the buyer's meters show too.
import { useEffect, useId, useRef, useState } from 'react';
import type { TeamView } from '../../../src-main/contract/api';
import { Composer } from '../components/Composer';
import { ErrorAlert } from '../components/ErrorAlert';
import { MeterPanel } from '../components/MeterPanel';
import { ScreenTitle } from '../components/ScreenTitle';
import { RoomCall, TurnCard } from '../components/team/TurnCard';
import { DIFFICULTY_LABEL, GROUP_LABEL, MODE_LABEL, formatClock } from '../lib/format';
import type { ReplyOptions } from '../store/meeting';
import { useStore } from '../store';

export function TeamRoleplay() {
  const view = useStore((s) => s.teamView);
  const goTeam = useStore((s) => s.navigate);
  if (!view)
    return (
      <>
        <ScreenTitle>No team roleplay in progress</ScreenTitle>
        <button type="button" className="button button-primary" onClick={() => goTeam('team')}>
          Set up a team roleplay
        </button>
      </>
    );
  return <Presenter key={view.id} view={view} />;
}

/** The buyer's latest words: an event's line, the answer to the last turn, or the opening. */
function latestBuyerLine(view: TeamView): string {
  const meeting = view.meetings.length - 1;
  const turns = view.turns.filter((t) => t.meeting === meeting);
  const lastEvent = view.events.filter((e) => e.meeting === meeting).at(-1);
  if (lastEvent && lastEvent.afterMeetingTurn === turns.length) return lastEvent.buyer;
  return turns.at(-1)?.buyer || view.meetings[meeting]?.opening || '';
}

/** Shortcuts work anywhere on the screen; the digit keys only outside text fields. */
const SHORTCUTS = { pause: 'Alt+P', next: 'Alt+N', skip: 'Alt+S', end: 'Alt+E' } as const;

function Presenter({ view }: { readonly view: TeamView }) {
  const id = useId();
  const act = useStore((s) => s.teamAct);
  const busy = useStore((s) => s.teamBusy);
  const error = useStore((s) => s.teamError);
  const endTeam = useStore((s) => s.endTeam);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const { persona } = view.scenario;
  const meeting = view.meetings.at(-1);
  const meetingOver = meeting?.ended ?? false;
  const canSpeak = !view.paused && !view.complete && !meetingOver && view.current !== null;
  const buyerLine = latestBuyerLine(view);
  const endRef = useRef<HTMLButtonElement>(null);
  const loadSpeechStatus = useStore((s) => s.loadSpeechStatus);
  // Engines may have been set up since the last roleplay: ask again.
  useEffect(() => void loadSpeechStatus(), [loadSpeechStatus]);

  const send = async (text: string, options?: ReplyOptions) =>
    act(
      {
        type: 'turn',
        text,
        source: options?.source ?? 'typed',
        ...(options?.utteranceId ? { utteranceId: options.utteranceId } : {}),
      },
      'turn',
    );

  const controls = {
    pause: () => void act({ type: view.paused ? 'resume' : 'pause' }),
    next: () => {
      if (!view.complete && !view.paused) void act({ type: 'next' });
    },
    skip: () => {
      if (view.setup.rotation === 'relay' && canSpeak) void act({ type: 'skip' });
    },
    end: () => {
      setConfirmEnd(true);
      requestAnimationFrame(() => document.getElementById(`${id}-end-yes`)?.focus());
    },
  };
  const controlsRef = useRef(controls);
  controlsRef.current = controls;
  const awaiting = view.awaitingCall;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey) {
        const key = event.key.toLowerCase();
        const action =
          key === 'p'
            ? 'pause'
            : key === 'n'
              ? 'next'
              : key === 's'
                ? 'skip'
                : key === 'e'
                  ? 'end'
                  : null;
        if (action) {
          event.preventDefault();
          controlsRef.current[action]();
        }
        return;
      }
      const target = event.target as HTMLElement | null;
      const typing =
        target?.tagName === 'TEXTAREA' ||
        target?.tagName === 'INPUT' ||
        target?.tagName === 'SELECT' ||
        target?.isContentEditable;
      if (typing || awaiting === null || event.ctrlKey || event.metaKey) return;
      const call =
        event.key === '1'
          ? 'value'
          : event.key === '2'
            ? 'neutral'
            : event.key === '3'
              ? 'pitch'
              : null;
      if (call) {
        event.preventDefault();
        void act({ type: 'call', turn: awaiting, call }, 'call');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [act, awaiting]);

  const turnsInView = [...view.turns].reverse();
  const lastTurn = view.turns.at(-1);

  return (
    <div className="presenter">
      <div className="presenter-head">
        <div>
          <ScreenTitle>Team roleplay with {persona.name}</ScreenTitle>
          <p className="meeting-meta">
            {persona.role}, {persona.company} · {view.scenario.title} ·{' '}
            {DIFFICULTY_LABEL[view.setup.difficulty]} · {MODE_LABEL[view.setup.mode]} mode ·{' '}
            {view.setup.rotation === 'relay'
              ? `Relay, ${view.setup.turnsPerRep} turn${view.setup.turnsPerRep === 1 ? '' : 's'} each`
              : 'One meeting each'}
          </p>
        </div>
        <TurnClock view={view} />
      </div>
      {view.notice && (
        <p className="notice" role="note">
          {view.notice}
        </p>
      )}
      <p className="now-speaking" aria-live="polite">
        {view.current === null
          ? view.setup.rotation === 'relay'
            ? `${persona.name} has ended the meeting. End the roleplay to see the board.`
            : 'Every rep has had their meeting. End the roleplay to see the board.'
          : meetingOver
            ? `${persona.name} has ended ${view.current}'s meeting. Press Next rep to hand over.`
            : `Now speaking: ${view.current}`}
        {view.paused && <span className="paused-tag"> · Paused</span>}
        {view.current !== null && view.setup.rotation === 'relay' && view.setup.turnsPerRep > 1 && (
          <span className="hint">
            {' '}
            ({view.turnsLeft} turn{view.turnsLeft === 1 ? '' : 's'} left)
          </span>
        )}
      </p>
      <div className={view.meters ? 'presenter-body with-meters' : 'presenter-body'}>
        <div className="presenter-main">
          <figure className="buyer-line">
            <blockquote>
              <p>{buyerLine}</p>
            </blockquote>
            <figcaption>{persona.name}</figcaption>
          </figure>

          {awaiting !== null && lastTurn && <CallPanel turn={awaiting} rep={lastTurn.rep} />}
          {awaiting === null && lastTurn?.room && lastTurn.coach && (
            <p className="call-result" role="status">
              Turn {lastTurn.n}: <RoomCall room={lastTurn.room} /> · Coach:{' '}
              {GROUP_LABEL[lastTurn.coach.group]}
            </p>
          )}

          <div className="reply-area">
            <Composer
              sessionId={view.id}
              busy={busy !== null}
              closed={!canSpeak}
              error={error?.where === 'turn' ? error.message : null}
              send={send}
            />
          </div>

          <div className="facilitator" role="group" aria-label="Facilitator controls">
            <button
              type="button"
              className="button"
              aria-keyshortcuts={SHORTCUTS.pause}
              onClick={controls.pause}
            >
              {view.paused ? 'Resume' : 'Pause'} <kbd>{SHORTCUTS.pause}</kbd>
            </button>
            <button
              type="button"
              className="button"
              aria-keyshortcuts={SHORTCUTS.next}
              aria-disabled={view.complete || view.paused || undefined}
              onClick={controls.next}
            >
              Next rep <kbd>{SHORTCUTS.next}</kbd>
            </button>
            {view.setup.rotation === 'relay' && (
              <button
                type="button"
                className="button"
                aria-keyshortcuts={SHORTCUTS.skip}
                aria-disabled={!canSpeak || undefined}
                onClick={controls.skip}
              >
                Skip turn <kbd>{SHORTCUTS.skip}</kbd>
              </button>
            )}
            {confirmEnd ? (
              <span className="confirm">
                <button
                  id={`${id}-end-yes`}
                  type="button"
                  className="button button-primary"
                  onClick={() => void endTeam()}
                >
                  Yes, end and show the board
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setConfirmEnd(false);
                    requestAnimationFrame(() => endRef.current?.focus());
                  }}
                >
                  Keep going
                </button>
              </span>
            ) : (
              <button
                ref={endRef}
                type="button"
                className={view.complete ? 'button button-primary' : 'button'}
                aria-keyshortcuts={SHORTCUTS.end}
                onClick={controls.end}
              >
                End roleplay <kbd>{SHORTCUTS.end}</kbd>
              </button>
            )}
          </div>
          {error && error.where !== 'turn' && !error.where.includes('-') && (
            <ErrorAlert message={error.message} />
          )}

          {view.availableEvents.length > 0 && (
            <div className="events" role="group" aria-labelledby={`${id}-events`}>
              <h2 id={`${id}-events`}>Events</h2>
              <div className="event-buttons">
                {view.availableEvents.map((event) => (
                  <button
                    key={event.id}
                    type="button"
                    className="button"
                    aria-disabled={!canSpeak || undefined}
                    onClick={() => {
                      if (canSpeak) void act({ type: 'event', id: event.id }, 'event');
                    }}
                  >
                    {event.label}
                  </button>
                ))}
              </div>
            </div>
          )}
        </div>
        {view.meters && <MeterPanel meters={view.scenario.meters} values={view.meters} />}
      </div>

      {turnsInView.length > 0 && (
        <section className="panel" aria-labelledby={`${id}-turns`}>
          <h2 id={`${id}-turns`}>Turns so far</h2>
          <ol className="team-turns" reversed>
            {turnsInView.map((turn) => (
              <TurnCard key={turn.n} turn={turn} buyerName={persona.name} editable />
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}

/** The room calls the last turn: one button press, or a count of hands. */
function CallPanel({ turn, rep }: { readonly turn: number; readonly rep: string }) {
  const id = useId();
  const act = useStore((s) => s.teamAct);
  const error = useStore((s) => s.teamError);
  const [hands, setHands] = useState(false);
  const [tally, setTally] = useState({ value: 0, neutral: 0, pitch: 0 });
  const groups = ['value', 'neutral', 'pitch'] as const;
  return (
    <section className="call-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        Call turn {turn}: was {rep}&apos;s turn value, neutral or pitch?
      </h2>
      {hands ? (
        <form
          className="tally"
          onSubmit={(event) => {
            event.preventDefault();
            void act({ type: 'call', turn, tally }, 'call');
          }}
        >
          {groups.map((g) => (
            <div key={g} className="field-inline">
              <label className="label" htmlFor={`${id}-${g}`}>
                Hands for {GROUP_LABEL[g]}
              </label>
              <input
                id={`${id}-${g}`}
                className="input input-number"
                type="number"
                min={0}
                max={500}
                value={tally[g]}
                onChange={(event) =>
                  setTally({
                    ...tally,
                    [g]: Math.max(0, Math.round(Number(event.target.value) || 0)),
                  })
                }
              />
            </div>
          ))}
          <button type="submit" className="button button-primary">
            Record hands
          </button>
          <button type="button" className="button-link" onClick={() => setHands(false)}>
            One call instead
          </button>
        </form>
      ) : (
        <div className="call-buttons">
          {groups.map((g, i) => (
            <button
              key={g}
              type="button"
              className={`button call-${g}`}
              aria-keyshortcuts={String(i + 1)}
              onClick={() => void act({ type: 'call', turn, call: g }, 'call')}
            >
              {GROUP_LABEL[g]} <kbd>{i + 1}</kbd>
            </button>
          ))}
          <button type="button" className="button-link" onClick={() => setHands(true)}>
            Count hands instead
          </button>
        </div>
      )}
      {error?.where === 'call' && <ErrorAlert message={error.message} />}
    </section>
  );
}

/** Time on this turn, in large figures; it stops while paused. */
function TurnClock({ view }: { readonly view: TeamView }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (view.paused) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [view.paused]);
  const started = Date.parse(view.startedAt);
  const wall = Number.isNaN(started) ? 0 : now - started;
  const pausedNow = view.paused && view.pausedAt !== null ? Math.max(0, wall - view.pausedAt) : 0;
  const active = wall - view.pausedMs - pausedNow - view.turnStartedAt;
  return (
    <div role="timer" aria-label="Turn clock" aria-live="off" className="clock turn-clock">
      {formatClock(active)}
    </div>
  );
}
