// Speech benchmarks, with the real pocketsphinx engine and flite's voice:
// - word error rate, real-time factor and truncated transcripts on the held-out
//   sentences (test/fixtures/speech/heldout.txt, never used to choose a
//   setting) in each listening condition: clean, room noise at 20 and 10 dB,
//   hiss at 20 dB, a laptop microphone's band, slower and faster speech, an
//   8 kHz telephone line (conditions.ts, made with sox or in code, cached
//   beside flite's recordings), with how many transcripts were marked unsure;
// - SPEECH_TUNE=1: the same on tuning.txt and tuning-independent.txt
//   (SPEECH_TUNE_SETS) for each sales LM weight, the only
//   place settings are chosen (SPEECH_TUNE_WEIGHTS, SPEECH_TUNE_CONDITIONS);
//   SPEECH_LM_WEIGHT=0 runs the held-out set with the generic model alone,
//   SPEECH_CONDITIONS a few conditions, SPEECH_ACCURACY_ONLY=1 skips latency;
// - the end of speech to the buyer's reply, for a 5-second utterance streamed
//   to the real browser-mode host over its WebSocket as the page streams it
//   (250 ms pieces in real time), then sent as the reply; the first reply,
//   which loads the model, is not counted.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { CallArgs, CallName, CallResult, Envelope } from '../../src-main/contract/api';
import { WIRE_PATH } from '../../src-main/contract/wire';
import { int16ToBase64 } from '../../src-main/contract/pcm';
import { wavToSpeechPcm } from '../../src-main/services/speech/audio';
import {
  DECODER_OPTIONS,
  DENOISE,
  DOMAIN_LM_WEIGHT,
  PocketsphinxEngine,
  type PocketsphinxOptions,
} from '../../src-main/services/speech/pocketsphinx';
import { startHost } from '../e2e/host';
import { concat, fliteWav, quiet, sentences, words, wordErrorRate } from '../unit/support/speech';
import { droppedAtEnd } from '../unit/services/speech/truncation';
import { conditionPcm, CONDITIONS, type Condition } from '../unit/services/speech/conditions';
import { report } from './measure';

/** The voices the decoder options were tuned with (on tuning.txt, docs/speech.md). */
const VOICES = ['slt', 'rms'] as const;
/** The voice of the latency run. */
const VOICE = 'slt';
/** About five seconds of speech. */
const FIVE_SECONDS =
  'Before we talk about any tools, what happens to your forecast when two of your biggest deals slip by a quarter?';
const PIECE_SAMPLES = 4000;
const LATENCY_RUNS = 20;

interface Scored {
  readonly wer: number;
  readonly rtf: number;
  readonly truncated: number;
  /** Transcripts the engine marked unsure (the rep is told to check them). */
  readonly unsure: number;
  readonly utterances: number;
  readonly worst: { rate: number; said: string; heard: string }[];
}

/** Word error rate and real-time factor of `set` under `condition`, one decoder per voice. */
export async function score(
  set: readonly string[],
  condition: Condition,
  options: PocketsphinxOptions = {},
): Promise<Scored> {
  let errors = 0;
  let refWords = 0;
  let audioSeconds = 0;
  let decodeSeconds = 0;
  let truncated = 0;
  let unsure = 0;
  const worst: { rate: number; said: string; heard: string }[] = [];
  // One speaker per session, as in the app: a fresh decoder for each voice.
  for (const voice of VOICES) {
    const engine = new PocketsphinxEngine(options);
    try {
      await engine.warm();
      for (const said of set) {
        const pcm = conditionPcm(said, voice, condition);
        const utterance = engine.begin();
        for (let at = 0; at < pcm.length; at += PIECE_SAMPLES) {
          utterance.write(pcm.subarray(at, at + PIECE_SAMPLES));
        }
        const heard = await utterance.finish();
        const rate = wordErrorRate(said, heard.text);
        const n = words(said).length;
        errors += rate * n;
        refWords += n;
        audioSeconds += pcm.length / 16_000;
        decodeSeconds += heard.decodeSeconds;
        if (droppedAtEnd(said, heard.text) >= 3) truncated++;
        if (heard.unsure) unsure++;
        worst.push({ rate, said, heard: heard.text });
      }
    } finally {
      await engine.close();
    }
  }
  worst.sort((a, b) => b.rate - a.rate);
  return {
    wer: errors / refWords,
    rtf: decodeSeconds / audioSeconds,
    truncated,
    unsure,
    utterances: set.length * VOICES.length,
    worst: worst.slice(0, 2),
  };
}

