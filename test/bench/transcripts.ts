// Reading and scoring a real call: a generated two-hour Microsoft Teams-style
// WebVTT file (about 1,500 turns from about 2,000 cues, three speakers) read
// with readTranscript and scored with scoreCall. Target: under 1 s for both.
import { createRandom } from '../../src-main/core/random';
import { scoreCall } from '../../src-main/core/scoring/transcript';
import { readTranscript } from '../../src-main/core/transcripts/index';
import { defaultClassifier } from '../../src-main/core/understanding/default';
import { report, time } from './measure';

const REP_OPENERS = [
  'Where do',
  'How often do',
  'When do',
  'What happens when',
  'Who gets involved when',
  'What would change if',
  'How much time goes into it when',
];
const REP_SUBJECTS = [
  'deals get stuck in legal review',
  'new reps ramp in their first quarter',
  'the forecast misses by more than ten percent',
  'procurement asks for three quotes',
  'a renewal slips into the next quarter',
  'your managers coach on live calls',
  'the pipeline review runs long',
  'finance questions the numbers',
  'a champion leaves the account',
  'the team works a territory it does not know',
];
const REP_STATEMENTS = [
  'That makes sense, thank you.',
  'So the real constraint is how many good targets there are.',
  'Most teams we talk to find their late losses trace back to the first meeting.',
  'Our platform combines coaching and forecasting in one place.',
  'Would it make sense to put thirty minutes on the calendar next week?',
];
const BUYER_LINES = [
  'Mostly in legal review, honestly. It adds weeks and we lose the quarter.',
  'We win most of what we go after; the problem is finding enough accounts that fit.',
  "I'm not sure we need another tool for that. We have tried two already.",
  'That would cost us the quarter if it happened twice.',
  "We'd like to fix how new reps pick deals before they start.",
  'Finance stops trusting the numbers, and then every review turns into an audit.',
  'Procurement gets dragged in late every single time.',
];

/** A two-hour call as Teams writes it: GUID cue ids, short timestamps, voice spans. */
export function twoHourCall(seed = 7): string {
  const random = createRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[random.int(xs.length)] as T;
  const stamp = (ms: number) => {
    const h = Math.floor(ms / 3_600_000);
    const m = Math.floor(ms / 60_000) % 60;
    const s = (ms % 60_000) / 1000;
    return `${h}:${m}:${s.toFixed(3)}`;
  };
  const out = ['WEBVTT', ''];
  let at = 0;
  let cue = 0;
  for (let turn = 0; turn < 1500; turn++) {
    const rep = turn % 2 === 0;
    const speaker = rep ? 'Dana Reyes' : random.next() < 0.3 ? 'Priya Shah' : 'Sam Okafor';
    // Some turns run over two cues, as Teams splits long speech.
    const pieces = 1 + (random.next() < 0.35 ? 1 : 0);
    for (let p = 0; p < pieces; p++) {
      const text = rep
        ? random.next() < 0.6
          ? `${pick(REP_OPENERS)} ${pick(REP_SUBJECTS)}?`
          : pick(REP_STATEMENTS)
        : pick(BUYER_LINES);
      const length = 1500 + random.int(2500);
      out.push(
        `3fb2a5d4-1c7e-4d3a-9a55-0f6b2d3c7e11/${cue++}-0`,
        `${stamp(at)} --> ${stamp(at + length)}`,
        `<v ${speaker}>${text}</v>`,
        '',
      );
      at += length + 100;
    }
    // Two speakers in a row from the buyer side still count as separate turns.
    at += 200 + random.int(1200);
  }
  return out.join('\n');
}

export function benchTranscripts(): void {
  const classifier = defaultClassifier();
  const text = twoHourCall();
  const transcript = readTranscript(text, 'two-hours.vtt');
  const minutes = Math.round((transcript.turns.at(-1)?.endMs ?? 0) / 60_000);
  // Warm up once so the figures do not measure compilation.
  scoreCall(transcript, 'Dana Reyes', classifier);
  const reads: number[] = [];
  const scores: number[] = [];
  const both: number[] = [];
  for (let i = 0; i < 10; i++) {
    reads.push(time(() => readTranscript(text, 'two-hours.vtt')));
    scores.push(time(() => scoreCall(transcript, 'Dana Reyes', classifier)));
    both.push(
      time(() => scoreCall(readTranscript(text, 'two-hours.vtt'), 'Dana Reyes', classifier)),
    );
  }
  const label = `${transcript.turns.length} turns, ${minutes} min, ${Math.round(text.length / 1024)} KB`;
  report(`read a two-hour call (${label})`, reads, 'ms', '(for reference)');
  report('score a two-hour call', scores, 'ms', '(for reference)');
  report('read and score a two-hour call', both, 's', 'under 1 s', 1);
}

// `npx tsx test/bench/transcripts.ts` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) benchTranscripts();
