// Exports a rep takes elsewhere: the history as CSV that a spreadsheet opens
// with one row per session and never runs as a formula, and a session as JSON
// that reads back as the record.
import { describe, expect, it } from 'vitest';
import type { HistoryRow } from '../../../src-main/contract/api';
import { csvCell } from '../../../src-main/core/text/csv';
import { historyCsv, sessionJson } from '../../../src-main/host/export';
import { playedRecord } from '../services/storage/fixtures/records';

const row: HistoryRow = {
  id: '20260101-120000-ab12cd34',
  startedAt: '2026-01-01T12:00:00.000Z',
  scenarioId: 'light-stack-leader',
  scenarioTitle: 'The light-stack sales leader',
  difficulty: 'normal',
  mode: 'coach',
  reps: ['Ana'],
  turns: 6,
  outcome: 'advanced',
  valueCreation: 80,
  pitching: 10,
  overall: 75,
};

/** Splits CSV text the way a spreadsheet does (quotes, doubled quotes, CRLF rows). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      cells.push(cell);
      rows.push(cells);
      cells = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || cells.length > 0) rows.push([...cells, cell]);
  return rows;
}

describe('csvCell', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(csvCell('The light-stack sales leader')).toBe('The light-stack sales leader');
    expect(csvCell(75)).toBe('75');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(0.5)).toBe('0.5');
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe(
      '"\'=HYPERLINK(""http://evil.example"",""click"")"',
    );
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
  });

  it('quotes commas, quotes and line breaks so a cell stays one cell', () => {
    expect(csvCell('Hale, Marcus')).toBe('"Hale, Marcus"');
    expect(csvCell('the "real" buyer')).toBe('"the ""real"" buyer"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });
});

describe('historyCsv', () => {
  it('has a header and one row per session, dated by the export day', () => {
    const rows = [row, { ...row, id: '20260102-120000-ffffffff', mode: 'exam' as const }];
    const file = historyCsv(rows, new Date('2026-03-04T10:00:00Z'));
    expect(file.fileName).toBe('first-meeting-history-2026-03-04.csv');
    expect(file.mimeType).toBe('text/csv');
    expect(file.content.endsWith('\r\n')).toBe(true);
    expect(parseCsv(file.content)).toEqual([
      [
        'date',
        'scenario',
        'difficulty',
        'mode',
        'reps',
        'turns',
        'outcome',
        'value_creation',
        'pitching',
        'overall',
        'id',
      ],
      [
        '2026-01-01T12:00:00.000Z',
        'The light-stack sales leader',
        'normal',
        'coach',
        'Ana',
        '6',
        'advanced',
        '80',
        '10',
        '75',
        '20260101-120000-ab12cd34',
      ],
      [
        '2026-01-01T12:00:00.000Z',
        'The light-stack sales leader',
        'normal',
        'exam',
        'Ana',
        '6',
        'advanced',
        '80',
        '10',
        '75',
        '20260102-120000-ffffffff',
      ],
    ]);
  });

  it('an empty history is just the header', () => {
    expect(parseCsv(historyCsv([], new Date('2026-03-04T10:00:00Z')).content)).toHaveLength(1);
  });

  it('a hostile scenario title or rep name cannot become a formula or break the columns', () => {
    const hostile = {
      ...row,
      scenarioTitle: '=cmd|\' /C calc\'!A0, "and more"',
      reps: ['@Ana', '-Bo'],
    };
    const [, cells] = parseCsv(historyCsv([hostile], new Date()).content);
    expect(cells).toHaveLength(11);
    expect(cells?.[1]).toBe("'=cmd|' /C calc'!A0, \"and more\"");
    expect(cells?.[4]).toBe("'@Ana; -Bo");
    for (const cell of cells ?? []) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('sessionJson', () => {
  it('reads back as the record, under a name that says what and when', () => {
    const record = playedRecord();
    const file = sessionJson(record);
    expect(file.mimeType).toBe('application/json');
    expect(file.fileName).toBe(`first-meeting-light-stack-leader-2026-01-01-${record.id}.json`);
    expect(JSON.parse(file.content)).toEqual(record);
  });
});
