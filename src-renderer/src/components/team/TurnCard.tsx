// One turn of a team roleplay: who said what, the buyer's answer, the room's
// call beside the coach's once revealed, an override beside the coach's own
// reading, and the notes pinned to it. On the presenter screen it also offers
// Add note and Change behaviour. Names and notes are always text.
import { useId, useState } from 'react';
import type { TeamTurnView } from '../../../../src-main/contract/api';
import { BEHAVIORS } from '../../../../src-main/core/behaviors/taxonomy';
import { GROUP_LABEL, behaviorLabel, percent } from '../../lib/format';
import { useStore } from '../../store';
import { BehaviorTag } from '../BehaviorTag';
import { ErrorAlert } from '../ErrorAlert';

export function RoomCall({ room }: { readonly room: NonNullable<TeamTurnView['room']> }) {
  const words = room.tally
    ? `${room.group ? GROUP_LABEL[room.group] : 'Split'} (hands: value ${room.tally.value}, neutral ${room.tally.neutral}, pitch ${room.tally.pitch})`
    : room.call
      ? GROUP_LABEL[room.call]
      : '';
  return (
    <span className="room-call">
      Room: {words}
      {room.agreement !== undefined &&
        (room.tally
          ? ` · ${percent(room.agreement)} agreed with the coach`
          : room.agreement === 1
            ? ' · agreed with the coach'
            : ' · differed from the coach')}
    </span>
  );
}

export function TurnCard({
  turn,
  buyerName,
  editable,
}: {
  readonly turn: TeamTurnView;
  readonly buyerName: string;
  readonly editable: boolean;
}) {
  return (
    <li className="team-turn" data-turn={turn.n}>
      <p className="team-turn-rep">
        <span className="team-turn-n">Turn {turn.n}</span> <strong>{turn.rep}</strong>:{' '}
        <span className="team-turn-text">{turn.text}</span>
      </p>
      {turn.buyer && (
        <p className="team-turn-buyer">
          <strong>{buyerName}</strong>: {turn.buyer}
        </p>
      )}
      <p className="team-turn-calls">
        {turn.coach ? (
          <span>
            Coach: <BehaviorTag behavior={turn.coach.behavior} group={turn.coach.group} />
          </span>
        ) : (
          <span className="hint">The coach&apos;s call shows once the room has called it.</span>
        )}
        {turn.override && (
          <span className="override">
            {' '}
            Changed to <BehaviorTag
              behavior={turn.override.behavior}
              group={turn.override.group}
            />{' '}
            by the facilitator: {turn.override.reason}
          </span>
        )}
        {turn.room && (
          <>
            {' '}
            <RoomCall room={turn.room} />
          </>
        )}
      </p>
      {turn.notes.length > 0 && (
        <ul className="team-notes" aria-label={`Notes on turn ${turn.n}`}>
          {turn.notes.map((note, i) => (
            <li key={i}>
              <span className="visually-hidden">Note: </span>
              {note}
            </li>
          ))}
        </ul>
      )}
      {editable && <TurnTools turn={turn} />}
    </li>
  );
}

function TurnTools({ turn }: { readonly turn: TeamTurnView }) {
  const id = useId();
  const [open, setOpen] = useState<'note' | 'override' | null>(null);
  const [note, setNote] = useState('');
  const [behavior, setBehavior] = useState<string>(turn.override?.behavior ?? '');
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const act = useStore((s) => s.teamAct);
  const busy = useStore((s) => s.teamBusy);
  const error = useStore((s) => s.teamError);
  const where = (kind: string) => `${kind}-${turn.n}`;

  return (
    <div className="team-turn-tools">
      <button
        type="button"
        className="button button-small"
        aria-expanded={open === 'note'}
        onClick={() => setOpen(open === 'note' ? null : 'note')}
      >
        Add note<span className="visually-hidden"> to turn {turn.n}</span>
      </button>
      <button
        type="button"
        className="button button-small"
        aria-expanded={open === 'override'}
        onClick={() => setOpen(open === 'override' ? null : 'override')}
      >
        Change behaviour<span className="visually-hidden"> of turn {turn.n}</span>
      </button>
      {open === 'note' && (
        <form
          className="team-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (busy !== null || note.trim() === '') return;
            void act({ type: 'note', turn: turn.n, text: note }, where('note')).then((ok) => {
              if (ok) {
                setNote('');
                setOpen(null);
              }
            });
          }}
        >
          <label className="label" htmlFor={`${id}-note`}>
            Note on turn {turn.n}
          </label>
          <textarea
            id={`${id}-note`}
            className="textarea"
            rows={2}
            maxLength={1000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
          <button type="submit" className="button button-primary button-small">
            Save note
          </button>
          {error?.where === where('note') && <ErrorAlert message={error.message} />}
        </form>
      )}
      {open === 'override' && (
        <form
          className="team-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (busy !== null || !behavior) return;
            if (reason.trim() === '') {
              setReasonMissing(true);
              document.getElementById(`${id}-reason`)?.focus();
              return;
            }
            void act(
              {
                type: 'override',
                turn: turn.n,
                behavior: behavior as (typeof BEHAVIORS)[number],
                reason,
              },
              where('override'),
            ).then((ok) => {
              if (ok) {
                setReason('');
                setOpen(null);
              }
            });
          }}
        >
          <label className="label" htmlFor={`${id}-behavior`}>
            Behaviour for turn {turn.n}
          </label>
          <select
            id={`${id}-behavior`}
            className="select"
            value={behavior}
            onChange={(event) => setBehavior(event.target.value)}
          >
            <option value="">Choose a behaviour</option>
            {BEHAVIORS.map((b) => (
              <option key={b} value={b}>
                {behaviorLabel(b)}
              </option>
            ))}
          </select>
          <label className="label" htmlFor={`${id}-reason`}>
            Reason (required)
          </label>
          <textarea
            id={`${id}-reason`}
            className="textarea"
            rows={2}
            maxLength={300}
            value={reason}
            aria-invalid={reasonMissing || undefined}
            aria-describedby={`${id}-reason-help`}
            onChange={(event) => {
              setReason(event.target.value);
              setReasonMissing(false);
            }}
          />
          <p id={`${id}-reason-help`} className={reasonMissing ? 'field-problem' : 'hint'}>
            {reasonMissing
              ? 'Say why: a change of behaviour needs a reason.'
              : 'The coach’s own reading is kept beside yours, and the change is marked in every export.'}
          </p>
          <button type="submit" className="button button-primary button-small">
            Save change
          </button>
          {error?.where === where('override') && <ErrorAlert message={error.message} />}
        </form>
      )}
    </div>
  );
}
