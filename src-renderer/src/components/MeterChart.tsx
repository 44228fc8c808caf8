// The buyer's meters across a finished meeting: turn 0 is the opening, then
// the meters after each rep turn, one line per meter.
import type { SessionRecord } from '../../../src-main/contract/api';
import { TrendChart, type Point } from './TrendChart';

export function MeterChart({ record }: { readonly record: SessionRecord }) {
  const { meterInfo } = record;
  if (meterInfo.length === 0) return <p>This buyer has no meters to chart.</p>;
  const data: Point[] = [
    { turn: 0, ...record.openingMeters },
    ...record.turns.map((t) => ({ turn: t.n, ...t.meters })),
  ];
  const min = Math.min(...meterInfo.map((m) => m.min));
  const max = Math.max(...meterInfo.map((m) => m.max));
  const names = meterInfo.map((m) => m.label).join(', ');
  return (
    <TrendChart
      data={data}
      xKey="turn"
      xLabel="Turn"
      series={meterInfo.map((m) => ({ key: m.name, label: m.label }))}
      domain={[min, max]}
      caption="The buyer's meters after each of your turns (turn 0 is the opening)."
      summary={`Line chart of ${names} over ${record.turns.length} turns. The data is in the table that follows.`}
      tableCaption="The buyer's meters by turn"
    />
  );
}
