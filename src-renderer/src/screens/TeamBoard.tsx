// The team board: for each rep their turns, value creation, pitching and
// overall, talk share, their best and worst moment in their own words, and the
// room's agreement with the coach; in One meeting each a ranking with each
// rep's outcome. Each rep's report opens from here. Print gives a clean
// printed team report (the desktop app saves it as a PDF where the user
// chooses), and the exports give a CSV and the labelled lines for `cli eval`.
import { useId } from 'react';
import type { TeamBoardRep, TeamBoardView } from '../../../src-main/contract/api';
import { BehaviorTag } from '../components/BehaviorTag';
import { ScreenTitle } from '../components/ScreenTitle';
import { TurnCard } from '../components/team/TurnCard';
import { printScreen } from '../lib/print';
import {
  DIFFICULTY_LABEL,
  MODE_LABEL,
  OUTCOME_SHORT,
  formatDateTime,
  percent,
} from '../lib/format';
import { useStore } from '../store';

export function TeamBoard() {
  const board = useStore((s) => s.teamBoard);
  const loading = useStore((s) => s.teamBoardLoading);
  const from = useStore((s) => s.teamBoardFrom);
  const navigate = useStore((s) => s.navigate);
  return (
    <>
      <div className="screen-header">
        <ScreenTitle>Team board</ScreenTitle>
      </div>
      {loading && <p className="loading">Loading the board…</p>}
      {!loading && !board && (
        <p>
          No board to show.{' '}
          <button
            type="button"
            className="button-link"
            onClick={() => navigate(from === 'history' ? 'history' : 'team')}
          >
            {from === 'history' ? 'Back to History' : 'Set up a team roleplay'}
          </button>
        </p>
      )}
      {board && <BoardBody board={board} />}
    </>
  );
}

