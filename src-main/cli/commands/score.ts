// score FILE [--rep NAME] [--format F]: the report for a transcript. A file of
// REP: and BUYER: lines is read as before; a real call (Zoom or Teams WebVTT,
// SRT, an Otter export, "Name: words" lines) is read by the transcript readers,
// with the rep chosen by name, and scored with its measured timings.
import { MAX_REPLY_CHARACTERS } from '../../core/meeting/reply';
import {
  parseTranscript,
  scoreCall,
  scoreTranscript,
  type CallReport,
  type TranscriptProblem,
} from '../../core/scoring/transcript';
import {
  detectFormat,
  readTranscript,
  suggestRep,
  TRANSCRIPT_FORMATS,
  TranscriptError,
  type Transcript,
  type TranscriptFormat,
} from '../../core/transcripts';
import { defaultClassifier } from '../../core/understanding/default';
import { InputError, nameOf, one, readInput, UsageError, type Command } from '../args';
import { formatReport } from '../format';

export const score: Command = ({ positionals, values, json }, io) => {
  const path = one(positionals, 'score', 'FILE');
  const format = formatOf(values.format);
  const text = readInput(path);
  const name = nameOf(path);
  const detected = format ?? detectFormat(text.replace(/^\uFEFF/, ''), name);
  if (detected === 'rep-buyer' && values.rep === undefined) {
    const report = scoreRepBuyer(text, name);
    io.out(json ? JSON.stringify(report) : formatReport(report));
    return 0;
  }

  let transcript: Transcript;
  let report: CallReport;
  try {
    transcript = readTranscript(text, name, { format: detected });
    const rep = values.rep ?? requireRep(transcript);
    report = scoreCall(transcript, rep, defaultClassifier());
  } catch (error) {
    if (error instanceof TranscriptError) throw new InputError(error.message);
    throw error;
  }
  io.out(json ? JSON.stringify(report) : formatCall(report));
  return 0;
};

function formatOf(value: string | undefined): TranscriptFormat | undefined {
  if (value === undefined) return undefined;
  if ((TRANSCRIPT_FORMATS as readonly string[]).includes(value)) return value as TranscriptFormat;
  throw new UsageError(`--format must be one of ${TRANSCRIPT_FORMATS.join(', ')} (got "${value}")`);
}

/** Without --rep, a call with named speakers says who could be the rep instead of guessing. */
function requireRep(transcript: Transcript): never {
  const likely = suggestRep(transcript);
  const speakers = transcript.speakers
    .map((s) => `${s.name} (${s.turns} turns, ${s.questions} questions)`)
    .join(', ');
  throw new InputError(
    `${transcript.fileName}: say which speaker is the rep with --rep NAME. ` +
      `Speakers: ${speakers}. Most likely the rep: ${likely.name}.`,
  );
}

/** The REP: / BUYER: form, with its line-by-line messages. */
function scoreRepBuyer(text: string, name: string) {
  const { lines, problems } = parseTranscript(text);
  const found: TranscriptProblem[] = [];
  for (const problem of problems) {
    const entry = lines.find((l) => l.line === problem.line);
    // A line of emoji or punctuation is not empty: it has no words.
    if (entry && entry.text !== '' && problem.message.endsWith(' line is empty')) {
      const speaker = entry.speaker.toUpperCase();
      found.push({ line: problem.line, message: `the ${speaker} line has no words` });
    } else found.push(problem);
  }
  // The same limit as a reply in a meeting; the line itself is never printed back.
  for (const entry of lines) {
    if (entry.text.length > MAX_REPLY_CHARACTERS) {
      found.push({
        line: entry.line,
        message: `a ${entry.speaker.toUpperCase()} line can be at most ${MAX_REPLY_CHARACTERS} characters; this one has ${entry.text.length}`,
      });
    }
  }
  const first = [...found].sort((a, b) => a.line - b.line)[0];
  if (first) throw new InputError(`${name}:${first.line}: ${first.message}`);
  return scoreTranscript(lines, defaultClassifier());
}

/** The call's header (who, what format, how timed), then the usual report. */
function formatCall(report: CallReport): string {
  const { call, metrics } = report;
  const seconds = (s: number | undefined) =>
    s === undefined ? '' : `, ${Math.round(s / 6) / 10} min`;
  const out = [
    `Real call        ${call.fileName} (${call.format})`,
    `  Rep            ${call.rep}`,
    `  Buyer side     ${call.buyers.join(', ')}`,
    `  Timings        ${metrics.timings}: ${metrics.timingSource}`,
    ...call.speakers.map(
      (s) =>
        `  ${s.role === 'rep' ? 'rep  ' : 'buyer'}          ${s.name}: ${s.turns} turns, ${s.words} words${seconds(s.seconds)}`,
    ),
  ];
  for (const note of call.notes) out.push(`  Note           ${note}`);
  return `${out.join('\n')}\n\n${formatReport(report)}`;
}
