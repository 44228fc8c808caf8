// One page of past sessions, with the actions on each row. Only the page on
// show is rendered, however long the history is. Every column fits without
// sideways scrolling: in a narrow space (a small window, high zoom) each row
// becomes a card of label: value pairs. The explicit table roles keep the
// table a table to assistive technology when CSS changes how it is laid out.
// Each row's buttons are named by the session ("Delete the meeting of 3 Dec, 13:40").
import { Fragment, useId } from 'react';
import type { HistoryRow } from '../../../src-main/contract/api';
import { CALL_OUTCOME_SHORT, DIFFICULTY_LABEL, OUTCOME_SHORT, formatWhen } from '../lib/format';
import { useStore } from '../store';
import { ErrorAlert } from './ErrorAlert';

export const HISTORY_COLUMNS = [
  'Date',
  'Scenario',
  'Difficulty',
  'Outcome',
  'Value creation',
  'Pitching',
  'Overall',
  'Actions',
] as const;

const NUMERIC = new Set<string>(['Value creation', 'Pitching', 'Overall']);

export function HistoryTable({ rows }: { readonly rows: readonly HistoryRow[] }) {
  const openReport = useStore((s) => s.openReport);
  const openTeamBoard = useStore((s) => s.openTeamBoard);
  const exportSession = useStore((s) => s.exportSession);
  const deleteSession = useStore((s) => s.deleteSession);
  const actionError = useStore((s) => s.historyActionError);
  const captionId = useId();
  return (
    <div className="history-wrap">
      <table className="history-table" role="table" aria-labelledby={captionId}>
        <caption id={captionId}>Sessions</caption>
        <thead role="rowgroup">
          <tr role="row">
            {HISTORY_COLUMNS.map((column) => (
              <th
                key={column}
                scope="col"
                role="columnheader"
                className={NUMERIC.has(column) ? 'num' : undefined}
              >
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((row) => {
            const when = formatWhen(row.startedAt);
            const session = ` the ${row.team !== undefined ? 'team roleplay' : 'meeting'} of ${when}`;
            return (
              <Fragment key={row.id}>
                <tr role="row">
                  <th scope="row" role="rowheader" className="date-cell" data-label="Date">
                    {when}
                  </th>
                  <td role="cell" data-label="Scenario">
                    {/* One child, so the narrow layout's card keeps tag and name together. */}
                    <span>
                      {row.call !== undefined && <span className="tag real-call">Real call</span>}
                      {row.team !== undefined && (
                        <span className="tag team-tag">
                          Team · {row.team === 'relay' ? 'relay' : 'one meeting each'}
                        </span>
                      )}{' '}
                      {row.call ?? row.scenarioTitle}
                      {row.team !== undefined && (
                        <span className="team-roster"> with {row.reps.join(', ')}</span>
                      )}
                    </span>
                  </td>
                  <td role="cell" data-label="Difficulty">
                    {row.call !== undefined ? '–' : DIFFICULTY_LABEL[row.difficulty]}
                  </td>
                  <td role="cell" data-label="Outcome">
                    {(row.call !== undefined ? CALL_OUTCOME_SHORT : OUTCOME_SHORT)[row.outcome]}
                  </td>
                  <td role="cell" className="num" data-label="Value creation">
                    {row.valueCreation}
                  </td>
                  <td role="cell" className="num" data-label="Pitching">
                    {row.pitching}
                  </td>
                  <td role="cell" className="num" data-label="Overall">
                    {row.overall}
                  </td>
                  <td role="cell" className="actions-cell" data-label="Actions">
                    <div className="row-actions">
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() =>
                          void (row.team !== undefined
                            ? openTeamBoard(row.id, 'history')
                            : openReport(row.id))
                        }
                      >
                        Open<span className="visually-hidden">{session}</span>
                      </button>
                      {row.team === undefined && (
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => void exportSession(row.id)}
                        >
                          Export JSON<span className="visually-hidden"> of{session}</span>
                        </button>
                      )}
                      <button
                        type="button"
                        className="button button-small button-danger"
                        onClick={() => void deleteSession(row.id)}
                      >
                        Delete<span className="visually-hidden">{session}</span>
                      </button>
                    </div>
                  </td>
                </tr>
                {actionError?.where === row.id && (
                  <tr role="row" className="row-error">
                    <td role="cell" colSpan={HISTORY_COLUMNS.length}>
                      <ErrorAlert message={actionError.message} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