function printScore(label: string, s: Scored, target?: number): void {
  const verdict =
    target === undefined
      ? ''
      : `  target: at most ${(target * 100).toFixed(0)}%${s.wer <= target ? '  [met]' : '  [MISSED]'}`;
  console.log(
    `${label.padEnd(44)} WER ${(s.wer * 100).toFixed(1).padStart(5)}%   RTF ${s.rtf.toFixed(3)}   truncated ${s.truncated}/${s.utterances}   unsure ${s.unsure}${verdict}`,
  );
}

/** SPEECH_TUNE_DENOISE="0,1" compares without and with RNNoise; the default is the chosen one. */
function denoiseChoices(): boolean[] {
  const raw = process.env.SPEECH_TUNE_DENOISE;
  return raw === undefined ? [DENOISE] : raw.split(',').map((v) => v.trim() === '1');
}

async function accuracy(): Promise<void> {
  const status = new PocketsphinxEngine().status();
  if (!status.available) {
    console.log(`speech: pocketsphinx is not available here (${status.detail}); skipped`);
    return;
  }
  // Tuning (SPEECH_TUNE=1): the sales LM weight and decoder options, on the tuning sentences only.
  if (process.env.SPEECH_TUNE) {
    // SPEECH_TUNE_SETS="tuning.txt" for one of them; both by default.
    const tuning = (process.env.SPEECH_TUNE_SETS ?? 'tuning.txt,tuning-independent.txt')
      .split(',')
      .flatMap((file) => sentences(file.trim()));
    const weights = (process.env.SPEECH_TUNE_WEIGHTS ?? String(DOMAIN_LM_WEIGHT))
      .split(',')
      .map(Number);
    // Option sets separated by ';', each added to DECODER_OPTIONS or replacing
    // one of them: "-lw 8;-fwdflat yes".
    const optionSets = (process.env.SPEECH_TUNE_OPTIONS ?? '').split(';').map((set) => {
      const parts = set
        .trim()
        .split(/\s+/)
        .filter((p) => p !== '');
      const pairs: [string, string][] = [];
      for (let i = 0; i + 1 < parts.length; i += 2)
        pairs.push([parts[i] as string, parts[i + 1] as string]);
      return pairs;
    });
    const names = (process.env.SPEECH_TUNE_CONDITIONS ?? 'clean,room noise 20 dB').split(',');
    for (const condition of CONDITIONS.filter((c) => names.includes(c.name))) {
      for (const weight of weights) {
        for (const extra of optionSets) {
          const label = `tuning, ${condition.name}, sales LM ${weight}${extra.length ? `, ${extra.flat().join(' ')}` : ''}`;
          // An extra option replaces the chosen one of the same name (pocketsphinx refuses a name twice).
          const decoderOptions = [
            ...DECODER_OPTIONS.filter(([name]) => !extra.some(([n]) => n === name)),
            ...extra,
          ];
          for (const denoise of denoiseChoices()) {
            printScore(
              `${label}${denoise === DENOISE ? '' : denoise ? ', RNNoise' : ', no RNNoise'}`,
              await score(tuning, condition, { domainLmWeight: weight, decoderOptions, denoise }),
            );
          }
        }
      }
    }
    return;
  }
  const held = sentences('heldout.txt');
  // SPEECH_LM_WEIGHT=0 measures the generic model alone, for the before/after figures.
  const options: PocketsphinxOptions =
    process.env.SPEECH_LM_WEIGHT === undefined
      ? {}
      : { domainLmWeight: Number(process.env.SPEECH_LM_WEIGHT) };
  console.log(
    `speech: held-out sentences (${held.length} x flite ${VOICES.join('+')}), pocketsphinx, sales LM weight ${options.domainLmWeight ?? DOMAIN_LM_WEIGHT}`,
  );
  let truncated = 0;
  // SPEECH_CONDITIONS="clean,room noise 10 dB" runs only those.
  const only = process.env.SPEECH_CONDITIONS?.split(',');
  for (const condition of CONDITIONS.filter((c) => !only || only.includes(c.name))) {
    const s = await score(held, condition, options);
    printScore(`speech: ${condition.name}`, s, condition.target);
    truncated += s.truncated;
    for (const w of s.worst)
      console.log(`  worst ${(w.rate * 100).toFixed(0)}%: "${w.said}" -> "${w.heard}"`);
  }
  console.log(
    `${'speech: truncated transcripts (3+ last words lost)'.padEnd(44)} ${truncated}   target: none${truncated === 0 ? '  [met]' : '  [MISSED]'}`,
  );
  console.log(
    `${'speech: real-time factor target'.padEnd(44)} at most 0.3 in every condition (above)`,
  );
}

