// Scores over time for one scenario: value creation, pitching and overall for
// its sessions in date order. Main sends the most recent PROGRESS_POINTS at
// most, so the chart stays readable and fast however long the history. The
// axis shows days, or times when the sessions fall on one day.
import { useDeferredValue, useId, useMemo } from 'react';
import { PROGRESS_POINTS, type HistoryPage } from '../../../src-main/contract/api';
import { formatDateTime, timeAxisLabels } from '../lib/format';
import { useStore } from '../store';
import { TrendChart, type Point } from './TrendChart';

const SERIES = [
  { key: 'valueCreation', label: 'Value creation' },
  { key: 'pitching', label: 'Pitching' },
  { key: 'overall', label: 'Overall' },
] as const;

export function ProgressChart({ scenarios }: { readonly scenarios: HistoryPage['scenarios'] }) {
  const id = useId();
  // The chart is the slowest thing on the screen: draw it just after the table,
  // so History is usable at once and the chart never holds up a keystroke.
  const progress = useDeferredValue(
    useStore((s) => s.progress),
    null,
  );
  const choose = useStore((s) => s.setProgressScenario);
  const scenarioId = progress?.scenarioId;

  const data = useMemo((): Point[] => {
    const rows = progress?.rows ?? [];
    // Sessions on one day are told apart by their times.
    const labels = timeAxisLabels(rows.map((r) => r.startedAt));
    return rows.map((r, i) => ({
      day: labels[i] ?? r.startedAt,
      date: formatDateTime(r.startedAt),
      valueCreation: r.valueCreation,
      pitching: r.pitching,
      overall: r.overall,
    }));
  }, [progress]);
  const total = progress?.total ?? 0;

  // Until the deferred data arrives, hold the chart's place so nothing jumps.
  if (!scenarioId)
    return scenarios.length > 0 ? <div className="chart-box" aria-hidden="true" /> : null;
  const title = scenarios.find((s) => s.id === scenarioId)?.title ?? scenarioId;
  const capped = total > PROGRESS_POINTS;
  const caption = capped
    ? `Scores for “${title}”, oldest first: the most recent ${PROGRESS_POINTS} of ${total} sessions.`
    : `Scores for “${title}”, oldest first: ${total} ${total === 1 ? 'session' : 'sessions'}.`;

  return (
    <>
      <div className="field field-inline">
        <label htmlFor={`${id}-scenario`}>Scenario</label>
        <select
          id={`${id}-scenario`}
          className="select"
          value={scenarioId}
          onChange={(event) => void choose(event.target.value)}
        >
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </div>
      <TrendChart
        data={data}
        xKey="day"
        tableKey="date"
        xLabel="Date"
        series={SERIES}
        domain={[0, 100]}
        caption={caption}
        summary={`Line chart of value creation, pitching and overall scores across ${data.length} sessions of “${title}”. The data is in the table that follows.`}
        tableCaption={`Scores for “${title}” by session`}
      />
    </>
  );
}
