// One alert per meeting that was interrupted (a crash, a kill, a power cut):
// resume it where it stopped, score it as it stands, or (asked twice) discard it.
import { useId, useState, type ReactNode } from 'react';
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
  const busy = useStore((s) => s.recoveryBusy) !== null;
  const resume = useStore((s) => s.resumeTeam);
  const discard = useStore((s) => s.discardTeam);
  return (
    <InterruptedBanner
      id={team.id}
      heading="Interrupted team roleplay"
      what={`${team.scenarioTitle} with ${team.reps.join(', ')}, ${turnsOf(team.turns)}, started ${formatDateTime(team.startedAt)}`}
    >
      <button
        type="button"
        className="button button-primary"
        disabled={busy}
        onClick={() => void resume(team.id)}
      >
        Resume team roleplay
      </button>
      <DiscardTwice busy={busy} discard={() => void discard(team.id)} />
    </InterruptedBanner>
  );
}

function RecoveryBanner({ session }: { readonly session: InterruptedSession }) {
  const busy = useStore((s) => s.recoveryBusy) !== null;
  const resume = useStore((s) => s.resumeInterrupted);
  const score = useStore((s) => s.scoreInterrupted);
  const discard = useStore((s) => s.discardInterrupted);
  return (
    <InterruptedBanner
      id={session.id}
      heading="Interrupted meeting"
      what={`${session.scenarioTitle}, ${turnsOf(session.turns)}, started ${formatDateTime(session.startedAt)}`}
    >
      <button
        type="button"
        className="button button-primary"
        disabled={busy}
        onClick={() => void resume(session.id)}
      >
        Resume
      </button>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => void score(session.id)}
      >
        Score it
      </button>
      <DiscardTwice busy={busy} discard={() => void discard(session.id)} />
    </InterruptedBanner>
  );
}

/** The alert both kinds share: what was interrupted, its actions, and the error of the last one tried. */
function InterruptedBanner({
  id,
  heading,
  what,
  children,
}: {
  readonly id: string;
  readonly heading: string;
  readonly what: string;
  readonly children: ReactNode;
}) {
  const headingId = useId();
  const error = useStore((s) => s.recoveryError);
  return (
    <section role="alert" aria-labelledby={headingId} className="banner">
      <h2 id={headingId}>{heading}</h2>
      <p>{what}</p>
      <div className="banner-actions">{children}</div>
      {error?.where === id && <ErrorAlert message={error.message} />}
    </section>
  );
}

function turnsOf(n: number): string {
  return `${n} ${n === 1 ? 'turn' : 'turns'}`;
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
