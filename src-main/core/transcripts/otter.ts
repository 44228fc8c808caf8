// Otter-style text exports: a header line with the speaker and when they
// started (`Jane Doe  0:42`, `Jane Doe  1:02:03`; two or more spaces or a tab
// between), then their words, turns separated by blank lines. The file says
// only when each turn starts, so a turn is taken to last until the next one
// starts (the last one: its words at a normal speaking pace).
import { THRESHOLDS } from '../scoring/thresholds';
import { wordCount } from '../text/normalize';
import { checkLineLengths, linesOf, looksLikeName, parseTime } from './text';
import type { Cue, TranscriptReader } from './types';

const HEADER = /^\s*(\S.*?)(?:\s{2,}|\t+)((?:\d{1,2}:)?\d{1,2}:\d{2})\s*$/;

/** `Name  0:42` as { name, startMs }, or null. */
export function otterHeader(line: string): { name: string; startMs: number } | null {
  const m = HEADER.exec(line);
  if (!m) return null;
  const name = (m[1] as string).trim();
  const startMs = parseTime(m[2] as string);
  if (startMs === null || !looksLikeName(name)) return null;
  return { name, startMs };
}

export const otterReader: TranscriptReader = {
  format: 'otter',
  sniff(text) {
    const lines = linesOf(text);
    let headers = 0;
    for (let i = 0; i < lines.length && headers < 2; i++) {
      if (otterHeader(lines[i] as string) && (lines[i + 1] ?? '').trim() !== '') headers++;
    }
    return headers >= 2;
  },
  read(text, fileName) {
    const lines = linesOf(text);
    checkLineLengths(lines, fileName);
    const notes: string[] = [];
    const turns: { speaker: string; startMs: number; text: string[]; line: number }[] = [];
    let before = 0;
    lines.forEach((raw, i) => {
      if (raw.trim() === '') return;
      const header = otterHeader(raw);
      if (header) {
        turns.push({ speaker: header.name, startMs: header.startMs, text: [], line: i + 1 });
        return;
      }
      const last = turns[turns.length - 1];
      if (last) last.text.push(raw.trim());
      else before++;
    });
    if (before > 0)
      notes.push(
        `${before} line${before === 1 ? '' : 's'} before the first speaker (a title or date) ${before === 1 ? 'was' : 'were'} skipped.`,
      );
    const cues: Cue[] = [];
    // When the next turn with words starts, for each turn (read backwards once).
    let upcoming: { startMs: number; line: number } | undefined;
    const nextOf: ({ startMs: number; line: number } | undefined)[] = [];
    for (let k = turns.length - 1; k >= 0; k--) {
      const turn = turns[k] as (typeof turns)[number];
      nextOf[k] = upcoming;
      if (turn.text.length > 0) upcoming = turn;
    }
    turns.forEach((turn, k) => {
      const text = turn.text.join(' ');
      if (text === '') return;
      const next = nextOf[k];
      const paced = Math.round((wordCount(text) / THRESHOLDS.wordsPerMinute.value) * 60_000);
      let endMs = next ? next.startMs : turn.startMs + paced;
      if (endMs < turn.startMs) {
        notes.push(
          `line ${next?.line ?? turn.line}: this turn starts before the one above it; times out of order are read as they are.`,
        );
        endMs = turn.startMs;
      }
      cues.push({ speaker: turn.speaker, text, startMs: turn.startMs, endMs, line: turn.line });
    });
    notes.push(
      'This format gives only when each turn starts: a turn is taken to last until the next one starts, so pauses count as speaking time, and the pause before the rep answers cannot be measured.',
    );
    return { cues, timing: 'starts', notes };
  },
};
