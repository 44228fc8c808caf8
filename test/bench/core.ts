// Core benchmarks: the classifier, one persona turn, scoring.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Meeting } from '../../src-main/core/meeting/meeting';
import { createRandom } from '../../src-main/core/random';
import { scoreSession } from '../../src-main/core/scoring/report';
import {
  scoreTranscript,
  transcriptEntries,
  type TranscriptLine,
} from '../../src-main/core/scoring/transcript';
import { parseLabelledTsv } from '../../src-main/core/understanding/dataset';
import { createClassifier } from '../../src-main/core/understanding/classifier';
import { defaultClassifier } from '../../src-main/core/understanding/default';
import type { BehaviorModel } from '../../src-main/core/understanding/model';
import { clusterTable } from '../../src-main/core/understanding/features';
import { ScenarioLibrary } from '../../src-main/services/scenario-library';

const root = resolve(import.meta.dirname, '../..');
const utterances = parseLabelledTsv(
  readFileSync(resolve(root, 'test/fixtures/behaviors/heldout.tsv'), 'utf8'),
).lines.map((l) => l.text);
const buyerLines = [
  'We win most of what we go after, honestly.',
  'Our problem is finding enough accounts that fit. We run out of good targets.',
  "I'm not sure I follow.",
  'That would cost us the quarter if it happened twice.',
  "We'd like to fix how new reps pick deals before they start.",
];

import { report, time } from './measure';

export function benchCore(): void {
  // 0. Loading the model as the app does at start: read model.json and
  // clusters.json, parse them, build the classifier (its speller too) and the
  // word-cluster table, and read a first turn.
  const modelFile = resolve(root, 'src-main/core/understanding/model.json');
  const clustersFile = resolve(root, 'src-main/core/understanding/clusters.json');
  const loadSamples: number[] = [];
  for (let i = 0; i < 15; i++) {
    loadSamples.push(
      time(() => {
        const model = JSON.parse(readFileSync(modelFile, 'utf8')) as BehaviorModel;
        clusterTable(JSON.parse(readFileSync(clustersFile, 'utf8')) as { clusters: string[] });
        createClassifier(model).classify('What does a great year look like for you?');
      }),
    );
  }
  report('load the model', loadSamples, 'ms', 'p95 < 150 ms', 150);

  const classifier = defaultClassifier();
  const library = ScenarioLibrary.load();
  const random = createRandom(42);

  // Warm up the JIT so the first samples do not measure compilation.
  for (let i = 0; i < 500; i++) classifier.classify(utterances[i % utterances.length] as string);

  // 1. Classifying one utterance.
  const classifySamples: number[] = [];
  for (let i = 0; i < 3000; i++) {
    const text = utterances[i % utterances.length] as string;
    classifySamples.push(time(() => classifier.classify(text)));
  }
  report('classify one utterance', classifySamples, 'ms', 'p95 < 1 ms', 1);

  // 2. One persona turn: understand, transition, choose a line.
  const turnSamples: number[] = [];
  for (const scenario of library.list()) {
    for (let seed = 1; seed <= 150; seed++) {
      let meeting = Meeting.start({ scenario, classifier, seed });
      for (let t = 0; t < 8; t++) {
        if (meeting.ended) meeting = Meeting.start({ scenario, classifier, seed: seed + 1000 });
        const text = utterances[random.int(utterances.length)] as string;
        turnSamples.push(time(() => meeting.reply(text)));
      }
    }
  }
  report('one persona turn', turnSamples, 'ms', 'p95 < 2 ms', 2);

  // 3. Scoring a 60-turn session.
  const sixty: TranscriptLine[] = [];
  for (let i = 0; i < 60; i++) {
    sixty.push({
      speaker: 'buyer',
      text: buyerLines[i % buyerLines.length] as string,
      line: 2 * i + 1,
    });
    sixty.push({
      speaker: 'rep',
      text: utterances[(i * 7) % utterances.length] as string,
      line: 2 * i + 2,
    });
  }
  const sixtyEntries = transcriptEntries(sixty, classifier);
  const scoreSamples: number[] = [];
  for (let i = 0; i < 300; i++) scoreSamples.push(time(() => scoreSession(sixtyEntries, 'open')));
  report('score a 60-turn session', scoreSamples, 'ms', 'p95 < 10 ms', 10);
  const readAndScore: number[] = [];
  for (let i = 0; i < 50; i++) readAndScore.push(time(() => scoreTranscript(sixty, classifier)));
  report('read and score a 60-turn transcript', readAndScore, 'ms', '(for reference)');

  // 4. Scoring 1,000 transcripts, classification included.
  const transcripts: TranscriptLine[][] = [];
  for (let n = 0; n < 1000; n++) {
    const turns = 5 + random.int(26);
    const lines: TranscriptLine[] = [];
    for (let i = 0; i < turns; i++) {
      lines.push({
        speaker: 'buyer',
        text: buyerLines[random.int(buyerLines.length)] as string,
        line: 2 * i + 1,
      });
      lines.push({
        speaker: 'rep',
        text: utterances[random.int(utterances.length)] as string,
        line: 2 * i + 2,
      });
    }
    transcripts.push(lines);
  }
  const batchSamples: number[] = [];
  for (let r = 0; r < 3; r++) {
    batchSamples.push(time(() => transcripts.forEach((t) => scoreTranscript(t, classifier))));
  }
  report('score 1,000 transcripts (5-30 turns each)', batchSamples, 's', 'under 10 s', 10);
}
