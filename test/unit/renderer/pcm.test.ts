// The page's samples: floats scaled to 16 bits, and their level.
import { describe, expect, it } from 'vitest';
import { floatToInt16, levelDb } from '../../../src-renderer/src/speech/pcm';

describe('pcm', () => {
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
