// Audio as speech.audio carries it: 16-bit little-endian PCM in base64.
import { describe, expect, it } from 'vitest';
import {
  base64ToInt16,
  floatToInt16,
  int16ToBase64,
  levelDb,
} from '../../../src-renderer/src/speech/pcm';

describe('pcm', () => {
  it('round-trips 16-bit samples through base64', () => {
    const samples = Int16Array.from([0, 1, -1, 32767, -32768, 1234, -4321, 256]);
    expect(Array.from(base64ToInt16(int16ToBase64(samples)))).toEqual(Array.from(samples));
  });

  it('round-trips a long block (more than one slice of the encoder)', () => {
    const samples = new Int16Array(40_000);
    for (let i = 0; i < samples.length; i++) samples[i] = ((i * 7919) % 65536) - 32768;
    expect(base64ToInt16(int16ToBase64(samples))).toEqual(samples);
  });

  it('writes little-endian bytes', () => {
    // 0x0102 is bytes 02 01; 0x0304 is 04 03.
    expect(int16ToBase64(Int16Array.from([0x0102, 0x0304]))).toBe(btoa('\x02\x01\x04\x03'));
  });

  it('scales and clamps float samples', () => {
    expect(Array.from(floatToInt16(Float32Array.from([0, 1, -1, 2, -2, 0.5])))).toEqual([
      0, 32767, -32768, 32767, -32768, 16384,
    ]);
  });

  it('measures level in dBFS', () => {
    expect(levelDb(new Float32Array(100))).toBe(-100);
    expect(levelDb(new Float32Array(100).fill(0.5))).toBeCloseTo(-6.02, 1);
  });
});
