// One alert per meeting that was interrupted (a crash, a kill, a power cut):
// resume it where it stopped, score it as it stands, or (asked twice) discard it.
import { useId, useState } from 'react';
import type { InterruptedSession, InterruptedTeam } from '../../../src-main/contract/api';
import { formatDateTime } from '../lib/format';
import { useStore } from '../store';
import { ErrorAlert } from './ErrorAlert';

export function RecoveryBanners() {
  const interrupted = useStore((s) => s.interrupted);
  const teams = useStore((s) => s.interruptedTeams);
  return (
    <>
      {interrupted.map((session) => (
        <RecoveryBanner key={session.id} session={session} />
      ))}
      {teams.map((team) => (
        <TeamRecoveryBanner key={team.id} team={team} />
      ))}
    </>
  );
}

/** A team roleplay that was interrupted: resume it with everything kept, or (asked twice) discard it. */
function TeamRecoveryBanner({ team }: { readonly team: InterruptedTeam }) {
  const headingId = useId();
  const busy = useStore((s) => s.recoveryBusy);
  const error = useStore((s) => s.recoveryError);
  const resume = useStore((s) => s.resumeTeam);
  const discard = useStore((s) => s.discardTeam);
  const turns = `${team.turns} ${team.turns === 1 ? 'turn' : 'turns'}`;
  return (
    <section role="alert" aria-labelledby={headingId} className="banner">
      <h2 id={headingId}>Interrupted team roleplay</h2>
      <p>
        {team.scenarioTitle} with {team.reps.join(', ')}, {turns}, started{' '}
        {formatDateTime(team.startedAt)}
      </p>
      <div className="banner-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={busy !== null}
          onClick={() => void resume(team.id)}
        >
          Resume team roleplay
        </button>
        <DiscardTwice busy={busy !== null} discard={() => void discard(team.id)} />
      </div>
      {error?.where === team.id && <ErrorAlert message={error.message} />}
    </section>
  );
}

function RecoveryBanner({ session }: { readonly session: InterruptedSession }) {
  const headingId = useId();
  const busy = useStore((s) => s.recoveryBusy);
  const error = useStore((s) => s.recoveryError);
  const resume = useStore((s) => s.resumeInterrupted);
  const score = useStore((s) => s.scoreInterrupted);
  const discard = useStore((s) => s.discardInterrupted);
  const turns = `${session.turns} ${session.turns === 1 ? 'turn' : 'turns'}`;
  return (
    <section role="alert" aria-labelledby={headingId} className="banner">
      <h2 id={headingId}>Interrupted meeting</h2>
      <p>
        {session.scenarioTitle}, {turns}, started {formatDateTime(session.startedAt)}
      </p>
      <div className="banner-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={busy !== null}
          onClick={() => void resume(session.id)}
        >
          Resume
        </button>
        <button
          type="button"
          className="button"
          disabled={busy !== null}
          onClick={() => void score(session.id)}
        >
          Score it
        </button>
        <DiscardTwice busy={busy !== null} discard={() => void discard(session.id)} />
      </div>
      {error?.where === session.id && <ErrorAlert message={error.message} />}
    </section>
  );
}

/** Discard, asked twice: the first press asks, the second throws it away. */
function DiscardTwice({ busy, discard }: { readonly busy: boolean; readonly discard: () => void }) {
  const [confirming, setConfirming] = useState(false);
  return confirming ? (
    <>
      <button type="button" className="button button-danger" disabled={busy} onClick={discard}>
        Yes, discard it
      </button>
      <button type="button" className="button" onClick={() => setConfirming(false)}>
        Keep it
      </button>
    </>
  ) : (
    <button type="button" className="button" disabled={busy} onClick={() => setConfirming(true)}>
      Discard
    </button>
  );
}
