// Is the classifier's confidence worth believing? Expected calibration error
// (ECE) over equal-width bins of the top-class confidence, and the reliability
// table behind it: in each bin, how sure the classifier said it was against how
// often it was right. A well-calibrated 0.8 is right about four times in five.

export interface ScoredPrediction {
  /** The confidence given to the chosen label, 0-1. */
  readonly confidence: number;
  /** Whether the chosen label was the expected one. */
  readonly correct: boolean;
}

export interface ReliabilityBin {
  /** The bin holds confidences in (lower, upper]; the first bin also holds 0. */
  readonly lower: number;
  readonly upper: number;
  readonly count: number;
  /** Mean confidence of the predictions in the bin (0 when the bin is empty). */
  readonly meanConfidence: number;
  /** Share of the bin's predictions that were right (0 when the bin is empty). */
  readonly accuracy: number;
  /** accuracy - meanConfidence: negative means over-confident. */
  readonly gap: number;
}

export interface Calibration {
  readonly predictions: number;
  /** Expected calibration error: sum over bins of (share of predictions) x |accuracy - confidence|. */
  readonly ece: number;
  /** The largest |accuracy - confidence| of any non-empty bin. */
  readonly maxGap: number;
  /** Mean confidence and accuracy over all predictions. */
  readonly meanConfidence: number;
  readonly accuracy: number;
  readonly bins: ReliabilityBin[];
}

export const DEFAULT_BINS = 10;

/** Which of `bins` equal-width bins a confidence falls in: (k/bins, (k+1)/bins], 0 in the first. */
export function binOf(confidence: number, bins: number = DEFAULT_BINS): number {
  const c = Math.min(Math.max(confidence, 0), 1);
  // A tiny tolerance so that 0.3 (stored as 0.30000000000000004) sits in (0.2, 0.3].
  return Math.min(bins - 1, Math.max(0, Math.ceil(c * bins - 1e-9) - 1));
}

export function calibrate(
  predictions: readonly ScoredPrediction[],
  bins: number = DEFAULT_BINS,
): Calibration {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError('bins must be a whole number >= 1');
  const count = new Array<number>(bins).fill(0);
  const confidenceSum = new Array<number>(bins).fill(0);
  const correctSum = new Array<number>(bins).fill(0);
  let totalConfidence = 0;
  let totalCorrect = 0;
  for (const p of predictions) {
    if (!Number.isFinite(p.confidence)) throw new RangeError('a confidence must be a number 0-1');
    const c = Math.min(Math.max(p.confidence, 0), 1);
    const k = binOf(c, bins);
    count[k] = (count[k] ?? 0) + 1;
    confidenceSum[k] = (confidenceSum[k] ?? 0) + c;
    if (p.correct) correctSum[k] = (correctSum[k] ?? 0) + 1;
    totalConfidence += c;
    if (p.correct) totalCorrect++;
  }
  const n = predictions.length;
  let ece = 0;
  let maxGap = 0;
  const table: ReliabilityBin[] = [];
  for (let k = 0; k < bins; k++) {
    const inBin = count[k] ?? 0;
    const meanConfidence = inBin === 0 ? 0 : (confidenceSum[k] ?? 0) / inBin;
    const accuracy = inBin === 0 ? 0 : (correctSum[k] ?? 0) / inBin;
    const gap = accuracy - meanConfidence;
    if (inBin > 0) {
      ece += (inBin / n) * Math.abs(gap);
      maxGap = Math.max(maxGap, Math.abs(gap));
    }
    table.push({
      lower: round(k / bins),
      upper: round((k + 1) / bins),
      count: inBin,
      meanConfidence: round(meanConfidence),
      accuracy: round(accuracy),
      gap: inBin === 0 ? 0 : round(gap),
    });
  }
  return {
    predictions: n,
    ece: round(ece),
    maxGap: round(maxGap),
    meanConfidence: n === 0 ? 0 : round(totalConfidence / n),
    accuracy: n === 0 ? 0 : round(totalCorrect / n),
    bins: table,
  };
}

/** The reliability table as aligned text lines, empty bins left out. */
export function formatReliability(calibration: Calibration): string[] {
  const out = [`${'confidence'.padEnd(12)} ${'lines'.padStart(6)}  said   right  gap`];
  for (const b of calibration.bins) {
    if (b.count === 0) continue;
    const range = `${b.lower.toFixed(1)}-${b.upper.toFixed(1)}`;
    const gap = `${b.gap > 0 ? '+' : ''}${b.gap.toFixed(3)}`;
    out.push(
      `${range.padEnd(12)} ${String(b.count).padStart(6)}  ${b.meanConfidence.toFixed(3)}  ${b.accuracy.toFixed(3)}  ${gap}`,
    );
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
