// Audio as the contract carries it (speech.audio's `pcm`): 16-bit signed
// samples, little-endian, in base64. One codec for both ends: the page encodes
// what it hears, the host decodes it. Pure and dependency-free, so the
// renderer may import it; byte order is written out, so the result is the same
// on any machine.

/** Text that is not base64, or bytes that are not whole 16-bit samples. */
export class PcmError extends Error {
  override readonly name = 'PcmError';
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_VALUE[B64.charCodeAt(i)] = i;

/** Little-endian 16-bit samples as base64 (what the renderer sends). */
export function int16ToBase64(pcm: Int16Array): string {
  const bytes = new Uint8Array(pcm.length * 2);
  for (let i = 0; i < pcm.length; i++) {
    const v = pcm[i] as number;
    bytes[2 * i] = v & 0xff;
    bytes[2 * i + 1] = (v >> 8) & 0xff;
  }
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n =
      ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out +=
      B64.charAt((n >> 18) & 63) +
      B64.charAt((n >> 12) & 63) +
      B64.charAt((n >> 6) & 63) +
      B64.charAt(n & 63);
  }
  const left = bytes.length - i;
  if (left === 1) {
    const n = (bytes[i] as number) << 16;
    out += `${B64.charAt((n >> 18) & 63)}${B64.charAt((n >> 12) & 63)}==`;
  } else if (left === 2) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8);
    out += `${B64.charAt((n >> 18) & 63)}${B64.charAt((n >> 12) & 63)}${B64.charAt((n >> 6) & 63)}=`;
  }
  return out;
}

/**
 * Base64 of little-endian 16-bit samples back to samples. Throws a PcmError
 * for text that is not base64 or bytes that are not whole samples.
 */
export function base64ToInt16(text: string): Int16Array {
  const clean = text.replace(/=+$/, '');
  if (clean.length % 4 === 1) throw new PcmError('audio chunk: not valid base64 (bad length)');
  const byteLength = Math.floor((clean.length * 3) / 4);
  if (byteLength % 2 !== 0) {
    throw new PcmError(`audio chunk: ${byteLength} bytes is not a whole number of 16-bit samples`);
  }
  const out = new Int16Array(byteLength / 2);
  let acc = 0;
  let bits = 0;
  let byteIndex = 0;
  let low = 0;
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    const v = code < 128 ? (B64_VALUE[code] as number) : -1;
    if (v < 0) throw new PcmError(`audio chunk: not valid base64 (character ${i + 1})`);
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      const byte = (acc >> bits) & 0xff;
      if (byteIndex % 2 === 0) low = byte;
      else out[byteIndex >> 1] = (byte << 8) | low;
      byteIndex += 1;
    }
  }
  return out;
}
