// Exports a rep can take elsewhere: one session as JSON, the history as CSV.
// CSV cells that a spreadsheet would run as a formula are prefixed with a
// quote mark, so an exported scenario title can never execute anything.
import type { ExportFile, HistoryRow, SessionRecord } from '../contract/api';
import { csvCell } from '../core/text/csv';

export function sessionJson(record: SessionRecord): ExportFile {
  return {
    fileName: `first-meeting-${record.scenario.id}-${record.startedAt.slice(0, 10)}-${record.id}.json`,
    mimeType: 'application/json',
    content: `${JSON.stringify(record, null, 2)}\n`,
  };
}

const COLUMNS = [
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
] as const;

export function historyCsv(rows: readonly HistoryRow[], today: Date): ExportFile {
  const lines = [COLUMNS.join(',')];
  for (const row of rows) {
    lines.push(
      [
        row.startedAt,
        row.scenarioTitle,
        row.difficulty,
        row.mode,
        row.reps.join('; '),
        row.turns,
        row.outcome,
        row.valueCreation,
        row.pitching,
        row.overall,
        row.id,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return {
    fileName: `first-meeting-history-${today.toISOString().slice(0, 10)}.csv`,
    mimeType: 'text/csv',
    content: `${lines.join('\r\n')}\r\n`,
  };
}
