// The buyer's voice: their lines spoken with the system's own voices
// (speechSynthesis; in Electron, the operating system's). Only voices on this
// machine are used (localService), so nothing the buyer says leaves it. Each
// persona keeps one voice: a hash of their name picks among the English
// voices, so Dana sounds the same every meeting. The text is always shown too.
import { useSyncExternalStore } from 'react';

/** The part of SpeechSynthesisVoice the choice needs (plain objects in tests). */
export interface VoiceLike {
  readonly name: string;
  readonly lang: string;
  readonly voiceURI: string;
  readonly localService: boolean;
}

/** FNV-1a: a small, stable string hash. */
export function hashName(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The voice for a persona: stable for a name and a set of voices; English ones first. */
export function pickVoice<V extends VoiceLike>(voices: readonly V[], persona: string): V | null {
  const local = voices.filter((v) => v.localService);
  const english = local.filter((v) => v.lang.toLowerCase().startsWith('en'));
  const pool = (english.length > 0 ? english : local)
    .slice()
    .sort((a, b) => (a.voiceURI < b.voiceURI ? -1 : a.voiceURI > b.voiceURI ? 1 : 0));
  if (pool.length === 0) return null;
  return pool[hashName(persona.trim().toLowerCase()) % pool.length] ?? null;
}

function synth(): SpeechSynthesis | null {
  return typeof window !== 'undefined' && 'speechSynthesis' in window
    ? window.speechSynthesis
    : null;
}

/** The voices on this machine that can speak offline (may be empty until they load). */
export function systemVoices(): SpeechSynthesisVoice[] {
  return (synth()?.getVoices() ?? []).filter((v) => v.localService);
}

/** Calls back when the list of voices changes (they load asynchronously); returns an unsubscribe. */
export function onVoicesChanged(callback: () => void): () => void {
  const s = synth();
  if (!s) return () => undefined;
  s.addEventListener('voiceschanged', callback);
  return () => s.removeEventListener('voiceschanged', callback);
}

/** The line being spoken, and how to end it: held so it is not garbage-collected before its end event (a Chromium quirk). */
let current: { utterance: SpeechSynthesisUtterance; finish(): void } | null = null;

export interface SpeakHandlers {
  onStart(): void;
  /** Called once, when the line was spoken, stopped, replaced, or failed. */
  onDone(): void;
}

/**
 * Speaks a line in the persona's voice, interrupting anything being said.
 * Returns false (and speaks nothing) when there is no voice to use.
 */
export function speakLine(text: string, persona: string, handlers: SpeakHandlers): boolean {
  const s = synth();
  const voice = pickVoice(systemVoices(), persona);
  if (!s || !voice || text.trim() === '') return false;
  stopSpeaking();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  // If the system never says it finished, give up after a generous reading time.
  const watchdog = setTimeout(() => finish(), 5000 + text.length * 150);
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    clearTimeout(watchdog);
    if (current?.utterance === utterance) current = null;
    handlers.onDone();
  };
  utterance.onstart = () => {
    if (!done) handlers.onStart();
  };
  utterance.onend = finish;
  utterance.onerror = finish;
  current = { utterance, finish };
  s.speak(utterance);
  return true;
}

/** Stops the buyer mid-line (the rep started talking, muted, or left); its onDone runs now. */
export function stopSpeaking(): void {
  const line = current;
  current = null;
  line?.finish();
  const s = synth();
  if (s && (s.speaking || s.pending)) s.cancel();
}

/** How many offline voices this machine has; follows the list as it loads. */
export function useVoiceCount(): number {
  return useSyncExternalStore(
    onVoicesChanged,
    () => systemVoices().length,
    () => 0,
  );
}
