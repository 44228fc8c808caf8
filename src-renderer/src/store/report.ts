// The report on screen: a finished session's record, fetched from history or
// handed over by session.end / recovery.score, and the replay it can start.
import { getApi } from '../bridge';
import type { SessionRecord } from '../../../src-main/contract/api';
import { errorMessage } from '../lib/errors';
import type { PlacedError, Slice } from './types';

export interface ReportSlice {
  readonly record: SessionRecord | null;
  readonly reportLoading: boolean;
  readonly reportError: string | null;
  /** A Replay from turn N that failed; `where` is the turn number. */
  readonly replayError: PlacedError | null;
  readonly replaying: number | null;
  /** Where the report on show came from: a meeting just held (or scored), History, or a team board (a rep's report). */
  readonly reportFrom: 'practise' | 'history' | 'team';
  /** Show a record main just returned. */
  showRecord(record: SessionRecord, from?: 'practise' | 'team'): void;
  /** Open a stored session's report. */
  openReport(sessionId: string): Promise<void>;
  replayFrom(fromTurn: number): Promise<void>;
}

export const reportSlice: Slice<ReportSlice> = (set, get) => ({
  record: null,
  reportLoading: false,
  reportError: null,
  replayError: null,
  replaying: null,
  reportFrom: 'practise',

  showRecord: (record, from = 'practise') => {
    set({
      record,
      reportSessionId: record.id,
      reportError: null,
      replayError: null,
      reportFrom: from,
    });
    get().navigate('report');
  },

  openReport: async (sessionId) => {
    set({
      reportSessionId: sessionId,
      reportLoading: true,
      reportError: null,
      replayError: null,
      reportFrom: 'history',
    });
    get().navigate('report');
    try {
      const record = await getApi().call('history.get', { sessionId });
      // Only if the user has not opened another report meanwhile.
      if (get().reportSessionId === sessionId) set({ record, reportLoading: false });
    } catch (error) {
      if (get().reportSessionId === sessionId)
        set({ reportLoading: false, reportError: errorMessage(error) });
    }
  },

  replayFrom: async (fromTurn) => {
    const record = get().record;
    if (!record) return;
    set({ replaying: fromTurn, replayError: null });
    try {
      const view = await getApi().call('session.replay', { sessionId: record.id, fromTurn });
      set({ replaying: null });
      await get().openMeeting(view);
    } catch (error) {
      set({
        replaying: null,
        replayError: { where: String(fromTurn), message: errorMessage(error) },
      });
    }
  },
});
