// A table of measures against their targets: value, target, whether it was met
// (in words and an icon, not only colour, or "Not judged" where no line is
// drawn) and where the target comes from. The report's research checks and the
// delivery section of spoken replies both use it.
import { useId } from 'react';
import type { SessionReport } from '../../../src-main/contract/api';
import { capitalise, percent } from '../lib/format';

/** One measure as the table shows it, its value already in words. */
export interface MetricRow {
  readonly key: string;
  readonly metric: string;
  readonly value: string;
  readonly target: string;
  /** null: not judged (no research line, or too little to measure). */
  readonly met: boolean | null;
  readonly source: string;
}

type Check = SessionReport['checks'][number];

/** Shares are fractions (0-1) and read best as percentages. */
function checkValue(check: Check): string {
  if (check.value === null) return '—';
  switch (check.unit) {
    case 'share':
      return percent(check.value);
    case 'seconds':
      return `${Math.round(check.value)} s`;
    case 'count':
      return String(check.value);
  }
}

/** The report's research checks as rows. */
export function checkRows(checks: readonly Check[]): MetricRow[] {
  return checks.map((check) => ({
    key: check.metric,
    metric: check.metric,
    value: checkValue(check),
    target: check.target,
    met: check.met,
    source: check.source,
  }));
}

function MetCell({ met }: { readonly met: boolean | null }) {
  if (met === null) return <td className="source">Not judged</td>;
  return (
    <td className={met ? 'met' : 'not-met'}>
      <span aria-hidden="true">{met ? '✓ ' : '✗ '}</span>
      {met ? 'Met' : 'Not met'}
    </td>
  );
}

export function MetricsTable({
  caption,
  rows,
}: {
  readonly caption: string;
  readonly rows: readonly MetricRow[];
}) {
  const captionId = useId();
  return (
    // A focusable, named scroll box: at high zoom the table scrolls sideways.
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table>
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col" className="num">
              Value
            </th>
            <th scope="col">Target</th>
            <th scope="col">Met</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{capitalise(row.metric)}</th>
              <td className="num">{row.value}</td>
              <td>{row.target}</td>
              <MetCell met={row.met} />
              <td className="source">{row.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
