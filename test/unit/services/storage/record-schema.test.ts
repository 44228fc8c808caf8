// A stored session's report keeps its delivery section (spoken replies) when it
// is read back: the schema must know it, or zod would quietly strip it. Older
// sessions without one still read, and a damaged one is refused.
import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../../src-main/contract/api';
import { withDelivery } from '../../../../src-main/core/scoring/report';
import { sessionRecordSchema } from '../../../../src-main/services/storage/record-schema';
import { SessionStore } from '../../../../src-main/services/storage/session-store';
import { freshFolders } from '../../support/folders';
import { playedRecord } from './fixtures/records';

const freshFolder = freshFolders('record-schema');

/** The played meeting as if its first two replies had been spoken, the second after an objection. */
function spokenRecord(): SessionRecord {
  const record = playedRecord();
  const [first, second, third] = record.turns;
  if (!first || !second || !third) throw new Error('test setup: expected three turns');
  const report = withDelivery(record.report, [
    {
      turn: 1,
      text: first.rep,
      timing: { startMs: 4_000, endMs: 12_000, patienceMs: 900, engine: 'whisper' },
      buyerBefore: record.opening,
    },
    {
      turn: 2,
      text: `Um, ${second.rep}`,
      timing: { startMs: 30_000, endMs: 41_500, patienceMs: null, engine: 'whisper' },
      buyerBefore: 'We already use a tool for that.',
    },
    { turn: 3, text: third.rep },
  ]);
  return { ...record, id: '20260101-120000-dddddddd', report };
}

/** Through JSON and the schema, as a stored file is read. */
function readBack(record: SessionRecord): unknown {
  return sessionRecordSchema.parse(JSON.parse(JSON.stringify(record)));
}

describe('the delivery section of a stored report', () => {
  it('survives the schema unchanged', () => {
    const record = spokenRecord();
    expect(record.report.delivery?.spokenTurns).toBe(2);
    expect(readBack(record)).toEqual(record);
  });

  it('survives saving and opening again', () => {
    const dataDir = freshFolder();
    const record = spokenRecord();
    SessionStore.open(dataDir).save(record);
    const reopened = SessionStore.open(dataDir).get(record.id);
    expect(reopened.report.delivery).toEqual(record.report.delivery);
  });

  it('is optional: a session stored before speech reads as before', () => {
    const record = playedRecord();
    expect('delivery' in record.report).toBe(false);
    const read = readBack(record) as SessionRecord;
    expect(read).toEqual(record);
    expect('delivery' in read.report).toBe(false);
  });

  it('a damaged delivery section is refused, not shown', () => {
    const record = spokenRecord();
    const delivery = record.report.delivery;
    if (!delivery) throw new Error('test setup: expected a delivery section');
    const damaged = {
      ...record,
      report: {
        ...record.report,
        delivery: { ...delivery, metrics: [{ ...delivery.metrics[0], met: 'yes' }] },
      },
    };
    expect(sessionRecordSchema.safeParse(JSON.parse(JSON.stringify(damaged))).success).toBe(false);
  });
});
