// A two-hour call (about 1,500 turns) is read and scored whole; how fast is
// printed by `npm run bench` (test/bench/transcripts.ts), never asserted here.
import { describe, expect, it } from 'vitest';
import { twoHourCall } from '../../../bench/transcripts';
import { readTranscript } from '../../../../src-main/core/transcripts/index';
import { scoreCall } from '../../../../src-main/core/scoring/transcript';
import { defaultClassifier } from '../../../../src-main/core/understanding/default';

describe('a two-hour call', () => {
  it('is read into 1,500 turns by three speakers and scored with measured timings', () => {
    const text = twoHourCall();
    const transcript = readTranscript(text, 'two-hours.vtt');
    expect(transcript.turns).toHaveLength(1500);
    expect(transcript.speakers.map((s) => s.name).sort()).toEqual([
      'Dana Reyes',
      'Priya Shah',
      'Sam Okafor',
    ]);
    const report = scoreCall(transcript, 'Dana Reyes', defaultClassifier());
    expect(report.metrics.repTurns).toBe(750);
    expect(report.moments).toHaveLength(750);
    expect(report.metrics.timings).toBe('measured');
    expect(report.metrics.meetingSeconds).toBeGreaterThan(100 * 60);
    expect(report.delivery?.spokenTurns).toBe(750);
    // Every rep turn after a buyer has a measured pause before it.
    expect(report.delivery?.turns.filter((t) => t.patienceSeconds !== null)).toHaveLength(749);
  });
});
