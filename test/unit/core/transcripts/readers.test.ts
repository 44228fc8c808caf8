// One reader per format, each fed a small file written the way the tool
// writes it: who said what, where it starts in the file, and when.
import { describe, expect, it } from 'vitest';
import { readTranscript, type Transcript } from '../../../../src-main/core/transcripts/index';
import { parseTime } from '../../../../src-main/core/transcripts/text';

const said = (t: Transcript) => t.turns.map((turn) => [turn.speaker, turn.text]);

describe('WebVTT from Zoom', () => {
  const zoom = [
    'WEBVTT',
    '',
    '1',
    '00:00:01.000 --> 00:00:04.500',
    'Dana Reyes: Thanks for making the time today, Sam.',
    '',
    '2',
    '00:00:05.100 --> 00:00:07.000',
    'Sam Okafor: Sure, happy to.',
    '',
    '3',
    '00:00:08.500 --> 00:00:11.000',
    'Dana Reyes: Where do deals tend',
    'to get stuck for your team?',
    '',
    '4',
    '00:00:11.200 --> 00:00:14.000',
    'Dana Reyes: Legal, or earlier?',
    '',
  ].join('\n');

  it('reads "Name: words" cue text, multi-line cues, and merges one speaker\'s cues into a turn', () => {
    const t = readTranscript(zoom, 'zoom.vtt');
    expect(t.format).toBe('vtt');
    expect(t.timed).toBe(true);
    expect(said(t)).toEqual([
      ['Dana Reyes', 'Thanks for making the time today, Sam.'],
      ['Sam Okafor', 'Sure, happy to.'],
      ['Dana Reyes', 'Where do deals tend to get stuck for your team? Legal, or earlier?'],
    ]);
    const merged = t.turns[2];
    expect(merged).toMatchObject({ line: 13, startMs: 8500, endMs: 14000 });
    // Speaking time leaves out the 0.2 s gap between the two cues.
    expect(merged?.spokenMs).toBe(2500 + 2800);
    expect(t.speakers.map((s) => [s.name, s.turns, s.seconds, s.questions])).toEqual([
      ['Dana Reyes', 2, 8.8, 2],
      ['Sam Okafor', 1, 1.9, 0],
    ]);
  });

  it('detects the format from the content, whatever the file is called', () => {
    expect(readTranscript(zoom, 'meeting.txt').format).toBe('vtt');
  });

  it('keeps a cue with no speaker with the speaker before it, and says so', () => {
    const text = zoom.replace(
      'Sam Okafor: Sure, happy to.',
      'Sam Okafor: Sure.\n\n2b\n00:00:07.000 --> 00:00:08.000\nHappy to.',
    );
    const t = readTranscript(text, 'zoom.vtt');
    expect(said(t)[1]).toEqual(['Sam Okafor', 'Sure. Happy to.']);
    expect(t.notes.join(' ')).toMatch(/line 13 names no speaker/);
  });
});

