// Spoken replies and the buyer's voice, as the UI shows them: which speech
// engines the host has (speech.status), what the microphone is doing, how loud
// it is, the last thing the rep should know about their speech, and whether
// the buyer is speaking. The audio itself never passes through the store: the
// recorder (speech/recorder.ts) streams it to the host and reports here.
import { getApi } from '../bridge';
import type { SpeechStatus } from '../../../src-main/contract/api';
import { errorMessage } from '../lib/errors';
import type { Slice } from './types';

/**
 * off: no microphone open; opening: asking for it; waiting: hands-free, open
 * and waiting for the rep to speak; recording: hearing an utterance;
 * transcribing: the host is turning it into words.
 */
export type MicPhase = 'off' | 'opening' | 'waiting' | 'recording' | 'transcribing';

export interface SpeechNotice {
  readonly message: string;
  /** A problem (nothing heard, clipping, an error) or just a hint (hold to talk). */
  readonly tone: 'hint' | 'problem';
}

export interface SpeechSlice {
  readonly speechStatus: SpeechStatus | null;
  readonly speechStatusError: string | null;
  readonly speechStatusLoading: boolean;
  readonly micPhase: MicPhase;
  /** 0 to 1, while the microphone is open. */
  readonly micLevel: number;
  /** Why the microphone cannot be used (permission, no device); null when it can. */
  readonly micError: string | null;
  readonly speechNotice: SpeechNotice | null;
  /** The buyer's voice is muted for the meeting on screen (the setting is unchanged). */
  readonly voiceMuted: boolean;
  readonly buyerSpeaking: boolean;
  /** When (performance.now()) the buyer last finished: their line shown, or their voice done. */
  readonly buyerDoneAt: number | null;
  loadSpeechStatus(): Promise<void>;
  setMicPhase(phase: MicPhase): void;
  setMicLevel(level: number): void;
  setMicError(message: string | null): void;
  setSpeechNotice(notice: SpeechNotice | null): void;
  setVoiceMuted(muted: boolean): void;
  setBuyerSpeaking(speaking: boolean, doneAt?: number): void;
  /** The meeting the microphone state belongs to. */
  readonly speechSessionId: string | null;
  /** A meeting came on screen: clear the microphone state (and the mute, if it is another meeting). */
  resetSpeech(sessionId: string): void;
}

export const speechSlice: Slice<SpeechSlice> = (set) => ({
  speechStatus: null,
  speechStatusError: null,
  speechStatusLoading: false,
  micPhase: 'off',
  micLevel: 0,
  micError: null,
  speechNotice: null,
  voiceMuted: false,
  buyerSpeaking: false,
  buyerDoneAt: null,
  speechSessionId: null,

  loadSpeechStatus: async () => {
    set({ speechStatusLoading: true });
    try {
      const status = await getApi().call('speech.status');
      set({ speechStatus: status, speechStatusError: null, speechStatusLoading: false });
    } catch (error) {
      set({ speechStatusError: errorMessage(error), speechStatusLoading: false });
    }
  },
  setMicPhase: (micPhase) => set(micPhase === 'off' ? { micPhase, micLevel: 0 } : { micPhase }),
  setMicLevel: (micLevel) => set({ micLevel }),
  setMicError: (micError) => set({ micError }),
  setSpeechNotice: (speechNotice) => set({ speechNotice }),
  setVoiceMuted: (voiceMuted) => set({ voiceMuted }),
  setBuyerSpeaking: (buyerSpeaking, doneAt) =>
    set(doneAt === undefined ? { buyerSpeaking } : { buyerSpeaking, buyerDoneAt: doneAt }),
  resetSpeech: (sessionId) =>
    set((s) => ({
      micPhase: 'off',
      micLevel: 0,
      micError: null,
      speechNotice: null,
      voiceMuted: s.speechSessionId === sessionId ? s.voiceMuted : false,
      buyerSpeaking: false,
      buyerDoneAt: s.speechSessionId === sessionId ? s.buyerDoneAt : null,
      speechSessionId: sessionId,
    })),
});
