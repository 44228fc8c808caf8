// How the spoken replies were delivered: pace, filler words, the pause before
// answering an objection and the longest spoken turn, each with its target,
// whether it was met (in words and an icon, not only colour, or "not judged"),
// its source, the evidence and what to try. Shown only for meetings with
// spoken replies.
import { useId } from 'react';
import type { DeliveryReport } from '../../../src-main/contract/api';
import { capitalise } from '../lib/format';
import { MetricsTable } from './MetricsTable';

type Metric = DeliveryReport['metrics'][number];

function formatNumber(x: number): string {
  const rounded = Math.round(x * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

function formatValue(metric: Metric): string {
  if (metric.value === null) return '—';
  switch (metric.unit) {
    case 'words_per_minute':
      return `${Math.round(metric.value)} wpm`;
    case 'per_minute':
      return `${formatNumber(metric.value)} a minute`;
    case 'seconds':
      return `${formatNumber(metric.value)} s`;
  }
}

function formatSeconds(x: number | null): string {
  return x === null ? '—' : `${formatNumber(x)} s`;
}

export function DeliveryPanel({ delivery }: { readonly delivery: DeliveryReport }) {
  const headingId = useId();
  const turnsCaptionId = useId();
  const replies =
    delivery.spokenTurns === 1 ? '1 spoken reply' : `${delivery.spokenTurns} spoken replies`;
  const engines =
    delivery.engines.length > 0 ? `, transcribed by ${delivery.engines.join(' and ')}` : '';
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Delivery</h2>
      <p className="hint">
        From your {replies} ({formatSeconds(delivery.speakingSeconds)} of speech{engines}). Typed
        replies are not included.
      </p>
      <MetricsTable
        caption="Delivery metrics"
        rows={delivery.metrics.map((metric) => ({
          key: metric.key,
          metric: metric.metric,
          value: formatValue(metric),
          target: metric.target,
          met: metric.met,
          source: metric.source,
        }))}
      />
      <h3>What the numbers are based on</h3>
      <ul className="signals">
        {delivery.metrics.map((metric) => (
          <li key={metric.key}>
            <strong>{capitalise(metric.metric)}</strong>: {metric.evidence}
            {metric.tryInstead && (
              <p className="try-instead">
                <strong>Try instead:</strong> {metric.tryInstead}
              </p>
            )}
          </li>
        ))}
      </ul>
      {delivery.notes.length > 0 && (
        <details>
          <summary>Timing notes ({delivery.notes.length})</summary>
          <ul className="signals">
            {delivery.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </details>
      )}
      <details>
        <summary>Show each spoken reply as a table</summary>
        <div className="table-wrap" role="region" aria-labelledby={turnsCaptionId} tabIndex={0}>
          <table>
            <caption id={turnsCaptionId}>Spoken replies</caption>
            <thead>
              <tr>
                <th scope="col">Turn</th>
                <th scope="col" className="num">
                  Length
                </th>
                <th scope="col" className="num">
                  Words
                </th>
                <th scope="col" className="num">
                  Words a minute
                </th>
                <th scope="col" className="num">
                  Fillers
                </th>
                <th scope="col" className="num">
                  Pause before
                </th>
                <th scope="col">After an objection</th>
              </tr>
            </thead>
            <tbody>
              {delivery.turns.map((turn) => (
                <tr key={turn.turn}>
                  <th scope="row">{turn.turn}</th>
                  <td className="num">{formatSeconds(turn.seconds)}</td>
                  <td className="num">{turn.words}</td>
                  <td className="num">{turn.wordsPerMinute ?? '—'}</td>
                  <td className="num">{turn.fillers}</td>
                  <td className="num">{formatSeconds(turn.patienceSeconds)}</td>
                  <td>{turn.afterObjection ? 'Yes' : 'No'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
