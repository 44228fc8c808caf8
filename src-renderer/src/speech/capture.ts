// The microphone: getUserMedia (mono, the raw signal), an AudioContext, and
// the capture worklet, whose ~20 ms blocks are measured (for the level meter)
// and resampled to 16 kHz here. The AudioContext and the worklet module are
// kept between openings (they hold no device); the microphone stream is
// opened by start() and released by stop(), so the system's "microphone in
// use" indicator is on only while the app listens.
import { SPEECH_SAMPLE_RATE } from '../../../src-main/contract/api';
import workletUrl from './capture.worklet.ts?worker&url';
import { levelDb } from './pcm';
import { Resampler } from './resample';
import { CAPTURE_PROCESSOR } from './worklet-name';

/** A reason the microphone cannot be used, written for the rep. */
export class MicError extends Error {
  override readonly name = 'MicError';
}

export interface CaptureHandlers {
  /** Audio at 16 kHz, mono, in order. */
  onAudio(samples: Float32Array): void;
  /** The loudness of the latest block, dBFS. */
  onLevel(db: number): void;
  /** The device went away (unplugged, turned off, taken by the system). */
  onEnded(): void;
}

/**
 * The browser's voice-call processing is off: noise suppression and gain
 * control reshape speech for a human ear and cost the recogniser words (with
 * them on, pocketsphinx heard "what does a good quarter look like" as "but
 * doesn't get closer look like"; with them off, right). Echo cancelling is not
 * needed: the app does not listen while the buyer's voice plays.
 */
const CONSTRAINTS: MediaStreamConstraints = {
  audio: {
    channelCount: 1,
    echoCancellation: false,
    noiseSuppression: false,
    autoGainControl: false,
  },
  video: false,
};

export class MicCapture {
  private context: AudioContext | null = null;
  private moduleReady: Promise<void> | null = null;
  private stream: MediaStream | null = null;
  private source: MediaStreamAudioSourceNode | null = null;
  private node: AudioWorkletNode | null = null;
  /** Bumped by close(), so an open() still waiting for the device gives it back. */
  private generation = 0;

  get open(): boolean {
    return this.stream !== null;
  }

  /** Opens the microphone and starts delivering audio; throws MicError with a reason. */
  async start(handlers: CaptureHandlers): Promise<void> {
    if (this.stream) return;
    const generation = ++this.generation;
    if (!navigator.mediaDevices?.getUserMedia)
      throw new MicError('This window cannot use a microphone, so type your reply.');
    if (typeof AudioWorkletNode === 'undefined')
      throw new MicError('This browser cannot process microphone audio, so type your reply.');

    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia(CONSTRAINTS);
    } catch (error) {
      throw new MicError(describeMediaError(error));
    }
    if (generation !== this.generation) {
      stopTracks(stream);
      return;
    }

    let context: AudioContext;
    try {
      context = await this.ready();
    } catch (error) {
      stopTracks(stream);
      throw new MicError(
        `The microphone's audio could not be processed (${describe(error)}), so type your reply.`,
      );
    }
    if (generation !== this.generation) {
      stopTracks(stream);
      return;
    }

    const resampler = new Resampler(context.sampleRate, SPEECH_SAMPLE_RATE);
    const source = context.createMediaStreamSource(stream);
    const node = new AudioWorkletNode(context, CAPTURE_PROCESSOR, {
      numberOfInputs: 1,
      numberOfOutputs: 1,
      outputChannelCount: [1],
      channelCount: 1,
      channelCountMode: 'explicit',
      channelInterpretation: 'speakers',
    });
    node.port.onmessage = (event: MessageEvent<Float32Array>) => {
      const block = event.data;
      handlers.onLevel(levelDb(block));
      const out = resampler.push(block);
      if (out.length > 0) handlers.onAudio(out);
    };
    source.connect(node);
    // The node writes silence; connecting it to the output keeps it running.
    node.connect(context.destination);
    for (const track of stream.getAudioTracks())
      track.addEventListener('ended', () => {
        if (this.stream === stream) handlers.onEnded();
      });
    this.stream = stream;
    this.source = source;
    this.node = node;
    // Started after a click (the meeting's Start, or the button held), so the page may play audio.
    if (context.state !== 'running') void context.resume().catch(() => undefined);
  }

  /**
   * Gets the audio graph ready without touching the microphone (the meeting
   * opened), so a press only has to open the device: no first word is lost
   * to loading the worklet. Problems surface at start() instead.
   */
  prepare(): void {
    this.ready().then(
      (context) => {
        if (!this.stream && context.state === 'running')
          void context.suspend().catch(() => undefined);
      },
      () => undefined,
    );
  }

  /** Releases the microphone (the AudioContext sleeps until the next start). */
  stop(): void {
    this.generation++;
    if (this.node) {
      this.node.port.onmessage = null;
      this.node.disconnect();
    }
    this.source?.disconnect();
    if (this.stream) stopTracks(this.stream);
    this.node = null;
    this.source = null;
    this.stream = null;
    if (this.context?.state === 'running') void this.context.suspend().catch(() => undefined);
  }

  /** Releases everything (leaving the meeting). */
  dispose(): void {
    this.stop();
    const context = this.context;
    this.context = null;
    this.moduleReady = null;
    if (context && context.state !== 'closed') void context.close().catch(() => undefined);
  }

  private async ready(): Promise<AudioContext> {
    if (!this.context || this.context.state === 'closed') {
      this.context = new AudioContext({ latencyHint: 'interactive' });
      this.moduleReady = null;
    }
    const context = this.context;
    this.moduleReady ??= context.audioWorklet.addModule(workletUrl);
    try {
      await this.moduleReady;
    } catch (error) {
      this.moduleReady = null;
      throw error;
    }
    return context;
  }
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

function describe(error: unknown): string {
  return error instanceof Error && error.message ? error.message : String(error);
}

/** getUserMedia's errors, as the rep should read them. */
export function describeMediaError(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'Microphone access was denied. Allow this app to use the microphone (in the system or browser settings), or type your reply.';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'No microphone was found. Connect one, or type your reply.';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'The microphone could not be opened (another app may be using it). Try again, or type your reply.';
    default:
      return `The microphone could not be opened (${describe(error)}). Try again, or type your reply.`;
  }
}
