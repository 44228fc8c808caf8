// A line chart (recharts) with what makes it usable by everyone: a caption,
// a legend that shows each line's colour and dash, lines that differ by dash as
// well as colour, no animation when reduced motion is asked for, and the same
// numbers as a table for screen readers and keyboard users.
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useReducedMotion, useResolvedTheme } from '../lib/media';
import { CHART_INK, colorAt, dashAt } from '../lib/palette';
import { useStore } from '../store';

export interface Series {
  readonly key: string;
  readonly label: string;
}

export type Point = Readonly<Record<string, number | string>>;

export interface TrendChartProps {
  readonly data: readonly Point[];
  readonly xKey: string;
  /** What the table shows in its first column, when it should say more than the axis. */
  readonly tableKey?: string;
  readonly xLabel: string;
  readonly series: readonly Series[];
  readonly domain: readonly [number, number];
  readonly caption: string;
  /** One sentence describing the chart for assistive technology. */
  readonly summary: string;
  readonly tableCaption: string;
}

export function TrendChart(props: TrendChartProps) {
  const { data, xKey, xLabel, series, domain, caption, summary, tableCaption } = props;
  const tableKey = props.tableKey ?? xKey;
  // Dots help on short series; on long ones they turn the chart into noise.
  const dots = data.length <= 30;
  const reduced = useReducedMotion();
  const theme = useResolvedTheme(useStore((s) => s.settings?.theme ?? 'system'));
  const ink = CHART_INK[theme];

  return (
    <figure className="chart-figure">
      <figcaption>{caption}</figcaption>
      <ul className="legend" aria-hidden="true">
        {series.map((s, i) => (
          <li key={s.key}>
            <svg width="28" height="10" aria-hidden="true">
              <line
                x1="0"
                y1="5"
                x2="28"
                y2="5"
                stroke={colorAt(theme, i)}
                strokeWidth="3"
                strokeDasharray={dashAt(i)}
              />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      {/* The picture is one image to assistive technology; the table below carries the data. */}
      <div className="chart-box" role="img" aria-label={summary}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            data={[...data]}
            margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke={ink.grid} strokeDasharray="3 3" />
            <XAxis
              dataKey={xKey}
              stroke={ink.text}
              tick={{ fill: ink.text, fontSize: 12 }}
              minTickGap={16}
            />
            <YAxis
              domain={[domain[0], domain[1]]}
              stroke={ink.text}
              tick={{ fill: ink.text, fontSize: 12 }}
              width={40}
              allowDecimals={false}
            />
            <Tooltip
              isAnimationActive={!reduced}
              contentStyle={{
                background: theme === 'dark' ? '#181c22' : '#ffffff',
                borderColor: ink.grid,
                color: ink.text,
              }}
              labelStyle={{ color: ink.text }}
            />
            {series.map((s, i) => (
              <Line
                key={s.key}
                type="linear"
                dataKey={s.key}
                name={s.label}
                stroke={colorAt(theme, i)}
                strokeDasharray={dashAt(i)}
                strokeWidth={2.5}
                dot={dots ? { r: 3, fill: colorAt(theme, i), strokeDasharray: 'none' } : false}
                activeDot={{ r: 5, strokeDasharray: 'none' }}
                isAnimationActive={!reduced}
                connectNulls
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <details>
        <summary>Show the data as a table</summary>
        <div className="table-wrap">
          <table>
            <caption>{tableCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{xLabel}</th>
                {series.map((s) => (
                  <th key={s.key} scope="col" className="num">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.map((point, row) => (
                <tr key={row}>
                  <th scope="row">{point[tableKey]}</th>
                  {series.map((s) => (
                    <td key={s.key} className="num">
                      {point[s.key] ?? '—'}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
