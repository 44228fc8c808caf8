// Every rep turn of a finished meeting, explained: the words, the behaviour,
// how it counted and the evidence, why, what to try instead, the buyer's
// answer, and a way to replay the meeting from that turn.
import { useId } from 'react';
import type { RecordTurn, SessionReport } from '../../../src-main/contract/api';
import { countedAs, countedGroup } from '../../../src-main/core/scoring/moment-view';
import { behaviorDescription, behaviorLabel, percent } from '../lib/format';
import { useStore } from '../store';
import { BehaviorTag } from './BehaviorTag';
import { ErrorAlert } from './ErrorAlert';
import { momentAnchor } from './Timeline';

type Moment = SessionReport['moments'][number];

export interface MomentListProps {
  readonly moments: readonly Moment[];
  readonly turns: readonly RecordTurn[];
  readonly buyerName: string;
  /** Offer "Replay from turn N" (a practice meeting; a real call cannot be replayed). */
  readonly replay?: boolean;
}

export function MomentList({ moments, turns, buyerName, replay = true }: MomentListProps) {
  if (moments.length === 0) return <p>You did not reply before the meeting ended.</p>;
  return (
    <ol className="moments">
      {moments.map((moment) => (
        <li key={moment.turn}>
          <MomentCard
            moment={moment}
            answer={turns.find((t) => t.n === moment.turn)?.buyer}
            buyerName={buyerName}
            replay={replay}
          />
        </li>
      ))}
    </ol>
  );
}

function MomentCard({
  moment,
  answer,
  buyerName,
  replay,
}: {
  readonly moment: Moment;
  readonly answer: string | undefined;
  readonly buyerName: string;
  readonly replay: boolean;
}) {
  const tryId = useId();
  const replaying = useStore((s) => s.replaying);
  const replayError = useStore((s) => s.replayError);
  const replayFrom = useStore((s) => s.replayFrom);
  const anchor = momentAnchor(moment.turn);
  return (
    <article
      id={anchor}
      className={`moment group-${countedGroup(moment)}`}
      aria-labelledby={`${anchor}-heading`}
    >
      <div className="moment-head">
        <h3 id={`${anchor}-heading`} tabIndex={-1}>
          Turn {moment.turn}
        </h3>
        {/* The group the turn counted in, so the badge and "Counted as" agree. */}
        <BehaviorTag behavior={moment.behavior} group={countedGroup(moment)} />
      </div>
      <p className="visually-hidden">You said:</p>
      <blockquote className="quote">{moment.text}</blockquote>
      <dl>
        <dt>Behaviour</dt>
        <dd>
          {behaviorLabel(moment.behavior)}: {behaviorDescription(moment.behavior)} (confidence{' '}
          {percent(moment.confidence)})
        </dd>
        {moment.unsureBetween && (
          <>
            <dt>Unsure between</dt>
            <dd>
              {behaviorLabel(moment.unsureBetween[0])} and {behaviorLabel(moment.unsureBetween[1])}:
              the two readings were close, so this turn counts for half.
            </dd>
          </>
        )}
        <dt>Counted as</dt>
        <dd>{countedAs(moment)}</dd>
        <dt>Evidence</dt>
        <dd>
          {moment.cues.length === 0
            ? 'No single words stood out.'
            : moment.cues.map((cue, i) => (
                <span key={i} className="cue">
                  {cue}
                </span>
              ))}
        </dd>
        <dt>Why</dt>
        <dd>{moment.why}</dd>
        {answer !== undefined && (
          <>
            <dt>{buyerName} answered</dt>
            <dd>{answer ? answer : <em>Nothing: the meeting ended.</em>}</dd>
          </>
        )}
      </dl>
      <section className="try-instead" aria-labelledby={tryId}>
        <h4 id={tryId}>Try instead</h4>
        <p>{moment.tryInstead}</p>
      </section>
      {replay && (
        <button
          type="button"
          className="button"
          disabled={replaying !== null}
          onClick={() => void replayFrom(moment.turn)}
        >
          Replay from turn {moment.turn}
        </button>
      )}
      {replayError?.where === String(moment.turn) && <ErrorAlert message={replayError.message} />}
    </article>
  );
}
