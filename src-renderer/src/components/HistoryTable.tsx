// One page of past sessions, with the actions on each row. Only the page on
// show is rendered, however long the history is.
import { Fragment, useId } from 'react';
import type { HistoryRow } from '../../../src-main/contract/api';
import { DIFFICULTY_LABEL, OUTCOME_SHORT, formatDateTime } from '../lib/format';
import { useStore } from '../store';
import { ErrorAlert } from './ErrorAlert';

export function HistoryTable({ rows }: { readonly rows: readonly HistoryRow[] }) {
  const openReport = useStore((s) => s.openReport);
  const exportSession = useStore((s) => s.exportSession);
  const deleteSession = useStore((s) => s.deleteSession);
  const actionError = useStore((s) => s.historyActionError);
  const captionId = useId();
  return (
    // A focusable, named scroll box: at high zoom the table scrolls sideways.
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="history-table">
        <caption id={captionId}>Sessions</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Scenario</th>
            <th scope="col">Difficulty</th>
            <th scope="col">Outcome</th>
            <th scope="col" className="num">
              Value creation
            </th>
            <th scope="col" className="num">
              Pitching
            </th>
            <th scope="col" className="num">
              Overall
            </th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <Fragment key={row.id}>
              <tr>
                <th scope="row" className="date-cell">
                  {formatDateTime(row.startedAt)}
                </th>
                <td>{row.scenarioTitle}</td>
                <td>{DIFFICULTY_LABEL[row.difficulty]}</td>
                <td>{OUTCOME_SHORT[row.outcome]}</td>
                <td className="num">{row.valueCreation}</td>
                <td className="num">{row.pitching}</td>
                <td className="num">{row.overall}</td>
                <td>
                  <div className="row-actions">
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => void openReport(row.id)}
                    >
                      Open
                    </button>
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => void exportSession(row.id)}
                    >
                      Export JSON
                    </button>
                    <button
                      type="button"
                      className="button button-small button-danger"
                      onClick={() => void deleteSession(row.id)}
                    >
                      Delete
                    </button>
                  </div>
                </td>
              </tr>
              {actionError?.where === row.id && (
                <tr>
                  <td colSpan={8}>
                    <ErrorAlert message={actionError.message} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
