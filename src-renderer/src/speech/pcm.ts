// The page's side of audio samples: floats from the Web Audio graph clamped
// and scaled to the 16-bit samples the contract carries (encoded to base64 by
// contract/pcm.ts), and their level. Pure, so it is unit-tested.

/** Float samples in [-1, 1] to 16-bit integers (clamped). */
export function floatToInt16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i] ?? 0));
    out[i] = s < 0 ? Math.round(s * 0x8000) : Math.round(s * 0x7fff);
  }
  return out;
}

/** Loudness of a block as dB relative to full scale (-100 for silence). */
export function levelDb(samples: Float32Array): number {
  if (samples.length === 0) return -100;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i] ?? 0;
    sum += s * s;
  }
  const rms = Math.sqrt(sum / samples.length);
  return rms > 1e-5 ? Math.max(-100, 20 * Math.log10(rms)) : -100;
}
