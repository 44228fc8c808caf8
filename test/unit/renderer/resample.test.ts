// The renderer's resampler: microphone audio (48 or 44.1 kHz) to the 16 kHz the
// engines want. A tone keeps its pitch and level, the length is right, and
// anything above the new Nyquist frequency (8 kHz) is filtered out, not folded
// back into the speech band.
import { describe, expect, it } from 'vitest';
import { Resampler, resample } from '../../../src-renderer/src/speech/resample';

function sine(hz: number, rate: number, seconds: number, amplitude = 0.5): Float32Array {
  const out = new Float32Array(Math.round(rate * seconds));
  for (let i = 0; i < out.length; i++) out[i] = amplitude * Math.sin((2 * Math.PI * hz * i) / rate);
  return out;
}

function rms(samples: Float32Array, from = 0, to = samples.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += (samples[i] ?? 0) ** 2;
  return Math.sqrt(sum / (to - from));
}

/** Amplitude of one frequency (a single DFT bin) over the middle of the signal. */
function amplitudeAt(samples: Float32Array, hz: number, rate: number): number {
  const from = Math.floor(samples.length / 4);
  const to = Math.floor((samples.length * 3) / 4);
  let re = 0;
  let im = 0;
  for (let i = from; i < to; i++) {
    const phase = (2 * Math.PI * hz * i) / rate;
    re += (samples[i] ?? 0) * Math.cos(phase);
    im += (samples[i] ?? 0) * Math.sin(phase);
  }
  return (2 * Math.hypot(re, im)) / (to - from);
}

function zeroCrossings(samples: Float32Array, from: number, to: number): number {
  let n = 0;
  for (let i = from + 1; i < to; i++) if ((samples[i - 1] ?? 0) < 0 !== (samples[i] ?? 0) < 0) n++;
  return n;
}

describe('resample', () => {
  it('keeps a 1 kHz tone at 1 kHz and its level, with the right length (48 kHz)', () => {
    const out = resample(sine(1000, 48_000, 1), 48_000, 16_000);
    expect(out.length).toBe(16_000);
    // 1 kHz: 2000 zero crossings a second; over the middle half second, about 1000.
    expect(Math.abs(zeroCrossings(out, 4000, 12_000) - 1000)).toBeLessThanOrEqual(2);
    expect(amplitudeAt(out, 1000, 16_000)).toBeCloseTo(0.5, 2);
    expect(rms(out, 4000, 12_000)).toBeCloseTo(0.5 / Math.SQRT2, 2);
  });

  it('does the same from 44.1 kHz', () => {
    const out = resample(sine(1000, 44_100, 1), 44_100, 16_000);
    expect(out.length).toBe(16_000);
    expect(Math.abs(zeroCrossings(out, 4000, 12_000) - 1000)).toBeLessThanOrEqual(2);
    expect(amplitudeAt(out, 1000, 16_000)).toBeCloseTo(0.5, 2);
  });

  it('attenuates content above 8 kHz instead of aliasing it', () => {
    for (const [rate, hz] of [
      [48_000, 10_000],
      [48_000, 12_000],
      [48_000, 9000],
      [44_100, 10_000],
    ] as const) {
      const out = resample(sine(hz, rate, 1), rate, 16_000);
      // 10 kHz would fold to 6 kHz; it must be at least 40 dB down.
      expect(rms(out, 1000, out.length - 1000)).toBeLessThan((0.5 / Math.SQRT2) * 0.01);
    }
  });

  it('gives the same output streamed in blocks as in one go', () => {
    const input = sine(440, 48_000, 0.5);
    const whole = resample(input, 48_000, 16_000);
    const r = new Resampler(48_000, 16_000);
    const parts: number[] = [];
    for (let i = 0; i < input.length; i += 960) parts.push(...r.push(input.subarray(i, i + 960)));
    parts.push(...r.flush());
    expect(parts.length).toBe(whole.length);
    for (let i = 0; i < whole.length; i++) expect(parts[i]).toBeCloseTo(whole[i] ?? 0, 5);
  });

  it('streams with little delay (a block out for each block in)', () => {
    const r = new Resampler(48_000, 16_000);
    let out = 0;
    for (let i = 0; i < 10; i++) out += r.push(new Float32Array(960)).length;
    // 200 ms in: all but the filter's reach (about 2 ms) is out.
    expect(out).toBeGreaterThanOrEqual(3200 - 40);
  });
});
