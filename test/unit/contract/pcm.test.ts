// Audio as speech.audio carries it: 16-bit little-endian samples in base64,
// encoded by the page and decoded by the host with the same codec.
import { describe, expect, it } from 'vitest';
import { base64ToInt16, int16ToBase64 } from '../../../src-main/contract/pcm';

describe('base64 chunks', () => {
  it('round-trips little-endian 16-bit samples and agrees with Node', () => {
    for (const length of [0, 1, 2, 3, 1600]) {
      const pcm = Int16Array.from({ length }, (_, i) => ((i * 7919) % 65536) - 32768);
      const text = int16ToBase64(pcm);
      expect(text).toBe(Buffer.from(pcm.buffer).toString('base64'));
      expect(Array.from(base64ToInt16(text))).toEqual(Array.from(pcm));
    }
  });

  it('refuses text that is not base64 or not whole samples', () => {
    expect(() => base64ToInt16('AAAA*AAA')).toThrow(/not valid base64 \(character 5\)/);
    expect(() => base64ToInt16('AA==')).toThrow(/not a whole number of 16-bit samples/);
  });
});

describe('the page and the host agree', () => {
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
});
