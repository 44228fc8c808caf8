// The meeting's recorder as a hook: one Recorder per meeting on screen,
// disposed (utterance cancelled, microphone released) when the rep leaves it.
// It reports to the store's speech slice and hands transcripts to the caller.
// While a press or an utterance is in progress, Escape cancels it; if the
// window loses focus mid-press, the press ends (its key-up would never come).
import { useEffect, useMemo, useRef } from 'react';
import type { MicMode, Transcript } from '../../../src-main/contract/api';
import { getApi } from '../bridge';
import { useStore } from '../store';
import { Recorder } from './recorder';
import type { SpeechApi } from './utterance';
import { stopSpeaking } from './voice';

export interface RecorderOptions {
  readonly sessionId: string;
  /** False when speech cannot be used (no engine, the meeting is over). */
  readonly enabled: boolean;
  readonly mode: MicMode;
  readonly endOfTurnMs: number;
  onTranscript(transcript: Transcript): void;
}

export interface RecorderControl {
  press(): void;
  release(): void;
  cancel(): void;
  retry(): void;
}

function speechApi(): SpeechApi {
  const api = getApi();
  return {
    begin: (args) => api.call('speech.begin', args),
    audio: (args) => api.call('speech.audio', args),
    finish: (args) => api.call('speech.finish', args),
    cancel: (args) => api.call('speech.cancel', args),
  };
}

export function useRecorder(options: RecorderOptions): RecorderControl {
  const { sessionId, enabled, mode, endOfTurnMs } = options;
  const recorderRef = useRef<Recorder | null>(null);
  const onTranscript = useRef(options.onTranscript);
  onTranscript.current = options.onTranscript;
  const latest = useRef({ enabled, mode, endOfTurnMs });
  latest.current = { enabled, mode, endOfTurnMs };
  const phase = useStore((s) => s.micPhase);

  useEffect(() => {
    const store = useStore.getState;
    // A meeting came on screen (children's effects run first, so before the buyer's voice starts).
    store().resetSpeech(sessionId);
    const recorder = new Recorder(
      sessionId,
      speechApi(),
      {
        phase: (p) => store().setMicPhase(p),
        level: (l) => store().setMicLevel(l),
        micError: (m) => store().setMicError(m),
        notice: (message, tone) => store().setSpeechNotice(message ? { message, tone } : null),
        transcript: (t) => onTranscript.current(t),
        sinceBuyerMs: (at) => {
          const s = store();
          if (s.buyerSpeaking) return 0;
          return s.buyerDoneAt === null ? undefined : at - s.buyerDoneAt;
        },
        canListen: () => {
          const s = store();
          return (
            !s.buyerSpeaking && s.pendingReply === null && !s.ending && s.view?.ended === false
          );
        },
        stopBuyer: stopSpeaking,
      },
      latest.current.endOfTurnMs,
    );
    recorderRef.current = recorder;
    recorder.setMode(latest.current.mode);
    recorder.setEnabled(latest.current.enabled);
    return () => {
      recorder.dispose();
      if (recorderRef.current === recorder) recorderRef.current = null;
      store().setMicPhase('off');
    };
  }, [sessionId]);

  useEffect(() => recorderRef.current?.setMode(mode), [mode]);
  useEffect(() => recorderRef.current?.setEnabled(enabled), [enabled]);
  useEffect(() => recorderRef.current?.setEndOfTurnMs(endOfTurnMs), [endOfTurnMs]);

  // Escape cancels a press or an utterance wherever focus is.
  const active = phase === 'opening' || phase === 'recording' || phase === 'transcribing';
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      recorderRef.current?.cancel();
    };
    const onBlur = () => recorderRef.current?.release();
    window.addEventListener('keydown', onKey);
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('blur', onBlur);
    };
  }, [active]);

  return useMemo(
    () => ({
      press: () => recorderRef.current?.press(),
      release: () => recorderRef.current?.release(),
      cancel: () => recorderRef.current?.cancel(),
      retry: () => recorderRef.current?.retry(),
    }),
    [],
  );
}
