// Every file that is not a transcript gets one clear message naming the file
// and the line, and never prints a long line back.
import { describe, expect, it } from 'vitest';
import {
  MAX_TRANSCRIPT_BYTES,
  readTranscript,
  TranscriptError,
} from '../../../../src-main/core/transcripts/index';
import { scoreCall } from '../../../../src-main/core/scoring/transcript';
import { defaultClassifier } from '../../../../src-main/core/understanding/default';

function failure(text: string, fileName = 'call.vtt'): TranscriptError {
  try {
    readTranscript(text, fileName);
  } catch (error) {
    if (error instanceof TranscriptError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('bad files', () => {
  it('refuses an empty file, or one of blank lines', () => {
    for (const text of ['', '\n\n  \r\n', '\uFEFF']) {
      const e = failure(text, 'empty.vtt');
      expect(e.code).toBe('empty');
      expect(e.message).toBe('empty.vtt: the file is empty: there is no transcript to read');
    }
  });

  it('refuses binary content, naming the line where it starts', () => {
    const e = failure(
      'Dana: Hello there.\nSam: Hi.\n\u0000\u0001PK\u0003\u0004 junk',
      'recording.mp4',
    );
    expect(e.code).toBe('binary');
    expect(e.message).toMatch(/^recording\.mp4:3: this is not a text file/);
    // Text that failed to decode (a Word file read as UTF-8) is binary too.
    expect(failure('\uFFFD'.repeat(40) + 'abc', 'notes.docx').code).toBe('binary');
  });

  it('refuses a file that is no transcript at all', () => {
    const e = failure('Quarterly plan\n\nWe will grow 20% next year.\nThe end.', 'plan.txt');
    expect(e.code).toBe('not_a_transcript');
    expect(e.message).toMatch(/^plan\.txt:1: this is not a transcript: expected WebVTT/);
  });

  it('refuses a line over 4,000 characters without printing it', () => {
    const long = 'x'.repeat(4001);
    for (const [text, line] of [
      [`WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nDana: ${long}\n`, 5],
      [`Dana: Hello.\nSam: ${long}`, 2],
      [`1\n00:00:01,000 --> 00:00:02,000\nSam: ${long}`, 3],
    ] as const) {
      const e = failure(text, 'long.txt');
      expect(e.code).toBe('line_too_long');
      expect(e.message).toMatch(
        new RegExp(
          `^long\\.txt:${line}: a line can be at most 4,000 characters; this one has 4,00\\d`,
        ),
      );
      expect(e.message).not.toContain('xxxxxxxxxx');
      expect(e.message.length).toBeLessThan(300);
    }
  });

  it('accepts a line of exactly 4,000 characters', () => {
    const words = 'word '.repeat(800).trim().slice(0, 3994);
    expect(readTranscript(`Dana: ${words}\nSam: Fine.`, 'ok.txt').turns).toHaveLength(2);
  });

  it('refuses a transcript with only one speaker', () => {
    const e = failure(
      'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nDana Reyes: Hello?\n\n2\n00:00:03.000 --> 00:00:04.000\nDana Reyes: Anyone there?\n',
    );
    expect(e.code).toBe('one_speaker');
    expect(e.message).toMatch(/^call\.vtt:5: only one speaker \(Dana Reyes\) was found/);
  });

  it('refuses a cue timing it cannot read, with its line', () => {
    const e = failure('WEBVTT\n\n1\n00:00:01.000 --> later\nDana: Hi.\n');
    expect(e.code).toBe('bad_cue');
    expect(e.message).toMatch(/^call\.vtt:4: the cue timing cannot be read/);
  });

  it('refuses a WebVTT file with no words in its cues', () => {
    const e = failure(
      'WEBVTT\n\nNOTE nothing here\n\n1\n00:00:01.000 --> 00:00:02.000\n<v Dana> </v>\n',
    );
    expect(e.code).toBe('not_a_transcript');
    expect(e.message).toMatch(/^call\.vtt:\d+: read as vtt, the file has no cue with any words/);
  });

  it('refuses an unknown speaker given as the rep, listing the speakers', () => {
    const t = readTranscript('Dana Reyes: Hello.\nSam Okafor: Hi.', 'call.txt');
    expect(() => scoreCall(t, 'Chris', defaultClassifier())).toThrow(
      'call.txt: no speaker called "Chris" in this transcript. The speakers are: "Dana Reyes", "Sam Okafor".',
    );
    const long = 'z'.repeat(5000);
    expect(() => scoreCall(t, long, defaultClassifier())).toThrow(/called "z{60}…"/);
  });

  it('gives services the size limit for files: 20 MB', () => {
    expect(MAX_TRANSCRIPT_BYTES).toBe(20 * 1024 * 1024);
  });
});
