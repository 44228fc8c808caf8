// The buyer's voice: each persona keeps one offline voice, English first.
import { describe, expect, it } from 'vitest';
import { hashName, pickVoice, type VoiceLike } from '../../../src-renderer/src/speech/voice';

const voice = (name: string, lang: string, localService = true): VoiceLike => ({
  name,
  lang,
  voiceURI: `uri:${name}`,
  localService,
});

describe('pickVoice', () => {
  const voices = [
    voice('Anna', 'de-DE'),
    voice('Daniel', 'en-GB'),
    voice('Samantha', 'en-US'),
    voice('Alex', 'en-US'),
    voice('Google US English', 'en-US', false),
  ];

  it('is stable for a persona whatever the order of the list', () => {
    const a = pickVoice(voices, 'Dana Kessler');
    const b = pickVoice([...voices].reverse(), 'Dana Kessler');
    expect(a).toBe(b);
    expect(a?.lang.startsWith('en')).toBe(true);
    expect(a?.localService).toBe(true);
  });

  it('spreads personas over the English voices', () => {
    const names = ['Dana Kessler', 'Marcus Lee', 'Priya Nair', 'Tom Walsh', 'Ana Ruiz', 'Ken Ito'];
    const picked = new Set(names.map((n) => pickVoice(voices, n)?.name));
    expect(picked.size).toBeGreaterThan(1);
    expect(picked.has('Anna')).toBe(false);
    expect(picked.has('Google US English')).toBe(false);
  });

  it('uses another language when there is no English voice, and nothing when there are none', () => {
    expect(pickVoice([voice('Anna', 'de-DE')], 'Dana')?.name).toBe('Anna');
    expect(pickVoice([voice('Net', 'en-US', false)], 'Dana')).toBeNull();
    expect(pickVoice([], 'Dana')).toBeNull();
  });

  it('hashes names stably', () => {
    expect(hashName('Dana Kessler')).toBe(hashName('Dana Kessler'));
    expect(hashName('a')).not.toBe(hashName('b'));
  });
});
