// The meeting's buyer voice: each new buyer line is spoken (when the setting is
// on and the meeting is not muted), and the store learns when the buyer
// finished (their line shown, or their voice done), which times the rep's
// patience and keeps hands-free from listening to the buyer. Lines from before
// this screen opened (a resumed meeting) are not spoken again. Leaving the
// meeting, muting or turning the setting off stops the voice at once.
import { useEffect, useRef } from 'react';
import type { SessionView } from '../../../src-main/contract/api';
import { useStore } from '../store';
import { speakLine, stopSpeaking } from './voice';

export function useBuyerVoice(view: SessionView): void {
  const on = useStore((s) => s.settings?.buyerVoice ?? false);
  const muted = useStore((s) => s.voiceMuted);
  const setBuyerSpeaking = useStore((s) => s.setBuyerSpeaking);
  const persona = view.scenario.persona.name;
  const count = view.turns.length;
  const line = count === 0 ? view.opening : (view.turns[count - 1]?.buyer ?? '');
  const speak = on && !muted;
  const speakRef = useRef(speak);
  speakRef.current = speak;
  /** The line count already handled: only a later line is spoken. */
  const handled = useRef(count > 0 ? count : -1);

  useEffect(() => {
    if (count <= handled.current) return;
    handled.current = count;
    setBuyerSpeaking(false, performance.now());
    if (!speakRef.current || !line) return;
    const spoke = speakLine(line, persona, {
      onStart: () => undefined,
      onDone: () => setBuyerSpeaking(false, performance.now()),
    });
    if (!spoke) return;
    setBuyerSpeaking(true);
    // A newer line, or leaving the meeting, stops this one. (Were the effect
    // re-run for the same line, as React's strict mode does, it speaks again.)
    return () => {
      handled.current = count - 1;
      stopSpeaking();
    };
  }, [count, line, persona, setBuyerSpeaking]);

  // Muted or turned off: stop the line being spoken.
  useEffect(() => {
    if (!speak) stopSpeaking();
  }, [speak]);
}
