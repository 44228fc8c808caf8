// Past sessions as main lists them, the page of the table on show, and the
// actions on them (open, export, delete with undo). The list can hold tens of
// thousands of rows, so main sends one page at a time, and the progress chart
// asks for one scenario's recent scores.
import { getApi } from '../bridge';
import type { HistoryPage, ProgressSeries } from '../../../src-main/contract/api';
import { downloadFile } from '../lib/download';
import { errorMessage } from '../lib/errors';
import type { PlacedError, Slice } from './types';

export const HISTORY_PAGE_SIZE = 50;

export interface HistorySlice {
  /** The page on show; null until first loaded. */
  readonly history: HistoryPage | null;
  readonly historyLoading: boolean;
  readonly historyError: string | null;
  /** 0-based page of the sessions table. */
  readonly historyPage: number;
  /** A row action (or the CSV export, where = "csv") that failed. */
  readonly historyActionError: PlacedError | null;
  readonly progressScenarioId: string | null;
  readonly progress: ProgressSeries | null;
  loadHistory(): Promise<void>;
  setHistoryPage(page: number): void;
  deleteSession(sessionId: string): Promise<boolean>;
  undoDelete(sessionId: string): Promise<void>;
  exportSession(sessionId: string): Promise<void>;
  exportCsv(): Promise<void>;
  setProgressScenario(scenarioId: string): Promise<void>;
}

function lastPage(count: number): number {
  return Math.max(0, Math.ceil(count / HISTORY_PAGE_SIZE) - 1);
}

export const historySlice: Slice<HistorySlice> = (set, get) => ({
  history: null,
  historyLoading: false,
  historyError: null,
  historyPage: 0,
  historyActionError: null,
  progressScenarioId: null,
  progress: null,

  loadHistory: async () => {
    set({ historyLoading: true, historyError: null });
    try {
      const api = getApi();
      let page = get().historyPage;
      let history = await api.call('history.list', {
        offset: page * HISTORY_PAGE_SIZE,
        limit: HISTORY_PAGE_SIZE,
      });
      // The list shrank under us (a delete): show its last page instead of an empty one.
      if (history.rows.length === 0 && history.total > 0) {
        page = lastPage(history.total);
        history = await api.call('history.list', {
          offset: page * HISTORY_PAGE_SIZE,
          limit: HISTORY_PAGE_SIZE,
        });
      }
      set({ history, historyLoading: false, historyPage: page });
      const chosen = get().progressScenarioId;
      const scenarioId =
        chosen && history.scenarios.some((s) => s.id === chosen)
          ? chosen
          : history.scenarios[0]?.id;
      if (scenarioId) await get().setProgressScenario(scenarioId);
      else set({ progress: null, progressScenarioId: null });
    } catch (error) {
      set({ historyLoading: false, historyError: errorMessage(error) });
    }
  },

  setHistoryPage: (page) => {
    set((s) => ({
      historyPage: Math.max(0, Math.min(page, lastPage(s.history?.total ?? 0))),
    }));
    void get().loadHistory();
  },

  deleteSession: async (sessionId) => {
    set({ historyActionError: null });
    try {
      await getApi().call('history.delete', { sessionId });
    } catch (error) {
      set({ historyActionError: { where: sessionId, message: errorMessage(error) } });
      return false;
    }
    // Main has deleted it: drop the row now, then take main's list as the truth.
    set((s) => ({
      history: s.history && {
        ...s.history,
        rows: s.history.rows.filter((r) => r.id !== sessionId),
        total: s.history.total - 1,
      },
    }));
    get().pushToast({
      message: 'Session deleted',
      tone: 'info',
      action: { label: 'Undo', run: () => get().undoDelete(sessionId) },
    });
    void get().loadHistory();
    return true;
  },

  undoDelete: async (sessionId) => {
    try {
      await getApi().call('history.undoDelete', { sessionId });
      get().pushToast({ message: 'Session restored', tone: 'info' });
    } catch (error) {
      get().pushToast({ message: `Could not undo: ${errorMessage(error)}`, tone: 'error' });
    }
    await get().loadHistory();
  },

  exportSession: async (sessionId) => {
    set({ historyActionError: null });
    try {
      downloadFile(await getApi().call('history.exportSession', { sessionId }));
    } catch (error) {
      set({ historyActionError: { where: sessionId, message: errorMessage(error) } });
    }
  },

  exportCsv: async () => {
    set({ historyActionError: null });
    try {
      downloadFile(await getApi().call('history.exportCsv'));
    } catch (error) {
      set({ historyActionError: { where: 'csv', message: errorMessage(error) } });
    }
  },

  setProgressScenario: async (scenarioId) => {
    set({ progressScenarioId: scenarioId });
    try {
      const progress = await getApi().call('history.progress', { scenarioId });
      // Keep only the answer for the scenario still chosen.
      if (get().progressScenarioId === scenarioId) set({ progress });
    } catch (error) {
      set({ historyError: errorMessage(error) });
    }
  },
});