function BoardBody({ board }: { readonly board: TeamBoardView }) {
  const id = useId();
  const openRepReport = useStore((s) => s.openRepReport);
  const exportTeam = useStore((s) => s.exportTeam);
  const shell = useStore((s) => s.info?.shell);
  const pushToast = useStore((s) => s.pushToast);
  const navigate = useStore((s) => s.navigate);
  const each = board.setup.rotation === 'each';
  const reps = board.reps;

  const print = () =>
    printScreen({
      shell,
      fileName: `first-meeting-team-${board.startedAt.slice(0, 10)}.pdf`,
      what: 'the team report',
      pushToast,
    });

  return (
    <div className="team-board">
      <section className="panel" aria-labelledby={`${id}-about`}>
        <h2 id={`${id}-about`}>The roleplay</h2>
        <dl className="report-meta">
          <dt>Scenario</dt>
          <dd>{board.scenario.title}</dd>
          <dt>Buyer</dt>
          <dd>
            {board.scenario.persona.name}, {board.scenario.persona.role} at{' '}
            {board.scenario.persona.company}
          </dd>
          <dt>Date</dt>
          <dd>{formatDateTime(board.startedAt)}</dd>
          <dt>Rotation</dt>
          <dd>
            {each
              ? 'One meeting each'
              : `Relay, ${board.setup.turnsPerRep} turn${board.setup.turnsPerRep === 1 ? '' : 's'} each`}
          </dd>
          <dt>Difficulty</dt>
          <dd>
            {DIFFICULTY_LABEL[board.setup.difficulty]} · {MODE_LABEL[board.setup.mode]} mode
          </dd>
          {board.outcome && (
            <>
              <dt>Outcome</dt>
              <dd>{teamOutcome(board.outcome)}</dd>
            </>
          )}
          <dt>Room and coach</dt>
          <dd>
            {board.agreement === null
              ? 'The room did not call any turn.'
              : `The room agreed with the coach on ${percent(board.agreement)} of ${board.called} called turn${board.called === 1 ? '' : 's'}.`}
            {board.overrides > 0 &&
              ` The facilitator changed ${board.overrides} behaviour${board.overrides === 1 ? '' : 's'}.`}
          </dd>
        </dl>
      </section>

      <section className="panel" aria-labelledby={`${id}-reps`}>
        <h2 id={`${id}-reps`}>{each ? 'Ranking' : 'Reps'}</h2>
        <div className="table-wrap">
          <table className="board-table">
            <thead>
              <tr>
                {each && <th scope="col">Rank</th>}
                <th scope="col">Rep</th>
                <th scope="col" className="num">
                  Turns
                </th>
                <th scope="col" className="num">
                  Value creation
                </th>
                <th scope="col" className="num">
                  Pitching
                </th>
                <th scope="col" className="num">
                  Overall
                </th>
                <th scope="col" className="num">
                  Talk share
                </th>
                <th scope="col" className="num">
                  Room agreed
                </th>
                {each && <th scope="col">Outcome</th>}
                <th scope="col">
                  <span className="visually-hidden">Report</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {reps.map((rep) => (
                <tr key={rep.name}>
                  {each && <td>{rep.rank}</td>}
                  <th scope="row">{rep.name}</th>
                  <td className="num">{rep.turns}</td>
                  <td className="num">{rep.valueCreation}</td>
                  <td className="num">{rep.pitching}</td>
                  <td className="num">{rep.overall}</td>
                  <td className="num">{rep.turns === 0 ? '–' : percent(rep.talkShare)}</td>
                  <td className="num">{rep.agreement === null ? '–' : percent(rep.agreement)}</td>
                  {each && <td>{rep.outcome ? teamOutcome(rep.outcome) : '–'}</td>}
                  <td className="no-print">
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => void openRepReport(rep.name)}
                    >
                      Open report<span className="visually-hidden"> of {rep.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="panel" aria-labelledby={`${id}-moments`}>
        <h2 id={`${id}-moments`}>Best and worst moments</h2>
        <ul className="moments-board">
          {reps.map((rep) => (
            <RepMoments key={rep.name} rep={rep} />
          ))}
        </ul>
      </section>

      <section className="panel" aria-labelledby={`${id}-turns`}>
        <h2 id={`${id}-turns`}>Turn by turn</h2>
        {board.openings.map((opening, i) => (
          <div key={i} className="board-meeting">
            {each && (
              <h3>
                {board.reps.find((r) => r.name === board.setup.reps[i])?.name ??
                  board.setup.reps[i]}
                &apos;s meeting
              </h3>
            )}
            <p className="team-turn-buyer">
              <strong>{board.scenario.persona.name}</strong>: {opening}
            </p>
            <ol className="team-turns">
              {board.turns
                .filter((t) => t.meeting === i)
                .map((turn) => (
                  <TurnCard
                    key={turn.n}
                    turn={turn}
                    buyerName={board.scenario.persona.name}
                    editable={false}
                  />
                ))}
            </ol>
          </div>
        ))}
      </section>

      <div className="report-actions no-print">
        <button type="button" className="button button-primary" onClick={() => void print()}>
          Print
        </button>
        <button type="button" className="button" onClick={() => void exportTeam('csv')}>
          Export CSV
        </button>
        <button type="button" className="button" onClick={() => void exportTeam('labels')}>
          Export labelled lines
        </button>
        <button type="button" className="button" onClick={() => navigate('team')}>
          New team roleplay
        </button>
      </div>
    </div>
  );
}

/** A team meeting left open was ended by the facilitator (or handed over), not by "you". */
function teamOutcome(outcome: NonNullable<TeamBoardView['outcome']>): string {
  return outcome === 'open' ? 'No outcome (ended by the facilitator)' : OUTCOME_SHORT[outcome];
}

function RepMoments({ rep }: { readonly rep: TeamBoardRep }) {
  return (
    <li>
      <h3>{rep.name}</h3>
      {rep.best ? (
        <p>
          Best, turn {rep.best.turn}{' '}
          <BehaviorTag behavior={rep.best.behavior} group={rep.best.group} />:{' '}
          <q>{rep.best.text}</q>
        </p>
      ) : (
        <p className="hint">No turn created value.</p>
      )}
      {rep.worst && (
        <p>
          Worst, turn {rep.worst.turn}{' '}
          <BehaviorTag behavior={rep.worst.behavior} group={rep.worst.group} />:{' '}
          <q>{rep.worst.text}</q>
        </p>
      )}
    </li>
  );
}
