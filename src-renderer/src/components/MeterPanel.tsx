// Coach mode: the buyer's meters as they stand, each a role="meter" bar named
// by its label, with the number (and the last change) in plain text.
import { useId } from 'react';
import type { MeterInfo } from '../../../src-main/contract/api';

export interface MeterPanelProps {
  readonly meters: readonly MeterInfo[];
  readonly values: Readonly<Record<string, number>>;
  /** The values before the last turn, to show what it changed. */
  readonly previous?: Readonly<Record<string, number>>;
}

export function MeterPanel({ meters, values, previous }: MeterPanelProps) {
  const headingId = useId();
  return (
    <aside className="panel meters" aria-labelledby={headingId}>
      <h2 id={headingId}>How the buyer feels</h2>
      <ul>
        {meters.map((meter) => (
          <MeterRow
            key={meter.name}
            meter={meter}
            value={values[meter.name] ?? meter.min}
            before={previous?.[meter.name]}
          />
        ))}
      </ul>
    </aside>
  );
}

function MeterRow({
  meter,
  value,
  before,
}: {
  readonly meter: MeterInfo;
  readonly value: number;
  readonly before: number | undefined;
}) {
  const span = Math.max(1, meter.max - meter.min);
  const share = Math.min(100, Math.max(0, ((value - meter.min) / span) * 100));
  const delta = before === undefined ? 0 : Math.round(value - before);
  return (
    <li>
      <div className="meter-head">
        <span aria-hidden="true">{meter.label}</span>
        <span className="meter-value">
          {Math.round(value)}
          {delta !== 0 && (
            <span className="meter-delta">
              ({delta > 0 ? `+${delta}` : delta}
              <span className="visually-hidden"> since your last reply</span>)
            </span>
          )}
        </span>
      </div>
      <div
        role="meter"
        aria-label={meter.label}
        aria-valuenow={Math.round(value)}
        aria-valuemin={meter.min}
        aria-valuemax={meter.max}
        className="meter-track"
      >
        <div className="meter-fill" style={{ width: `${share}%` }} />
      </div>
    </li>
  );
}
