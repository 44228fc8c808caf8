// The words the screens use for when a session was held: the names of
// History's buttons, and the progress chart's time axis.
import { describe, expect, it } from 'vitest';
import { formatWhen, timeAxisLabels } from '../../../src-renderer/src/lib/format';

/** A local time, so the tests hold in every time zone. */
const at = (y: number, m: number, d: number, h: number, min: number) =>
  new Date(y, m - 1, d, h, min).toISOString();

describe('formatWhen', () => {
  it('names a session of this year by day, month and time', () => {
    expect(formatWhen(at(2025, 12, 3, 13, 40), new Date(2025, 11, 20))).toBe('3 Dec, 13:40');
    expect(formatWhen(at(2025, 1, 9, 7, 5), new Date(2025, 5, 1))).toBe('9 Jan, 07:05');
  });
  it('adds the year for a session of another year', () => {
    expect(formatWhen(at(2024, 12, 3, 13, 40), new Date(2025, 0, 2))).toBe('3 Dec 2024, 13:40');
  });
  it('keeps a timestamp it cannot read as it is', () => {
    expect(formatWhen('not a date')).toBe('not a date');
  });
});

describe('timeAxisLabels', () => {
  it('shows times when every session fell on one day', () => {
    expect(timeAxisLabels([at(2025, 12, 3, 9, 5), at(2025, 12, 3, 13, 40)])).toEqual([
      '09:05',
      '13:40',
    ]);
  });
  it('shows days when each session fell on a day of its own', () => {
    const labels = timeAxisLabels([at(2025, 12, 3, 9, 5), at(2025, 12, 4, 9, 5)]);
    expect(labels[0]).not.toBe(labels[1]);
    for (const label of labels) expect(label).not.toMatch(/\d\d:\d\d/);
  });
  it('shows day and time when some days held several sessions', () => {
    const labels = timeAxisLabels([
      at(2025, 12, 3, 9, 5),
      at(2025, 12, 3, 13, 40),
      at(2025, 12, 4, 9, 5),
    ]);
    expect(labels[0]).toMatch(/, 09:05$/);
    expect(labels[1]).toMatch(/, 13:40$/);
    expect(new Set(labels).size).toBe(3);
  });
});