/** A WebSocket client of the contract, as the page is one. */
class Client {
  private next = 1;
  private readonly waiting = new Map<number, (envelope: Envelope<unknown>) => void>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const answer = JSON.parse(data.toString()) as { id: number; envelope: Envelope<unknown> };
      this.waiting.get(answer.id)?.(answer.envelope);
      this.waiting.delete(answer.id);
    });
  }

  static async connect(pageUrl: string): Promise<Client> {
    const page = new URL(pageUrl);
    const ws = new WebSocket(`ws://${page.host}${WIRE_PATH}${page.search}`, {
      headers: { origin: page.origin },
    });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new Client(ws);
  }

  async call<K extends CallName>(call: K, args: CallArgs<K>): Promise<CallResult<K>> {
    const id = this.next++;
    const envelope = await new Promise<Envelope<unknown>>((resolve) => {
      this.waiting.set(id, resolve);
      this.ws.send(JSON.stringify({ id, call, args }));
    });
    if (!envelope.ok) throw new Error(`${call}: ${envelope.error.message}`);
    return envelope.value as CallResult<K>;
  }

  close(): void {
    this.ws.close();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function endOfSpeechToReply(): Promise<void> {
  const file = fliteWav(FIVE_SECONDS, VOICE);
  const speech = concat(quiet(0.3, 0.0005), wavToSpeechPcm(readFileSync(file), file));
  const dataDir = mkdtempSync(join(tmpdir(), 'first-meeting-bench-speech-'));
  const { child, url } = await startHost(dataDir);
  const client = await Client.connect(url);
  const samples: number[] = [];
  let heard = '';
  try {
    let meeting = await client.call('session.start', {
      scenarioId: 'light-stack-leader',
      difficulty: 'normal',
      mode: 'coach',
    });
    // The model loads when the rep first speaks: one reply first, as a rep's first answer.
    for (let run = -1; run < LATENCY_RUNS; run++) {
      if (meeting.ended || meeting.turns.length >= 8) {
        await client.call('session.end', { sessionId: meeting.id });
        meeting = await client.call('session.start', {
          scenarioId: 'light-stack-leader',
          difficulty: 'normal',
          mode: 'coach',
        });
        await sleep(200);
      }
      const { utteranceId } = await client.call('speech.begin', {
        sessionId: meeting.id,
        sinceBuyerMs: 600,
      });
      // Real time: each piece when it would have been spoken.
      const began = performance.now();
      for (let seq = 0; seq * PIECE_SAMPLES < speech.length; seq++) {
        const due = began + ((seq + 1) * PIECE_SAMPLES * 1000) / 16_000;
        await sleep(Math.max(0, due - performance.now()));
        const piece = speech.subarray(seq * PIECE_SAMPLES, (seq + 1) * PIECE_SAMPLES);
        await client.call('speech.audio', { utteranceId, seq, pcm: int16ToBase64(piece) });
      }
      // The rep stops speaking (lets go of the button): transcribe, send, hear the buyer.
      const ended = performance.now();
      const transcript = await client.call('speech.finish', { utteranceId });
      meeting = await client.call('session.reply', {
        sessionId: meeting.id,
        text: transcript.text || 'What happens to your forecast when deals slip?',
        source: 'spoken',
        ...(transcript.text ? { utteranceId } : {}),
      });
      if (run >= 0) samples.push(performance.now() - ended);
      heard = transcript.text;
    }
  } finally {
    client.close();
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
  report(
    'speech: end of speech -> buyer reply (5 s)',
    samples,
    'ms',
    'p95 under 300 ms (people leave about 200 ms)',
    300,
  );
  console.log(`  heard: "${heard}"`);
}

export async function benchSpeech(): Promise<void> {
  await accuracy();
  if (process.env.SPEECH_TUNE || process.env.SPEECH_ACCURACY_ONLY) return;
  await endOfSpeechToReply();
}
