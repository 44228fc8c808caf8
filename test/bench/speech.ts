// Speech benchmarks, with the real pocketsphinx engine and flite's voice:
// - word error rate on the held-out sentences (test/fixtures/speech/heldout.txt,
//   never used to choose decoder options), and the engine's real-time factor;
// - the end of speech to the buyer's reply, for a 5-second utterance streamed
//   to the real browser-mode host over its WebSocket as the page streams it
//   (250 ms pieces in real time), then sent as the reply.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { CallArgs, CallName, CallResult, Envelope } from '../../src-main/contract/api';
import { WIRE_PATH } from '../../src-main/contract/wire';
import { int16ToBase64 } from '../../src-main/contract/pcm';
import { wavToSpeechPcm } from '../../src-main/services/speech/audio';
import { PocketsphinxEngine } from '../../src-main/services/speech/pocketsphinx';
import { transcribeFile } from '../../src-main/services/speech/transcribe-file';
import { startHost } from '../e2e/host';
import { concat, fliteWav, quiet, sentences, words, wordErrorRate } from '../unit/support/speech';
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

async function accuracy(): Promise<void> {
  const status = new PocketsphinxEngine().status();
  if (!status.available) {
    console.log(`speech: pocketsphinx is not available here (${status.detail}); skipped`);
    return;
  }
  const held = sentences('heldout.txt');
  let errors = 0;
  let refWords = 0;
  let audioSeconds = 0;
  let decodeSeconds = 0;
  const worst: { rate: number; said: string; heard: string }[] = [];
  // One speaker per session, as in the app: a fresh decoder for each voice.
  for (const voice of VOICES) {
    const engine = new PocketsphinxEngine();
    try {
      await engine.warm();
      for (const said of held) {
        const heard = await transcribeFile(fliteWav(said, voice), engine);
        const rate = wordErrorRate(said, heard.text);
        const n = words(said).length;
        errors += rate * n;
        refWords += n;
        audioSeconds += heard.audioSeconds;
        decodeSeconds += heard.decodeSeconds;
        worst.push({ rate, said, heard: heard.text });
      }
    } finally {
      await engine.close();
    }
  }
  const wer = errors / refWords;
  console.log(
    `speech: word error rate (held-out)`.padEnd(44) +
      ` ${(wer * 100).toFixed(1)}%   ${held.length} sentences x flite ${VOICES.join('+')}, ${refWords} words   target: at most 15%${wer <= 0.15 ? '  [met]' : '  [MISSED]'}`,
  );
  console.log(
    `${'speech: real-time factor (pocketsphinx)'.padEnd(44)} ${(decodeSeconds / audioSeconds).toFixed(3)}   ${audioSeconds.toFixed(0)} s of audio decoded in ${decodeSeconds.toFixed(1)} s`,
  );
  worst.sort((a, b) => b.rate - a.rate);
  for (const w of worst.slice(0, 3))
    console.log(`  worst ${(w.rate * 100).toFixed(0)}%: "${w.said}" -> "${w.heard}"`);
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
    await sleep(1500); // the model loads when a meeting starts, before the rep speaks
    for (let run = 0; run < LATENCY_RUNS; run++) {
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
      samples.push(performance.now() - ended);
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
    's',
    'p95 under 1 s (people leave about 200 ms)',
    1,
  );
  console.log(`  heard: "${heard}"`);
}

export async function benchSpeech(): Promise<void> {
  await accuracy();
  await endOfSpeechToReply();
}
