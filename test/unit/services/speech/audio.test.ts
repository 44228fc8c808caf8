// The audio helpers: WAV files in every PCM layout a recorder writes, the
// errors for files that are not usable, resampling that keeps speech and
// removes what would alias, the base64 chunks the renderer sends, and the
// analysis the host uses to warn the rep (silence, clipping) and time replies.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  analyseUtterance,
  audioProblem,
  encodeWav,
  parseWav,
  resample,
  toFloat32,
  toInt16,
  toMono,
  wavToSpeechPcm,
  type WavEncoding,
} from '../../../../src-main/services/speech/audio';
import { SpeechError } from '../../../../src-main/services/speech/engine';
import { concat, fliteWav, quiet } from '../../support/speech';

function sine(freq: number, rate: number, seconds: number, amplitude = 0.5): Float32Array {
  return Float32Array.from(
    { length: Math.round(rate * seconds) },
    (_, i) => amplitude * Math.sin((2 * Math.PI * freq * i) / rate),
  );
}

function rms(samples: Float32Array, from = 0, to = samples.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += (samples[i] as number) ** 2;
  return Math.sqrt(sum / (to - from));
}

/** The strongest frequency (1 Hz steps) between lo and hi, by correlation. */
function dominant(samples: Float32Array, rate: number, lo: number, hi: number): number {
  let best = lo;
  let bestPower = -1;
  for (let f = lo; f <= hi; f += 10) {
    let re = 0;
    let im = 0;
    for (let i = 0; i < samples.length; i++) {
      re += (samples[i] as number) * Math.cos((2 * Math.PI * f * i) / rate);
      im += (samples[i] as number) * Math.sin((2 * Math.PI * f * i) / rate);
    }
    if (re * re + im * im > bestPower) {
      bestPower = re * re + im * im;
      best = f;
    }
  }
  return best;
}

