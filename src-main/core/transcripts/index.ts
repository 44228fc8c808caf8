// Reading a real call: `readTranscript(text, fileName)` finds the format from
// the content (or takes the one the user forces), reads it with that format's
// reader, merges each speaker's consecutive cues into turns and lists the
// speakers. Everything that cannot be read throws a TranscriptError whose
// message names the file and, where it can, the line. Pure: services read the
// file (and refuse one over MAX_TRANSCRIPT_BYTES) before this is called.
import { binaryLine, detectFormat, readerFor } from './detect';
import { mergeTurns, requireTwoSpeakers, speakersOf } from './speakers';
import { TranscriptError, type Transcript, type TranscriptFormat } from './types';

export * from './types';
export { detectFormat, READERS } from './detect';
export {
  findSpeaker,
  MAX_TURN_CHARACTERS,
  previewTranscript,
  suggestRep,
  UNKNOWN_SPEAKER,
  type RepSuggestion,
  type TranscriptPreview,
} from './speakers';

export interface ReadOptions {
  /** Read as this format instead of detecting it (`--format`). */
  readonly format?: TranscriptFormat;
}

export function readTranscript(
  text: string,
  fileName: string,
  options: ReadOptions = {},
): Transcript {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '')
    throw new TranscriptError(
      'empty',
      fileName,
      null,
      'the file is empty: there is no transcript to read',
    );
  const bad = binaryLine(body);
  if (bad !== null)
    throw new TranscriptError(
      'binary',
      fileName,
      bad,
      'this is not a text file (it holds binary data); export the transcript as .vtt, .srt or .txt',
    );
  const format = options.format ?? detectFormat(body, fileName);
  const { cues, timing, notes } = readerFor(format).read(body, fileName);
  const spoken = cues.filter((c) => /[\p{L}\p{N}]/u.test(c.text));
  if (spoken.length === 0)
    throw new TranscriptError(
      'not_a_transcript',
      fileName,
      cues[0]?.line ?? 1,
      `read as ${format}, the file has no cue with any words in it`,
    );
  const turns = mergeTurns(spoken, fileName, notes);
  const timed = timing !== 'none';
  const transcript: Transcript = {
    format,
    fileName,
    speakers: speakersOf(turns, timed),
    turns,
    timed,
    timing,
    notes,
  };
  requireTwoSpeakers(transcript);
  return transcript;
}
