// The report's checks against published research: value, target, whether it
// was met (in words and an icon, not only colour) and where the target comes from.
import { useId } from 'react';
import type { SessionReport } from '../../../src-main/contract/api';
import { percent } from '../lib/format';

type Check = SessionReport['checks'][number];

/** Shares are fractions (0-1) and read best as percentages. */
function formatValue(check: Check): string {
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

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function MetricsTable({ checks }: { readonly checks: readonly Check[] }) {
  const captionId = useId();
  return (
    // A focusable, named scroll box: at high zoom the table scrolls sideways.
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table>
        <caption id={captionId}>Metrics</caption>
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
          {checks.map((check) => (
            <tr key={check.metric}>
              <th scope="row">{capitalise(check.metric)}</th>
              <td className="num">{formatValue(check)}</td>
              <td>{check.target}</td>
              <td className={check.met ? 'met' : 'not-met'}>
                <span aria-hidden="true">{check.met ? '✓ ' : '✗ '}</span>
                {check.met ? 'Met' : 'Not met'}
              </td>
              <td className="source">{check.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