function wavBytes(...chunks: [string, Uint8Array][]): Uint8Array {
  const body = chunks.flatMap(([id, data]) => {
    const head = new Uint8Array(8);
    head.set([...id].map((c) => c.charCodeAt(0)));
    new DataView(head.buffer).setUint32(4, data.length, true);
    return [head, data, ...(data.length % 2 ? [new Uint8Array(1)] : [])];
  });
  const size = body.reduce((n, b) => n + b.length, 4);
  const out = new Uint8Array(8 + size);
  out.set([...'RIFF'].map((c) => c.charCodeAt(0)));
  new DataView(out.buffer).setUint32(4, size, true);
  out.set(
    [...'WAVE'].map((c) => c.charCodeAt(0)),
    8,
  );
  let at = 12;
  for (const b of body) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

function fmt(code: number, channels: number, rate: number, bits: number): Uint8Array {
  const b = new Uint8Array(16);
  const v = new DataView(b.buffer);
  v.setUint16(0, code, true);
  v.setUint16(2, channels, true);
  v.setUint32(4, rate, true);
  v.setUint32(8, (rate * channels * bits) / 8, true);
  v.setUint16(12, (channels * bits) / 8, true);
  v.setUint16(14, bits, true);
  return b;
}

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('parseWav', () => {
  const left = sine(440, 22_050, 0.2, 0.6);
  const right = sine(660, 22_050, 0.2, 0.3);

  it.each<WavEncoding>(['pcm8', 'pcm16', 'pcm24', 'pcm32', 'float32'])(
    'reads %s stereo back as written',
    (encoding) => {
      const audio = parseWav(
        encodeWav({ sampleRate: 22_050, channels: [left, right] }, encoding),
        'x.wav',
      );
      expect(audio.sampleRate).toBe(22_050);
      expect(audio.channels).toHaveLength(2);
      const tolerance = encoding === 'pcm8' ? 0.01 : 1e-4;
      for (const [i, original] of [left, right].entries()) {
        const read = audio.channels[i] as Float32Array;
        expect(read.length).toBe(original.length);
        let worst = 0;
        for (let j = 0; j < read.length; j++)
          worst = Math.max(worst, Math.abs((read[j] as number) - (original[j] as number)));
        expect(worst).toBeLessThan(tolerance);
      }
    },
  );

  it('reads WAVE_FORMAT_EXTENSIBLE files and skips chunks it does not know', () => {
    const extensible = new Uint8Array(40);
    extensible.set(fmt(0xfffe, 1, 16_000, 16));
    new DataView(extensible.buffer).setUint16(24, 1, true); // sub-format: PCM
    const pcm = new Uint8Array([0x00, 0x40, 0x00, 0xc0]);
    const audio = parseWav(
      wavBytes(['LIST', new Uint8Array(3)], ['fmt ', extensible], ['data', pcm]),
      'x.wav',
    );
    expect(Array.from(audio.channels[0] ?? [])).toEqual([0.5, -0.5]);
  });

  it('takes what is there when the data chunk claims more than the file holds', () => {
    const bytes = encodeWav({ sampleRate: 16_000, channels: [sine(300, 16_000, 0.1)] });
    const audio = parseWav(bytes.subarray(0, 44 + 1000), 'cut.wav');
    expect(audio.channels[0]?.length).toBe(500);
  });

  it.each([
    [new Uint8Array(0), 'x.wav: empty file (no audio)'],
    [new TextEncoder().encode('hello, this is text'), 'x.wav: not a WAV file (no RIFF header)'],
    [
      new TextEncoder().encode('RIFF\x00\x00\x00\x00AVI LIST'),
      'x.wav: not a WAV file (RIFF, but not WAVE)',
    ],
    [
      wavBytes(['fmt ', fmt(85, 1, 16_000, 16)], ['data', new Uint8Array(8)]),
      'x.wav: compressed audio (format 85) is not supported; save as PCM WAV',
    ],
    [
      wavBytes(['fmt ', fmt(1, 1, 16_000, 12)], ['data', new Uint8Array(8)]),
      'x.wav: 12-bit samples are not supported; save as 16-bit PCM WAV',
    ],
    [
      wavBytes(['fmt ', fmt(3, 1, 16_000, 64)], ['data', new Uint8Array(8)]),
      'x.wav: 64-bit float samples are not supported; save as 16-bit PCM WAV',
    ],
    [
      wavBytes(['data', new Uint8Array(8)]),
      'x.wav: broken WAV file (no fmt chunk describing the audio)',
    ],
    [wavBytes(['fmt ', fmt(1, 1, 16_000, 16)]), 'x.wav: no audio data (no data chunk)'],
    [
      wavBytes(['fmt ', fmt(1, 1, 16_000, 16)], ['data', new Uint8Array(0)]),
      'x.wav: no audio (the data chunk is empty)',
    ],
    [
      wavBytes(['fmt ', fmt(1, 0, 16_000, 16)], ['data', new Uint8Array(8)]),
      'x.wav: broken WAV header (0 channels)',
    ],
    [
      wavBytes(['fmt ', fmt(1, 1, 0, 16)], ['data', new Uint8Array(8)]),
      'x.wav: unusable sample rate 0 Hz',
    ],
  ])('refuses a bad file with a message naming it (%#)', (bytes, message) => {
    const error = errorOf(() => parseWav(bytes, 'x.wav'));
    expect(error).toBeInstanceOf(SpeechError);
    expect(error.message).toBe(message);
  });
});

describe('toMono and resample', () => {
  it('averages the channels', () => {
    const mono = toMono({
      sampleRate: 8000,
      channels: [Float32Array.of(1, 0.5), Float32Array.of(0, -0.5)],
    });
    expect(Array.from(mono)).toEqual([0.5, 0]);
  });

  it.each([44_100, 48_000, 22_050, 8_000, 11_025])(
    'keeps a 1 kHz tone from %i Hz at 16 kHz',
    (rate) => {
      const out = resample(sine(1000, rate, 0.5, 0.5), rate, 16_000);
      expect(Math.abs(out.length - 8000)).toBeLessThanOrEqual(1);
      expect(dominant(out.subarray(1000, 7000), 16_000, 500, 1500)).toBe(1000);
      // Full level away from the edges: the filter's gain is one in the pass band.
      expect(rms(out, 1000, 7000)).toBeCloseTo(0.5 / Math.SQRT2, 2);
    },
  );

  it.each([44_100, 48_000])(
    'removes a tone above 8 kHz from %i Hz instead of folding it into speech',
    (rate) => {
      const out = resample(sine(11_000, rate, 0.5, 0.5), rate, 16_000);
      // Aliased, it would come back at 5 kHz at full level; filtered it is below -50 dB.
      expect(rms(out, 500, 7500)).toBeLessThan(0.5 * 10 ** (-50 / 20));
    },
  );

  it('turns any WAV into 16 kHz mono samples of the same duration', () => {
    const stereo = encodeWav(
      { sampleRate: 44_100, channels: [sine(300, 44_100, 1.5), sine(300, 44_100, 1.5)] },
      'pcm24',
    );
    const pcm = wavToSpeechPcm(stereo, 's.wav');
    expect(pcm.length).toBe(24_000);
  });

  it('clamps floats beyond full scale when making 16-bit samples', () => {
    expect(Array.from(toInt16(Float32Array.of(2, -2, 0.5)))).toEqual([32767, -32768, 16384]);
  });
});

describe('analyseUtterance', () => {
  const speech = wavToSpeechPcm(
    readFileSync(fliteWav('What does a win look like for you this year?')),
    'speech.wav',
  );

  it('finds where the speech starts and stops inside the recording', () => {
    const speechAlone = analyseUtterance(speech);
    const padded = analyseUtterance(concat(quiet(1, 0.001), speech, quiet(2, 0.001)));
    expect(padded.silent).toBe(false);
    const alone = speechAlone.voiced;
    const voiced = padded.voiced;
    expect(alone).not.toBeNull();
    expect(voiced).not.toBeNull();
    if (!alone || !voiced) return;
    expect(voiced.startMs).toBeGreaterThanOrEqual(1000 + alone.startMs - 30);
    expect(voiced.startMs).toBeLessThanOrEqual(1000 + alone.startMs + 30);
    // The end: the last word plus a short hangover, not the two seconds of room noise after it.
    expect(voiced.endMs).toBeGreaterThan(1000 + (speech.length / 16) * 0.8);
    expect(voiced.endMs).toBeLessThan(1000 + speech.length / 16 + 300);
    expect(padded.seconds).toBeCloseTo(3 + speech.length / 16_000, 3);
    expect(padded.clipped).toBe(false);
    expect(audioProblem(padded)).toBeUndefined();
  });

  it.each([
    ['digital silence', quiet(2)],
    ['low room noise', quiet(2, 0.002)],
    ['a steady hum', toInt16(sine(120, 16_000, 2, 0.3))],
    ['a click', concat(quiet(1), Int16Array.of(20_000, -20_000, 15_000), quiet(1))],
    ['nothing at all', new Int16Array(0)],
  ])('calls %s silent', (_, pcm) => {
    const analysis = analyseUtterance(pcm);
    expect(analysis.silent).toBe(true);
    expect(analysis.voiced).toBeNull();
    expect(audioProblem(analysis)).toMatch(/No (speech was heard|audio arrived)/);
  });

  it('hears speech in a noisy room (10 dB over the noise) as speech, not as a hum', () => {
    // Loud steady noise under and around the sentence: the median frame is near
    // the noise's level, but the syllables stand well above it.
    const pcm = concat(quiet(0.4), speech, quiet(0.4));
    const rms = Math.sqrt(speech.reduce((sum, v) => sum + v * v, 0) / speech.length);
    // Uniform noise of amplitude a has an RMS of a / sqrt(3); put it 10 dB under the speech.
    const noise = quiet(pcm.length / 16_000, (rms * Math.sqrt(3)) / 10 ** (10 / 20) / 32767);
    const noisy = pcm.map((v, i) => Math.max(-32768, Math.min(32767, v + (noise[i] as number))));
    const analysis = analyseUtterance(noisy);
    expect(analysis.silent).toBe(false);
    expect(audioProblem(analysis)).toBeUndefined();
    // The same noise alone is still no speech.
    expect(analyseUtterance(noise).silent).toBe(true);
  });

  it('notices a clipped recording and still finds the speech', () => {
    const hot = speech.map((v) => Math.max(-32768, Math.min(32767, v * 8)));
    const analysis = analyseUtterance(hot);
    expect(analysis.clipped).toBe(true);
    expect(analysis.clippedShare).toBeGreaterThan(0.01);
    expect(analysis.silent).toBe(false);
    expect(audioProblem(analysis)).toMatch(/distorted/);
    expect(analyseUtterance(speech).clipped).toBe(false);
  });

  it('tells narrow-band (8 kHz) audio from 16 kHz speech by its sound above 5 kHz', () => {
    const said = 'What does a good quarter look like for your team?';
    for (const voice of ['slt', 'rms', 'awb'] as const) {
      const file = fliteWav(said, voice);
      const wide = wavToSpeechPcm(readFileSync(file), file);
      expect(analyseUtterance(wide).narrowBand, voice).toBe(false);
      // The same recording through an 8 kHz line.
      const line = toInt16(resample(resample(toFloat32(wide), 16_000, 8_000), 8_000, 16_000));
      expect(analyseUtterance(line).narrowBand, `${voice} at 8 kHz`).toBe(true);
      expect(analyseUtterance(line).highBandDb).toBeLessThan(
        analyseUtterance(wide).highBandDb - 20,
      );
    }
    // flite's default voice speaks at 8 kHz.
    const kal = fliteWav(said, 'kal');
    expect(analyseUtterance(wavToSpeechPcm(readFileSync(kal), kal)).narrowBand).toBe(true);
    // Silence says nothing about the band.
    expect(analyseUtterance(quiet(1)).narrowBand).toBe(false);
  });

  it('measures level and peak', () => {
    const analysis = analyseUtterance(toInt16(sine(440, 16_000, 1, 0.5)));
    expect(analysis.peak).toBeCloseTo(0.5, 2);
    expect(analysis.rmsDb).toBeCloseTo(20 * Math.log10(0.5 / Math.SQRT2), 1);
  });
});
