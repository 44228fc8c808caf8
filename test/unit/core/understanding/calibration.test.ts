// Calibration of the classifier's confidence: expected calibration error over
// ten equal-width bins and the reliability table, on hand-made confidences.
import { describe, expect, it } from 'vitest';
import {
  binOf,
  calibrate,
  formatReliability,
  type ScoredPrediction,
} from '../../../../src-main/core/understanding/calibration';

function many(n: number, confidence: number, correct: number): ScoredPrediction[] {
  return Array.from({ length: n }, (_, i) => ({ confidence, correct: i < correct }));
}

describe('binOf', () => {
  it('puts each confidence in (k/10, (k+1)/10], with 0 in the first bin and 1 in the last', () => {
    expect(binOf(0)).toBe(0);
    expect(binOf(0.05)).toBe(0);
    expect(binOf(0.1)).toBe(0);
    expect(binOf(0.11)).toBe(1);
    expect(binOf(0.3)).toBe(2);
    expect(binOf(0.1 + 0.2)).toBe(2);
    expect(binOf(0.95)).toBe(9);
    expect(binOf(1)).toBe(9);
  });

  it('clamps confidences outside 0-1 to the end bins', () => {
    expect(binOf(-0.5)).toBe(0);
    expect(binOf(1.5)).toBe(9);
  });
});

describe('calibrate', () => {
  it('is zero when a classifier that says 1.0 is always right', () => {
    const c = calibrate(many(20, 1, 20));
    expect(c.ece).toBe(0);
    expect(c.maxGap).toBe(0);
    expect(c.accuracy).toBe(1);
    expect(c.bins[9]).toMatchObject({ count: 20, meanConfidence: 1, accuracy: 1, gap: 0 });
  });

  it('measures over-confidence: 0.9 said, half right, is an error of 0.4', () => {
    const c = calibrate(many(10, 0.9, 5));
    expect(c.ece).toBeCloseTo(0.4, 6);
    expect(c.bins[8]).toMatchObject({ count: 10, accuracy: 0.5, meanConfidence: 0.9, gap: -0.4 });
  });

  it('weights each bin by its share of the predictions', () => {
    // 30 lines said 0.95 and 27 right (gap 0.05); 10 said 0.55 and 9 right (gap 0.35).
    const c = calibrate([...many(30, 0.95, 27), ...many(10, 0.55, 9)]);
    const expected = (30 / 40) * 0.05 + (10 / 40) * 0.35;
    expect(c.ece).toBeCloseTo(expected, 3);
    expect(c.maxGap).toBeCloseTo(0.35, 3);
    expect(c.bins[5]).toMatchObject({ count: 10, accuracy: 0.9, gap: 0.35 });
    expect(c.predictions).toBe(40);
    expect(c.meanConfidence).toBeCloseTo((30 * 0.95 + 10 * 0.55) / 40, 3);
    expect(c.accuracy).toBeCloseTo(36 / 40, 3);
  });

  it('lets under- and over-confident bins both count, never cancel', () => {
    // Bin 0.2-0.3 said 0.25, all right (+0.75); bin 0.9-1.0 said 1.0, none right (-1).
    const c = calibrate([...many(4, 0.25, 4), ...many(4, 1, 0)]);
    expect(c.ece).toBeCloseTo(0.5 * 0.75 + 0.5 * 1, 6);
  });

  it('gives ten bins, empty ones with zero counts, and nothing for no predictions', () => {
    const c = calibrate([]);
    expect(c.bins).toHaveLength(10);
    expect(c.bins.every((b) => b.count === 0)).toBe(true);
    expect(c.ece).toBe(0);
    expect(c.bins[0]).toMatchObject({ lower: 0, upper: 0.1 });
    expect(c.bins[9]).toMatchObject({ lower: 0.9, upper: 1 });
  });

  it('takes another number of bins and refuses nonsense', () => {
    expect(calibrate(many(4, 0.7, 2), 5).bins).toHaveLength(5);
    expect(() => calibrate([], 0)).toThrow(RangeError);
    expect(() => calibrate([{ confidence: Number.NaN, correct: true }])).toThrow(RangeError);
  });
});

describe('formatReliability', () => {
  it('shows only the bins that hold predictions, with what was said and how often it was right', () => {
    const lines = formatReliability(calibrate([...many(3, 0.95, 3), ...many(2, 0.45, 1)]));
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^0\.4-0\.5\s+2\s+0\.450\s+0\.500\s+\+0\.050$/);
    expect(lines[2]).toMatch(/^0\.9-1\.0\s+3\s+0\.950\s+1\.000\s+\+0\.050$/);
  });
});
