// The microphone the speech specs hear: Chromium plays a WAV file as its fake
// capture device, from when the page opens the microphone. The recording is
// made with flite from a fixture sentence, with room before and after it (so
// hold-to-talk and hands-free both see a start and an end of speech), and
// kept quiet enough that the microphone's automatic gain does not clip it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeWav, wavToSpeechPcm } from '../../src-main/services/speech/audio';
import { concat, fliteWav, quiet } from '../unit/support/speech';
import { ROOT } from './host';

export const MIC_SENTENCE = 'What does a good quarter look like for your team?';
export const MIC_WAV = join(ROOT, 'test-results', 'audio', 'microphone.wav');
const LEAD_SECONDS = 0.4;
const TAIL_SECONDS = 3;

export function makeMicrophoneWav(): void {
  const voice = fliteWav(MIC_SENTENCE);
  const speech = wavToSpeechPcm(readFileSync(voice), voice);
  const pcm = concat(quiet(LEAD_SECONDS, 0.0005), speech, quiet(TAIL_SECONDS, 0.0005));
  const softer = Float32Array.from(pcm, (v) => (v / 32768) * 0.35);
  mkdirSync(join(ROOT, 'test-results', 'audio'), { recursive: true });
  writeFileSync(MIC_WAV, encodeWav({ sampleRate: 16_000, channels: [softer] }));
}

/** How long to hold "Hold to talk" so the whole sentence is heard, and a little after. */
export function holdMs(): number {
  const seconds = wavToSpeechPcm(readFileSync(MIC_WAV), MIC_WAV).length / 16_000;
  return Math.round((seconds - TAIL_SECONDS + 0.8) * 1000);
}
