// Choosing the rep: the preview lists everyone with how much they spoke, the
// likely rep is suggested with reasons, and the name the user gives is found.
import { describe, expect, it } from 'vitest';
import {
  findSpeaker,
  previewTranscript,
  readTranscript,
  suggestRep,
} from '../../../../src-main/core/transcripts/index';

const committee = [
  'Sam Okafor: Thanks for coming in. We have about half an hour.',
  'Dana Reyes: Thanks, Sam. Before I say anything about us, what made you take this meeting?',
  'Sam Okafor: Our reps miss the forecast most quarters.',
  'Priya Shah: And procurement gets dragged in late every time.',
  'Dana Reyes: When the forecast misses, what does that do to your plan? And who feels it first?',
  'Sam Okafor: Finance, mostly. They stop trusting our numbers.',
  'Dana Reyes: Would a short demo of how your team could catch that earlier be useful next week?',
].join('\n');

describe('speakers', () => {
  it('lists each speaker in order with words, turns and questions', () => {
    const t = readTranscript(committee, 'committee.txt');
    expect(t.speakers.map((s) => [s.name, s.turns, s.questions])).toEqual([
      ['Sam Okafor', 3, 0],
      ['Dana Reyes', 3, 4],
      ['Priya Shah', 1, 0],
    ]);
    expect(t.speakers[1]?.words).toBeGreaterThan(t.speakers[2]?.words ?? 0);
  });

  it('suggests the speaker who asks and talks about the buyer, with the reasons, even when the buyer spoke first', () => {
    const suggestion = suggestRep(readTranscript(committee, 'committee.txt'));
    expect(suggestion.name).toBe('Dana Reyes');
    expect(suggestion.confident).toBe(true);
    expect(suggestion.reasons[0]).toBe('asked 4 questions, the most of anyone');
    expect(suggestion.reasons.join(' ')).toMatch(/"you" or "your"/);
  });

  it('says when the suggestion is only a guess', () => {
    const t = readTranscript('Ana: Hello.\nBen: Hello.\nAna: Fine day.\nBen: It is.', 'flat.txt');
    const suggestion = suggestRep(t);
    expect(suggestion.confident).toBe(false);
    expect(suggestion.reasons).toEqual(['nobody stood out: this is only a guess']);
  });

  it('names the rep outright for REP:/BUYER: lines', () => {
    const t = readTranscript('BUYER: What do you want?\nREP: To learn how you plan.', 'typed.txt');
    expect(suggestRep(t)).toMatchObject({ name: 'Rep', confident: true });
  });

  it('finds the rep by full name in any case, or by a first name only one speaker has', () => {
    const t = readTranscript(committee, 'committee.txt');
    expect(findSpeaker(t, 'dana reyes')).toBe('Dana Reyes');
    expect(findSpeaker(t, '  Priya  ')).toBe('Priya Shah');
    expect(findSpeaker(t, 'Okafor')).toBe('Sam Okafor');
    expect(() => findSpeaker(t, 'Dan')).toThrow(/no speaker called "Dan"/);
  });

  it('asks for the full name when a first name is shared', () => {
    const t = readTranscript('Sam Lee: Hi.\nSam Ode: Hello.\nSam Lee: Shall we?', 'two-sams.txt');
    expect(() => findSpeaker(t, 'sam')).toThrow(
      'two-sams.txt: "sam" could be "Sam Lee" or "Sam Ode"; give the full name.',
    );
  });

  it('previews who spoke how much: by speaking time when timed, by words otherwise', () => {
    const timed = readTranscript(
      'WEBVTT\n\n00:00.000 --> 00:30.000\n<v Ana>What matters most this year?\n\n00:30.000 --> 00:40.000\n<v Ben>Growth, and fewer surprises in the forecast for the board.\n',
      'call.vtt',
    );
    const preview = previewTranscript(timed);
    expect(preview.speakers.map((s) => [s.name, s.seconds, s.share])).toEqual([
      ['Ana', 30, 0.75],
      ['Ben', 10, 0.25],
    ]);
    expect(preview.suggestion.name).toBe('Ana');
    const typed = previewTranscript(readTranscript('Ana: One two three.\nBen: One.', 'x.txt'));
    expect(typed.speakers.map((s) => s.share)).toEqual([0.75, 0.25]);
    expect(typed.timed).toBe(false);
  });
});
