// Shared by the benchmarks: percentiles and one printed line per figure, with
// its target. Targets are read by people, never asserted in tests.
import { performance } from 'node:perf_hooks';

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export function report(
  name: string,
  samples: number[],
  unit: 'ms' | 's',
  target: string,
  targetP95?: number,
): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const scale = unit === 's' ? 1 / 1000 : 1;
  const p50 = percentile(sorted, 50) * scale;
  const p95 = percentile(sorted, 95) * scale;
  const verdict = targetP95 === undefined ? '' : p95 <= targetP95 ? '  [met]' : '  [MISSED]';
  const digits = unit === 's' ? 2 : 3;
  console.log(
    `${name.padEnd(44)} p50 ${p50.toFixed(digits).padStart(8)} ${unit}   p95 ${p95.toFixed(digits).padStart(8)} ${unit}   n=${samples.length}   target: ${target}${verdict}`,
  );
}

export function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}
