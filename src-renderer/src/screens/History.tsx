// Past sessions: a paged table (fifty rows at a time from main, however many there are)
// with open / export / delete-with-undo, a CSV export of everything, and a
// chart of progress on one scenario.
import { useEffect, useId } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { HistoryTable } from '../components/HistoryTable';
import { Pager } from '../components/Pager';
import { ProgressChart } from '../components/ProgressChart';
import { ScreenTitle } from '../components/ScreenTitle';
import { HISTORY_PAGE_SIZE, useStore } from '../store';

export function History() {
  const history = useStore((s) => s.history);
  const loading = useStore((s) => s.historyLoading);
  const error = useStore((s) => s.historyError);
  const page = useStore((s) => s.historyPage);
  const actionError = useStore((s) => s.historyActionError);
  const load = useStore((s) => s.loadHistory);
  const setPage = useStore((s) => s.setHistoryPage);
  const exportCsv = useStore((s) => s.exportCsv);
  const navigate = useStore((s) => s.navigate);
  const progressId = useId();

  // Main's list is the truth: fetch it each time the screen opens.
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <div className="screen-header">
        <ScreenTitle>History</ScreenTitle>
      </div>
      {error && (
        <ErrorAlert message={`Could not load your history: ${error}`}>
          <button type="button" className="button" onClick={() => void load()}>
            Try again
          </button>
        </ErrorAlert>
      )}
      {history === null && loading && <p className="loading">Loading your sessions…</p>}
      {history !== null && history.total === 0 && (
        <div className="panel empty">
          <h2>No sessions yet</h2>
          <p>Your finished meetings and their reports will appear here.</p>
          <button
            type="button"
            className="button button-primary"
            onClick={() => navigate('gallery')}
          >
            Start practising
          </button>
        </div>
      )}
      {history !== null && history.total > 0 && (
        <>
          <div className="panel">
            <div className="history-toolbar">
              <p className="hint">Newest first.</p>
              <button type="button" className="button" onClick={() => void exportCsv()}>
                Export CSV
              </button>
            </div>
            {actionError?.where === 'csv' && <ErrorAlert message={actionError.message} />}
            <HistoryTable rows={history.rows} />
            <Pager
              page={page}
              pageSize={HISTORY_PAGE_SIZE}
              total={history.total}
              onPage={setPage}
            />
          </div>
          <section className="panel" aria-labelledby={progressId}>
            <h2 id={progressId}>Progress</h2>
            <ProgressChart scenarios={history.scenarios} />
          </section>
        </>
      )}
    </>
  );
}