describe('WebVTT from Microsoft Teams', () => {
  const teams = [
    'WEBVTT',
    '',
    '3fb2a5d4-1c7e-4d3a-9a55-0f6b2d3c7e11/12-0',
    '0:0:0.0 --> 0:0:5.320',
    '<v Dana Reyes>Thanks for making the time today.</v>',
    '',
    '3fb2a5d4-1c7e-4d3a-9a55-0f6b2d3c7e11/13-0',
    '0:0:5.320 --> 0:0:9.100',
    '<v Sam Okafor>Sure. We have about twenty',
    'minutes, then a board prep.</v>',
    '',
    '3fb2a5d4-1c7e-4d3a-9a55-0f6b2d3c7e11/14-0',
    '0:0:9.5 --> 0:1:2.25',
    '<v Priya Shah>And I&apos;m from procurement &amp; legal.</v>',
    '',
  ].join('\n');

  it('reads voice spans, short timestamps, non-numeric cue ids and three speakers', () => {
    const t = readTranscript(teams, 'Recording.vtt');
    expect(said(t)).toEqual([
      ['Dana Reyes', 'Thanks for making the time today.'],
      ['Sam Okafor', 'Sure. We have about twenty minutes, then a board prep.'],
      ['Priya Shah', "And I'm from procurement & legal."],
    ]);
    expect(t.turns.map((x) => [x.startMs, x.endMs])).toEqual([
      [0, 5320],
      [5320, 9100],
      [9500, 62250],
    ]);
    expect(t.speakers.map((s) => s.name)).toEqual(['Dana Reyes', 'Sam Okafor', 'Priya Shah']);
  });

  it('reads the short and long forms of a time alike', () => {
    expect(parseTime('0:0:5.320')).toBe(5320);
    expect(parseTime('00:00:05.320')).toBe(5320);
    expect(parseTime('0:1:2.5')).toBe(62500);
    expect(parseTime('01:02:03,450')).toBe(3_723_450);
    expect(parseTime('00:11.000')).toBe(11000);
    expect(parseTime('0:61:00.000')).toBeNull();
    expect(parseTime('soon')).toBeNull();
  });

  // The interview in the W3C WebVTT specification's introduction (its first cues and the overlap).
  it("reads the WebVTT specification's own sample: voices without closing tags, cue settings, overlaps", () => {
    const w3c = [
      'WEBVTT',
      '',
      '00:11.000 --> 00:13.000',
      '<v Roger Bingham>We are in New York City',
      '',
      '00:13.000 --> 00:16.000',
      "<v Roger Bingham>We're actually at the Lucern Hotel, just down the street",
      '',
      '00:30.000 --> 00:31.500 align:right size:50%',
      '<v Roger Bingham>When we e-mailed—',
      '',
      '00:30.500 --> 00:32.500 align:left size:50%',
      '<v Neil deGrasse Tyson>Didn’t we talk about enough in that conversation?',
      '',
      '00:32.500 --> 00:33.500 align:left size:50%',
      '<v Neil deGrasse Tyson><i>Laughs</i>',
    ].join('\n');
    const t = readTranscript(w3c, 'interview.vtt');
    expect(said(t)).toEqual([
      [
        'Roger Bingham',
        "We are in New York City We're actually at the Lucern Hotel, just down the street When we e-mailed—",
      ],
      ['Neil deGrasse Tyson', 'Didn’t we talk about enough in that conversation? Laughs'],
    ]);
    expect(t.turns[1]).toMatchObject({ startMs: 30500, endMs: 33500 });
  });
});

describe('SRT', () => {
  const named = [
    '1',
    '00:00:01,000 --> 00:00:03,000',
    'Dana: What matters most to you this year?',
    '',
    '2',
    '00:00:03,800 --> 00:00:09,000',
    'Sam: Hitting the number without',
    'burning out the team.',
    '',
  ].join('\r\n');

  it('reads "Name:" at the start of cue text, with commas in the times and CRLF lines', () => {
    const t = readTranscript(named, 'call.srt');
    expect(t.format).toBe('srt');
    expect(said(t)).toEqual([
      ['Dana', 'What matters most to you this year?'],
      ['Sam', 'Hitting the number without burning out the team.'],
    ]);
    expect(t.turns[1]).toMatchObject({ startMs: 3800, endMs: 9000, line: 7 });
  });

  it('says plainly that speakers cannot be told apart when the cues name nobody', () => {
    const unnamed = named.replace('Dana: ', '').replace('Sam: ', '');
    expect(() => readTranscript(unnamed, 'captions.srt')).toThrow(
      /^captions\.srt:3: no cue says who is speaking, so the rep and the buyer can't be told apart/,
    );
  });

  it('does not take a colon inside a sentence for a speaker', () => {
    const text = named.replace('burning out the team.', 'the honest answer: burning out the team.');
    const t = readTranscript(text, 'call.srt');
    expect(t.speakers.map((s) => s.name)).toEqual(['Dana', 'Sam']);
    expect(t.turns[1]?.text).toBe(
      'Hitting the number without the honest answer: burning out the team.',
    );
  });
});

