// Audio as the contract carries it: 16-bit signed PCM, little-endian, in
// base64 (speech.audio's `pcm`). Float samples from the Web Audio graph are
// clamped and scaled here; the byte order is written explicitly, so the result
// is the same on any machine. Pure, so it is unit-tested.

/** Float samples in [-1, 1] to 16-bit integers (clamped). */
export function floatToInt16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i] ?? 0));
    out[i] = s < 0 ? Math.round(s * 0x8000) : Math.round(s * 0x7fff);
  }
  return out;
}

/** 16-bit samples to base64 of their little-endian bytes. */
export function int16ToBase64(samples: Int16Array): string {
  const bytes = new Uint8Array(samples.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < samples.length; i++) view.setInt16(i * 2, samples[i] ?? 0, true);
  // btoa takes a "binary string"; build it in slices to keep the argument list short.
  let binary = '';
  const SLICE = 0x2000;
  for (let i = 0; i < bytes.length; i += SLICE)
    binary += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  return btoa(binary);
}

/** The reverse of int16ToBase64 (for tests and checks). */
export function base64ToInt16(text: string): Int16Array {
  const binary = atob(text);
  if (binary.length % 2 !== 0) throw new RangeError('16-bit PCM has an even number of bytes.');
  const view = new DataView(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) view.setUint8(i, binary.charCodeAt(i));
  const out = new Int16Array(binary.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = view.getInt16(i * 2, true);
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
