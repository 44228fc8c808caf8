// Scoring a transcript that did not come from a persona (a real call, or a
// roleplay typed up elsewhere): `REP:` and `BUYER:` lines become the same
// report a practice session gets.
import type { BehaviorClassifier } from '../understanding/classifier';
import { readBuyerLine } from '../understanding/buyer';
import { ConversationReader } from '../understanding/turn';
import { wordCount } from '../text/normalize';
import { scoreSession, type SessionReport, type TranscriptEntry } from './report';
import type { Outcome } from '../scenarios/schema';

export interface TranscriptLine {
  readonly speaker: 'rep' | 'buyer';
  readonly text: string;
  /** 1-based line in the source where this entry starts. */
  readonly line: number;
}

export interface TranscriptProblem {
  readonly line: number;
  readonly message: string;
}

/** A buyer line this long says enough that the next question should pick it up. */
const SUBSTANTIVE_WORDS = 12;

const SPEAKER = /^\s*(rep|buyer)\s*:\s?(.*)$/i;

/** Parses `REP: ...` / `BUYER: ...` lines; unprefixed lines continue the previous entry. */
export function parseTranscript(text: string): {
  lines: TranscriptLine[];
  problems: TranscriptProblem[];
} {
  const lines: { speaker: 'rep' | 'buyer'; text: string; line: number }[] = [];
  const problems: TranscriptProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() === '') return;
    const match = SPEAKER.exec(raw);
    if (match) {
      lines.push({
        speaker: (match[1] ?? '').toLowerCase() as 'rep' | 'buyer',
        text: (match[2] ?? '').trim(),
        line: index + 1,
      });
    } else if (lines.length > 0) {
      const last = lines[lines.length - 1] as { text: string };
      last.text = `${last.text} ${raw.trim()}`.trim();
    } else {
      problems.push({
        line: index + 1,
        message: 'expected a line starting with "REP:" or "BUYER:"',
      });
    }
  });
  for (const entry of lines) {
    if (!/[\p{L}\p{N}]/u.test(entry.text))
      problems.push({
        line: entry.line,
        message: `the ${entry.speaker.toUpperCase()} line is empty`,
      });
  }
  if (problems.length === 0 && !lines.some((l) => l.speaker === 'rep')) {
    problems.push({ line: 1, message: 'the transcript has no REP: lines to score' });
  }
  return { lines, problems };
}

/** Reads every line in context and scores the whole transcript. */
export function transcriptEntries(
  lines: readonly TranscriptLine[],
  classifier: BehaviorClassifier,
): TranscriptEntry[] {
  const entries: TranscriptEntry[] = [];
  const reader = new ConversationReader(classifier);
  for (const line of lines) {
    if (line.speaker === 'buyer') {
      const signals = readBuyerLine(line.text);
      entries.push({
        speaker: 'buyer',
        text: line.text,
        signals,
        substantive:
          signals.some((s) => s.kind.endsWith('_need')) ||
          wordCount(line.text) >= SUBSTANTIVE_WORDS,
      });
      reader.buyer(line.text);
    } else {
      const { understanding, facts } = reader.rep(line.text);
      entries.push({ speaker: 'rep', text: line.text, understanding, facts });
    }
  }
  return entries;
}

/** Outcome of a transcript: the buyer checking out at the end means they ended it. */
export function transcriptOutcome(entries: readonly TranscriptEntry[]): Outcome {
  const last = entries[entries.length - 1];
  if (last?.speaker === 'buyer' && last.signals.some((s) => s.kind === 'disengagement'))
    return 'ended_by_buyer';
  return 'open';
}

export function scoreTranscript(
  lines: readonly TranscriptLine[],
  classifier: BehaviorClassifier,
): SessionReport {
  const entries = transcriptEntries(lines, classifier);
  return scoreSession(entries, transcriptOutcome(entries));
}