describe('Otter-style text exports', () => {
  const otter = [
    'Discovery call with Northwind',
    '',
    'Dana Reyes  0:03',
    'Thanks for making the time. Where do deals get stuck for you?',
    '',
    'Sam Okafor  0:42',
    'Mostly legal review.',
    '',
    'It adds weeks.',
    '',
    'Dana Reyes  1:02:03',
    'What does a slipped quarter cost you?',
  ].join('\n');

  it('reads the header lines, words and blank-line paragraphs, with start times', () => {
    const t = readTranscript(otter, 'otter.txt');
    expect(t.format).toBe('otter');
    expect(t.timing).toBe('starts');
    expect(said(t)).toEqual([
      ['Dana Reyes', 'Thanks for making the time. Where do deals get stuck for you?'],
      ['Sam Okafor', 'Mostly legal review. It adds weeks.'],
      ['Dana Reyes', 'What does a slipped quarter cost you?'],
    ]);
    // Each turn lasts until the next starts; the last one its words at 173 words a minute.
    expect(t.turns.map((x) => [x.startMs, x.endMs])).toEqual([
      [3000, 42000],
      [42000, 3_723_000],
      [3_723_000, 3_723_000 + Math.round((7 / 173) * 60_000)],
    ]);
    expect(t.turns[0]?.line).toBe(3);
    expect(t.notes.join(' ')).toMatch(/1 line before the first speaker/);
  });
});

describe('"Name: words" lines and REP:/BUYER: lines', () => {
  it('reads names, continuation lines, and three speakers', () => {
    const t = readTranscript(
      [
        'Dana: Thanks for joining, both of you.',
        'Sam: Happy to.',
        'Priya: Same here. I run procurement,',
        'so I will mostly listen.',
        'Dana: What would make this a good use of your hour?',
      ].join('\n'),
      'notes.txt',
    );
    expect(t.format).toBe('names');
    expect(t.timed).toBe(false);
    expect(t.speakers.map((s) => s.seconds)).toEqual([undefined, undefined, undefined]);
    expect(said(t)).toEqual([
      ['Dana', 'Thanks for joining, both of you.'],
      ['Sam', 'Happy to.'],
      ['Priya', 'Same here. I run procurement, so I will mostly listen.'],
      ['Dana', 'What would make this a good use of your hour?'],
    ]);
    expect(t.turns.map((x) => x.line)).toEqual([1, 2, 3, 5]);
  });

  it('skips a title or date above the first named line, and says so', () => {
    const t = readTranscript('Discovery call, 3 March\n\nDana: Hello.\nSam: Hi.', 'notes.txt');
    expect(t.format).toBe('names');
    expect(t.turns.map((x) => x.line)).toEqual([3, 4]);
    expect(t.notes).toContain('The line before the first speaker (a title or date) was skipped.');
  });

  it('refuses REP:/BUYER: lines under a title, as score always has', () => {
    expect(() => readTranscript('Meeting notes\nREP: Hello.\nBUYER: Hi.', 'typed.txt')).toThrow(
      'typed.txt:1: expected a line starting with "REP:" or "BUYER:"',
    );
  });

  it('splits a turn that runs past 40,000 characters where a line starts, and says so', () => {
    const long = ('word '.repeat(797) + 'end.').slice(0, 3990);
    const text = ['Sam: Go ahead.', ...Array.from({ length: 11 }, () => `Dana: ${long}`)].join(
      '\n',
    );
    const t = readTranscript(text, 'webinar.txt');
    expect(t.turns.map((x) => [x.speaker, x.line])).toEqual([
      ['Sam', 1],
      ['Dana', 2],
      ['Dana', 12],
    ]);
    expect(t.turns.every((x) => x.text.length <= 40_000)).toBe(true);
    expect(t.notes.join(' ')).toMatch(/split where a cue starts \(line 12\)/);
  });

  it('reads the existing REP:/BUYER: form as its own format', () => {
    const t = readTranscript(
      'REP: Where do deals get stuck?\nBUYER: Legal.\nMostly legal.',
      'typed.txt',
    );
    expect(t.format).toBe('rep-buyer');
    expect(said(t)).toEqual([
      ['Rep', 'Where do deals get stuck?'],
      ['Buyer', 'Legal. Mostly legal.'],
    ]);
  });

  it('reads a forced format even when another would be detected', () => {
    const text = 'REP: Hello there.\nBUYER: Hi.';
    expect(readTranscript(text, 'a.txt', { format: 'names' }).speakers.map((s) => s.name)).toEqual([
      'REP',
      'BUYER',
    ]);
    expect(() => readTranscript(text, 'a.txt', { format: 'vtt' })).toThrow(
      /^a\.txt:1: read as vtt, the file has no cue with any words/,
    );
  });
});
